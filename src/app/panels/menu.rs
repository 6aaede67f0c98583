//! The menu bar: File (open, paste, recent files, projects, exports) and
//! Edit (corrections). Shortcut hints come from the keymap.

use egui::{Button, MenuBar, Ui};

use crate::app::action::shortcut_text;
use crate::app::recent::RecentFiles;
use crate::app::{Action, AppState};

/// A menu button for `action`, with its shortcut hint; pushes the action when clicked.
fn item(ui: &mut Ui, label: &str, action: Action, actions: &mut Vec<Action>) -> egui::Response {
    let mut button = Button::new(label);
    if let Some(keys) = shortcut_text(ui.ctx(), &action) {
        button = button.shortcut_text(keys);
    }
    let response = ui.add(button);
    if response.clicked() {
        actions.push(action);
    }
    response
}

/// What the menus show besides the app's state.
pub struct Menus<'a> {
    /// The files opened lately.
    pub recent: &'a RecentFiles,
    /// The Corrections window is shown.
    pub corrections_open: bool,
    /// The built-in file dialog is chosen.
    pub built_in_dialog: bool,
}

/// Draw the menu bar; returns what the user asked for.
pub fn ui(ui: &mut Ui, state: &AppState, menus: &Menus<'_>) -> Vec<Action> {
    let (recent, corrections_open) = (menus.recent, menus.corrections_open);
    let mut actions = Vec::new();
    MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, "Open…", Action::Open, &mut actions);
            item(ui, "Open folder…", Action::OpenFolder, &mut actions)
                .on_hover_text("Every article in a folder (and its sub-folders), as a collection");
            item(ui, "Open project…", Action::OpenProject, &mut actions);
            item(ui, "New from clipboard", Action::NewFromClipboard, &mut actions)
                .on_hover_text("Analyse the text on the clipboard");
            ui.menu_button("Open recent", |ui| recent_ui(ui, recent, &mut actions));
            ui.separator();
            item(ui, "Save project", Action::SaveProject, &mut actions);
            item(ui, "Save project as…", Action::SaveProjectAs, &mut actions);
            if state.collection.is_some() {
                item(ui, "Close collection", Action::CloseCollection, &mut actions);
            }
            super::picture::file_menu(ui, &mut actions);
            ui.separator();
            let mut built_in = menus.built_in_dialog;
            if ui
                .checkbox(&mut built_in, "Built-in file dialog")
                .on_hover_text("Choose files in a dialog drawn by the app, not the desktop's")
                .changed()
            {
                actions.push(Action::UseBuiltInDialog(built_in));
            }
        });
        ui.menu_button("Edit", |ui| {
            let count = state.article.overrides.len();
            ui.add_enabled_ui(count > 0, |ui| {
                item(ui, "Undo last correction", Action::UndoLastCorrection, &mut actions);
            });
            let label = if corrections_open {
                "Hide corrections"
            } else {
                "Show corrections"
            };
            item(ui, label, Action::ToggleCorrections, &mut actions);
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
        let name = crate::article::load::display_name(path);
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
