//! World geometry: Natural Earth country shapes decoded from TopoJSON,
//! triangulated once in Web Mercator units.
//!
//! Two levels of detail are compiled into the binary: [`World::coarse`]
//! (1:110m, decoded on first use, for world views) and [`World::fine`]
//! (1:50m, decoded on first use — [`World::fine_if_ready`] does it on a
//! background thread — for zoomed-in views).

pub mod fit;
pub mod mercator;
pub mod shape;
pub mod topojson;

use std::collections::HashMap;
use std::sync::{Once, OnceLock};

pub use fit::{ViewFit, country_extent, fit};
pub use mercator::{MAX_LATITUDE, WorldPoint, WorldRect, project, unproject, world_size};
pub use shape::{CountryShape, Polyline, TriangleMesh};
pub use topojson::TopoError;

use crate::gazetteer::Gazetteer;

/// Natural Earth 1:110m countries (TopoJSON).
const COARSE_TOPOJSON: &str = include_str!("../../data/world/110m.json");
/// Natural Earth 1:50m countries (TopoJSON).
const FINE_TOPOJSON: &str = include_str!("../../data/world/50m.json");

/// US states (us-atlas, from the Census Bureau's 1:10m cartographic boundaries).
const US_STATES_TOPOJSON: &str = include_str!("../../data/world/us-states.json");

/// From this walkers zoom on, maps use [`World::fine`] shapes.
pub const FINE_DETAIL_ZOOM: f64 = 4.5;

/// Every country's shape at one level of detail, and the border lines.
pub struct World {
    /// Country shapes, in the order of the source file.
    pub countries: Vec<CountryShape>,
    /// Every border and coast line once (TopoJSON arcs are shared between
    /// neighbours, so each border is drawn once).
    pub borders: Vec<Polyline>,
    by_gazetteer: HashMap<usize, usize>,
}

impl World {
    /// Decode the `countries` object of a TopoJSON topology, joining each
    /// feature to `gazetteer` by its `a3` property.
    pub fn from_topojson(json: &str, gazetteer: &Gazetteer) -> Result<World, TopoError> {
        let topology = topojson::decode(json)?;
        let countries: Vec<CountryShape> = topology
            .objects
            .get("countries")
            .into_iter()
            .flatten()
            .map(|feature| {
                let code = feature.properties.get("a3").cloned().unwrap_or_default();
                let name = feature.properties.get("name").cloned().unwrap_or_default();
                let index = gazetteer.country_index(&code);
                CountryShape::from_feature(code, name, index, &feature.polygons)
            })
            .collect();
        let borders = topology.arcs.iter().flat_map(|arc| shape::arc_polylines(arc)).collect();
        let by_gazetteer = countries
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.gazetteer.map(|g| (g, i)))
            .collect();
        Ok(World {
            countries,
            borders,
            by_gazetteer,
        })
    }

    /// The 1:110m world, decoded on first use (tens of milliseconds).
    pub fn coarse() -> &'static World {
        static COARSE: OnceLock<World> = OnceLock::new();
        COARSE.get_or_init(|| {
            World::from_topojson(COARSE_TOPOJSON, Gazetteer::builtin())
                .expect("the bundled 110m TopoJSON decodes (checked by tests)")
        })
    }

    /// The 1:50m world, decoded on first use (blocks until it is ready).
    pub fn fine() -> &'static World {
        FINE.get_or_init(|| {
            World::from_topojson(FINE_TOPOJSON, Gazetteer::builtin())
                .expect("the bundled 50m TopoJSON decodes (checked by tests)")
        })
    }

    /// The 1:50m world if it is decoded; otherwise starts decoding it on a
    /// background thread (once) and returns `None`.
    pub fn fine_if_ready() -> Option<&'static World> {
        static STARTED: Once = Once::new();
        if let Some(world) = FINE.get() {
            return Some(world);
        }
        STARTED.call_once(|| {
            // If no thread can be started, the map keeps the coarse shapes.
            let _ = std::thread::Builder::new().name("world-50m".into()).spawn(|| {
                World::fine();
            });
        });
        FINE.get()
    }

    /// The world to draw at walkers zoom `zoom`: fine from
    /// [`FINE_DETAIL_ZOOM`] on once it is ready, coarse before.
    pub fn for_zoom(zoom: f64) -> &'static World {
        if zoom >= FINE_DETAIL_ZOOM {
            World::fine_if_ready().unwrap_or_else(World::coarse)
        } else {
            World::coarse()
        }
    }

    /// The shape of `Gazetteer::countries[index]`, if this level of detail has it.
    pub fn country(&self, gazetteer_index: usize) -> Option<&CountryShape> {
        self.by_gazetteer.get(&gazetteer_index).map(|&i| &self.countries[i])
    }

    /// The country under `p` (world units; x taken modulo one world).
    pub fn country_at(&self, p: WorldPoint) -> Option<&CountryShape> {
        let p = WorldPoint::new(p.x.rem_euclid(1.0), p.y);
        self.countries.iter().find(|c| c.contains(p))
    }
}

static FINE: OnceLock<World> = OnceLock::new();

/// The shape of each US state by its name ("Texas"), decoded and
/// triangulated on first use (a few milliseconds).
pub fn us_states() -> &'static HashMap<String, CountryShape> {
    static STATES: OnceLock<HashMap<String, CountryShape>> = OnceLock::new();
    STATES.get_or_init(|| {
        let topology =
            topojson::decode(US_STATES_TOPOJSON).expect("the bundled us-atlas TopoJSON decodes (checked by tests)");
        topology
            .objects
            .get("states")
            .into_iter()
            .flatten()
            .filter_map(|feature| {
                let name = feature.properties.get("name")?.clone();
                Some((
                    name.clone(),
                    CountryShape::from_feature(name.clone(), name, None, &feature.polygons),
                ))
            })
            .collect()
    })
}
