//! Presentation mode: the panels hidden and the map filling the window (full
//! screen), with a small button to leave. F11 toggles it, Esc leaves it.

use egui::{Align2, Ui, vec2};

use crate::app::Action;

/// The "Leave presentation" button in the top-right corner of `rect`.
pub fn leave_button(ui: &Ui, rect: egui::Rect) -> Option<Action> {
    let mut action = None;
    egui::Area::new(ui.scope_id().with("leave presentation"))
        .anchor(Align2::RIGHT_TOP, vec2(-8.0, 8.0))
        .constrain_to(rect)
        .show(ui.ctx(), |ui| {
            if ui
                .button("Leave presentation")
                .on_hover_text("Show the panels again (Esc)")
                .clicked()
            {
                action = Some(Action::Presentation(false));
            }
        });
    action
}
