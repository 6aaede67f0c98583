//! Notes on the map: a few words at a place or point, in a box joined to
//! it by a leader line, placed by hand and saved in the project.

use egui::{Pos2, Rect, Vec2, vec2};
use serde::{Deserialize, Serialize};

use super::font::metrics;

/// Size of a note's text, in points.
pub const NOTE_SIZE: f32 = 13.0;

/// Space between a note's text and its box, in points.
const NOTE_PADDING: Vec2 = vec2(6.0, 4.0);

/// A note on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// The words (one line per line of text).
    pub text: String,
    /// Longitude of the point it is about.
    pub lon: f64,
    /// Latitude of the point it is about.
    pub lat: f64,
    /// Where its box's top-left corner stands from the point, in points.
    #[serde(default = "Note::default_offset")]
    pub offset: [f32; 2],
}

impl Note {
    /// A note about (`lon`, `lat`), its box above and to the right of the point.
    pub fn new(text: impl Into<String>, lon: f64, lat: f64) -> Note {
        Note {
            text: text.into(),
            lon,
            lat,
            offset: Note::default_offset(),
        }
    }

    /// Where a new note's box goes from its point.
    pub fn default_offset() -> [f32; 2] {
        [28.0, -52.0]
    }

    /// Its lines (one empty line for an empty note).
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        let mut lines = self.text.lines().peekable();
        let empty = lines.peek().is_none();
        lines.chain(empty.then_some(""))
    }

    /// The size of its box.
    pub fn size(&self) -> Vec2 {
        let m = metrics();
        let (mut width, mut count) = (0.0f32, 0);
        for line in self.lines() {
            width = width.max(m.width(line, NOTE_SIZE));
            count += 1;
        }
        vec2(width.max(24.0), count as f32 * m.line_height(NOTE_SIZE)) + 2.0 * NOTE_PADDING
    }

    /// Its box when its point is drawn at `anchor`.
    pub fn rect(&self, anchor: Pos2) -> Rect {
        Rect::from_min_size(anchor + Vec2::from(self.offset), self.size())
    }

    /// Where its text starts inside `rect`.
    pub fn text_origin(rect: Rect) -> Pos2 {
        rect.min + NOTE_PADDING
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_box_grows_with_its_text_and_round_trips() {
        let short = Note::new("Attack", 37.6, 55.75);
        let long = Note::new("Crocus City Hall attack\n22 March 2024", 37.6, 55.75);
        assert!(long.size().x > short.size().x && long.size().y > short.size().y);
        assert_eq!(Note::new("", 0.0, 0.0).lines().count(), 1);
        let json = serde_json::to_string(&long).unwrap();
        assert_eq!(serde_json::from_str::<Note>(&json).unwrap(), long);
        let old: Note = serde_json::from_str(r#"{"text":"x","lon":1,"lat":2}"#).unwrap();
        assert_eq!(old.offset, Note::default_offset());
    }
}
