//! [`AtlasApp`]: the frame loop and the one place where the app's state
//! changes. Each frame the panels are drawn from the [`AppState`] and return
//! [`Action`]s; keys, drops, pastes and file dialogs become actions too; at
//! the end of the frame [`AtlasApp::dispatch`] carries each out in one
//! exhaustive `match`.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Duration;

use egui::{CentralPanel, Context, Panel, Theme, Ui, ViewportCommand};

use super::action::{self, Action, UnsavedAnswer};
use super::collection::{CollectionView, Compare, Side};
use super::file_dialog::FileDialog;
use super::jobs::Outcome;
use super::panels::collection::{self as collection_panels, CollectionUi};
use super::panels::corrections::CorrectionsUi;
use super::panels::export::{self, ExportUi};
use super::panels::place_list::PlaceList;
use super::panels::text_view::TextView;
use super::panels::{menu, notes, passages, presentation, status, toolbar};
use super::state::{AppState, Busy, Settings};
use super::workbench::{Finished, Workbench, suggested_name};
use crate::analysis::{Override, Unwatched, Watch};
use crate::article::load::{CANCELLED, display_name, load_bytes, load_path, load_text};
use crate::article::{Article, Loaded};
use crate::cartography::ProjectionKind;
use crate::export::{self as data, Format};
use crate::gazetteer::Gazetteer;
use crate::map::scene::NoteEvent;
use crate::map::{MapTheme, MapView};
use crate::picture::{self, Note, PictureFormat, PictureSpec, Scene};
use crate::place::Place;
use crate::project::collection::CollectionProject;
use crate::project::{MapViewState, Project};
use crate::render::picture_bytes;

/// How often the window redraws itself while background work runs.
const BUSY_REPAINT: Duration = Duration::from_millis(250);

/// Inputs larger than this many bytes are analysed on a background thread.
pub const SYNC_LIMIT: u64 = 1 << 20;

/// The whole app: state, map, panels and the workbench.
pub struct AtlasApp {
    state: AppState,
    map: MapView,
    places: PlaceList,
    text_view: TextView,
    corrections: CorrectionsUi,
    collection_ui: CollectionUi,
    export: ExportUi,
    /// The last picture laid out, for what it was laid out (previews redraw it each frame).
    preview: Option<(PictureSpec, u64, Rc<Scene>)>,
    /// How long frames took while work ran in the background (logged when it ends).
    busy_frames: BusyFrames,
    work: Workbench,
}

/// "name — Article Atlas".
pub(super) fn window_title(article: &Article) -> String {
    format!("{} — Article Atlas", article.name)
}

/// Something to open.
enum Input {
    Path(PathBuf),
    Bytes(Vec<u8>, String),
    Text(String),
}

impl Input {
    fn size(&self) -> u64 {
        match self {
            Input::Path(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
            Input::Bytes(bytes, _) => bytes.len() as u64,
            Input::Text(text) => text.len() as u64,
        }
    }

    /// How it is called in messages ("book.txt").
    fn name(&self) -> String {
        match self {
            Input::Path(path) => display_name(path),
            Input::Bytes(_, name) => name.clone(),
            Input::Text(_) => crate::article::load::PASTED_NAME.into(),
        }
    }

    /// Read and analyse it; an input with no text is an error.
    fn load(self, watch: &dyn Watch) -> Result<Loaded, String> {
        let (loaded, origin) = match self {
            Input::Path(path) => (load_path(&path, watch), path.display().to_string()),
            Input::Bytes(bytes, name) => (load_bytes(bytes, Path::new(&name), watch), name),
            Input::Text(text) => (load_text(text, watch), "The pasted text".into()),
        };
        let loaded = loaded?;
        if loaded.article.analysis.document.text.trim().is_empty() {
            return Err(if loaded.article.project_path.is_some() {
                format!("{origin}: the project holds no text to analyse")
            } else {
                format!("{origin}: is empty: there is no text to analyse")
            });
        }
        Ok(loaded)
    }
}

/// The frames drawn while background work runs: how many, and the slowest
/// (the app's own work in a frame, before painting), logged at `info` when the work ends.
#[derive(Default)]
struct BusyFrames {
    count: usize,
    slowest: Duration,
    started: Option<std::time::Instant>,
}

impl BusyFrames {
    fn note(&mut self, busy: bool, took: Duration) {
        if busy {
            self.started.get_or_insert_with(std::time::Instant::now);
            self.count += 1;
            self.slowest = self.slowest.max(took);
        } else if let Some(started) = self.started.take() {
            log::info!(
                "background work: {:.1} s, {} frames meanwhile, the slowest {:.1} ms",
                started.elapsed().as_secs_f64(),
                self.count,
                self.slowest.as_secs_f64() * 1000.0
            );
            *self = BusyFrames::default();
        }
    }
}

/// Is the file at `path` a saved collection (read only when its name is a project's)?
pub(super) fn is_collection_project(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    name.ends_with(crate::project::PROJECT_SUFFIX)
        && crate::text::read_bytes(path).is_ok_and(|b| CollectionProject::is_collection(&b))
}

/// Egui's panels follow the map theme (print pictures sit on light panels).
fn apply_visuals(ctx: &Context, theme: MapTheme) {
    ctx.set_theme(if theme.dark_panels() { Theme::Dark } else { Theme::Light });
}

impl AtlasApp {
    /// The app showing `article`, with `settings` applied to `ctx`.
    pub fn new(ctx: &Context, article: Article, settings: Settings) -> AtlasApp {
        apply_visuals(ctx, settings.theme);
        crate::cartography::font::install(ctx);
        let mut map = MapView::new(ctx);
        map.fit_all(&article.analysis);
        AtlasApp {
            state: AppState::new(article, settings),
            map,
            places: PlaceList::default(),
            text_view: TextView::default(),
            corrections: CorrectionsUi::default(),
            collection_ui: CollectionUi::default(),
            export: ExportUi::default(),
            preview: None,
            busy_frames: BusyFrames::default(),
            work: Workbench::new(settings.built_in_dialog),
        }
    }

