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

/// What the command line asks the app to open first.
#[derive(Debug, PartialEq, Eq)]
enum Start {
    /// Nothing named: the bundled article.
    Bundled,
    /// One article or single-article project, read before any window opens.
    Article(PathBuf),
    /// A saved collection: its articles are analysed once the window is up.
    CollectionProject(PathBuf),
    /// Several files, or folders: analysed once the window is up.
    Collection(Vec<PathBuf>),
}

impl Start {
    fn of(files: &[PathBuf]) -> Start {
        match files {
            [] => Start::Bundled,
            [one] if atlas::is_collection_project(one) => Start::CollectionProject(one.clone()),
            [one] if !one.is_dir() => Start::Article(one.clone()),
            _ => Start::Collection(files.to_vec()),
        }
    }
}

/// Open the app on `files`: one article (or project, or saved collection),
/// a collection (several files, or folders: analysed in the background once
/// the window is up), or with none the bundled article. A single file that
/// cannot be read is an error before any window opens.
pub fn run(files: Vec<PathBuf>) -> Result<(), String> {
    logging::install();
    let start = Start::of(&files);
    // A bad file is an error before any window opens; a project also brings
    // its selection, view and theme, applied once the app exists.
    let loaded = match &start {
        Start::Article(path) => Some(crate::article::load_path(path, &crate::analysis::Unwatched)?),
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
            match start {
                Start::Collection(files) => app.perform(&cc.egui_ctx, Action::OpenMany(files)),
                Start::CollectionProject(path) => app.perform(&cc.egui_ctx, Action::OpenPath(path)),
                Start::Bundled | Start::Article(_) => {}
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_collection_on_the_command_line_opens_as_a_collection() {
        let dir = tempfile::tempdir().expect("a folder");
        let project = dir.path().join("week.atlas.json");
        std::fs::write(
            &project,
            br#"{"version":1,"kind":"collection","name":"Week","articles":[]}"#,
        )
        .expect("written");
        let article = dir.path().join("story.txt");
        std::fs::write(&article, "Floods in Valencia.").expect("written");
        assert_eq!(Start::of(&[]), Start::Bundled);
        assert_eq!(
            Start::of(std::slice::from_ref(&project)),
            Start::CollectionProject(project.clone())
        );
        assert_eq!(
            Start::of(std::slice::from_ref(&article)),
            Start::Article(article.clone())
        );
        let folder = dir.path().to_path_buf();
        assert_eq!(
            Start::of(std::slice::from_ref(&folder)),
            Start::Collection(vec![folder.clone()])
        );
        assert_eq!(
            Start::of(&[article.clone(), project.clone()]),
            Start::Collection(vec![article, project])
        );
    }
}
