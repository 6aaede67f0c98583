//! Getting text into the app: files (by dialog, drop, the recent list or
//! the command line), dropped bytes, pasted text and project files; and
//! saving projects.
//!
//! Inputs up to [`SYNC_LIMIT`] bytes (any news article) are read and analysed
//! at once, between two frames; larger ones (a book) go to the
//! [`Loader`](super::background::Loader), and the window keeps answering
//! while they are analysed. A file that cannot be opened leaves the current
//! article as it was and says why.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use egui::{Context, Event, Key, KeyboardShortcut, Modifiers, ViewportCommand};

use super::Action;
use super::article::{Article, Draft};
use super::atlas::AtlasApp;
use super::background::{Loader, Outcome, Progress};
use super::corrections::CorrectionsUi;
use super::recent::RecentFiles;
use crate::analysis::Analyzer;
use crate::place::Place;
use crate::place::PlaceRef;
use crate::project::{self, MapViewState, Opened, PROJECT_SUFFIX, Project};
use crate::text::read_bytes;

/// Inputs larger than this many bytes are analysed on a background thread.
pub const SYNC_LIMIT: u64 = 1 << 20;

/// The name pasted text is shown under.
pub const PASTED_NAME: &str = "Pasted text";

/// What a finished load or re-analysis hands to the app.
pub struct Loaded {
    /// The analysed article.
    pub article: Article,
    /// A newly opened article (`true`), or the same one analysed again after a correction.
    pub opened: bool,
    /// The file opened, for the recent files list.
    pub path: Option<PathBuf>,
    /// The selection saved in a project.
    pub selected: Option<PlaceRef>,
    /// The map view saved in a project.
    pub view: Option<MapViewState>,
    /// The theme saved in a project.
    pub theme: Option<String>,
}

impl Loaded {
    fn opened(article: Article, path: Option<PathBuf>) -> Loaded {
        Loaded {
            article,
            opened: true,
            path,
            selected: None,
            view: None,
            theme: None,
        }
    }
}

/// The name a path is shown under: its file name.
fn display_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Read, import and analyse the file at `path` (any format [`project::open`] reads).
pub fn load_path(path: &Path, progress: Option<&Progress>) -> Result<Loaded, String> {
    if let Some(p) = progress {
        p.set_stage("Reading");
    }
    let bytes = read_bytes(path).map_err(|e| e.to_string())?;
    let mut loaded = load_bytes(bytes, path, progress)?;
    loaded.path = Some(path.to_path_buf());
    if loaded.article.project_path.is_some() {
        loaded.article.project_path = Some(path.to_path_buf());
    }
    Ok(loaded)
}

/// Import and analyse the bytes of a file called `origin` (dropped on the
/// window, or read by [`load_path`]). A cancelled load gives an error nobody sees.
pub fn load_bytes(bytes: Vec<u8>, origin: &Path, progress: Option<&Progress>) -> Result<Loaded, String> {
    let cancelled = || progress.is_some_and(Progress::cancelled);
    if cancelled() {
        return Err("cancelled".into());
    }
    if let Some(p) = progress {
        p.set_stage("Importing");
    }
    let opened = project::open_bytes(bytes, origin).map_err(|e| e.to_string())?;
    if cancelled() {
        return Err("cancelled".into());
    }
    if let Some(p) = progress {
        p.set_stage("Analysing");
    }
    let name = display_name(origin);
    match opened {
        Opened::Article(imported) => {
            if imported.text.trim().is_empty() {
                return Err(format!("{}: is empty: there is no text to analyse", origin.display()));
            }
            let draft = Draft {
                name,
                source: Some(origin.display().to_string()),
                title: imported.title,
                project_path: None,
                warnings: imported.warnings,
                text: imported.text,
            };
            Ok(Loaded::opened(analyse(draft, Vec::new(), progress)?, None))
        }
        Opened::Project(p) => {
            if p.text.trim().is_empty() {
                return Err(format!("{}: the project holds no text to analyse", origin.display()));
            }
            let draft = Draft {
                name,
                source: p.source,
                title: p.title,
                project_path: Some(origin.to_path_buf()),
                warnings: Vec::new(),
                text: p.text,
            };
            Ok(Loaded {
                article: analyse(draft, p.overrides, progress)?,
                opened: true,
                path: None,
                selected: p.selected,
                view: p.view,
                theme: p.theme,
            })
        }
    }
}

/// Analyse `draft` with `overrides`, showing progress and stopping when a
/// newer job cancels this one.
fn analyse(
    draft: Draft,
    overrides: Vec<crate::analysis::Override>,
    progress: Option<&Progress>,
) -> Result<Article, String> {
    match progress {
        Some(p) => draft
            .analyse_watched(overrides, p)
            .ok_or_else(|| "cancelled".to_string()),
        None => Ok(draft.analyse(overrides)),
    }
}

