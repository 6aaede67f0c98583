//! Pictures and data out of the app: "Export PNG" (1×, 2×, 4×), "Copy
//! image", the title / legend / attribution overlays and the picture theme,
//! and saving the analysis as JSON, CSV or GeoJSON.
//!
//! The picture is the map panel only (no panels, no pointer), drawn by
//! [`crate::render::render_picture`] with the map's current view: the same
//! drawing code as the panel and as `article-atlas render`.

use egui::{Context, Key, KeyboardShortcut, Modifiers, Ui};

use super::Action;
use super::state::AppState;
use crate::export::{self as data, Format};
use crate::map::{MapOptions, MapTheme, MapView, TileLayer, default_title};
use crate::render::{Offscreen, Picture, png_bytes, render_picture};

/// Something the picture menu, its buttons or its keys ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum PictureAction {
    /// Save the map as PNG at this many pixels per point (1, 2 or 4).
    ExportPng(u32),
    /// Put the map picture (1×) on the clipboard.
    CopyImage,
    /// Save the analysis in this format.
    ExportData(Format),
    /// Enter (`true`) or leave presentation mode.
    Presentation(bool),
    /// Draw the map with this theme.
    SetTheme(MapTheme),
}

/// The picture's settings in the app.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PictureState {
    /// Hide the title (shown by default).
    pub hide_title: bool,
    /// The title typed by the user, and the article it was typed for;
    /// otherwise the article's own title (see [`article_title`]).
    pub custom_title: Option<(String, String)>,
    /// Presentation mode: panels hidden, the map full screen.
    pub presentation: bool,
}

/// The article's default picture title: its own title, else its first
/// line, else its name.
pub fn article_title(state: &AppState) -> String {
    let article = &state.article;
    article
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| default_title(&article.analysis.document.text, &article.name))
}

/// The title shown now: the user's, if typed for this article, else the default.
pub fn current_title(state: &AppState) -> String {
    match &state.picture.custom_title {
        Some((name, title)) if *name == state.article.name => title.clone(),
        _ => article_title(state),
    }
}

/// Bring the map options up to date with the picture settings (each frame,
/// before the map is drawn).
pub fn prepare(state: &mut AppState) {
    state.map_options.title = (!state.picture.hide_title).then(|| current_title(state));
}

/// Keys: F11 toggles presentation mode, Esc leaves it (and is then used up),
/// Ctrl+E exports a PNG. Call before the other shortcuts.
pub fn keys(ctx: &Context, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    ctx.input_mut(|i| {
        if i.consume_key(Modifiers::NONE, Key::F11) {
            actions.push(Action::Picture(PictureAction::Presentation(
                !state.picture.presentation,
            )));
        }
        if state.picture.presentation && i.consume_key(Modifiers::NONE, Key::Escape) {
            actions.push(Action::Picture(PictureAction::Presentation(false)));
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::E)) {
            actions.push(Action::Picture(PictureAction::ExportPng(1)));
        }
    });
    actions
}

/// The toolbar's picture controls: "Export PNG", "Presentation" and the
/// "Picture" menu.
pub fn toolbar_ui(ui: &mut Ui, state: &mut AppState) -> Option<Action> {
    let mut action = None;
    if ui
        .button("Export PNG")
        .on_hover_text("Save the map as a picture (Ctrl+E)")
        .clicked()
    {
        action = Some(PictureAction::ExportPng(1));
    }
    if ui
        .button("Presentation")
        .on_hover_text("Show only the map, full screen (F11; Esc leaves)")
        .clicked()
    {
        action = Some(PictureAction::Presentation(true));
    }
    // Stays open while toggling the overlays; closed by a click outside or an export.
    let config =
        egui::containers::menu::MenuConfig::new().close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::MenuButton::new("Picture")
        .config(config)
        .ui(ui, |ui| {
            if let Some(a) = picture_menu(ui, state) {
                action = Some(a);
            }
        });
    action.map(Action::Picture)
}

/// The File menu's export items: "Export PNG…", "Copy image", "Export data".
pub fn file_menu(ui: &mut Ui, actions: &mut Vec<Action>) {
    ui.separator();
    if ui
        .add(egui::Button::new("Export PNG…").shortcut_text("Ctrl+E"))
        .on_hover_text("Save the map (without the panels) as a picture")
        .clicked()
    {
        actions.push(Action::Picture(PictureAction::ExportPng(1)));
    }
    if ui.button("Copy image").clicked() {
        actions.push(Action::Picture(PictureAction::CopyImage));
    }
    ui.menu_button("Export data", |ui| {
        for (format, label) in DATA_FORMATS {
            if ui.button(label).clicked() {
                actions.push(Action::Picture(PictureAction::ExportData(format)));
                ui.close();
            }
        }
    });
}

const DATA_FORMATS: [(Format, &str); 3] = [
    (Format::Json, "Export data as JSON…"),
    (Format::Csv, "Export data as CSV…"),
    (Format::Geojson, "Export data as GeoJSON…"),
];

