//! Web Mercator "world units": the whole world is the square `[0, 1] x [0, 1]`,
//! x growing east from 180° W, y growing south from 85.05° N — the same
//! projection walkers uses, where zoom `z` makes the world
//! [`world_size`]`(z)` = 256·2^z points wide.

use std::f64::consts::PI;

/// The latitude where Web Mercator's square world ends (north and south).
pub const MAX_LATITUDE: f64 = 85.051_128_779_806_59;

/// Width of the whole world in points at walkers zoom 0 (one 256-point tile).
pub const TILE_SIZE: f64 = 256.0;

/// A point in world units. `x` may leave `[0, 1]` for shapes unwrapped across
/// the antimeridian (`x + 1` is the same place one world east).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WorldPoint {
    /// East from 180° W, one unit per world width.
    pub x: f64,
    /// South from 85.05° N, one unit per world height.
    pub y: f64,
}

impl WorldPoint {
    /// The point at (`x`, `y`).
    pub const fn new(x: f64, y: f64) -> WorldPoint {
        WorldPoint { x, y }
    }
}

/// An axis-aligned rectangle in world units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorldRect {
    /// North-west corner (smallest x and y).
    pub min: WorldPoint,
    /// South-east corner (largest x and y).
    pub max: WorldPoint,
}

impl WorldRect {
    /// The empty rectangle: extending it by a point gives that point.
    pub const NOTHING: WorldRect = WorldRect {
        min: WorldPoint::new(f64::INFINITY, f64::INFINITY),
        max: WorldPoint::new(f64::NEG_INFINITY, f64::NEG_INFINITY),
    };

    /// The rectangle covering just `p`.
    pub fn from_point(p: WorldPoint) -> WorldRect {
        WorldRect { min: p, max: p }
    }

    /// Grow to cover `p`.
    pub fn extend(&mut self, p: WorldPoint) {
        self.min.x = self.min.x.min(p.x);
        self.min.y = self.min.y.min(p.y);
        self.max.x = self.max.x.max(p.x);
        self.max.y = self.max.y.max(p.y);
    }

    /// The smallest rectangle covering both.
    pub fn union(self, other: WorldRect) -> WorldRect {
        let mut r = self;
        r.extend(other.min);
        r.extend(other.max);
        r
    }

    /// The overlap of both (may be empty: min > max).
    pub fn intersection(self, other: WorldRect) -> WorldRect {
        WorldRect {
            min: WorldPoint::new(self.min.x.max(other.min.x), self.min.y.max(other.min.y)),
            max: WorldPoint::new(self.max.x.min(other.max.x), self.max.y.min(other.max.y)),
        }
    }

    /// Whether the rectangle covers nothing.
    pub fn is_empty(&self) -> bool {
        self.min.x > self.max.x || self.min.y > self.max.y
    }

    /// Whether the two overlap (touching counts).
    pub fn intersects(&self, other: &WorldRect) -> bool {
        self.min.x <= other.max.x && other.min.x <= self.max.x && self.min.y <= other.max.y && other.min.y <= self.max.y
    }

    /// Whether `p` is inside (edges included).
    pub fn contains(&self, p: WorldPoint) -> bool {
        (self.min.x..=self.max.x).contains(&p.x) && (self.min.y..=self.max.y).contains(&p.y)
    }

    /// Moved east by `dx` world widths.
    pub fn shifted_x(self, dx: f64) -> WorldRect {
        WorldRect {
            min: WorldPoint::new(self.min.x + dx, self.min.y),
            max: WorldPoint::new(self.max.x + dx, self.max.y),
        }
    }

    /// The centre point.
    pub fn center(&self) -> WorldPoint {
        WorldPoint::new((self.min.x + self.max.x) / 2.0, (self.min.y + self.max.y) / 2.0)
    }

    /// Width (x extent).
    pub fn width(&self) -> f64 {
        self.max.x - self.min.x
    }

    /// Height (y extent).
    pub fn height(&self) -> f64 {
        self.max.y - self.min.y
    }
}

/// Project (longitude, latitude) in degrees to world units; latitude is
/// clamped to ±[`MAX_LATITUDE`]. Longitudes beyond ±180° give x beyond `[0, 1]`.
pub fn project(lon: f64, lat: f64) -> WorldPoint {
    let lat = lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians();
    WorldPoint {
        x: (lon + 180.0) / 360.0,
        y: (1.0 - lat.tan().asinh() / PI) / 2.0,
    }
}

/// Back from world units to (longitude, latitude) in degrees.
pub fn unproject(p: WorldPoint) -> (f64, f64) {
    let lon = p.x * 360.0 - 180.0;
    let lat = ((1.0 - 2.0 * p.y) * PI).sinh().atan().to_degrees();
    (lon, lat)
}

/// Width of the whole world in points at walkers zoom `zoom`.
pub fn world_size(zoom: f64) -> f64 {
    TILE_SIZE * zoom.exp2()
}

/// The walkers zoom at which the world is `size` points wide.
pub fn zoom_for_world_size(size: f64) -> f64 {
    (size / TILE_SIZE).log2()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_clamps() {
        let p = project(2.35, 48.85);
        let (lon, lat) = unproject(p);
        assert!((lon - 2.35).abs() < 1e-9 && (lat - 48.85).abs() < 1e-9);
        assert_eq!(
            project(-180.0, 90.0),
            WorldPoint::new(0.0, project(0.0, MAX_LATITUDE).y)
        );
        assert!(project(0.0, -90.0).y <= 1.0 + 1e-12);
        assert!((project(0.0, 0.0).y - 0.5).abs() < 1e-12);
    }

    #[test]
    fn matches_walkers_projection() {
        use walkers::Projection as _;
        let zoom = 3.0;
        let pixels = walkers::MercatorProjection.project(walkers::lon_lat(37.6, 55.75), zoom);
        let p = project(37.6, 55.75);
        assert!((p.x * world_size(zoom) - pixels.x()).abs() < 1e-6);
        assert!((p.y * world_size(zoom) - pixels.y()).abs() < 1e-6);
        assert!((zoom_for_world_size(world_size(zoom)) - zoom).abs() < 1e-12);
    }
}
