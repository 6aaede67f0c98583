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
            if note.text.is_empty() && !edit.has_focus() && ui.memory(|m| m.focused().is_none()) {
                edit.request_focus();
            }
            if edit.changed() {
                actions.push(Action::SetNoteText(index, text));
            }
            ui.label(format!(
                "At {:.2}°, {:.2}° — drag its box on the map to move it.",
                note.lat, note.lon
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
