//! The map: walkers plugins that draw the built-in basemap, the choropleth,
//! markers, labels, city pins, region marks and co-mention links, plus the
//! choice of tile layer.
//!
//! CONTRACT (used by `app/`; keep these signatures stable):
//! - [`MapView::new`], [`MapView::ui`], [`MapView::fit_all`],
//!   [`MapView::zoom_by`], [`MapView::pan_by`], [`MapView::set_view`], [`MapOptions`],
//!   [`MapResponse`], [`TileLayer`].
//!
//! Layers, bottom to top (one file each): [`basemap`] (ocean, land,
//! borders; beneath online tiles), [`choropleth`], [`links`], [`regions`],
//! [`markers`], [`pins`], [`labels`], [`legend`] (with the attribution).
//! [`view`] maps world units to the screen and keeps the view in bounds;
//! [`tiles`] holds the online layer.

pub mod basemap;
pub mod choropleth;
pub mod classes;
pub mod divisions;
pub mod draw;
pub mod labels;
pub mod legend;
pub mod links;
pub mod markers;
pub mod marks;
pub mod notes;
pub mod palette;
pub mod pins;
pub mod regions;
pub mod scene;
pub mod theme;
pub mod tiles;
pub mod tooltip;
pub mod view;

pub use theme::MapTheme;

use std::cell::RefCell;

use egui::{Role, Shape, WidgetInfo};
use walkers::{Map, MapMemory, Tiles, lon_lat};

use crate::analysis::Analysis;
use crate::place::Place;
use crate::world::{World, country_extent, project, unproject, world_size};
use draw::MeshBuffer;
use scene::{Picks, Scene};
use tiles::{OnlineTiles, TileServer};
use view::{FIT_MARGIN, MAX_FIT_ZOOM, MAX_ZOOM, min_zoom};

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
    /// The colours: light, dark or print.
    pub theme: MapTheme,
    /// A colour-blind-safe sequential scale (viridis) for the mention classes.
    pub colorblind: bool,
    /// Draw lines between countries mentioned in the same passage.
    pub show_links: bool,
    /// The basemap.
    pub layer: TileLayer,
    /// A title drawn at the top of the map (none when `None` or blank).
    pub title: Option<String>,
    /// Draw the legend (colour scale, marker sizes, the selection's passages).
    pub show_legend: bool,
    /// Draw the basemap's attribution in the bottom-right corner.
    pub show_attribution: bool,
    /// Notes on the map.
    pub notes: Vec<crate::cartography::Note>,
    /// What the counts count, in the legend: `mentions`, or `articles` for a collection.
    pub unit: &'static str,
    /// The names of the first three colour classes when they are categories
    /// (a comparison: only in A, only in B, in both), not counts.
    pub categories: Option<[&'static str; 3]>,
}

impl Default for MapOptions {
    fn default() -> Self {
        MapOptions {
            theme: MapTheme::Light,
            colorblind: false,
            show_links: false,
            layer: TileLayer::BuiltIn,
            title: None,
            show_legend: true,
            show_attribution: true,
            notes: Vec::new(),
            unit: "mentions",
            categories: None,
        }
    }
}

