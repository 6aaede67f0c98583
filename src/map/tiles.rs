//! Online raster tiles (OpenStreetMap), created only when chosen, and an
//! honest status line about them.
//!
//! walkers does not report failed downloads; it only says how many are in
//! flight. So the status is inferred: tiles in flight → "loading"; nothing in
//! flight but nothing to draw for several seconds → "unavailable".

use walkers::sources::{Attribution, OpenStreetMap, TileSource};
use walkers::{HeaderValue, HttpOptions, HttpTiles, Stats, TileId, TilePiece, Tiles};

/// How long without a single tile before calling the layer unavailable, in seconds.
const GIVE_UP_AFTER: f64 = 8.0;

/// The user agent sent to tile servers (OSM's tile policy asks for one that identifies the app).
const USER_AGENT: &str = concat!(
    "article-atlas/",
    env!("CARGO_PKG_VERSION"),
    " (desktop map of news articles)"
);

/// OpenStreetMap tiles with a disk cache, counting what they could draw.
pub struct OnlineTiles {
    tiles: HttpTiles,
    /// `egui` time when the layer was created.
    started: f64,
    /// Whether any tile was ever drawn.
    ever_drawn: bool,
    /// Tiles asked for this frame.
    asked: usize,
    /// Tiles (or stand-ins from a lower zoom) drawn this frame.
    drawn: usize,
}

impl OnlineTiles {
    /// Start the OpenStreetMap layer (spawns walkers' download thread;
    /// nothing is fetched until tiles are drawn). Tiles are cached under the
    /// user's cache directory, `…/article-atlas/tiles`.
    pub fn open_street_map(ctx: &egui::Context) -> OnlineTiles {
        let cache = directories::ProjectDirs::from("", "", "article-atlas").map(|dirs| dirs.cache_dir().join("tiles"));
        let options = HttpOptions {
            cache,
            user_agent: Some(HeaderValue::from_static(USER_AGENT)),
            ..HttpOptions::default()
        };
        OnlineTiles {
            tiles: HttpTiles::with_options(OpenStreetMap, options, ctx.clone()),
            started: ctx.input(|i| i.time),
            ever_drawn: false,
            asked: 0,
            drawn: 0,
        }
    }

    /// Start an online layer that downloads from `server` instead of
    /// OpenStreetMap (no disk cache). Used by tests to point the app at local
    /// servers that fail in chosen ways.
    pub fn from_server(ctx: &egui::Context, server: &TileServer) -> OnlineTiles {
        let options = HttpOptions {
            user_agent: Some(HeaderValue::from_static(USER_AGENT)),
            ..HttpOptions::default()
        };
        OnlineTiles {
            tiles: HttpTiles::with_options(server.clone(), options, ctx.clone()),
            started: ctx.input(|i| i.time),
            ever_drawn: false,
            asked: 0,
            drawn: 0,
        }
    }

    /// Forget last frame's counts.
    pub fn begin_frame(&mut self) {
        self.asked = 0;
        self.drawn = 0;
    }

    /// The status line after a frame at egui time `now`, if there is something to say.
    pub fn status(&self, now: f64) -> Option<String> {
        let in_progress = self.tiles.stats().in_progress;
        let waited_too_long = !self.ever_drawn && self.asked > 0 && now - self.started > GIVE_UP_AFTER;
        if in_progress > 0 && waited_too_long {
            // walkers sets no timeout: a server that accepts and never answers
            // keeps its downloads "in progress" for ever.
            Some("Online tiles unavailable (no answer from the tile server) — showing the built-in map".to_string())
        } else if in_progress > 0 {
            Some(format!("Online tiles: loading ({in_progress})"))
        } else if self.drawn == 0 && self.asked > 0 && now - self.started > GIVE_UP_AFTER {
            Some("Online tiles unavailable — showing the built-in map".to_string())
        } else if self.drawn < self.asked && self.ever_drawn {
            Some("Some online tiles unavailable".to_string())
        } else if !self.ever_drawn {
            Some("Online tiles: waiting".to_string())
        } else {
            None
        }
    }

    /// Whether the status may still change without user input (so the map should repaint later).
    pub fn settling(&self, now: f64) -> bool {
        self.tiles.stats().in_progress > 0 || (!self.ever_drawn && now - self.started <= GIVE_UP_AFTER + 0.5)
    }
}

impl Tiles for OnlineTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        self.asked += 1;
        let piece = self.tiles.at(tile_id);
        if piece.is_some() {
            self.drawn += 1;
            self.ever_drawn = true;
        }
        piece
    }

    fn attribution(&self) -> Attribution {
        self.tiles.attribution()
    }

    fn tile_size(&self) -> u32 {
        self.tiles.tile_size()
    }

    fn stats(&self) -> Stats {
        self.tiles.stats()
    }
}

/// A tile server given by a URL template, in place of OpenStreetMap (see
/// [`crate::map::MapView::set_tile_server`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TileServer {
    /// The tile URL with `{z}`, `{x}` and `{y}` in it, e.g.
    /// `http://127.0.0.1:8080/{z}/{x}/{y}.png`.
    pub url_template: String,
    /// Attribution text drawn on the map (e.g. "Test tiles").
    pub attribution: &'static str,
}

impl TileSource for TileServer {
    fn tile_url(&self, tile_id: TileId) -> String {
        self.url_template
            .replace("{z}", &tile_id.zoom.to_string())
            .replace("{x}", &tile_id.x.to_string())
            .replace("{y}", &tile_id.y.to_string())
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: self.attribution,
            url: "",
            logo_light: None,
            logo_dark: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tile_server_fills_in_its_url_template() {
        let server = TileServer {
            url_template: "http://127.0.0.1:9/{z}/{x}/{y}.png".to_string(),
            attribution: "Test tiles",
        };
        let id = TileId { x: 3, y: 5, zoom: 4 };
        assert_eq!(server.tile_url(id), "http://127.0.0.1:9/4/3/5.png");
        assert_eq!(server.attribution().text, "Test tiles");
    }
}
