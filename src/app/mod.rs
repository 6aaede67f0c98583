//! The desktop app (eframe): a world map of the places an article mentions,
//! the lists of those places, the passages about the selected one, and the
//! article text.
//!
//! - [`state`]: what is shown and chosen, as plain data ([`AppState`]).
//! - [`action`]: everything the user can ask for ([`Action`]) and the keymap.
//! - [`panels`]: each panel draws from the state and returns actions.
//! - [`workbench`]: file dialogs, recent files, the unsaved-work question,
//!   background analysis ([`jobs`]) and the offscreen renderer.
//! - [`AtlasApp`] (`atlas.rs`): the frame loop and the one `match` that
//!   carries out every action. [`AtlasApp::show`] draws a whole frame into
//!   an [`egui::Ui`], so tests and benchmarks drive the app without eframe.
//!
//! Opening and analysing is [`crate::article::load`], shared with the command line.

pub mod action;
mod atlas;
pub mod collection;
pub mod file_dialog;
pub mod jobs;
pub mod logging;
pub mod panels;
mod recent;
pub mod state;
pub mod workbench;

use std::path::PathBuf;

pub use action::{Action, UnsavedAnswer};
pub use atlas::{AtlasApp, SYNC_LIMIT};
pub use panels::corrections::Question;
pub use panels::passages::EMPTY_HINT;
pub use recent::{MAX_RECENT, RecentFiles};
pub use state::{AppState, PictureState, Settings};

pub use crate::article::Article;
pub use crate::article::load::PASTED_NAME;

/// The id of the app: its window class and the name of its settings folder.
pub const APP_ID: &str = "article-atlas";

/// Open the app on `files`: one article (or project), a collection (several
/// files, or folders: analysed in the background once the window is up),
/// or with none the bundled article. A single file that cannot be read is
/// an error before any window opens.
pub fn run(files: Vec<PathBuf>) -> Result<(), String> {
    logging::install();
    let collection = match files.as_slice() {
        [one] if !one.is_dir() => None,
        [] => None,
        _ => Some(files.clone()),
    };
    // A bad file is an error before any window opens; a project also brings
    // its selection, view and theme, applied once the app exists.
    let loaded = match (&collection, files.first()) {
        (None, Some(path)) => Some(crate::article::load_path(path, &crate::analysis::Unwatched)?),
        _ => None,
    };
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
            if let Some(files) = collection {
                app.perform(&cc.egui_ctx, Action::OpenMany(files));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}