/// The default title of a picture: the article's first non-blank line
/// (shortened to about 90 characters), else `fallback` (e.g. the file name).
pub fn default_title(text: &str, fallback: &str) -> String {
    const MAX: usize = 90;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    if line.is_empty() {
        return fallback.to_string();
    }
    if line.chars().count() <= MAX {
        return line.to_string();
    }
    let cut: String = line.chars().take(MAX).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > MAX / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// The view (centre longitude, latitude and walkers zoom) that frames every
/// country of `analysis` on a map of `size` points ([`fit_extents`]): what
/// [`MapView::fit_all`] picks. With nothing mentioned, the whole world.
pub fn fit_view(analysis: &Analysis, size: egui::Vec2) -> (f64, f64, f64) {
    let extents = fit_extents(analysis);
    let zooms = min_zoom(size.x)..=MAX_FIT_ZOOM.max(min_zoom(size.x));
    match crate::world::fit(&extents, [size.x as f64, size.y as f64], FIT_MARGIN, zooms) {
        Some(view) => (view.lon, view.lat, view.zoom),
        None => (15.0, 25.0, min_zoom(size.x)),
    }
}

/// What a view of `analysis` must show, in world units: a country the text
/// names itself stands as its heartland; a country known only by its towns
/// and divisions (a local story) by those places, so that a story about
/// Alexandria, Louisiana frames Louisiana, not the USA. Pictures in every
/// projection fit the same extents.
pub fn fit_extents(analysis: &Analysis) -> Vec<crate::world::WorldRect> {
    let world = World::coarse();
    let g = crate::gazetteer::Gazetteer::builtin();
    let mut extents = Vec::new();
    for c in &analysis.countries {
        if c.own_mentions > 0 {
            extents.push(country_extent(
                project(c.lon, c.lat),
                world.country(c.place.index()).map(|s| s.bbox),
            ));
            continue;
        }
        let inside = analysis
            .divisions
            .iter()
            .chain(&analysis.cities)
            .filter(|p| p.country == c.country);
        for p in inside {
            let at = project(p.lon, p.lat);
            let around = crate::world::WorldRect {
                min: crate::world::WorldPoint::new(at.x - PLACE_EXTENT, at.y - PLACE_EXTENT),
                max: crate::world::WorldPoint::new(at.x + PLACE_EXTENT, at.y + PLACE_EXTENT),
            };
            extents.push(match divisions::division_shape(g, p.place) {
                Some(shape) => around.union(shape.bbox),
                None => around,
            });
        }
    }
    extents
}

/// Half the side, in world units, of the square that stands for a town when
/// fitting (about 1.4° of longitude): a story about one town shows its region.
const PLACE_EXTENT: f64 = 0.004;

/// Where the map draws on a `size`-point map (at the origin) looking at
/// `view` (from [`fit_view`] or [`MapView::view`]), after the map's own
/// limits are applied: what a picture of that view shows, for placing
/// things on it (e.g. in tests of rendered pictures).
pub fn picture_viewport(size: egui::Vec2, view: (f64, f64, f64)) -> view::Viewport {
    let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    let mut memory = MapMemory::default();
    memory.center_at(lon_lat(view.0, view.1));
    let _ = memory.set_zoom(view.2.clamp(0.0, MAX_ZOOM));
    view::constrain(&mut memory, rect, false);
    let center = memory.detached().unwrap_or(lon_lat(0.0, 0.0));
    view::Viewport {
        rect,
        center: project(center.x(), center.y()),
        scale: world_size(memory.zoom()),
    }
}

/// What happened on the map this frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapResponse {
    /// Clicked this frame.
    pub clicked: Option<Place>,
    /// Under the pointer.
    pub hovered: Option<Place>,
    /// One line for the status bar about the basemap (e.g. tiles failing).
    pub status: Option<String>,
    /// "Add note here" was chosen at this longitude and latitude.
    pub add_note_at: Option<(f64, f64)>,
    /// What was done to notes.
    pub notes: Vec<scene::NoteEvent>,
}

