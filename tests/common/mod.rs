//! Helpers shared by the integration tests. Each test binary uses a subset.
#![allow(dead_code)]

use article_atlas::app::{Action, Article, AtlasApp, Settings};
use article_atlas::map::TileLayer;
use article_atlas::map::tiles::TileServer;
use egui::vec2;
use egui_kittest::Harness;

/// The app driven headlessly; it is built in the first frame because it
/// needs the harness's egui context.
pub type App = Harness<'static, Option<AtlasApp>>;

/// The app on `article()` with `settings` in a 1400×900 window; `setup` runs
/// once on the new app.
pub fn app_with(
    article: impl Fn() -> Article + 'static,
    settings: Settings,
    setup: impl Fn(&mut AtlasApp) + 'static,
) -> App {
    Harness::builder().with_size(vec2(1400.0, 900.0)).build_ui_state(
        move |ui, app: &mut Option<AtlasApp>| {
            app.get_or_insert_with(|| {
                let mut app = AtlasApp::new(ui.ctx(), article(), settings);
                setup(&mut app);
                app
            })
            .show(ui);
        },
        None,
    )
}

/// The app on the bundled article with default settings.
pub fn app() -> App {
    app_with(Article::bundled, Settings::default(), |_| {})
}

/// The app on the bundled article with basemap `layer`, its online layer
/// pointed at `server` (a local test server) when given.
pub fn app_with_tiles(layer: TileLayer, server: Option<TileServer>) -> App {
    let settings = Settings {
        layer,
        ..Settings::default()
    };
    app_with(Article::bundled, settings, move |app| {
        app.map_mut().set_tile_server(server.clone())
    })
}

/// The app inside the harness.
pub fn atlas(harness: &App) -> &AtlasApp {
    harness.state().as_ref().expect("built in the first frame")
}

/// Do `action` in the app, then let it settle.
pub fn perform(harness: &mut App, action: Action) {
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .as_mut()
        .expect("built in the first frame")
        .perform(&ctx, action);
    harness.run();
}

/// `text` as UTF-16 with a byte order mark: little-endian, then big-endian.
pub fn utf16_with_bom(text: &str) -> [(&'static str, Vec<u8>); 2] {
    let encode = |bom: [u8; 2], unit: fn(u16) -> [u8; 2]| -> Vec<u8> {
        bom.into_iter().chain(text.encode_utf16().flat_map(unit)).collect()
    };
    [
        ("le.txt", encode([0xFF, 0xFE], u16::to_le_bytes)),
        ("be.txt", encode([0xFE, 0xFF], u16::to_be_bytes)),
    ]
}
