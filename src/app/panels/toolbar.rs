//! The top bar: open, map view buttons, links, basemap, picture controls and theme.

use egui::Ui;

use super::picture;
use crate::app::action::shortcut_text;
use crate::app::{Action, AppState};
use crate::map::{MapTheme, TileLayer};

/// Draw the top bar; returns what the user asked for.
pub fn ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let options = &state.map_options;
    ui.horizontal(|ui| {
        let keys = shortcut_text(ui.ctx(), &Action::Open).map_or(String::new(), |k| format!(" ({k})"));
        if ui
            .button("Open…")
            .on_hover_text(format!("Open a text file{keys}"))
            .clicked()
        {
            actions.push(Action::Open);
        }
        ui.separator();
        if ui
            .button("Fit all")
            .on_hover_text("Show every mentioned place")
            .clicked()
        {
            actions.push(Action::FitAll);
        }
        if ui.button("+").on_hover_text("Zoom in (+)").clicked() {
            actions.push(Action::Zoom(1.0));
        }
        if ui.button("−").on_hover_text("Zoom out (−)").clicked() {
            actions.push(Action::Zoom(-1.0));
        }
        let mut links = options.show_links;
        if ui
            .toggle_value(&mut links, "Links")
            .on_hover_text("Join countries mentioned in the same passage")
            .changed()
        {
            actions.push(Action::ShowLinks(links));
        }
        ui.menu_button("Basemap", |ui| {
            let mut layer = options.layer;
            let offline = ui.radio_value(&mut layer, TileLayer::BuiltIn, "Built-in (offline)");
            let online = ui.radio_value(&mut layer, TileLayer::OpenStreetMap, "OpenStreetMap (online)");
            if offline.clicked() || online.clicked() {
                actions.push(Action::SetLayer(layer));
                ui.close();
            }
        });
        ui.separator();
        actions.extend(picture::toolbar_ui(ui, state));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let dark = options.theme == MapTheme::Dark;
            if ui.selectable_label(dark, "Dark").clicked() && !dark {
                actions.push(Action::SetTheme(MapTheme::Dark));
            }
            if ui.selectable_label(!dark, "Light").clicked() && dark {
                actions.push(Action::SetTheme(MapTheme::Light));
            }
        });
    });
    actions
}
