//! The map: walkers plugins that draw the built-in basemap, the choropleth,
//! markers, labels, city pins, region marks and co-mention links, plus the
//! choice of tile layer.
//!
//! CONTRACT (used by `app/`; keep these signatures stable):
//! - [`MapView::new`], [`MapView::ui`], [`MapView::fit_all`],
//!   [`MapView::zoom_by`], [`MapView::pan_by`], [`MapView::set_view`], [`Pick`], [`MapOptions`],
//!   [`MapResponse`], [`TileLayer`].
//!
//! Layers, bottom to top (one file each): [`basemap`] (ocean, land,
//! borders; beneath online tiles), [`choropleth`], [`links`], [`regions`],
//! [`markers`], [`pins`], [`labels`], [`legend`] (with the attribution).
//! [`view`] maps world units to the screen and keeps the view in bounds;
//! [`tiles`] holds the online layer.

pub mod basemap;
pub mod choropleth;
pub mod draw;
pub mod labels;
pub mod legend;
pub mod links;
pub mod markers;
pub mod palette;
pub mod pins;
pub mod regions;
pub mod scene;
pub mod tiles;
pub mod tooltip;
pub mod view;

use std::cell::RefCell;

use egui::{Role, Shape, WidgetInfo};
use walkers::{Map, MapMemory, Tiles, lon_lat};

use crate::analysis::Analysis;
use crate::world::{World, country_extent, project, unproject, world_size};
use draw::MeshBuffer;
use scene::{Picks, Scene};
use tiles::OnlineTiles;
use view::{FIT_MARGIN, MAX_FIT_ZOOM, MAX_ZOOM, min_zoom};

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

/// A cheap fingerprint of an analysis, to notice when a new one arrives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct AnalysisKey {
    text_len: usize,
    mentions: usize,
    countries: usize,
    first_country: Option<usize>,
}

impl AnalysisKey {
    fn of(analysis: &Analysis) -> AnalysisKey {
        AnalysisKey {
            text_len: analysis.document.text.len(),
            mentions: analysis.mentions.len(),
            countries: analysis.countries.len(),
            first_country: analysis.countries.first().map(|c| c.index),
        }
    }
}

/// Map size assumed for fitting before the map was ever shown.
const DEFAULT_SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// The map widget's state (view, tiles, cached geometry), kept across frames.
pub struct MapView {
    memory: MapMemory,
    online: Option<OnlineTiles>,
    basemap: basemap::BasemapBuffers,
    fills: MeshBuffer,
    /// Co-mention links of `shown` (computed once per analysis).
    links: Vec<links::Link>,
    /// The analysis the view was last fitted to / links computed for.
    shown: Option<AnalysisKey>,
    /// Size of the map last frame.
    size: Option<egui::Vec2>,
    /// What was under the pointer last frame.
    hovered: Option<Pick>,
    ctx: egui::Context,
}

impl MapView {
    /// A map showing the whole world; no network until an online layer is chosen.
    pub fn new(ctx: &egui::Context) -> MapView {
        let mut memory = MapMemory::default();
        memory.center_at(lon_lat(15.0, 25.0));
        memory.set_zoom(2.0).expect("2 is a valid walkers zoom");
        MapView {
            memory,
            online: None,
            basemap: basemap::BasemapBuffers::default(),
            fills: MeshBuffer::default(),
            links: Vec::new(),
            shown: None,
            size: None,
            hovered: None,
            ctx: ctx.clone(),
        }
    }

