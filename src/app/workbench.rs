//! The app's desk: the background analysis, the file dialogs (the
//! desktop's, or the built-in one: [`super::file_dialog`]), the recent files,
//! and the "Save the corrections first?" question.
//!
//! Everything here turns into [`Action`]s for the app: a dropped file or a
//! paste, a file chosen in a dialog, an answer to the question. The
//! desktop's dialogs run on their own thread, so the window keeps drawing
//! while one is open.

use std::path::PathBuf;
use std::time::Duration;

use egui::{Context, Event, Modal, ViewportCommand};

use super::action::{Action, UnsavedAnswer};
use super::file_dialog::{self, BuiltInDialog, FileDialog};
use super::jobs::{Loader, Outcome};
use super::recent::RecentFiles;
use crate::article::load::display_name;
use crate::article::{Article, Loaded};
use crate::project::PROJECT_SUFFIX;

/// What a background job hands back.
pub enum Finished {
    /// A newly opened article or project.
    Opened(Box<Loaded>),
    /// The open article analysed again with other corrections.
    Corrected(Box<Article>),
    /// A newly opened collection, and the project it was saved in (if it was).
    Collection(
        Box<super::collection::CollectionView>,
        Option<Box<crate::project::collection::CollectionProject>>,
    ),
    /// The articles of the collection whose text holds a word (the word, and by position).
    WordSearch(String, Vec<bool>),
}

/// A file name for `extension` from the article's name ("brief.txt" → "brief.png").
pub fn suggested_name(article: &Article, extension: &str) -> String {
    let name = match &article.project_path {
        Some(path) => display_name(path),
        None => article.name.clone(),
    };
    let stem = name.strip_suffix(PROJECT_SUFFIX).unwrap_or(&name);
    let stem = stem.rsplit_once('.').map_or(stem, |(stem, _)| stem);
    format!("{stem}.{extension}")
}

/// The app's memory for opening, saving and exporting.
#[derive(Default)]
pub struct Workbench {
    /// Reading and analysing large inputs, and analysing again after a correction.
    pub loader: Loader<Finished>,
    /// The desktop's file dialog open now, if any, and what it was asked for.
    native: Loader<file_dialog::Outcome>,
    native_purpose: Option<(FileDialog, Option<PathBuf>)>,
    /// The built-in file dialog open now, if any.
    built_in: Option<BuiltInDialog>,
    /// Use the built-in dialog (a setting).
    pub use_built_in_dialog: bool,
    /// Why the desktop could not show a dialog, once it could not: from then
    /// on the built-in one is used.
    pub native_unavailable: Option<String>,
    /// The files opened lately.
    pub recent: RecentFiles,
    /// The action waiting for an answer to "Save the corrections first?".
    unsaved: Option<Action>,
    /// The action to carry out once the project is saved (after "Save" in the question).
    pub after_save: Option<Action>,
    /// The window may close (unsaved work was saved or discarded).
    pub may_close: bool,
}

impl Workbench {
    /// A workbench asking for files with the built-in dialog or the desktop's.
    pub fn new(use_built_in_dialog: bool) -> Workbench {
        Workbench {
            use_built_in_dialog,
            ..Workbench::default()
        }
    }

    /// Ask for a file, starting in folder `start`: with the desktop's dialog
    /// on its own thread, or the built-in one (when chosen, or when the
    /// desktop has none). Nothing happens while a dialog is open. The choice
    /// comes back from [`Workbench::take_input`].
    pub fn ask_file(&mut self, ctx: &Context, dialog: FileDialog, start: Option<PathBuf>) {
        if self.dialog_open() {
            return;
        }
        if self.use_built_in_dialog || self.native_unavailable.is_some() {
            self.open_built_in(dialog, start);
            return;
        }
        self.native_purpose = Some((dialog.clone(), start.clone()));
        self.native.start(ctx, "file dialog".into(), move |_| {
            Ok(dialog.show_native(start.as_deref()))
        });
    }

    fn open_built_in(&mut self, dialog: FileDialog, start: Option<PathBuf>) {
        let places = file_dialog::places(self.recent.paths());
        let start = start
            .filter(|s| s.is_dir())
            .or_else(|| places.first().cloned())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        self.built_in = Some(BuiltInDialog::open(dialog, start, places));
    }

    /// Is a file dialog open?
    pub fn dialog_open(&self) -> bool {
        self.native.is_busy() || self.built_in.is_some()
    }

    /// The built-in file dialog, while it is open; returns the action of the file chosen.
    pub fn dialog_ui(&mut self, ctx: &Context) -> Option<Action> {
        let ended = self.built_in.as_mut()?.ui(ctx)?;
        self.built_in = None;
        if ended.is_none() {
            self.after_save = None;
        }
        ended
    }

