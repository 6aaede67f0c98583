//! What every layer of one frame shares: the analysis, the selection, the
//! colours, and what the interactive layers found under the pointer.

use std::cell::RefCell;

use egui::Pos2;

use super::palette::Palette;
use crate::analysis::Analysis;
use crate::place::Place;

/// One frame's input to the layers, and the picks they report back.
pub struct Scene<'a> {
    /// What is drawn.
    pub analysis: &'a Analysis,
    /// The app's selection (drawn with a stronger outline).
    pub selected: Option<Place>,
    /// What was under the pointer last frame (drawn highlighted).
    pub hovered_before: Option<Place>,
    /// Colours.
    pub palette: Palette,
    /// Mentions of the most-mentioned country (sizes markers).
    pub max_mentions: usize,
    /// The colour classes of the counts.
    pub scale: super::classes::ClassScale,
    /// What the counts count (the legend's heading).
    pub unit: &'static str,
    /// The names of the first three colour classes when they are categories.
    pub categories: Option<[&'static str; 3]>,
    /// Attribution line for the corner (depends on the basemap).
    pub attribution: String,
    /// The title at the top, if any (trimmed, not empty).
    pub title: Option<&'a str>,
    /// Draw the legend.
    pub show_legend: bool,
    /// Draw the attribution.
    pub show_attribution: bool,
    /// Clicks and hovers reported by the layers.
    pub picks: RefCell<Picks>,
    /// Circles (centre, radius) already drawn on screen that labels must avoid.
    pub obstacles: RefCell<Vec<(Pos2, f32)>>,
    /// The notes' boxes on screen (labels keep clear of them).
    pub note_boxes: RefCell<Vec<egui::Rect>>,
    /// What was done to notes this frame.
    pub note_events: RefCell<Vec<NoteEvent>>,
}

/// What the interactive layers found this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Picks {
    /// Clicked this frame.
    pub clicked: Option<Place>,
    /// Under the pointer.
    pub hovered: Option<Place>,
}

impl Picks {
    /// Record an interactive mark's response.
    pub fn record(&mut self, pick: Place, response: &egui::Response) {
        if response.hovered() {
            self.hovered = Some(pick);
        }
        if response.clicked() {
            self.clicked = Some(pick);
        }
    }
}

/// What was done to a note this frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NoteEvent {
    /// Clicked: edit it.
    Clicked(usize),
    /// Dragged: its box now stands at this offset from its point.
    Moved(usize, [f32; 2]),
}