/// The picture menu's contents: overlays, theme, exports.
pub fn picture_menu(ui: &mut Ui, state: &mut AppState) -> Option<PictureAction> {
    let mut action = None;
    let mut show_title = !state.picture.hide_title;
    if ui.checkbox(&mut show_title, "Title").changed() {
        state.picture.hide_title = !show_title;
    }
    let mut title = current_title(state);
    let changed = ui
        .horizontal(|ui| {
            let label = ui.label("Title text");
            ui.add_enabled(show_title, egui::TextEdit::singleline(&mut title).desired_width(260.0))
                .labelled_by(label.id)
                .changed()
        })
        .inner;
    if changed {
        state.picture.custom_title = Some((state.article.name.clone(), title));
    }
    ui.checkbox(&mut state.map_options.show_legend, "Legend");
    ui.checkbox(&mut state.map_options.show_attribution, "Attribution");
    ui.separator();
    let current = state.map_options.theme();
    for theme in MapTheme::ALL {
        let label = match theme {
            MapTheme::Light => "Light theme",
            MapTheme::Dark => "Dark theme",
            MapTheme::Print => "Print theme (white, dark borders)",
        };
        if ui.radio(current == theme, label).clicked() {
            action = Some(PictureAction::SetTheme(theme));
        }
    }
    ui.checkbox(&mut state.map_options.colorblind, "Colour-blind-safe scale (viridis)");
    ui.separator();
    for scale in [1, 2, 4] {
        if ui.button(format!("Export PNG {scale}×…")).clicked() {
            action = Some(PictureAction::ExportPng(scale));
        }
    }
    if ui.button("Copy image").clicked() {
        action = Some(PictureAction::CopyImage);
    }
    ui.separator();
    for (format, label) in DATA_FORMATS {
        if ui.button(label).clicked() {
            action = Some(PictureAction::ExportData(format));
        }
    }
    if action.is_some() {
        ui.close();
    }
    action
}

/// Carry out a picture action for the app's `state` and `map`.
pub fn apply(ctx: &Context, state: &mut AppState, map: &MapView, action: PictureAction) {
    let result = match action {
        PictureAction::ExportPng(scale) => export_png(state, map, scale),
        PictureAction::CopyImage => picture(state, map, 1).map(|image| ctx.copy_image(image)),
        PictureAction::ExportData(format) => export_data(state, format),
        PictureAction::Presentation(on) => {
            state.picture.presentation = on;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
            Ok(())
        }
        PictureAction::SetTheme(theme) => {
            if theme != MapTheme::Print {
                ctx.set_theme(if theme == MapTheme::Dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                });
            }
            state.map_options.set_theme(theme);
            Ok(())
        }
    };
    if let Err(message) = result {
        state.error = Some(message);
    }
}

/// The map panel's picture at `scale` pixels per point, with the current view.
pub fn picture(state: &AppState, map: &MapView, scale: u32) -> Result<egui::ColorImage, String> {
    let size = map
        .size()
        .filter(|s| s.x >= 1.0 && s.y >= 1.0)
        .unwrap_or(egui::vec2(1280.0, 800.0));
    // Online tiles arrive too late for a picture drawn at once: use the built-in basemap.
    let options = MapOptions {
        layer: TileLayer::BuiltIn,
        ..state.map_options.clone()
    };
    let picture = Picture {
        analysis: state.analysis(),
        options: &options,
        selected: state.selection,
        size,
        scale: scale as f32,
        view: Some(map.view()),
    };
    let mut offscreen = Offscreen::new().map_err(|e| e.to_string())?;
    render_picture(&mut offscreen, &picture).map_err(|e| format!("Could not draw the picture: {e}"))
}

/// A file name for `extension` from the article's name.
fn suggested_name(state: &AppState, extension: &str) -> String {
    let name = &state.article.name;
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem);
    let stem = stem.trim_end_matches(".atlas");
    format!("{stem}.{extension}")
}

fn export_png(state: &AppState, map: &MapView, scale: u32) -> Result<(), String> {
    let Some(path) = rfd::FileDialog::new()
        .set_title("Export the map as PNG")
        .set_file_name(suggested_name(state, "png"))
        .add_filter("PNG image", &["png"])
        .save_file()
    else {
        return Ok(());
    };
    let image = picture(state, map, scale)?;
    let bytes = png_bytes(&image).map_err(|e| format!("Could not encode the PNG: {e}"))?;
    data::write_atomically(&path, &bytes).map_err(|e| format!("Could not write {}: {e}", path.display()))
}

fn export_data(state: &AppState, format: Format) -> Result<(), String> {
    let extension = format.extension();
    let Some(path) = rfd::FileDialog::new()
        .set_title("Export the analysis")
        .set_file_name(suggested_name(state, extension))
        .add_filter(extension.to_uppercase(), &[extension])
        .save_file()
    else {
        return Ok(());
    };
    let mut bytes = Vec::new();
    let g = crate::analysis::Analyzer::builtin().gazetteer();
    data::write(format, state.analysis(), g, &mut bytes).map_err(|e| e.to_string())?;
    data::write_atomically(&path, &bytes).map_err(|e| format!("Could not write {}: {e}", path.display()))
}