    /// What arrived since the last frame: dropped files, pasted text, a file
    /// chosen in a dialog. Errors (a dropped file that cannot be read) are returned apart.
    pub fn take_input(&mut self, ctx: &Context) -> (Vec<Action>, Option<String>) {
        let mut actions = Vec::new();
        let mut error = None;
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        let paths: Vec<PathBuf> = dropped.iter().map(|f| f.path().to_path_buf()).collect();
        if paths.len() > 1 || paths.first().is_some_and(|p| p.is_dir()) {
            // Several files, or a folder: a collection.
            actions.push(Action::OpenMany(paths));
        } else if let Some(file) = dropped.into_iter().next() {
            let path = file.path().to_path_buf();
            if path.is_file() {
                actions.push(Action::OpenPath(path));
            } else {
                match file.bytes() {
                    Ok(bytes) => actions.push(Action::OpenBytes(bytes, display_name(&path))),
                    Err(e) => error = Some(format!("Could not open the dropped file: {e}")),
                }
            }
        }
        if !ctx.text_edit_focused() {
            let pasted = ctx.input(|i| {
                i.events.iter().find_map(|e| match e {
                    Event::Paste(text) => Some(text.clone()),
                    _ => None,
                })
            });
            actions.extend(pasted.map(Action::OpenText));
        }
        match self.native.poll() {
            Some(Ok(file_dialog::Outcome::Chosen(action))) => actions.push(action),
            Some(Ok(file_dialog::Outcome::Cancelled)) => self.after_save = None,
            Some(Ok(file_dialog::Outcome::Unavailable(why))) => {
                // The desktop has no dialog to show: the built-in one takes over.
                self.native_unavailable = Some(why);
                if let Some((dialog, start)) = self.native_purpose.take() {
                    self.open_built_in(dialog, start);
                }
            }
            Some(Err(message)) => error = Some(message),
            None if self.native.is_busy() => ctx.request_repaint_after(Duration::from_millis(100)),
            None => {}
        }
        (actions, error)
    }

    /// The result of the background job, if it has finished.
    pub fn finished(&mut self) -> Option<Outcome<Finished>> {
        self.loader.poll()
    }

    /// Ask "Save the corrections first?" before `action` is carried out.
    pub fn ask_unsaved(&mut self, action: Action) {
        self.unsaved = Some(action);
    }

    /// Is the question waiting for an answer?
    pub fn asking_unsaved(&self) -> bool {
        self.unsaved.is_some()
    }

    /// Take the action the question was asked for.
    pub fn take_unsaved(&mut self) -> Option<Action> {
        self.unsaved.take()
    }

    /// The question "Save the corrections first?" (or "…the notes…"), while
    /// it is asked; returns the answer. `notes_changed`: the notes on the map
    /// were changed since they were saved.
    pub fn unsaved_ui(&self, ctx: &Context, article: &Article, notes_changed: bool) -> Option<Action> {
        let pending = self.unsaved.as_ref()?;
        let mut answer = None;
        let corrections_changed = article.has_unsaved_work();
        let modal = Modal::new(egui::Id::unique("unsaved work")).show(ctx, |ui| {
            ui.set_width(380.0);
            let count = article.overrides.len();
            let (heading, what) = match (corrections_changed, notes_changed) {
                (true, false) => (
                    "Save the corrections first?",
                    super::panels::passages::plural(count, "correction", "corrections"),
                ),
                (false, true) => ("Save the notes first?", "notes on the map".to_string()),
                _ => (
                    "Save the corrections and notes first?",
                    format!(
                        "{} and notes on the map",
                        super::panels::passages::plural(count, "correction", "corrections")
                    ),
                ),
            };
            ui.heading(heading);
            let going = if *pending == Action::Quit {
                "Closing the window"
            } else {
                "Opening another article"
            };
            let verb = if count == 1 && !notes_changed { "is" } else { "are" };
            ui.label(format!(
                "{} has {what} that {verb} not saved. {going} discards them.",
                article.name,
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(UnsavedAnswer::Save);
                }
                if ui.button("Discard").clicked() {
                    answer = Some(UnsavedAnswer::Discard);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(UnsavedAnswer::Cancel);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(UnsavedAnswer::Cancel);
        }
        answer.map(Action::Unsaved)
    }

    /// Let the window close, and close it.
    pub fn close(&mut self, ctx: &Context) {
        self.may_close = true;
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_follow_the_article() {
        let mut article = Article::from_text("brief.txt", "Iran.".into(), Vec::new());
        assert_eq!(suggested_name(&article, "png"), "brief.png");
        article.project_path = Some(PathBuf::from("/w/work.atlas.json"));
        assert_eq!(suggested_name(&article, "csv"), "work.csv");
        assert_eq!(suggested_name(&article, "atlas.json"), "work.atlas.json");
    }
}