/// Map size assumed for fitting before the map was ever shown.
const DEFAULT_SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// The map widget's state (view, tiles, cached geometry), kept across frames.
pub struct MapView {
    memory: MapMemory,
    online: Option<OnlineTiles>,
    /// Where the online layer downloads from instead of OpenStreetMap (tests).
    tile_server: Option<TileServer>,
    basemap: basemap::BasemapBuffers,
    fills: MeshBuffer,
    division_fills: MeshBuffer,
    /// Co-mention links of `shown` (computed once per analysis).
    links: Vec<links::Link>,
    /// Their great circles, in world units.
    link_arcs: Vec<Vec<crate::world::WorldPoint>>,
    /// The [`Analysis::generation`] the view was last fitted to / links computed for.
    shown: Option<u64>,
    /// Size of the map last frame.
    size: Option<egui::Vec2>,
    /// What was under the pointer last frame.
    hovered: Option<Place>,
    /// Where the map was last right-clicked (longitude, latitude).
    context_at: Option<(f64, f64)>,
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
            tile_server: None,
            basemap: basemap::BasemapBuffers::default(),
            fills: MeshBuffer::default(),
            division_fills: MeshBuffer::default(),
            links: Vec::new(),
            link_arcs: Vec::new(),
            shown: None,
            size: None,
            hovered: None,
            context_at: None,
            ctx: ctx.clone(),
        }
    }

    /// Draw the map in all of `ui`'s available space. The first time an
    /// analysis is shown, the view frames its countries.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        analysis: &Analysis,
        selected: Option<Place>,
        options: &MapOptions,
    ) -> MapResponse {
        let rect = ui.available_rect_before_wrap();
        self.size = Some(rect.size());
        if self.shown != Some(analysis.generation) {
            self.shown = Some(analysis.generation);
            self.set_links(analysis);
            self.fit_all(analysis);
        }
        view::constrain(&mut self.memory, rect, false);

        let online = options.layer == TileLayer::OpenStreetMap;
        if !online {
            // Dropping the tiles stops their download thread.
            self.online = None;
        }
        let tiles = if online {
            let (ctx, server) = (&self.ctx, &self.tile_server);
            let layer = self.online.get_or_insert_with(|| match server {
                Some(server) => OnlineTiles::from_server(ctx, server),
                None => OnlineTiles::open_street_map(ctx),
            });
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
            palette: match options.categories {
                Some(_) => palette::Palette::for_theme(options.theme, options.colorblind, online).compared(),
                None => palette::Palette::for_theme(options.theme, options.colorblind, online),
            },
            unit: options.unit,
            categories: options.categories,
            max_mentions: analysis.countries.iter().map(|c| c.mentions).max().unwrap_or(1),
            scale: classes::ClassScale::for_max(analysis.countries.iter().map(|c| c.mentions).max().unwrap_or(1)),
            attribution,
            title: options.title.as_deref().map(str::trim).filter(|t| !t.is_empty()),
            show_legend: options.show_legend,
            show_attribution: options.show_attribution,
            picks: RefCell::new(Picks::default()),
            obstacles: RefCell::new(Vec::new()),
            note_boxes: RefCell::new(Vec::new()),
            note_events: RefCell::new(Vec::new()),
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
                arcs: &self.link_arcs,
            });
        }
        let map = map
            .with_plugin(divisions::Divisions {
                scene: &scene,
                fills: &mut self.division_fills,
            })
            .with_plugin(regions::Regions { scene: &scene })
            .with_plugin(markers::Markers { scene: &scene })
            .with_plugin(pins::Pins { scene: &scene })
            .with_plugin(notes::Notes {
                scene: &scene,
                notes: &options.notes,
            })
            .with_plugin(labels::Labels { scene: &scene })
            .with_plugin(legend::Legend { scene: &scene });
        let response = map
            .show(ui, |ui, response, projector, _| {
                choropleth::pick_filled_country(&scene, ui, response, projector);
            })
            .response;
        response.widget_info(|| WidgetInfo::labeled(Role::Image, true, "World map"));
        // Right-click: a note where the pointer is.
        if response.secondary_clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            self.context_at = Some(self.lon_lat_at(response.rect, pos));
        }
        let mut add_note_at = None;
        response.context_menu(|ui| {
            if ui.button("Add note here").clicked() {
                add_note_at = self.context_at;
                ui.close();
            }
        });
        if view::constrain(&mut self.memory, response.rect, response.dragged()) {
            ui.ctx().request_repaint();
        }

        let picks = scene.picks.take();
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
            add_note_at,
            notes: scene.note_events.into_inner(),
        }
    }

    /// Frame every mentioned country (the first view, and the "fit all" button).
    /// With nothing mentioned, shows the whole world.
    pub fn fit_all(&mut self, analysis: &Analysis) {
        let size = self.size.filter(|s| s.x > 1.0 && s.y > 1.0).unwrap_or(DEFAULT_SIZE);
        let (lon, lat, zoom) = fit_view(analysis, size);
        self.set_view(lon, lat, zoom);
    }

    /// Show `analysis` at `view` (centre longitude, latitude, zoom) from the
    /// next frame on, without the fit that a newly shown analysis gets
    /// (pictures of the app's current view).
    pub fn hold_view(&mut self, analysis: &Analysis, view: (f64, f64, f64)) {
        self.shown = Some(analysis.generation);
        self.set_links(analysis);
        self.set_view(view.0, view.1, view.2);
    }

    /// Download the online layer ([`TileLayer::OpenStreetMap`]) from `server`
    /// instead of OpenStreetMap (`None`: OpenStreetMap again). Nothing is
    /// fetched until the online layer is chosen. Used by tests to point the
    /// map at local servers.
    pub fn set_tile_server(&mut self, server: Option<TileServer>) {
        if self.tile_server != server {
            self.tile_server = server;
            // The next frame starts a layer on the new server.
            self.online = None;
        }
    }

    fn set_links(&mut self, analysis: &Analysis) {
        self.links = links::co_mentions(analysis);
        self.link_arcs = self.links.iter().map(|l| links::arc(analysis, l)).collect();
    }

    /// The co-mention links drawn for the analysis shown last.
    pub fn links(&self) -> &[links::Link] {
        &self.links
    }

    /// The size of the map in points when it was last drawn.
    pub fn size(&self) -> Option<egui::Vec2> {
        self.size
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

    /// The longitude and latitude under `pos` on a map drawn in `rect`.
    fn lon_lat_at(&self, rect: egui::Rect, pos: egui::Pos2) -> (f64, f64) {
        let center = self.memory.detached().unwrap_or(lon_lat(0.0, 0.0));
        let viewport = view::Viewport {
            rect,
            center: project(center.x(), center.y()),
            scale: world_size(self.memory.zoom()),
        };
        let mut p = viewport.to_world(pos);
        p.x = p.x.rem_euclid(1.0);
        unproject(p)
    }

    /// The current centre (longitude, latitude) and walkers zoom.
    pub fn view(&self) -> (f64, f64, f64) {
        let center = self.memory.detached().unwrap_or(lon_lat(0.0, 0.0));
        (center.x(), center.y(), self.memory.zoom())
    }
}
