//! The top bar: open, map view buttons, links, basemap and theme.

use egui::Ui;

use super::Action;
use super::state::AppState;
use crate::map::TileLayer;

/// Draw the top bar; returns what the user asked for that the app must do.
pub fn ui(ui: &mut Ui, state: &mut AppState) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button("Open…").on_hover_text("Open a text file (Ctrl+O)").clicked() {
            action = Some(Action::Open);
        }
        ui.separator();
        if ui
            .button("Fit all")
            .on_hover_text("Show every mentioned place")
            .clicked()
        {
            action = Some(Action::FitAll);
        }
        if ui.button("+").on_hover_text("Zoom in (+)").clicked() {
            action = Some(Action::Zoom(1.0));
        }
        if ui.button("−").on_hover_text("Zoom out (−)").clicked() {
            action = Some(Action::Zoom(-1.0));
        }
        ui.toggle_value(&mut state.map_options.show_links, "Links")
            .on_hover_text("Join countries mentioned in the same passage");
        ui.menu_button("Basemap", |ui| {
            let layer = &mut state.map_options.layer;
            let offline = ui.radio_value(layer, TileLayer::BuiltIn, "Built-in (offline)");
            let online = ui.radio_value(layer, TileLayer::OpenStreetMap, "OpenStreetMap (online)");
            if offline.clicked() || online.clicked() {
                ui.close();
            }
        });
        ui.separator();
        if let Some(picture) = super::export::toolbar_ui(ui, state) {
            action = Some(picture);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mut dark = state.map_options.dark;
            ui.selectable_value(&mut dark, true, "Dark");
            ui.selectable_value(&mut dark, false, "Light");
            if dark != state.map_options.dark {
                action = Some(Action::SetDark(dark));
            }
        });
    });
    action
}
