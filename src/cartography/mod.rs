//! Cartography for pictures: projections ([`projection`]), shapes and lines
//! made ready for them ([`geometry`]), great circles ([`geodesic`]), label
//! placement with leader lines ([`placement`]), the typeface labels are set
//! in ([`font`]), notes on the map ([`note`]), and the [`Frame`] that puts a
//! projection's plane onto a picture, fitted to the article's places.
//!
//! Pure: no egui state, no I/O. The picture builder (`crate::picture`) and
//! the interactive map (`crate::map`) both draw through it.

pub mod font;
pub mod geodesic;
pub mod geometry;
pub mod note;
pub mod placement;
pub mod projection;

pub use geometry::PlanePoint;
pub use note::Note;
pub use placement::{LabelRequest, Placement, place_labels};
pub use projection::{Projection, ProjectionKind};

use egui::{Pos2, Rect, pos2};

/// Where something is on screen: longitude/latitude to picture points.
/// Implemented by a picture's [`Frame`] and by the interactive map's
/// viewport, so that marks and labels are laid out by one code path.
pub trait ScreenProjection {
    /// The point of (`lon`, `lat`) on screen, or `None` where it is not
    /// drawn (the far side of a globe).
    fn lon_lat_to_screen(&self, lon: f64, lat: f64) -> Option<Pos2>;
}

/// A projection's plane placed on a picture: the plane point `center` at
/// the middle of `rect`, `scale` points per plane unit (the sphere's radius).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// The projection.
    pub projection: Projection,
    /// The picture's map area.
    pub rect: Rect,
    /// Plane point at the centre of `rect`.
    pub center: PlanePoint,
    /// Points per plane unit.
    pub scale: f64,
}

/// The most a fitted picture zooms in: points per radian of the sphere
/// (about the interactive map's zoom 6, a small country filling the picture).
pub const MAX_SCALE: f64 = 2600.0;

impl Frame {
    /// Picture point of a plane point (the plane's y runs north, the picture's down).
    pub fn to_screen(&self, p: PlanePoint) -> Pos2 {
        let c = self.rect.center();
        pos2(
            (c.x as f64 + (p[0] - self.center[0]) * self.scale) as f32,
            (c.y as f64 - (p[1] - self.center[1]) * self.scale) as f32,
        )
    }

    /// `projection` fitted so that every point of `places` (longitude,
    /// latitude) lies inside `rect` shrunk by `margin`, zoomed in no further
    /// than [`MAX_SCALE`] and out no further than the whole world (the
    /// globe's whole disc). With no places, the whole world.
    pub fn fit(projection: Projection, places: &[[f64; 2]], rect: Rect, margin: f32) -> Frame {
        let inner = rect.shrink(margin.min(rect.width() / 4.0).min(rect.height() / 4.0));
        let world = world_bounds(&projection);
        let bounds = places
            .iter()
            .filter_map(|&[lon, lat]| projection.forward(lon, lat))
            .fold(None, |b: Option<[f64; 4]>, [x, y]| {
                Some(match b {
                    None => [x, y, x, y],
                    Some([x0, y0, x1, y1]) => [x0.min(x), y0.min(y), x1.max(x), y1.max(y)],
                })
            })
            .unwrap_or(world);
        let scale_for = |b: [f64; 4]| {
            let (w, h) = ((b[2] - b[0]).max(1e-9), (b[3] - b[1]).max(1e-9));
            (inner.width() as f64 / w).min(inner.height() as f64 / h)
        };
        let whole_world = scale_for(world);
        let scale = scale_for(bounds).clamp(whole_world, MAX_SCALE.max(whole_world));
        let mut center = [(bounds[0] + bounds[2]) / 2.0, (bounds[1] + bounds[3]) / 2.0];
        // Never show empty space beyond the world when the world is larger than the picture.
        for axis in 0..2 {
            let half = if axis == 0 { inner.width() } else { inner.height() } as f64 / 2.0 / scale;
            let (lo, hi) = (world[axis], world[axis + 2]);
            center[axis] = if hi - lo <= 2.0 * half + 1e-9 {
                (lo + hi) / 2.0
            } else {
                center[axis].clamp(lo + half, hi - half)
            };
        }
        Frame {
            projection,
            rect,
            center,
            scale,
        }
    }
}

impl ScreenProjection for Frame {
    fn lon_lat_to_screen(&self, lon: f64, lat: f64) -> Option<Pos2> {
        self.projection.forward(lon, lat).map(|p| self.to_screen(p))
    }
}

/// The plane's extent of the whole world (`[x0, y0, x1, y1]`).
pub fn world_bounds(projection: &Projection) -> [f64; 4] {
    match projection.kind {
        ProjectionKind::EqualEarth => {
            let [x, _] = projection
                .forward(projection.center_lon + 180.0, 0.0)
                .unwrap_or([2.7066, 0.0]);
            let [_, y] = projection.forward(projection.center_lon, 90.0).unwrap_or([0.0, 1.3173]);
            [-x, -y, x, y]
        }
        ProjectionKind::Mercator => {
            let pi = std::f64::consts::PI;
            [-pi, -pi, pi, pi]
        }
        ProjectionKind::Globe => [-1.0, -1.0, 1.0, 1.0],
    }
}

