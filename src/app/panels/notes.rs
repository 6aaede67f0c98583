//! The note editor: the text of the note being edited, and "Delete note".
//! Notes are added from the map's right-click menu ("Add note here") and
//! moved by dragging their box.

use egui::{Context, TextEdit, Window};

use crate::app::{Action, AppState};

/// The "Note" window while a note is edited.
pub fn window(ctx: &Context, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(index) = state.picture.editing_note else {
        return actions;
    };
    let Some(note) = state.picture.notes.get(index) else {
        return actions;
    };
    let mut open = true;
    Window::new("Note")
        .open(&mut open)
        .default_pos(ctx.content_rect().center() - egui::vec2(150.0, 120.0))
        .collapsible(false)
        .resizable(false)
        .default_width(300.0)
        .show(ctx, |ui| {
            let mut text = note.text.clone();
            let label = ui.label("Note text");
            let edit = ui.add(
                TextEdit::multiline(&mut text)
                    .desired_rows(3)
                    .desired_width(280.0)
                    .hint_text("What the audience should see here"),
            );
            let edit = edit.labelled_by(label.id);
            // The keyboard goes to a note's text when its editor opens.
            let opened = ui
                .scope_id()
                .with(("note editor opened", index, note.lon.to_bits(), note.lat.to_bits()));
            if !ui.data(|d| d.get_temp::<bool>(opened).unwrap_or(false)) {
                edit.request_focus();
                ui.data_mut(|d| d.insert_temp(opened, true));
            }
            if edit.changed() {
                actions.push(Action::SetNoteText(index, text));
            }
            ui.label(format!(
                "At {} — drag its box on the map to move it.",
                degrees(note.lat, note.lon)
            ));
            ui.horizontal(|ui| {
                if ui.button("Done").clicked() {
                    actions.push(Action::EditNote(None));
                }
                if ui.button("Delete note").clicked() {
                    actions.push(Action::DeleteNote(index));
                }
            });
        });
    if !open {
        actions.push(Action::EditNote(None));
    }
    actions
}

/// "55.75° N, 37.62° E".
fn degrees(lat: f64, lon: f64) -> String {
    let ns = if lat < 0.0 { 'S' } else { 'N' };
    let ew = if lon < 0.0 { 'W' } else { 'E' };
    format!("{:.2}° {ns}, {:.2}° {ew}", lat.abs(), lon.abs())
}