/// Analyse pasted text (HTML is recognised and stripped; anything else is plain text).
pub fn load_text(text: String) -> Result<Loaded, String> {
    let mut loaded = load_bytes(text.into_bytes(), Path::new(PASTED_NAME), None)
        .map_err(|e| e.replace(PASTED_NAME, "The pasted text"))?;
    loaded.article.source = Some("clipboard".into());
    Ok(loaded)
}

/// The place a selection names, by code (as saved in projects).
pub fn place_ref(pick: Place) -> PlaceRef {
    pick.to_ref(Analyzer::builtin().gazetteer())
}

/// The selection a saved place stands for, if the gazetteer knows it.
pub fn pick_of_ref(place: &PlaceRef) -> Option<Place> {
    Place::from_ref(place, Analyzer::builtin().gazetteer()).ok()
}

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Purpose {
    OpenArticle,
    OpenProject,
    SaveProject,
}

/// The app's memory for opening and saving: the background loader, an open
/// file dialog, the recent files and the corrections windows.
#[derive(Default)]
pub(super) struct Workbench {
    pub loader: Loader,
    dialog: Option<(Purpose, Receiver<Option<PathBuf>>)>,
    pub recent: RecentFiles,
    pub corrections: CorrectionsUi,
}

/// Show a native file dialog on its own thread; the answer arrives on the receiver.
fn file_dialog(purpose: Purpose, suggested: Option<String>) -> Receiver<Option<PathBuf>> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        let dialog = rfd::AsyncFileDialog::new();
        let picked = match purpose {
            Purpose::OpenArticle => pollster::block_on(
                dialog
                    .set_title("Open an article")
                    .add_filter(
                        "Articles and projects",
                        &["txt", "text", "md", "markdown", "html", "htm", "json"],
                    )
                    .add_filter("All files", &["*"])
                    .pick_file(),
            ),
            Purpose::OpenProject => pollster::block_on(
                dialog
                    .set_title("Open a project")
                    .add_filter("Article Atlas project", &["json"])
                    .pick_file(),
            ),
            Purpose::SaveProject => pollster::block_on(
                dialog
                    .set_title("Save the project")
                    .set_file_name(suggested.unwrap_or_else(|| format!("article{PROJECT_SUFFIX}")))
                    .add_filter("Article Atlas project", &["json"])
                    .save_file(),
            ),
        };
        let _ = sender.send(picked.map(|f| f.path().to_path_buf()));
    });
    receiver
}

impl AtlasApp {
    /// Open the file at `path`: at once when small, else on a background
    /// thread. If it cannot be read, the current article stays and the error
    /// is shown.
    pub fn open_path(&mut self, ctx: &Context, path: &Path) {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size > SYNC_LIMIT {
            let path = path.to_path_buf();
            let name = format!("{} ({} MB)", display_name(&path), size.div_ceil(1_000_000));
            self.work.loader.start(ctx, name, move |p| load_path(&path, Some(p)));
            self.show_busy();
        } else {
            let outcome = load_path(path, None);
            if outcome.is_ok() {
                self.work.loader.cancel(); // the newest open wins
            }
            self.finish(ctx, outcome, Some(path));
        }
    }

    /// Open the bytes of a file called `name` (e.g. dropped on the window).
    pub fn open_bytes(&mut self, ctx: &Context, bytes: Vec<u8>, name: &str) {
        let origin = PathBuf::from(name);
        if bytes.len() as u64 > SYNC_LIMIT {
            self.work
                .loader
                .start(ctx, name.to_string(), move |p| load_bytes(bytes, &origin, Some(p)));
            self.show_busy();
        } else {
            let outcome = load_bytes(bytes, &origin, None);
            if outcome.is_ok() {
                self.work.loader.cancel(); // the newest open wins
            }
            self.finish(ctx, outcome, None);
        }
    }

    /// Open pasted text as a new article.
    pub fn open_text(&mut self, ctx: &Context, text: String) {
        if text.len() as u64 > SYNC_LIMIT {
            self.work
                .loader
                .start(ctx, PASTED_NAME.into(), move |_| load_text(text));
            self.show_busy();
        } else {
            let outcome = load_text(text);
            if outcome.is_ok() {
                self.work.loader.cancel(); // the newest open wins
            }
            self.finish(ctx, outcome, None);
        }
    }

    /// Carry out `action` as if a panel, a key or the menu had asked for it.
    pub fn perform(&mut self, ctx: &Context, action: Action) {
        self.apply(ctx, action);
    }

    /// Is a file being read or analysed in the background?
    /// Put the running job's stage and progress in the status bar.
    fn show_busy(&mut self) {
        self.state.busy = self.work.loader.status();
        self.state.busy_fraction = self.work.loader.fraction();
    }

