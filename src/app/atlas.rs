//! [`AtlasApp`]: the panels laid out around the map, and the actions they ask for.

use egui::{CentralPanel, Panel, Theme, Ui, ViewportCommand};

use super::article::Article;
use super::state::{AppState, Settings};
use super::text_view::TextView;
use super::{Action, passages, place_list, shortcuts, status, toolbar};
use crate::map::MapView;

/// The whole app: state, map and text view.
pub struct AtlasApp {
    pub(super) state: AppState,
    pub(super) map: MapView,
    pub(super) text_view: TextView,
    /// Opening, saving and correcting: background jobs, dialogs, recent files.
    pub(super) work: super::open::Workbench,
}

/// "name — Article Atlas".
pub(super) fn window_title(article: &Article) -> String {
    format!("{} — Article Atlas", article.name)
}

impl AtlasApp {
    /// The app showing `article`, with `settings` applied to `ctx`.
    pub fn new(ctx: &egui::Context, article: Article, settings: Settings) -> AtlasApp {
        ctx.set_theme(if settings.dark { Theme::Dark } else { Theme::Light });
        let mut map = MapView::new(ctx);
        map.fit_all(&article.analysis);
        AtlasApp {
            state: AppState::new(article, settings),
            map,
            text_view: TextView::default(),
            work: Default::default(),
        }
    }

    /// The app as eframe creates it, with the settings saved last time.
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

    /// Show `article` in place of the current one.
    pub fn open(&mut self, ctx: &egui::Context, article: Article) {
        ctx.send_viewport_cmd(ViewportCommand::Title(window_title(&article)));
        self.map.fit_all(&article.analysis);
        self.state.replace_article(article);
        self.text_view = TextView::default();
    }

    /// Draw one frame of the whole app into `ui`.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.state.map_options.dark = ctx.theme() == Theme::Dark;
        let mut actions = self.take_input(&ctx);
        // F11, Esc in presentation mode, Ctrl+E: before the other shortcuts see Esc.
        actions.extend(super::export::keys(&ctx, &self.state));
        actions.extend(shortcuts::actions(&ctx));
        super::export::prepare(&mut self.state);
        if self.state.picture.presentation {
            actions.extend(super::presentation::show(ui, &mut self.state, &mut self.map));
            for action in actions {
                self.apply(&ctx, action);
            }
            return;
        }
        actions.extend(self.menu_and_windows(ui));

        Panel::top("toolbar").show(ui, |ui| {
            ui.add_space(2.0);
            actions.extend(toolbar::ui(ui, &mut self.state));
        });
        if let Some(error) = self.state.error.clone() {
            Panel::top("error").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                    if ui.button("Dismiss").clicked() {
                        self.state.error = None;
                    }
                });
            });
        }
        for action in actions {
            self.apply(&ctx, action);
        }
        Panel::bottom("status").show(ui, |ui| status::ui(ui, &self.state));
        // The passages panel comes before the text view, so a passage clicked
        // this frame is revealed in the text this frame.
        Panel::left("places")
            .resizable(true)
            .default_size(300.0)
            .size_range(200.0..=500.0)
            .show(ui, |ui| place_list::ui(ui, &mut self.state));
        Panel::right("passages")
            .resizable(true)
            .default_size(380.0)
            .size_range(240.0..=700.0)
            .show(ui, |ui| passages::ui(ui, &mut self.state));
        Panel::bottom("article")
            .resizable(true)
            .default_size(220.0)
            .size_range(80.0..=600.0)
            .show(ui, |ui| self.text_view.ui(ui, &mut self.state));
        CentralPanel::no_frame().show(ui, |ui| {
            let state = &mut self.state;
            let response = self
                .map
                .ui(ui, &state.article.analysis, state.selection, &state.map_options);
            if let Some(pick) = response.clicked {
                state.selection = Some(pick);
            }
            state.hovered = response.hovered;
            state.map_status = response.status;
        });
    }

    /// Carry out an action.
    pub(super) fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::FitAll => self.map.fit_all(self.state.analysis()),
            Action::Zoom(steps) => self.map.zoom_by(steps),
            Action::Pan(delta) => self.map.pan_by(delta),
            Action::SetDark(dark) => {
                ctx.set_theme(if dark { Theme::Dark } else { Theme::Light });
                self.state.map_options.dark = dark;
            }
            Action::ClearSelection => self.state.selection = None,
            Action::Picture(picture) => super::export::apply(ctx, &mut self.state, &self.map, picture),
            // Opening, saving and correcting (open.rs).
            other => {
                self.apply_work(ctx, other);
            }
        }
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.settings());
        eframe::set_value(storage, super::recent::STORAGE_KEY, &self.work.recent);
    }
}