    /// Draw the map in all of `ui`'s available space. The first time an
    /// analysis is shown, the view frames its countries.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        analysis: &Analysis,
        selected: Option<Pick>,
        options: &MapOptions,
    ) -> MapResponse {
        let rect = ui.available_rect_before_wrap();
        self.size = Some(rect.size());
        let key = AnalysisKey::of(analysis);
        if self.shown != Some(key) {
            self.shown = Some(key);
            self.links = links::co_mentions(analysis);
            self.fit_all(analysis);
        }
        view::constrain(&mut self.memory, rect, false);

        let online = options.layer == TileLayer::OpenStreetMap;
        if !online {
            // Dropping the tiles stops their download thread.
            self.online = None;
        }
        let tiles = if online {
            let layer = self
                .online
                .get_or_insert_with(|| OnlineTiles::open_street_map(&self.ctx));
            layer.begin_frame();
            Some(layer)
        } else {
            None
        };
        let attribution = match &tiles {
            Some(t) => format!("© {}, Natural Earth", t.attribution().text),
            None => "Natural Earth".to_string(),
        };
        let scene = Scene {
            analysis,
            selected,
            hovered_before: self.hovered,
            palette: palette::Palette::new(options.dark, online),
            max_mentions: analysis.countries.iter().map(|c| c.mentions).max().unwrap_or(1),
            attribution,
            picks: RefCell::new(Picks::default()),
            obstacles: RefCell::new(Vec::new()),
        };
        // Reserve the basemap's place in the paint order before walkers paints its tiles.
        let basemap_slot = ui.painter().add(Shape::Noop);
        let center = self.memory.detached().unwrap_or(lon_lat(0.0, 0.0));
        let tiles = tiles.map(|t| t as &mut dyn Tiles);
        let mut map = Map::new(tiles, &mut self.memory, center)
            .zoom_with_ctrl(false)
            .double_click_to_zoom(true)
            .with_plugin(basemap::Basemap {
                slot: basemap_slot,
                palette: &scene.palette,
                buffers: &mut self.basemap,
            })
            .with_plugin(choropleth::Choropleth {
                scene: &scene,
                fills: &mut self.fills,
            });
        if options.show_links {
            map = map.with_plugin(links::Links {
                scene: &scene,
                links: &self.links,
            });
        }
        let map = map
            .with_plugin(regions::Regions { scene: &scene })
            .with_plugin(markers::Markers { scene: &scene })
            .with_plugin(pins::Pins { scene: &scene })
            .with_plugin(labels::Labels { scene: &scene })
            .with_plugin(legend::Legend { scene: &scene });
        let response = map
            .show(ui, |ui, response, projector, _| {
                choropleth::pick_filled_country(&scene, ui, response, projector);
            })
            .response;
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, "World map"));
        if view::constrain(&mut self.memory, response.rect, response.dragged()) {
            ui.ctx().request_repaint();
        }

        let picks = scene.picks.into_inner();
        self.hovered = picks.hovered;
        let now = ui.input(|i| i.time);
        let status = self.online.as_ref().and_then(|t| {
            if t.settling(now) {
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(500));
            }
            t.status(now)
        });
        MapResponse {
            clicked: picks.clicked,
            hovered: picks.hovered,
            status,
        }
    }

    /// Frame every mentioned country (the first view, and the "fit all" button).
    /// With nothing mentioned, shows the whole world.
    pub fn fit_all(&mut self, analysis: &Analysis) {
        let size = self.size.filter(|s| s.x > 1.0 && s.y > 1.0).unwrap_or(DEFAULT_SIZE);
        let world = World::coarse();
        let extents: Vec<_> = analysis
            .countries
            .iter()
            .map(|c| country_extent(project(c.lon, c.lat), world.country(c.index).map(|s| s.bbox)))
            .collect();
        let zooms = min_zoom(size.x)..=MAX_FIT_ZOOM.max(min_zoom(size.x));
        match crate::world::fit(&extents, [size.x as f64, size.y as f64], FIT_MARGIN, zooms) {
            Some(view) => self.set_view(view.lon, view.lat, view.zoom),
            None => self.set_view(15.0, 25.0, min_zoom(size.x)),
        }
    }

    /// Zoom in (positive) or out (negative) by `steps` zoom levels, within the map's limits.
    pub fn zoom_by(&mut self, steps: f64) {
        let lowest = min_zoom(self.size.unwrap_or(DEFAULT_SIZE).x);
        let zoom = (self.memory.zoom() + steps).clamp(lowest, MAX_ZOOM);
        // Within walkers' 0..=26, so this cannot fail.
        let _ = self.memory.set_zoom(zoom);
        self.ctx.request_repaint();
    }

    /// Pan by a screen-space offset in points: the map's content moves by
    /// `delta`, as when dragging (a positive x shows more of the west).
    pub fn pan_by(&mut self, delta: egui::Vec2) {
        let center = self.memory.detached().unwrap_or(lon_lat(0.0, 0.0));
        let scale = world_size(self.memory.zoom());
        let mut p = project(center.x(), center.y());
        p.x -= delta.x as f64 / scale;
        p.y -= delta.y as f64 / scale;
        let (lon, lat) = unproject(p);
        self.memory.center_at(lon_lat(lon, lat));
        self.ctx.request_repaint();
    }

    /// Centre the view on (`lon`, `lat`) at walkers zoom level `zoom`
    /// (clamped to the map's limits on the next frame).
    pub fn set_view(&mut self, lon: f64, lat: f64, zoom: f64) {
        self.memory.center_at(lon_lat(lon, lat));
        let _ = self.memory.set_zoom(zoom.clamp(0.0, MAX_ZOOM));
        self.ctx.request_repaint();
    }

    /// The current centre (longitude, latitude) and walkers zoom.
    pub fn view(&self) -> (f64, f64, f64) {
        let center = self.memory.detached().unwrap_or(lon_lat(0.0, 0.0));
        (center.x(), center.y(), self.memory.zoom())
    }
}