/// The projection of `kind` centred on the places (longitude, latitude):
/// the central meridian in the middle of their span of longitude (cut where
/// the widest gap between them is, so that a Pacific story is centred on the
/// Pacific), rounded to 5°; the globe facing their mean direction.
pub fn centred_on(kind: ProjectionKind, places: &[[f64; 2]]) -> Projection {
    if places.is_empty() {
        return Projection::new(kind, 0.0, 0.0);
    }
    if kind == ProjectionKind::Globe {
        // The globe faces the places' mean direction.
        let (mut x, mut y, mut z) = (0.0, 0.0, 0.0);
        for p in places {
            let (phi, lambda) = (p[1].to_radians(), p[0].to_radians());
            x += phi.cos() * lambda.cos();
            y += phi.cos() * lambda.sin();
            z += phi.sin();
        }
        let (lon, lat) = (y.atan2(x).to_degrees(), z.atan2(x.hypot(y)).to_degrees());
        return Projection::new(kind, lon, lat);
    }
    let mut lons: Vec<f64> = places.iter().map(|p| projection::wrap_lon(p[0])).collect();
    lons.sort_by(f64::total_cmp);
    // The widest gap between neighbouring longitudes (round the world too) is where the span is cut open.
    let n = lons.len();
    let (cut, _) = (0..n)
        .map(|i| {
            let next = if i + 1 < n { lons[i + 1] } else { lons[0] + 360.0 };
            (i, next - lons[i])
        })
        .fold(
            (n - 1, f64::MIN),
            |best, (i, gap)| if gap > best.1 { (i, gap) } else { best },
        );
    let west = lons[(cut + 1) % n];
    let east = if cut + 1 < n { lons[cut] + 360.0 } else { lons[cut] };
    let east = if east - west >= 360.0 { east - 360.0 } else { east };
    let middle = ((west + east) / 2.0 / 5.0).round() * 5.0;
    Projection::new(kind, middle, 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::vec2;

    #[test]
    fn a_fitted_frame_holds_every_place() {
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 720.0));
        let places = [[-97.0, 39.0], [66.0, 34.0], [2.0, 46.0], [122.0, 12.0]];
        for kind in ProjectionKind::ALL {
            let projection = centred_on(kind, &places);
            let frame = Frame::fit(projection, &places, rect, 40.0);
            for &[lon, lat] in &places {
                let p = frame.lon_lat_to_screen(lon, lat).expect("visible");
                assert!(rect.shrink(39.0).contains(p), "{kind:?}: {p:?}");
            }
        }
    }

    #[test]
    fn one_small_place_is_not_blown_up_without_limit() {
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 1000.0));
        let frame = Frame::fit(
            Projection::new(ProjectionKind::EqualEarth, 50.0, 0.0),
            &[[51.5, 25.3]],
            rect,
            40.0,
        );
        assert_eq!(frame.scale, MAX_SCALE);
    }

    #[test]
    fn a_pacific_story_is_centred_on_the_pacific() {
        let fiji_samoa_hawaii = [[178.0, -18.0], [-172.0, -13.8], [-157.0, 21.0]];
        let p = centred_on(ProjectionKind::EqualEarth, &fiji_samoa_hawaii);
        assert!(
            p.center_lon.abs() > 170.0 || (p.center_lon + 170.0).abs() < 15.0,
            "{p:?}"
        );
        let europe = [[2.0, 46.0], [13.0, 52.0]];
        assert_eq!(centred_on(ProjectionKind::Mercator, &europe).center_lon, 10.0);
        let globe = centred_on(ProjectionKind::Globe, &europe);
        assert!(globe.center_lat > 45.0 && globe.center_lat < 52.0);
    }

    #[test]
    fn a_world_wide_article_sees_the_whole_world_and_no_more() {
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(1200.0, 600.0));
        let everywhere: Vec<[f64; 2]> = (0..12)
            .map(|i| [-165.0 + 30.0 * i as f64, -60.0 + 12.0 * i as f64])
            .collect();
        let frame = Frame::fit(
            centred_on(ProjectionKind::EqualEarth, &everywhere),
            &everywhere,
            rect,
            20.0,
        );
        let world = world_bounds(&frame.projection);
        // The picture shows only the world: no empty plane beside it.
        let half = (rect.width() as f64 - 40.0) / 2.0 / frame.scale;
        assert!(frame.center[0] - half >= world[0] - 1e-9 && frame.center[0] + half <= world[2] + 1e-9);
        // A picture wider than the world shows all of it, in the middle.
        let tall = Rect::from_min_size(Pos2::ZERO, vec2(600.0, 1200.0));
        let frame = Frame::fit(Projection::new(ProjectionKind::EqualEarth, 0.0, 0.0), &[], tall, 20.0);
        assert_eq!(frame.center, [0.0, 0.0]);
    }
}