    pub fn is_busy(&self) -> bool {
        self.work.loader.is_busy()
    }

    /// Wait (blocking) for the background job to finish and show its result;
    /// `false` if it did not finish within `timeout`. For tests.
    pub fn wait_for_background(&mut self, ctx: &Context, timeout: Duration) -> bool {
        match self.work.loader.wait(timeout) {
            Some(outcome) => {
                self.finish(ctx, outcome, None);
                true
            }
            None => !self.work.loader.is_busy(),
        }
    }

    /// The files opened lately, newest first.
    pub fn recent_files(&self) -> &[PathBuf] {
        self.work.recent.paths()
    }

    /// Show a finished load (or its error). `asked` is the path the user
    /// asked for, to drop it from the recent list if it is gone.
    /// Show an article or project loaded before the app started (the file
    /// named on the command line), with a project's selection, view and theme.
    pub(super) fn show_loaded(&mut self, ctx: &Context, loaded: Loaded) {
        self.finish(ctx, Ok(loaded), None);
    }

    fn finish(&mut self, ctx: &Context, outcome: Outcome, asked: Option<&Path>) {
        self.state.busy = None;
        self.state.busy_fraction = None;
        let loaded = match outcome {
            Ok(loaded) => loaded,
            Err(message) => {
                let mut message = format!("Could not open {message}");
                if let Some(path) = asked.filter(|p| !p.exists())
                    && self.work.recent.remove(path)
                {
                    message.push_str(" (removed from the recent files)");
                }
                self.state.error = Some(message);
                return;
            }
        };
        if !loaded.opened {
            // The same article with other corrections: keep selection and view.
            self.map.hold_view(&loaded.article.analysis, self.map.view());
            self.state.article = loaded.article;
            self.state.hovered = None;
            return;
        }
        if let Some(path) = &loaded.path {
            self.work.recent.push(path);
        }
        let empty = loaded.article.analysis.mentions.is_empty();
        let name = loaded.article.name.clone();
        self.open(ctx, loaded.article);
        self.work.corrections.reset();
        if let Some(theme) = loaded.theme.as_deref()
            && (theme == "dark" || theme == "light")
        {
            self.apply(ctx, Action::SetDark(theme == "dark"));
        }
        if let Some(view) = loaded.view {
            self.map
                .hold_view(&self.state.article.analysis, (view.lon, view.lat, view.zoom));
        }
        self.state.selection = loaded.selected.as_ref().and_then(pick_of_ref);
        if empty {
            self.state.notice = Some(format!("No places found in {name}."));
        }
    }

    /// The open article, its corrections and what is shown, as a project.
    pub fn project(&self) -> Project {
        let article = &self.state.article;
        let (lon, lat, zoom) = self.map.view();
        let mut project = Project::new(article.analysis.document.text.clone(), article.source.clone());
        project.overrides = article.overrides.clone();
        project.title = article.title.clone().or_else(|| Some(article.name.clone()));
        project.theme = Some(if self.state.map_options.dark { "dark" } else { "light" }.into());
        project.selected = self.state.selection.map(place_ref);
        project.view = Some(MapViewState { lon, lat, zoom });
        project
    }

    /// Save the project to `path` (atomically). On failure the old file is
    /// left as it was and the error is shown.
    pub fn save_project(&mut self, path: &Path) -> Result<(), String> {
        match self.project().save(path) {
            Ok(()) => {
                self.state.article.project_path = Some(path.to_path_buf());
                self.work.recent.push(path);
                self.state.notice = Some(format!("Saved {}", path.display()));
                Ok(())
            }
            Err(e) => {
                let message = format!("Could not save the project: {e}");
                self.state.error = Some(message.clone());
                Err(message)
            }
        }
    }

