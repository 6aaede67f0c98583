//! The status bar: source, counts, warnings and the map's status.

use egui::Ui;

use super::passages::plural;
use super::state::AppState;

/// Draw the status line.
pub fn ui(ui: &mut Ui, state: &AppState) {
    let a = state.analysis();
    ui.horizontal(|ui| {
        if let Some(busy) = &state.busy {
            match state.busy_fraction {
                Some(fraction) => {
                    let bar = egui::ProgressBar::new(fraction).desired_width(120.0).show_percentage();
                    ui.add(bar).widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, "Analysis progress")
                    });
                }
                None => {
                    ui.spinner();
                }
            }
            ui.label(busy);
            ui.separator();
        }
        ui.strong(&state.article.name);
        ui.separator();
        ui.label(
            [
                plural(a.countries.len(), "country", "countries"),
                plural(a.regions.len(), "region", "regions"),
                plural(a.cities.len(), "city", "cities"),
                plural(a.mentions.len(), "mention", "mentions"),
            ]
            .join(" · "),
        );
        for warning in &a.warnings {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, warning);
        }
        if let Some(status) = &state.map_status {
            ui.separator();
            ui.weak(status);
        }
    });
}
