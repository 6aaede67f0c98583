//! Presentation mode: the panels hidden and the map filling the window (full
//! screen), with a small button to leave. F11 toggles it, Esc leaves it
//! (see [`super::export::keys`]).

use egui::{Align2, CentralPanel, Ui, vec2};

use super::Action;
use super::export::PictureAction;
use super::state::AppState;
use crate::map::MapView;

/// Draw the map alone in all of `ui`; returns what the user asked for.
pub fn show(ui: &mut Ui, state: &mut AppState, map: &mut MapView) -> Option<Action> {
    let mut action = None;
    CentralPanel::no_frame().show(ui, |ui| {
        let rect = ui.max_rect();
        let response = map.ui(ui, &state.article.analysis, state.selection, &state.map_options);
        if let Some(pick) = response.clicked {
            state.selection = Some(pick);
        }
        state.hovered = response.hovered;
        state.map_status = response.status;
        egui::Area::new(ui.scope_id().with("leave presentation"))
            .anchor(Align2::RIGHT_TOP, vec2(-8.0, 8.0))
            .constrain_to(rect)
            .show(ui.ctx(), |ui| {
                if ui
                    .button("Leave presentation")
                    .on_hover_text("Show the panels again (Esc)")
                    .clicked()
                {
                    action = Some(Action::Picture(PictureAction::Presentation(false)));
                }
            });
    });
    action
}
