//! Notes on the interactive map: each a box with its text, joined by a
//! leader line to its point, drawn where pictures draw it. Drag a box to
//! move it; click it to edit it.

use egui::{Align2, FontId, Rect, Response, Role, Sense, Stroke, Ui, WidgetInfo, pos2};
use walkers::{MapMemory, Plugin, Projector};

use super::scene::{NoteEvent, Scene};
use super::view::Viewport;
use crate::cartography::note::{NOTE_SIZE, Note};

/// The notes layer.
pub struct Notes<'a> {
    /// The frame.
    pub scene: &'a Scene<'a>,
    /// The notes.
    pub notes: &'a [Note],
}

impl Plugin for Notes<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let view = Viewport::from_projector(projector);
        let painter = ui.painter().with_clip_rect(view.rect);
        let palette = &self.scene.palette;
        for (i, note) in self.notes.iter().enumerate() {
            let anchor = view.lon_lat_to_screen(note.lon, note.lat);
            let rect = note.rect(anchor);
            if !view.rect.expand(rect.width() + 80.0).contains(anchor) {
                continue;
            }
            let response = ui.interact(rect, ui.scope_id().with(("note", i)), Sense::click_and_drag());
            let label = format!("Note: {}", note.text);
            response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
            let strong = response.hovered() || response.dragged();
            let end = pos2(
                anchor.x.clamp(rect.left(), rect.right()),
                anchor.y.clamp(rect.top(), rect.bottom()),
            );
            painter.line_segment([anchor, end], Stroke::new(1.2, palette.text));
            painter.circle_filled(anchor, 2.5, palette.text);
            painter.rect_filled(rect, 4.0, palette.halo);
            painter.rect_stroke(
                rect,
                4.0,
                Stroke::new(if strong { 2.0 } else { 1.0 }, palette.text),
                egui::StrokeKind::Middle,
            );
            let line_height = crate::cartography::font::metrics().line_height(NOTE_SIZE);
            for (k, line) in note.lines().enumerate() {
                painter.text(
                    Note::text_origin(rect) + egui::vec2(0.0, k as f32 * line_height),
                    Align2::LEFT_TOP,
                    line,
                    FontId::proportional(NOTE_SIZE),
                    palette.text,
                );
            }
            let mut events = self.scene.note_events.borrow_mut();
            if response.dragged() {
                let delta = response.drag_delta();
                events.push(NoteEvent::Moved(
                    i,
                    [note.offset[0] + delta.x, note.offset[1] + delta.y],
                ));
            } else if response.clicked() {
                events.push(NoteEvent::Clicked(i));
            }
            drop(events);
            response
                .on_hover_cursor(egui::CursorIcon::Grab)
                .on_hover_text("Drag to move; click to edit");
        }
        // Labels keep clear of notes.
        let boxes: Vec<Rect> = self
            .notes
            .iter()
            .map(|n| n.rect(view.lon_lat_to_screen(n.lon, n.lat)))
            .collect();
        self.scene.note_boxes.borrow_mut().extend(boxes);
    }
}
