//! The desktop app (eframe): a world map of the places an article mentions,
//! the lists of those places, the passages about the selected one, and the
//! article text.
//!
//! [`AppState`] holds what is shown and chosen; each panel is a module with a
//! `ui` function over it; [`AtlasApp`] lays the panels out and owns the
//! [`MapView`](crate::map::MapView). [`AtlasApp::show`] draws a whole frame
//! into a [`egui::Ui`], so tests and benchmarks drive the app without eframe.

mod article;
mod atlas;
mod background;
mod corrections;
mod export;
mod highlight;
mod menu;
mod open;
mod passages;
mod place_list;
mod presentation;
mod recent;
mod shortcuts;
mod state;
mod status;
mod text_view;
mod toolbar;

use std::path::PathBuf;

pub use article::Article;
pub use atlas::AtlasApp;
pub use corrections::Question;
pub use export::{PictureAction, PictureState};
pub use open::{PASTED_NAME, SYNC_LIMIT};
pub use passages::EMPTY_HINT;
pub use recent::{MAX_RECENT, RecentFiles};
pub use state::{AppState, ListState, Settings, SortKey};

/// The id of the app: its window class and the name of its settings folder.
pub const APP_ID: &str = "article-atlas";

/// Something a panel or a key asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Ask for a file and open it.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Frame every mentioned place.
    FitAll,
    /// Zoom in (positive) or out by this many levels.
    Zoom(f64),
    /// Move the map by this screen offset.
    Pan(egui::Vec2),
    /// Switch to the dark (`true`) or light theme.
    SetDark(bool),
    /// Select nothing.
    ClearSelection,
    /// Ask for a project file and open it.
    OpenProject,
    /// Open the clipboard's text as a new article.
    NewFromClipboard,
    /// Open this (pasted) text as a new article.
    OpenText(String),
    /// Open these bytes (a dropped file) under this name.
    OpenBytes(Vec<u8>, String),
    /// Save the project to its file, or ask where.
    SaveProject,
    /// Ask where to save the project, and save it.
    SaveProjectAs,
    /// Save the project to this file.
    SaveProjectTo(PathBuf),
    /// Forget the recent files.
    ClearRecent,
    /// Add a correction of the detector.
    Correct(crate::analysis::Override),
    /// Remove the correction at this position (`usize::MAX`: the last).
    UndoCorrection(usize),
    /// Ask which place some words refer to (opens the place picker).
    AskPlace(Question),
    /// Show or hide the Corrections window.
    ToggleCorrections,
    /// Pictures, presentation mode and data export (see `export.rs`).
    Picture(PictureAction),
}

/// Open the app on `file`, or on the bundled article. A file that cannot be
/// read is an error before any window opens.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    // A bad file is an error before any window opens; a project also brings
    // its selection, view and theme, applied once the app exists.
    let loaded = file.map(|path| open::load_path(&path, None)).transpose()?;
    let bundled = Article::bundled();
    let title = atlas::window_title(loaded.as_ref().map_or(&bundled, |l| &l.article));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id(APP_ID)
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([720.0, 480.0]),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(|cc| {
            let mut app = AtlasApp::from_creation(cc, bundled);
            if let Some(loaded) = loaded {
                app.show_loaded(&cc.egui_ctx, loaded);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
