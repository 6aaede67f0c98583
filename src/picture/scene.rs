//! A picture as a list of drawing items in picture points: what the SVG and
//! PDF writers and the egui painter all draw, so that every export shows
//! the same thing.

use egui::{Color32, Pos2, Rect, Stroke, Vec2};

use crate::cartography::Frame;
use crate::place::Place;

/// A filled shape: one or more polygons, each an outer ring then holes.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    /// A stable id for designers (the ISO3 code of a country, `ocean`, …).
    pub id: Option<String>,
    /// What it is, shown as a tooltip in SVG viewers (a country's name).
    pub title: Option<String>,
    /// Polygons: rings of picture points, outer ring first.
    pub polygons: Vec<Vec<Vec<Pos2>>>,
    /// Fill colour.
    pub fill: Color32,
    /// Outline.
    pub stroke: Stroke,
}

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineStyle {
    /// Width and colour.
    pub stroke: Stroke,
    /// Dash and gap lengths, for a dashed line.
    pub dash: Option<[f32; 2]>,
}

/// A text in one style.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// Top-left corner of the text's line box.
    pub pos: Pos2,
    /// The words.
    pub text: String,
    /// Font size in points.
    pub size: f32,
    /// Colour.
    pub color: Color32,
    /// Drawn slanted (regions and divisions, as on atlases).
    pub italic: bool,
}

/// One thing drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A filled shape.
    Area(Area),
    /// An open line.
    Line {
        /// Its points.
        points: Vec<Pos2>,
        /// How it is drawn.
        style: LineStyle,
    },
    /// A circle.
    Circle {
        /// Centre.
        center: Pos2,
        /// Radius.
        radius: f32,
        /// Fill (transparent for a ring).
        fill: Color32,
        /// Outline.
        style: LineStyle,
    },
    /// A rectangle (a label's background, a legend's swatch).
    Rect {
        /// Where.
        rect: Rect,
        /// Corner radius.
        corner: f32,
        /// Fill.
        fill: Color32,
        /// Outline.
        stroke: Stroke,
    },
    /// A text.
    Text(Text),
}

/// A group of items drawn together (an SVG `<g>` with this id).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layer {
    /// The group's id: `ocean`, `countries`, `labels`, …
    pub id: &'static str,
    /// Its items, bottom first.
    pub items: Vec<Item>,
}

/// What a placed label names.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// The place (`None` for a note).
    pub place: Option<Place>,
    /// The name shown.
    pub name: String,
    /// Its rectangle, background included.
    pub rect: Rect,
    /// The leader line from the mark, if any.
    pub leader: Option<[Pos2; 2]>,
}

/// A whole picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Size in points.
    pub size: Vec2,
    /// Colour behind everything.
    pub background: Color32,
    /// Layers, bottom first.
    pub layers: Vec<Layer>,
    /// The title shown (also the SVG `<title>` and the PDF's title).
    pub title: Option<String>,
    /// A sentence describing the picture: alt text, SVG `<desc>`, PDF subject, PNG description.
    pub caption: String,
    /// Every label placed.
    pub labels: Vec<PlacedLabel>,
    /// Names of places whose label found no room (listed in the "Also named" box).
    pub unplaced: Vec<String>,
    /// The overlays' rectangles: title, legend, attribution, "Also named".
    pub overlays: Vec<Rect>,
    /// Where each mentioned place's mark is drawn.
    pub marks: Vec<(Place, Pos2)>,
    /// The projection placed on the picture.
    pub frame: Frame,
}

impl Scene {
    /// Every item, bottom first, with its layer's id.
    pub fn items(&self) -> impl Iterator<Item = (&'static str, &Item)> {
        self.layers.iter().flat_map(|l| l.items.iter().map(move |i| (l.id, i)))
    }
}
