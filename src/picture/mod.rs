//! Pictures for slides and print: the map of an analysis laid out once as a
//! [`Scene`] — in Equal Earth, Mercator or a globe, every place labelled,
//! leader lines where marks crowd, notes, title, legend, attribution — and
//! written as SVG ([`svg`]), PDF ([`pdf`], from the SVG) or PNG ([`raster`],
//! the SVG rasterised), and painted by egui for the app's preview
//! ([`paint`]). One layout for every output: they show the same thing.

pub mod build;
pub mod caption;
pub mod paint;
pub mod pdf;
pub mod raster;
pub mod scene;
pub mod svg;

pub use crate::cartography::{Note, font, note};
pub use build::build;
pub use scene::Scene;

use egui::Vec2;

use crate::cartography::ProjectionKind;
use crate::map::MapTheme;
use crate::place::Place;

/// What a picture shows and how.
#[derive(Clone, Debug, PartialEq)]
pub struct PictureSpec {
    /// Size in points.
    pub size: Vec2,
    /// The projection.
    pub projection: ProjectionKind,
    /// Colours.
    pub theme: MapTheme,
    /// A colour-blind-safe scale (viridis).
    pub colorblind: bool,
    /// The title at the top (none when `None` or blank).
    pub title: Option<String>,
    /// A line under the title: source and date.
    pub subtitle: Option<String>,
    /// Draw the legend.
    pub show_legend: bool,
    /// Draw the attribution.
    pub show_attribution: bool,
    /// Draw great circles between countries named in the same passage.
    pub show_links: bool,
    /// The place drawn selected.
    pub selected: Option<Place>,
    /// Notes on the map.
    pub notes: Vec<Note>,
    /// For Mercator, the interactive map's view (centre longitude, latitude,
    /// walkers zoom) to show instead of fitting the places.
    pub view: Option<(f64, f64, f64)>,
    /// What the counts count, in the legend and the caption: `mentions`, or
    /// `articles` for a collection's picture.
    pub unit: &'static str,
    /// The names of the first three colour classes when they are categories
    /// (a comparison: only in A, only in B, in both), not counts.
    pub categories: Option<[&'static str; 3]>,
}

impl PictureSpec {
    /// A picture of `size` points in `projection`, light, with title, legend and attribution.
    pub fn new(size: Vec2, projection: ProjectionKind) -> PictureSpec {
        PictureSpec {
            size,
            projection,
            theme: MapTheme::Light,
            colorblind: false,
            title: None,
            subtitle: None,
            show_legend: true,
            show_attribution: true,
            show_links: false,
            selected: None,
            notes: Vec::new(),
            view: None,
            unit: "mentions",
            categories: None,
        }
    }
}

/// The file formats a picture is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureFormat {
    /// Raster, drawn by egui's renderer.
    Png,
    /// Vector, labels as `<text>`.
    Svg,
    /// Vector, labels as text in an embedded font.
    Pdf,
}

impl PictureFormat {
    /// The format a file name asks for by its extension (PNG when it names none it knows).
    pub fn from_path(path: &std::path::Path) -> PictureFormat {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("svg") => PictureFormat::Svg,
            Some("pdf") => PictureFormat::Pdf,
            _ => PictureFormat::Png,
        }
    }

    /// The usual extension.
    pub fn extension(self) -> &'static str {
        match self {
            PictureFormat::Png => "png",
            PictureFormat::Svg => "svg",
            PictureFormat::Pdf => "pdf",
        }
    }
}