    /// The app as eframe creates it, with the settings and recent files saved last time.
    pub fn from_creation(cc: &eframe::CreationContext<'_>, article: Article) -> AtlasApp {
        let settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app = AtlasApp::new(&cc.egui_ctx, article, settings);
        app.work.recent = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, super::recent::STORAGE_KEY))
            .unwrap_or_default();
        app
    }

    /// What is shown and chosen.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The map (e.g. to set its view).
    pub fn map_mut(&mut self) -> &mut MapView {
        &mut self.map
    }

    /// The files opened lately, newest first.
    pub fn recent_files(&self) -> &[PathBuf] {
        self.work.recent.paths()
    }

    /// Is a file being read or analysed in the background?
    pub fn is_busy(&self) -> bool {
        self.work.loader.is_busy()
    }

    /// Is the "Save the corrections first?" question asked?
    pub fn asking_unsaved(&self) -> bool {
        self.work.asking_unsaved()
    }

    /// Carry out `action` as if a panel, a key or the menu had asked for it.
    pub fn perform(&mut self, ctx: &Context, action: Action) {
        self.apply(ctx, action);
    }

    /// Open the file at `path` ([`Action::OpenPath`]).
    pub fn open_path(&mut self, ctx: &Context, path: &Path) {
        self.apply(ctx, Action::OpenPath(path.to_path_buf()));
    }

    /// Show an article or project loaded before the app started (the file
    /// named on the command line), with a project's selection, view and theme.
    pub fn show_loaded(&mut self, ctx: &Context, loaded: Loaded) {
        self.show_opened(ctx, loaded);
    }

    /// Wait (blocking) for the background job to finish and show its result;
    /// `false` if it did not finish within `timeout`. For tests.
    pub fn wait_for_background(&mut self, ctx: &Context, timeout: Duration) -> bool {
        match self.work.loader.wait(timeout) {
            Some(outcome) => {
                self.finish(ctx, outcome);
                true
            }
            None => !self.work.loader.is_busy(),
        }
    }

    /// Wait until every background thread, cancelled ones too, has ended
    /// (their results, if still wanted, arrive with the next frame). For tests.
    pub fn join_background(&mut self) {
        self.work.loader.join_all();
    }

    /// The open article, its corrections and what is shown, as a project.
    pub fn project(&self) -> Project {
        let article = &self.state.article;
        let (lon, lat, zoom) = self.map.view();
        let g = Gazetteer::builtin();
        let mut project = Project::new(article.analysis.document.text.clone(), article.source.clone());
        project.overrides = article.overrides.clone();
        project.title = Some(self.state.picture.title(article));
        project.theme = Some(self.state.map_options.theme);
        project.selected = self.state.selection.map(|p| p.to_ref(g));
        project.view = Some(MapViewState { lon, lat, zoom });
        project.projection = Some(self.state.picture.projection);
        project.notes = self.state.picture.notes.clone();
        project
    }

    /// Save the project to `path` (atomically). On failure the old file is
    /// left as it was and the error is shown.
    pub fn save_project(&mut self, path: &Path) -> Result<(), String> {
        match self.project().save(path) {
            Ok(()) => {
                let article = &mut self.state.article;
                article.project_path = Some(path.to_path_buf());
                article.saved_overrides = article.overrides.clone();
                self.state.picture.saved_notes = self.state.picture.notes.clone();
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

    /// Draw one frame of the whole app into `ui`, then carry out what was asked.
    pub fn show(&mut self, ui: &mut Ui) {
        let started = std::time::Instant::now();
        let busy = self.work.loader.is_busy();
        self.show_frame(ui);
        self.busy_frames.note(busy, started.elapsed());
    }

    fn show_frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if let Some(outcome) = self.work.finished() {
            self.finish(&ctx, outcome);
        }
        let (mut actions, error) = self.work.take_input(&ctx);
        if error.is_some() {
            self.state.error = error;
        }
        self.state.busy = self.work.loader.status().map(|status| Busy {
            status,
            fraction: self.work.loader.fraction(),
        });
        if self.state.busy.is_some() {
            // The progress bar and the seconds move while the work runs, four
            // times a second: a frame drawn without a GPU costs the work a core.
            ctx.request_repaint_after(BUSY_REPAINT);
        }
        self.state.dialogs = match (&self.work.native_unavailable, self.work.use_built_in_dialog) {
            (Some(why), _) => Some(format!("Built-in file dialog (the desktop showed none: {why})")),
            (None, true) => Some("Built-in file dialog".into()),
            (None, false) => None,
        };
        let closing = ctx.input(|i| i.viewport().close_requested());
        if closing && !self.work.may_close && self.state.has_unsaved_work() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            actions.push(Action::Quit);
        }
        actions.extend(action::pressed(&ctx));
        if self.state.picture.presentation {
            CentralPanel::no_frame().show(ui, |ui| {
                let rect = ui.max_rect();
                if self.state.picture.projection == ProjectionKind::Mercator {
                    self.map_ui(ui, &mut actions);
                } else {
                    // The picture in its projection, filling the screen.
                    let spec = self.state.picture_spec(rect.size(), None);
                    let scene = self.laid_out(spec);
                    let clicked = export::preview(ui, &scene, &self.state.article.analysis, rect.size());
                    actions.extend(clicked.map(|place| Action::Select(Some(place))));
                }
                actions.extend(presentation::leave_button(ui, rect));
            });
        } else {
            self.panels(ui, &mut actions);
        }
        actions.extend(notes::window(&ctx, &self.state));
        if self.state.picture.exporting {
            let scene = self.laid_out(self.picture_spec());
            actions.extend(self.export.window(&ctx, &self.state, &scene));
        }
        actions.extend(self.work.dialog_ui(&ctx));
        let notes_changed = self.state.picture.notes != self.state.picture.saved_notes;
        actions.extend(self.work.unsaved_ui(&ctx, &self.state.article, notes_changed));
        if !actions.is_empty() {
            for action in actions {
                self.apply(&ctx, action);
            }
            // Show the result of what was done this frame.
            ctx.request_repaint();
        }
    }

    /// Every panel around the map, and the map.
    fn panels(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let state = &self.state;
        Panel::top("menu").show(ui, |ui| {
            let menus = menu::Menus {
                recent: &self.work.recent,
                corrections_open: self.corrections.open,
                built_in_dialog: self.work.use_built_in_dialog,
            };
            actions.extend(menu::ui(ui, state, &menus));
        });
        Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(2.0);
            actions.extend(toolbar::ui(ui, state));
        });
        if state.error.is_some() || state.notice.is_some() {
            Panel::top("messages").show(ui, |ui| actions.extend(status::messages(ui, state)));
        }
        Panel::bottom("status").show(ui, |ui| status::ui(ui, state));
        if let Some(view) = state.collection_shown() {
            Panel::left("collection")
                .resizable(true)
                .default_size(380.0)
                .size_range(260.0..=640.0)
                .show(ui, |ui| actions.extend(self.collection_ui.list_ui(ui, view)));
            Panel::right("collection passages")
                .resizable(true)
                .default_size(380.0)
                .size_range(240.0..=700.0)
                .show(ui, |ui| actions.extend(self.collection_ui.passages_ui(ui, view)));
            CentralPanel::no_frame().show(ui, |ui| self.map_ui(ui, actions));
            return;
        }
        if let Some(view) = &state.collection {
            Panel::top("back to collection").show(ui, |ui| actions.extend(collection_panels::back_bar(ui, view)));
        }
        Panel::left("places")
            .resizable(true)
            .default_size(300.0)
            .size_range(200.0..=500.0)
            .show(ui, |ui| actions.extend(self.places.ui(ui, state)));
        Panel::right("passages")
            .resizable(true)
            .default_size(380.0)
            .size_range(240.0..=700.0)
            .show(ui, |ui| actions.extend(passages::ui(ui, state)));
        Panel::bottom("article")
            .resizable(true)
            .default_size(220.0)
            .size_range(80.0..=600.0)
            .show(ui, |ui| actions.extend(self.text_view.ui(ui, state)));
        actions.extend(self.corrections.windows(ui.ctx(), state));
        CentralPanel::no_frame().show(ui, |ui| self.map_ui(ui, actions));
    }

    /// The map in all of `ui`: a click selects, the pointer and the basemap's
    /// status are noted for the other panels.
    fn map_ui(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let options = self.state.drawing_options();
        let (analysis, selection) = self.state.on_map();
        let response = self.map.ui(ui, analysis, selection, &options);
        actions.extend(response.clicked.map(|place| Action::Select(Some(place))));
        actions.extend(response.add_note_at.map(|(lon, lat)| Action::AddNote(lon, lat)));
        for event in response.notes {
            actions.push(match event {
                NoteEvent::Clicked(i) => Action::EditNote(Some(i)),
                NoteEvent::Moved(i, offset) => Action::MoveNote(i, offset),
            });
        }
        self.state.hovered = response.hovered;
        self.state.map_status = response.status;
    }

    /// Carry out `action`, first asking about unsaved corrections when it
    /// would replace the article.
    fn apply(&mut self, ctx: &Context, action: Action) {
        if action.replaces_article() && self.state.has_unsaved_work() && !self.work.may_close {
            self.work.ask_unsaved(action);
        } else {
            self.dispatch(ctx, action);
        }
    }

    /// Carry out `action`: the only place the app's state changes.
    fn dispatch(&mut self, ctx: &Context, action: Action) {
        let article = &self.state.article;
        match action {
            Action::Open => self.ask_file(ctx, FileDialog::OpenArticle),
            Action::OpenProject => self.ask_file(ctx, FileDialog::OpenProject),
            Action::OpenPath(path) if is_collection_project(&path) => self.open_collection_project(ctx, path),
            Action::OpenPath(path) => self.open(ctx, Input::Path(path)),
            Action::OpenBytes(bytes, name) => self.open(ctx, Input::Bytes(bytes, name)),
            Action::OpenText(text) => self.open(ctx, Input::Text(text)),
            Action::NewFromClipboard => ctx.send_viewport_cmd(ViewportCommand::RequestPaste),
            Action::SaveProject if self.state.collection.is_some() => {
                match self.state.collection.as_ref().and_then(|c| c.project_path.clone()) {
                    Some(path) => {
                        let _ = self.save_collection(&path);
                    }
                    None => self.ask_project_path(ctx),
                }
            }
            Action::SaveProject => match article.project_path.clone() {
                Some(path) => {
                    let _ = self.save_project(&path);
                }
                None => self.ask_project_path(ctx),
            },
            Action::SaveProjectAs => self.ask_project_path(ctx),
            Action::SaveProjectTo(path) => {
                let saved = match self.state.collection {
                    Some(_) => self.save_collection(&path),
                    None => self.save_project(&path),
                };
                if saved.is_ok()
                    && let Some(next) = self.work.after_save.take()
                {
                    self.dispatch(ctx, next);
                }
            }
            Action::ClearRecent => self.work.recent.clear(),
            Action::UseBuiltInDialog(on) => self.work.use_built_in_dialog = on,
            Action::Quit => self.work.close(ctx),
            Action::Unsaved(answer) => {
                let pending = self.work.take_unsaved();
                match (answer, pending) {
                    (_, None) | (UnsavedAnswer::Cancel, _) => {}
                    (UnsavedAnswer::Discard, Some(next)) => self.dispatch(ctx, next),
                    (UnsavedAnswer::Save, Some(next)) => match self.project_path() {
                        Some(path) => {
                            let saved = match self.state.collection {
                                Some(_) => self.save_collection(&path),
                                None => self.save_project(&path),
                            };
                            if saved.is_ok() {
                                self.dispatch(ctx, next);
                            }
                        }
                        None => {
                            self.work.after_save = Some(next);
                            self.ask_project_path(ctx);
                        }
                    },
                }
            }
            Action::OpenMany(paths) => self.open_collection(ctx, paths),
            Action::OpenFolder => self.ask_file(ctx, FileDialog::OpenFolder),
            Action::CheckArticle(i, on) => self.change_collection(|c| {
                if let Some(checked) = c.checked.get_mut(i) {
                    *checked = on;
                }
            }),
            Action::CheckShown(on) => self.change_collection(|c| {
                for i in c.shown_members() {
                    c.checked[i] = on;
                }
            }),
            Action::FilterWord(word) => self.filter_word(ctx, word),
            Action::FilterDates(from, to) => self.change_collection(|c| {
                c.filter.from = from;
                c.filter.to = to;
            }),
            Action::FilterNaming(place) => self.change_collection(|c| c.filter.naming = place),
            Action::CountBy(count) => self.change_collection(|c| c.count = count),
            Action::OpenMember(i) => self.open_member(ctx, i),
            Action::BackToCollection => self.back_to_collection(ctx),
            Action::CloseCollection => {
                if self.state.collection.take().is_some() {
                    ctx.send_viewport_cmd(ViewportCommand::Title(window_title(&self.state.article)));
                }
            }
            Action::Compare(on) => self.change_collection(|c| {
                c.compare = on.then(|| {
                    // Start with the first article shown against the rest shown.
                    let shown = c.shown_members();
                    let mut compare = Compare {
                        a: vec![false; c.members.len()],
                        b: vec![false; c.members.len()],
                    };
                    for (k, &i) in shown.iter().enumerate() {
                        if k == 0 {
                            compare.a[i] = true;
                        } else {
                            compare.b[i] = true;
                        }
                    }
                    compare
                });
            }),
            Action::CompareSide(i, side, on) => self.change_collection(|c| {
                if let Some(compare) = &mut c.compare
                    && i < compare.a.len()
                {
                    match side {
                        Side::A => compare.a[i] = on,
                        Side::B => compare.b[i] = on,
                    }
                }
            }),
            Action::Select(place) => match self.state.collection.as_mut().filter(|c| c.open_member.is_none()) {
                Some(collection) => collection.selection = place,
                None => self.state.selection = place,
            },
            Action::Reveal(sentence) => self.text_view.reveal(sentence),
            Action::FitAll => self.map.fit_all(self.state.on_map().0),
            Action::Zoom(steps) => self.map.zoom_by(steps),
            Action::Pan(delta) => self.map.pan_by(delta),
            Action::Back => {
                if self.state.picture.presentation {
                    self.set_presentation(ctx, false);
                } else if let Some(collection) = self.state.collection.as_mut().filter(|c| c.open_member.is_none()) {
                    collection.selection = None;
                } else {
                    self.state.selection = None;
                }
            }
            Action::DismissError => self.state.error = None,
            Action::DismissNotice => self.state.notice = None,
            Action::SetTheme(theme) => {
                self.state.map_options.theme = theme;
                apply_visuals(ctx, theme);
            }
            Action::SetLayer(layer) => self.state.map_options.layer = layer,
            Action::ShowLinks(on) => self.state.map_options.show_links = on,
            Action::ShowTitle(on) => self.state.picture.hide_title = !on,
            Action::SetTitle(title) => self.state.picture.custom_title = Some((article.name.clone(), title)),
            Action::ShowLegend(on) => self.state.map_options.show_legend = on,
            Action::ShowAttribution(on) => self.state.map_options.show_attribution = on,
            Action::SetColorblind(on) => self.state.map_options.colorblind = on,
            Action::Presentation(on) => self.set_presentation(ctx, on),
            Action::TogglePresentation => self.set_presentation(ctx, !self.state.picture.presentation),
            Action::Correct(correction) => {
                let mut overrides = article.overrides.clone();
                overrides.push(correction);
                self.set_corrections(ctx, overrides);
            }
            Action::UndoCorrection(index) => {
                if index < article.overrides.len() {
                    let mut overrides = article.overrides.clone();
                    overrides.remove(index);
                    self.set_corrections(ctx, overrides);
                }
            }
            Action::UndoLastCorrection => {
                if let Some((_, rest)) = article.overrides.split_last() {
                    self.set_corrections(ctx, rest.to_vec());
                }
            }
            Action::AskPlace(question) => self.corrections.ask(question),
            Action::ToggleCorrections => self.corrections.open = !self.corrections.open,
            Action::SetProjection(projection) => self.state.picture.projection = projection,
            Action::AddNote(lon, lat) => {
                self.state.picture.notes.push(Note::new("", lon, lat));
                self.state.picture.editing_note = Some(self.state.picture.notes.len() - 1);
            }
            Action::EditNote(index) => {
                self.state.picture.editing_note = index.filter(|&i| i < self.state.picture.notes.len());
            }
            Action::SetNoteText(index, text) => {
                if let Some(note) = self.state.picture.notes.get_mut(index) {
                    note.text = text;
                }
            }
            Action::MoveNote(index, offset) => {
                if let Some(note) = self.state.picture.notes.get_mut(index) {
                    note.offset = offset;
                }
            }
            Action::DeleteNote(index) => {
                if index < self.state.picture.notes.len() {
                    self.state.picture.notes.remove(index);
                    self.state.picture.editing_note = None;
                }
            }
            Action::ShowExport(on) => self.state.picture.exporting = on,
            Action::ExportPicture(format, scale) => {
                let suggested = suggested_name(article, format.extension());
                self.ask_file(
                    ctx,
                    FileDialog::ExportPicture {
                        format,
                        scale,
                        suggested,
                    },
                );
            }
            Action::WritePicture(path, format, scale) => {
                let written = self.write_picture(&path, format, scale);
                self.report(written);
            }
            Action::CopyImage => match self.picture(1) {
                Ok(image) => ctx.copy_image(image),
                Err(message) => self.state.error = Some(message),
            },
            Action::CopyCaption => {
                let scene = self.scene();
                ctx.copy_text(scene.caption.clone());
                self.state.notice = Some(format!("Copied the caption: {}", scene.caption));
            }
            Action::ExportData(format) => {
                let suggested = suggested_name(article, format.extension());
                self.ask_file(ctx, FileDialog::ExportData { format, suggested });
            }
            Action::WriteData(path, format) => {
                let written = self.write_data(&path, format);
                self.report(written);
            }
        }
    }

    /// Ask where to save the project.
    fn ask_project_path(&mut self, ctx: &Context) {
        let suggested = match &self.state.collection {
            Some(c) => format!("{}.atlas.json", c.name.replace(['/', '\\'], "-")),
            None => suggested_name(&self.state.article, "atlas.json"),
        };
        self.ask_file(ctx, FileDialog::SaveProject { suggested });
    }

    /// The project file of what is open: the collection's, else the article's.
    fn project_path(&self) -> Option<PathBuf> {
        match &self.state.collection {
            Some(c) => c.project_path.clone(),
            None => self.state.article.project_path.clone(),
        }
    }

    /// Ask for a file, starting in the folder of the open article.
    fn ask_file(&mut self, ctx: &Context, dialog: FileDialog) {
        let article = &self.state.article;
        let file = article
            .project_path
            .clone()
            .or_else(|| article.source.as_ref().map(PathBuf::from).filter(|p| p.is_file()));
        let folder = file.and_then(|f| f.parent().map(Path::to_path_buf));
        self.work.ask_file(ctx, dialog, folder);
    }

    /// Enter or leave presentation mode (full screen).
    fn set_presentation(&mut self, ctx: &Context, on: bool) {
        self.state.picture.presentation = on;
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(on));
    }

    /// Show an error, if there is one.
    fn report(&mut self, result: Result<(), String>) {
        if let Err(message) = result {
            self.state.error = Some(message);
        }
    }

    /// Open `input`: at once when small, else on a background thread. If it
    /// cannot be read, the current article stays and the error is shown.
    fn open(&mut self, ctx: &Context, input: Input) {
        let size = input.size();
        if size > SYNC_LIMIT {
            let name = format!("{} ({} MB)", input.name(), size.div_ceil(1_000_000));
            self.work.loader.start(ctx, name, move |progress| {
                input.load(progress).map(|loaded| Finished::Opened(Box::new(loaded)))
            });
            return;
        }
        let asked = match &input {
            Input::Path(path) => Some(path.clone()),
            Input::Bytes(..) | Input::Text(_) => None,
        };
        match input.load(&Unwatched) {
            Ok(loaded) => {
                self.work.loader.cancel(); // the newest open wins
                self.show_opened(ctx, loaded);
            }
            Err(message) => self.open_failed(message, asked.as_deref()),
        }
    }

    /// Open `paths` (files and folders) as a collection, analysed in the background.
    fn open_collection(&mut self, ctx: &Context, paths: Vec<PathBuf>) {
        self.start_collection(ctx, paths, None);
    }

    /// Open the collection project at `path`: its articles analysed again
    /// in the background with their corrections, then its checks, filters and view.
    fn open_collection_project(&mut self, ctx: &Context, path: PathBuf) {
        match CollectionProject::load(&path) {
            Ok(project) => {
                self.work.recent.push(&path);
                let sources = project.articles.iter().map(|m| m.path.clone()).collect();
                self.start_collection(ctx, sources, Some((project, path)));
            }
            Err(e) => self.open_failed(e.to_string(), Some(&path)),
        }
    }

    /// Analyse the articles `paths` name in the background and show them as
    /// a collection; from a saved collection, with its corrections and settings.
    fn start_collection(&mut self, ctx: &Context, paths: Vec<PathBuf>, saved: Option<(CollectionProject, PathBuf)>) {
        let name = match (&saved, paths.as_slice()) {
            (Some((project, _)), _) => project.name.clone(),
            (None, [one]) => display_name(one),
            (None, many) => format!("{} files", many.len()),
        };
        if saved.is_none() {
            for path in &paths {
                self.work.recent.push(path);
            }
        }
        self.work.loader.start(ctx, name.clone(), move |job| {
            let files = match &saved {
                Some(_) => paths.clone(),
                None => crate::collection::discover(&paths),
            };
            if files.is_empty() {
                return Err(format!("{name}: no articles there (text, Markdown or HTML files)"));
            }
            let overrides: std::collections::HashMap<PathBuf, Vec<crate::analysis::Override>> = saved
                .iter()
                .flat_map(|(p, _)| p.articles.iter().map(|m| (m.path.clone(), m.overrides.clone())))
                .collect();
            let overrides_of = |path: &Path| overrides.get(path).cloned().unwrap_or_default();
            let progress = crate::collection::Progress::default();
            let members = std::thread::scope(|scope| {
                let work = scope.spawn(|| crate::collection::analyse_files(&files, &overrides_of, &progress));
                // Report the articles done until the work ends; pass on a cancel.
                while !work.is_finished() {
                    if job.is_cancelled() {
                        progress.cancel();
                    }
                    crate::analysis::Watch::stage(job, &format!("Analysed {} of", progress.describe()));
                    crate::analysis::Watch::proceed(job, progress.fraction());
                    std::thread::sleep(Duration::from_millis(50));
                }
                work.join().ok().flatten()
            })
            .ok_or_else(|| CANCELLED.to_string())?;
            let title = match (&saved, paths.as_slice()) {
                (Some(_), _) => name,
                (None, [folder]) if folder.is_dir() => display_name(folder),
                (None, _) => format!("{} articles", members.len()),
            };
            let (sources, project) = match saved {
                Some((project, path)) => {
                    let mut view_sources = project.sources.clone();
                    if view_sources.is_empty() {
                        view_sources = paths;
                    }
                    let mut project = project;
                    project.sources = view_sources.clone();
                    (view_sources, Some((project, path)))
                }
                None => (paths, None),
            };
            let mut view = CollectionView::new(title, sources, members);
            let project = project.map(|(project, path)| {
                view.project_path = Some(path);
                Box::new(project)
            });
            Ok(Finished::Collection(Box::new(view), project))
        });
    }

    /// Show a newly opened collection, with a saved collection's settings.
    fn show_collection(&mut self, ctx: &Context, mut view: CollectionView, project: Option<CollectionProject>) {
        if let Some(project) = &project {
            view.restore(project);
        }
        let unreadable = view.members.len() - view.readable();
        self.state.notice = Some(format!(
            "Opened {}: {} articles{}",
            view.name,
            view.readable(),
            if unreadable > 0 {
                format!(", {unreadable} could not be read (their reasons are in the list)")
            } else {
                String::new()
            }
        ));
        ctx.send_viewport_cmd(ViewportCommand::Title(format!("{} — Article Atlas", view.name)));
        match project.as_ref().and_then(|p| p.view) {
            Some(v) => self.map.hold_view(&view.aggregate.analysis, (v.lon, v.lat, v.zoom)),
            None => self.map.fit_all(&view.aggregate.analysis),
        }
        let word = view.filter.word.clone();
        self.collection_ui.reset();
        self.state.collection = Some(view);
        self.state.error = None;
        if let Some(project) = project {
            if let Some(theme) = project.theme {
                self.dispatch(ctx, Action::SetTheme(theme));
            }
            if let Some(projection) = project.projection {
                self.state.picture.projection = projection;
            }
            if !word.trim().is_empty() {
                self.filter_word(ctx, word);
            }
        }
    }

    /// Save the open collection to `path` (atomically), with the corrections
    /// of the article open on its own.
    fn save_collection(&mut self, path: &Path) -> Result<(), String> {
        let (lon, lat, zoom) = self.map.view();
        let theme = self.state.map_options.theme;
        let projection = self.state.picture.projection;
        let Some(collection) = &mut self.state.collection else {
            return Err("no collection is open".into());
        };
        if let Some(i) = collection.open_member {
            collection.members[i].overrides = self.state.article.overrides.clone();
        }
        let mut project = collection.project();
        project.theme = Some(theme);
        project.projection = Some(projection);
        project.view = collection
            .open_member
            .is_none()
            .then_some(MapViewState { lon, lat, zoom });
        match project.save(path) {
            Ok(()) => {
                collection.project_path = Some(path.to_path_buf());
                collection.saved_overrides = collection.members.iter().map(|m| m.overrides.clone()).collect();
                self.state.article.saved_overrides = self.state.article.overrides.clone();
                self.work.recent.push(path);
                self.state.notice = Some(format!("Saved {}", path.display()));
                Ok(())
            }
            Err(e) => {
                let message = format!("Could not save the collection: {e}");
                self.state.error = Some(message.clone());
                Err(message)
            }
        }
    }

    /// Change the open collection with `change`, then count again.
    fn change_collection(&mut self, change: impl FnOnce(&mut CollectionView)) {
        if let Some(collection) = &mut self.state.collection {
            change(collection);
            collection.refresh();
        }
    }

    /// Show only the articles holding `word`: searched in the background
    /// (the files are read again), the list follows when it is done.
    fn filter_word(&mut self, ctx: &Context, word: String) {
        let Some(collection) = &mut self.state.collection else {
            return;
        };
        collection.filter.word = word.clone();
        collection.filter.word_matches = None;
        collection.refresh();
        if word.trim().is_empty() {
            return;
        }
        let paths: Vec<PathBuf> = collection.members.iter().map(|m| m.path.clone()).collect();
        self.work.loader.start(ctx, format!("“{}”", word.trim()), move |job| {
            use rayon::prelude::*;
            crate::analysis::Watch::stage(job, "Searching the articles for");
            let needle = word.trim().to_lowercase();
            let matches = paths
                .par_iter()
                .map(|path| {
                    !job.is_cancelled()
                        && crate::import::read_file(path).is_ok_and(|a| a.text.to_lowercase().contains(&needle))
                })
                .collect();
            if job.is_cancelled() {
                return Err(CANCELLED.into());
            }
            Ok(Finished::WordSearch(word, matches))
        });
    }

    /// Open the collection's article at `i` on its own, with its corrections.
    fn open_member(&mut self, ctx: &Context, i: usize) {
        let Some(member) = self.state.collection.as_ref().and_then(|c| c.members.get(i)) else {
            return;
        };
        match member.open() {
            Ok(article) => {
                ctx.send_viewport_cmd(ViewportCommand::Title(window_title(&article)));
                self.map.fit_all(&article.analysis);
                let mut article = article;
                // Its corrections belong to the collection: saved with it, not a project of their own.
                article.saved_overrides = article.overrides.clone();
                self.state.replace_article(article, Vec::new());
                self.text_view = TextView::default();
                self.corrections.reset();
                if let Some(collection) = &mut self.state.collection {
                    collection.open_member = Some(i);
                }
            }
            Err(message) => self.state.error = Some(format!("Could not open {message}")),
        }
    }

    /// Back from an article to its collection, keeping the article's corrections.
    fn back_to_collection(&mut self, ctx: &Context) {
        let Some(collection) = &mut self.state.collection else {
            return;
        };
        let Some(i) = collection.open_member.take() else { return };
        let article = &self.state.article;
        let member = &mut collection.members[i];
        if member.overrides != article.overrides {
            member.overrides = article.overrides.clone();
            member.digest = Ok(crate::collection::Digest::of(article));
            collection.refresh();
        }
        ctx.send_viewport_cmd(ViewportCommand::Title(format!("{} — Article Atlas", collection.name)));
        let analysis = collection.aggregate.analysis.clone();
        self.map.fit_all(&analysis);
    }

    /// Show what a background job finished with.
    fn finish(&mut self, ctx: &Context, outcome: Outcome<Finished>) {
        match outcome {
            Ok(Finished::Opened(loaded)) => self.show_opened(ctx, *loaded),
            Ok(Finished::Corrected(article)) => self.show_corrected(*article),
            Ok(Finished::Collection(view, project)) => self.show_collection(ctx, *view, project.map(|p| *p)),
            Ok(Finished::WordSearch(word, matches)) => self.change_collection(|c| {
                if c.filter.word == word {
                    c.filter.word_matches = Some(matches);
                }
            }),
            Err(message) if message == CANCELLED => {}
            Err(message) => self.open_failed(message, None),
        }
    }

    /// Say why an input could not be opened; `asked` is the path the user
    /// asked for, dropped from the recent list if it is gone.
    fn open_failed(&mut self, message: String, asked: Option<&Path>) {
        let mut message = format!("Could not open {message}");
        if let Some(path) = asked.filter(|p| !p.exists())
            && self.work.recent.remove(path)
        {
            message.push_str(" (removed from the recent files)");
        }
        self.state.error = Some(message);
    }

    /// Show a newly opened article, with a project's theme, view and selection.
    fn show_opened(&mut self, ctx: &Context, loaded: Loaded) {
        self.state.collection = None;
        if let Some(path) = &loaded.path {
            self.work.recent.push(path);
        }
        let article = loaded.article;
        let empty = article.analysis.mentions.is_empty();
        let name = article.name.clone();
        ctx.send_viewport_cmd(ViewportCommand::Title(window_title(&article)));
        match loaded.view {
            Some(view) => self.map.hold_view(&article.analysis, (view.lon, view.lat, view.zoom)),
            None => self.map.fit_all(&article.analysis),
        }
        self.state.replace_article(article, loaded.notes);
        self.text_view = TextView::default();
        self.corrections.reset();
        if let Some(theme) = loaded.theme {
            self.dispatch(ctx, Action::SetTheme(theme));
        }
        if let Some(projection) = loaded.projection {
            self.state.picture.projection = projection;
        }
        let g = Gazetteer::builtin();
        self.state.selection = loaded.selected.and_then(|r| Place::from_ref(&r, g).ok());
        if empty {
            self.state.notice = Some(format!("No places found in {name}."));
        }
    }

    /// The same article analysed again with other corrections: selection and view stay.
    fn show_corrected(&mut self, article: Article) {
        self.map.hold_view(&article.analysis, self.map.view());
        self.state.article = article;
        self.state.hovered = None;
    }

    /// Replace the article's corrections and analyse it again: at once for
    /// an article, in the background for a book. The selection and the view stay.
    fn set_corrections(&mut self, ctx: &Context, overrides: Vec<Override>) {
        let article = &mut self.state.article;
        if article.analysis.document.text.len() as u64 > SYNC_LIMIT {
            let (draft, saved) = (article.draft(), article.saved_overrides.clone());
            article.overrides = overrides.clone();
            let name = article.name.clone();
            self.work.loader.start(ctx, name, move |progress| {
                progress.stage("Applying corrections to");
                let mut article = draft.analyse_watched(overrides, progress).ok_or(CANCELLED)?;
                article.saved_overrides = saved;
                Ok(Finished::Corrected(Box::new(article)))
            });
            return;
        }
        let before = article.problems.len();
        let corrected = article.with_overrides(overrides);
        if corrected.problems.len() > before
            && let Some(problem) = corrected.problems.last()
        {
            self.state.error = Some(format!("Could not apply {problem}"));
        }
        self.show_corrected(corrected);
    }

    /// What the picture of the open article is, as the menus set it: the
    /// size of the map panel (a Mercator picture shows what the map shows).
    fn picture_spec(&self) -> PictureSpec {
        let size = self
            .map
            .size()
            .filter(|s| s.x >= 1.0 && s.y >= 1.0)
            .unwrap_or(egui::vec2(1280.0, 800.0));
        self.state.picture_spec(size, Some(self.map.view()))
    }

    /// The picture of the open article as the menus set it ([`Self::picture_spec`]).
    pub fn scene(&mut self) -> Rc<Scene> {
        self.laid_out(self.picture_spec())
    }

    /// The picture `spec` describes, laid out again only when it or the analysis changed.
    fn laid_out(&mut self, spec: PictureSpec) -> Rc<Scene> {
        let analysis = self.state.on_map().0;
        let generation = analysis.generation;
        match &self.preview {
            Some((s, g, scene)) if *s == spec && *g == generation => Rc::clone(scene),
            _ => {
                let scene = Rc::new(picture::build(analysis, &spec));
                self.preview = Some((spec, generation, Rc::clone(&scene)));
                scene
            }
        }
    }

    /// The picture at `scale` pixels per point.
    fn picture(&mut self, scale: u32) -> Result<egui::ColorImage, String> {
        let scene = self.scene();
        picture::raster::rasterize(&scene, scale as f32).map_err(|e| format!("Could not draw the picture: {e}"))
    }

    fn write_picture(&mut self, path: &Path, format: PictureFormat, scale: u32) -> Result<(), String> {
        let scene = self.scene();
        let bytes =
            picture_bytes(&scene, format, scale as f32).map_err(|e| format!("Could not make the picture: {e}"))?;
        data::write_atomically(path, &bytes).map_err(|e| format!("Could not write {}: {e}", path.display()))?;
        self.state.notice = Some(format!("Saved {}", path.display()));
        Ok(())
    }

    fn write_data(&mut self, path: &Path, format: Format) -> Result<(), String> {
        let mut bytes = Vec::new();
        data::write(format, self.state.analysis(), Gazetteer::builtin(), &mut bytes).map_err(|e| e.to_string())?;
        data::write_atomically(path, &bytes).map_err(|e| format!("Could not write {}: {e}", path.display()))?;
        self.state.notice = Some(format!("Saved {}", path.display()));
        Ok(())
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let settings = Settings {
            built_in_dialog: self.work.use_built_in_dialog,
            ..self.state.settings()
        };
        eframe::set_value(storage, eframe::APP_KEY, &settings);
        eframe::set_value(storage, super::recent::STORAGE_KEY, &self.work.recent);
    }
}
