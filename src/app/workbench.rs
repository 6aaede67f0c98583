//! The app's desk: the background analysis, the native file dialogs, the
//! recent files, the "Save the corrections first?" question, and the
//! offscreen renderer that pictures are drawn with.
//!
//! Everything here turns into [`Action`]s for the app: a dropped file or a
//! paste, a file chosen in a dialog, an answer to the question. File dialogs
//! run on their own thread, so the window keeps drawing while one is open.

use std::path::PathBuf;
use std::time::Duration;

use egui::{Context, Event, Modal, ViewportCommand};

use super::action::{Action, UnsavedAnswer};
use super::jobs::{Loader, Outcome};
use super::recent::RecentFiles;
use crate::article::load::display_name;
use crate::article::{Article, Loaded};
use crate::export::Format;
use crate::project::PROJECT_SUFFIX;
use crate::render::Offscreen;

/// What a background job hands back.
pub enum Finished {
    /// A newly opened article or project.
    Opened(Box<Loaded>),
    /// The open article analysed again with other corrections.
    Corrected(Box<Article>),
}

/// What a file dialog is asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum FileDialog {
    /// An article (or project) to open.
    OpenArticle,
    /// A project to open.
    OpenProject,
    /// Where to save the project.
    SaveProject {
        /// The file name proposed.
        suggested: String,
    },
    /// Where to save the map as PNG.
    ExportPng {
        /// Pixels per point.
        scale: u32,
        /// The file name proposed.
        suggested: String,
    },
    /// Where to save the analysis.
    ExportData {
        /// The format.
        format: Format,
        /// The file name proposed.
        suggested: String,
    },
}

impl FileDialog {
    /// The action a chosen `path` leads to.
    fn then(&self, path: PathBuf) -> Action {
        match self {
            FileDialog::OpenArticle | FileDialog::OpenProject => Action::OpenPath(path),
            FileDialog::SaveProject { .. } => Action::SaveProjectTo(path),
            FileDialog::ExportPng { scale, .. } => Action::WritePng(path, *scale),
            FileDialog::ExportData { format, .. } => Action::WriteData(path, *format),
        }
    }

    /// Show the native dialog (blocking its thread) and return the path chosen.
    fn show_native(&self) -> Option<PathBuf> {
        let dialog = rfd::FileDialog::new();
        match self {
            FileDialog::OpenArticle => dialog
                .set_title("Open an article")
                .add_filter(
                    "Articles and projects",
                    &["txt", "text", "md", "markdown", "html", "htm", "json"],
                )
                .add_filter("All files", &["*"])
                .pick_file(),
            FileDialog::OpenProject => dialog
                .set_title("Open a project")
                .add_filter("Article Atlas project", &["json"])
                .pick_file(),
            FileDialog::SaveProject { suggested } => dialog
                .set_title("Save the project")
                .set_file_name(suggested)
                .add_filter("Article Atlas project", &["json"])
                .save_file(),
            FileDialog::ExportPng { suggested, .. } => dialog
                .set_title("Export the map as PNG")
                .set_file_name(suggested)
                .add_filter("PNG image", &["png"])
                .save_file(),
            FileDialog::ExportData { format, suggested } => dialog
                .set_title("Export the analysis")
                .set_file_name(suggested)
                .add_filter(format.extension().to_uppercase(), &[format.extension()])
                .save_file(),
        }
    }
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
    /// The native file dialog open now, if any.
    dialog: Loader<Option<Action>>,
    /// The files opened lately.
    pub recent: RecentFiles,
    /// The action waiting for an answer to "Save the corrections first?".
    unsaved: Option<Action>,
    /// The action to carry out once the project is saved (after "Save" in the question).
    pub after_save: Option<Action>,
    /// Drawing pictures offscreen, set up on the first export and kept.
    renderer: Option<Offscreen>,
    /// The window may close (unsaved work was saved or discarded).
    pub may_close: bool,
}

impl Workbench {
    /// Ask for a file with a native dialog on its own thread (unless one is
    /// already open); the choice comes back from [`Workbench::take_input`].
    pub fn ask_file(&mut self, ctx: &Context, dialog: FileDialog) {
        if self.dialog.is_busy() {
            return;
        }
        self.dialog.start(ctx, "file dialog".into(), move |_| {
            Ok(dialog.show_native().map(|path| dialog.then(path)))
        });
    }

    /// Is a file dialog open?
    pub fn dialog_open(&self) -> bool {
        self.dialog.is_busy()
    }

    /// What arrived since the last frame: dropped files, pasted text, a file
    /// chosen in a dialog. Errors (a dropped file that cannot be read) are returned apart.
    pub fn take_input(&mut self, ctx: &Context) -> (Vec<Action>, Option<String>) {
        let mut actions = Vec::new();
        let mut error = None;
        let dropped = ctx.input(|i| i.raw.dropped_files.first().cloned());
        if let Some(file) = dropped {
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
        match self.dialog.poll() {
            Some(Ok(chosen)) => actions.extend(chosen),
            Some(Err(message)) => error = Some(message),
            None if self.dialog.is_busy() => ctx.request_repaint_after(Duration::from_millis(100)),
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

    /// The question "Save the corrections first?", while it is asked; returns the answer.
    pub fn unsaved_ui(&self, ctx: &Context, article: &Article) -> Option<Action> {
        let pending = self.unsaved.as_ref()?;
        let mut answer = None;
        let modal = Modal::new(egui::Id::unique("unsaved work")).show(ctx, |ui| {
            ui.set_width(380.0);
            ui.heading("Save the corrections first?");
            let count = article.overrides.len();
            let going = if *pending == Action::Quit {
                "Closing the window"
            } else {
                "Opening another article"
            };
            ui.label(format!(
                "{} has {} that {} not saved. {going} discards them.",
                article.name,
                super::panels::passages::plural(count, "correction", "corrections"),
                if count == 1 { "is" } else { "are" },
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

    /// The offscreen renderer, set up the first time.
    pub fn renderer(&mut self) -> Result<&mut Offscreen, String> {
        if self.renderer.is_none() {
            self.renderer = Some(Offscreen::new().map_err(|e| e.to_string())?);
        }
        Ok(self.renderer.as_mut().expect("set up above"))
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
    fn a_chosen_file_leads_to_its_action() {
        let path = PathBuf::from("/tmp/x");
        assert_eq!(
            FileDialog::OpenArticle.then(path.clone()),
            Action::OpenPath(path.clone())
        );
        let png = FileDialog::ExportPng {
            scale: 2,
            suggested: "a.png".into(),
        };
        assert_eq!(png.then(path.clone()), Action::WritePng(path.clone(), 2));
        let data = FileDialog::ExportData {
            format: Format::Csv,
            suggested: "a.csv".into(),
        };
        assert_eq!(data.then(path.clone()), Action::WriteData(path, Format::Csv));
    }

    #[test]
    fn suggested_names_follow_the_article() {
        let mut article = Article::from_text("brief.txt", "Iran.".into(), Vec::new());
        assert_eq!(suggested_name(&article, "png"), "brief.png");
        article.project_path = Some(PathBuf::from("/w/work.atlas.json"));
        assert_eq!(suggested_name(&article, "csv"), "work.csv");
        assert_eq!(suggested_name(&article, "atlas.json"), "work.atlas.json");
    }
}
