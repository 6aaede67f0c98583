//! The status bar: background work, source, counts, warnings and the map's status.

use egui::Ui;

use super::passages::plural;
use crate::app::AppState;

/// Draw the status line.
pub fn ui(ui: &mut Ui, state: &AppState) {
    let a = state.analysis();
    ui.horizontal(|ui| {
        if let Some(busy) = &state.busy {
            match busy.fraction {
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
            ui.label(&busy.status);
            ui.separator();
        }
        if let Some(c) = state.collection_shown() {
            ui.strong(&c.name);
            ui.separator();
            let counted = (0..c.members.len()).filter(|&i| c.counted(i)).count();
            let unreadable = c.members.len() - c.readable();
            let mut words = vec![
                plural(c.readable(), "article", "articles"),
                format!("{counted} counted"),
                plural(c.aggregate.analysis.countries.len(), "country", "countries"),
            ];
            if unreadable > 0 {
                words.push(format!("{unreadable} could not be read"));
            }
            ui.label(words.join(" · "));
            return;
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
        if let Some(dialogs) = &state.dialogs {
            ui.separator();
            ui.weak(dialogs);
        }
    });
}

/// The error and notice lines under the toolbar, each with its button to dismiss it.
pub fn messages(ui: &mut Ui, state: &AppState) -> Option<crate::app::Action> {
    use crate::app::Action;
    let mut action = None;
    if let Some(error) = &state.error {
        ui.horizontal(|ui| {
            ui.colored_label(ui.visuals().error_fg_color, error);
            if ui.button("Dismiss").clicked() {
                action = Some(Action::DismissError);
            }
        });
    }
    if let Some(notice) = &state.notice {
        ui.horizontal(|ui| {
            ui.label(notice);
            if ui.button("OK").clicked() {
                action = Some(Action::DismissNotice);
            }
        });
    }
    action
}
