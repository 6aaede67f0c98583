//! The menu bar: File (open, paste, recent files, projects) and Edit (corrections).

use egui::{Button, MenuBar, Ui};

use super::Action;
use super::recent::RecentFiles;
use super::state::AppState;

/// Draw the menu bar; returns what the user asked for.
pub fn ui(ui: &mut Ui, state: &AppState, recent: &RecentFiles, corrections_open: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.add(Button::new("Open…").shortcut_text("Ctrl+O")).clicked() {
                actions.push(Action::Open);
            }
            if ui.button("Open project…").clicked() {
                actions.push(Action::OpenProject);
            }
            if ui
                .add(Button::new("New from clipboard").shortcut_text("Ctrl+V"))
                .on_hover_text("Analyse the text on the clipboard")
                .clicked()
            {
                actions.push(Action::NewFromClipboard);
            }
            ui.menu_button("Open recent", |ui| recent_ui(ui, recent, &mut actions));
            ui.separator();
            if ui.add(Button::new("Save project").shortcut_text("Ctrl+S")).clicked() {
                actions.push(Action::SaveProject);
            }
            if ui
                .add(Button::new("Save project as…").shortcut_text("Ctrl+Shift+S"))
                .clicked()
            {
                actions.push(Action::SaveProjectAs);
            }
            super::export::file_menu(ui, &mut actions);
        });
        ui.menu_button("Edit", |ui| {
            let count = state.article.overrides.len();
            let undo = ui.add_enabled(count > 0, Button::new("Undo last correction").shortcut_text("Ctrl+Z"));
            if undo.clicked() {
                actions.push(Action::UndoCorrection(count.wrapping_sub(1)));
            }
            let label = if corrections_open {
                "Hide corrections"
            } else {
                "Show corrections"
            };
            if ui.button(label).clicked() {
                actions.push(Action::ToggleCorrections);
            }
        });
        let count = state.article.overrides.len();
        if count > 0 {
            let text = super::passages::plural(count, "correction", "corrections");
            if ui.link(text).on_hover_text("Show the corrections").clicked() {
                actions.push(Action::ToggleCorrections);
            }
        }
    });
    actions
}

/// The recent files: existing ones open on click, missing ones are shown disabled.
fn recent_ui(ui: &mut Ui, recent: &RecentFiles, actions: &mut Vec<Action>) {
    if recent.paths().is_empty() {
        ui.weak("No recent files");
        return;
    }
    for path in recent.paths() {
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        if path.is_file() {
            if ui.button(&name).on_hover_text(path.display().to_string()).clicked() {
                actions.push(Action::OpenPath(path.clone()));
            }
        } else {
            ui.add_enabled(false, Button::new(format!("{name} (missing)")))
                .on_disabled_hover_text(format!("{} no longer exists", path.display()));
        }
    }
    ui.separator();
    if ui.button("Clear recent files").clicked() {
        actions.push(Action::ClearRecent);
    }
}
