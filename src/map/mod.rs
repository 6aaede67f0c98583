//! The map: walkers plugins that draw the built-in basemap, the choropleth,
//! markers, labels, city pins, region marks and co-mention links, plus the
//! choice of tile layer.
//!
//! CONTRACT (used by `app/`; keep these signatures stable):
//! - [`MapView::new`], [`MapView::ui`], [`MapView::fit_all`],
//!   [`MapView::zoom_by`], [`MapView::pan_by`], [`Pick`], [`MapOptions`],
//!   [`MapResponse`], [`TileLayer`].

use crate::analysis::Analysis;

/// Something on the map the user can point at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pick {
    /// `Gazetteer::countries[i]` (marker, filled shape or label).
    Country(usize),
    /// `Gazetteer::regions[i]`.
    Region(usize),
    /// `Gazetteer::cities[i]` (a pin).
    City(usize),
}

/// Which basemap is drawn under the data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TileLayer {
    /// Natural Earth shapes compiled into the app; no network.
    #[default]
    BuiltIn,
    /// OpenStreetMap raster tiles (online).
    OpenStreetMap,
}

/// How the map is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct MapOptions {
    /// Dark colours.
    pub dark: bool,
    /// Draw lines between countries mentioned in the same passage.
    pub show_links: bool,
    /// The basemap.
    pub layer: TileLayer,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            dark: false,
            show_links: false,
            layer: TileLayer::BuiltIn,
        }
    }
}

/// What happened on the map this frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapResponse {
    /// Clicked this frame.
    pub clicked: Option<Pick>,
    /// Under the pointer.
    pub hovered: Option<Pick>,
    /// One line for the status bar about the basemap (e.g. tiles failing).
    pub status: Option<String>,
}

/// The map widget's state (view, tiles, cached geometry), kept across frames.
pub struct MapView {}

impl MapView {
    /// A map showing the whole world; no network until an online layer is chosen.
    pub fn new(_ctx: &egui::Context) -> MapView {
        MapView {}
    }

    /// Draw the map in all of `ui`'s available space.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        _analysis: &Analysis,
        _selected: Option<Pick>,
        _options: &MapOptions,
    ) -> MapResponse {
        ui.allocate_rect(ui.available_rect_before_wrap(), egui::Sense::hover());
        MapResponse::default()
    }

    /// Frame every mentioned country (the first view, and the "fit all" button).
    pub fn fit_all(&mut self, _analysis: &Analysis) {}

    /// Zoom in (positive) or out (negative) by `steps` zoom levels.
    pub fn zoom_by(&mut self, _steps: f64) {}

    /// Pan by a screen-space offset in points.
    pub fn pan_by(&mut self, _delta: egui::Vec2) {}
}