    /// Before the panels: drops, pastes, shortcuts, file dialogs and
    /// background results; returns the actions they ask for.
    pub(super) fn take_input(&mut self, ctx: &Context) -> Vec<Action> {
        let mut actions = std::mem::take(&mut self.state.pending);
        let dropped = ctx.input(|i| i.raw.dropped_files.first().cloned());
        if let Some(file) = dropped {
            let path = file.path().to_path_buf();
            if path.is_file() {
                actions.push(Action::OpenPath(path));
            } else {
                match file.bytes() {
                    Ok(bytes) => actions.push(Action::OpenBytes(bytes, display_name(&path))),
                    Err(e) => self.state.error = Some(format!("Could not open the dropped file: {e}")),
                }
            }
        }
        let typing = ctx.text_edit_focused();
        ctx.input_mut(|i| {
            if !typing {
                let pasted = i.events.iter().find_map(|e| match e {
                    Event::Paste(text) => Some(text.clone()),
                    _ => None,
                });
                actions.extend(pasted.map(Action::OpenText));
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
                    actions.push(Action::UndoCorrection(usize::MAX));
                }
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S)) {
                actions.push(Action::SaveProjectAs);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::S)) {
                actions.push(Action::SaveProject);
            }
        });
        if let Some((purpose, receiver)) = &self.work.dialog {
            match receiver.try_recv() {
                Ok(picked) => {
                    let purpose = *purpose;
                    self.work.dialog = None;
                    actions.extend(picked.map(|path| match purpose {
                        Purpose::OpenArticle | Purpose::OpenProject => Action::OpenPath(path),
                        Purpose::SaveProject => Action::SaveProjectTo(path),
                    }));
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => ctx.request_repaint_after(Duration::from_millis(100)),
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.work.dialog = None,
            }
        }
        if let Some(outcome) = self.work.loader.poll() {
            self.finish(ctx, outcome, None);
        }
        self.show_busy();
        actions
    }

    /// Ask for a file with a native dialog (unless one is already open).
    fn ask(&mut self, purpose: Purpose) {
        if self.work.dialog.is_none() {
            let suggested = self
                .state
                .article
                .project_path
                .as_deref()
                .map(display_name)
                .or_else(|| {
                    let stem = self
                        .state
                        .article
                        .name
                        .split('.')
                        .next()
                        .unwrap_or("article")
                        .to_string();
                    Some(format!("{stem}{PROJECT_SUFFIX}"))
                });
            self.work.dialog = Some((purpose, file_dialog(purpose, suggested)));
        }
    }

    /// Carry out the opening, saving and correcting actions; `false` for others.
    pub(super) fn apply_work(&mut self, ctx: &Context, action: Action) -> bool {
        match action {
            Action::Open => self.ask(Purpose::OpenArticle),
            Action::OpenProject => self.ask(Purpose::OpenProject),
            Action::OpenPath(path) => self.open_path(ctx, &path),
            Action::OpenBytes(bytes, name) => self.open_bytes(ctx, bytes, &name),
            Action::OpenText(text) => self.open_text(ctx, text),
            Action::NewFromClipboard => ctx.send_viewport_cmd(ViewportCommand::RequestPaste),
            Action::SaveProject => match self.state.article.project_path.clone() {
                Some(path) => {
                    let _ = self.save_project(&path);
                }
                None => self.ask(Purpose::SaveProject),
            },
            Action::SaveProjectAs => self.ask(Purpose::SaveProject),
            Action::SaveProjectTo(path) => {
                let _ = self.save_project(&path);
            }
            Action::ClearRecent => self.work.recent.clear(),
            Action::Correct(o) => {
                let mut overrides = self.state.article.overrides.clone();
                overrides.push(o);
                self.set_corrections(ctx, overrides);
            }
            Action::UndoCorrection(index) => {
                let mut overrides = self.state.article.overrides.clone();
                let index = if index == usize::MAX {
                    overrides.len().wrapping_sub(1)
                } else {
                    index
                };
                if index < overrides.len() {
                    overrides.remove(index);
                    self.set_corrections(ctx, overrides);
                }
            }
            Action::AskPlace(question) => self.work.corrections.ask(question),
            Action::ToggleCorrections => self.work.corrections.open = !self.work.corrections.open,
            _ => return false,
        }
        true
    }

    /// Replace the article's corrections and analyse it again: at once for
    /// an article, in the background for a book. The selection and the view stay.
    pub fn set_corrections(&mut self, ctx: &Context, overrides: Vec<crate::analysis::Override>) {
        let article = &self.state.article;
        if article.analysis.document.text.len() as u64 > SYNC_LIMIT {
            let draft = article.draft();
            let name = article.name.clone();
            self.state.article.overrides = overrides.clone();
            self.work.loader.start(ctx, name, move |p| {
                p.set_stage("Applying corrections to");
                let mut loaded = Loaded::opened(analyse(draft, overrides, Some(p))?, None);
                loaded.opened = false;
                Ok(loaded)
            });
            self.show_busy();
        } else {
            let before = article.problems.len();
            let article = article.with_overrides(overrides);
            if article.problems.len() > before
                && let Some(problem) = article.problems.last()
            {
                self.state.error = Some(format!("Could not apply {problem}"));
            }
            self.map.hold_view(&article.analysis, self.map.view());
            self.state.article = article;
            self.state.hovered = None;
        }
    }

    /// The menu bar, the notice line and the corrections windows (drawn by
    /// the app each frame, before the toolbar).
    pub(super) fn menu_and_windows(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| {
            actions = super::menu::ui(ui, &self.state, &self.work.recent, self.work.corrections.open);
        });
        if let Some(notice) = self.state.notice.clone() {
            egui::Panel::top("notice").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(notice);
                    if ui.button("OK").clicked() {
                        self.state.notice = None;
                    }
                });
            });
        }
        actions.extend(self.work.corrections.windows(ui.ctx(), &self.state));
        actions
    }
}
