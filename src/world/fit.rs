//! Fit-to-bounds: the walkers centre and zoom that frame a set of places.

use std::ops::RangeInclusive;

use super::mercator::{WorldPoint, WorldRect, unproject, zoom_for_world_size};

/// Half the side, in world units, of the square around a country's label
/// point that stands for the country when fitting (about 14° of longitude):
/// small countries are framed whole, huge ones (Russia, the USA with its
/// far-flung islands) by their heartland.
pub const COUNTRY_EXTENT: f64 = 0.04;

/// Where to look: a walkers map centre and zoom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewFit {
    /// Longitude of the centre, in `[-180, 180)`.
    pub lon: f64,
    /// Latitude of the centre.
    pub lat: f64,
    /// Walkers zoom level.
    pub zoom: f64,
}

/// What stands for a country when fitting: its bounding box `shape_bbox`
/// (if known) cut down to the square of half-side [`COUNTRY_EXTENT`] around
/// its label point.
pub fn country_extent(label: WorldPoint, shape_bbox: Option<WorldRect>) -> WorldRect {
    let square = WorldRect {
        min: WorldPoint::new(label.x - COUNTRY_EXTENT, label.y - COUNTRY_EXTENT),
        max: WorldPoint::new(label.x + COUNTRY_EXTENT, label.y + COUNTRY_EXTENT),
    };
    match shape_bbox {
        Some(bbox) if !bbox.intersection(square).is_empty() => {
            WorldRect::from_point(label).union(bbox.intersection(square))
        }
        _ => WorldRect::from_point(label),
    }
}

/// The view that shows all of `rects` (world units) on a `screen` of
/// `[width, height]` points, leaving `margin` points free on every side.
/// Rectangles are moved by whole worlds so that the group spans the least
/// longitude (Fiji and Samoa are framed across the antimeridian, not across
/// the whole map). The zoom is clamped to `zoom_range`. `None` if `rects` is empty.
pub fn fit(rects: &[WorldRect], screen: [f64; 2], margin: f64, zoom_range: RangeInclusive<f64>) -> Option<ViewFit> {
    if rects.is_empty() {
        return None;
    }
    let mut order: Vec<(f64, WorldRect)> = rects
        .iter()
        .map(|r| {
            let x = r.center().x.rem_euclid(1.0);
            (x, r.shifted_x(x - r.center().x))
        })
        .collect();
    order.sort_by(|a, b| a.0.total_cmp(&b.0));
    // The widest gap between neighbouring centres (around the world too) is
    // where the group is cut open.
    let n = order.len();
    let (cut, _) = (0..n)
        .map(|i| {
            let next = if i + 1 < n { order[i + 1].0 } else { order[0].0 + 1.0 };
            (i, next - order[i].0)
        })
        .fold(
            (n - 1, f64::MIN),
            |best, (i, gap)| if gap > best.1 { (i, gap) } else { best },
        );
    let mut bounds = WorldRect::NOTHING;
    for (i, (_, rect)) in order.iter().enumerate() {
        let rect = if i <= cut && cut != n - 1 {
            rect.shifted_x(1.0)
        } else {
            *rect
        };
        bounds = bounds.union(rect);
    }
    let usable = |size: f64| (size - 2.0 * margin).max(size * 0.25);
    let zoom_x = zoom_for_world_size(usable(screen[0]) / bounds.width().max(1e-9));
    let zoom_y = zoom_for_world_size(usable(screen[1]) / bounds.height().max(1e-9));
    let zoom = zoom_x.min(zoom_y).clamp(*zoom_range.start(), *zoom_range.end());
    let (lon, lat) = unproject(bounds.center());
    Some(ViewFit {
        lon: (lon + 180.0).rem_euclid(360.0) - 180.0,
        lat,
        zoom,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::mercator::project;

    fn point(lon: f64, lat: f64) -> WorldRect {
        WorldRect::from_point(project(lon, lat))
    }

    #[test]
    fn nearby_places_get_a_closer_view() {
        let near = fit(&[point(2.0, 46.0), point(10.0, 51.0)], [800.0, 600.0], 40.0, 0.0..=10.0).unwrap();
        let far = fit(
            &[point(-98.0, 39.0), point(104.0, 35.0)],
            [800.0, 600.0],
            40.0,
            0.0..=10.0,
        )
        .unwrap();
        assert!(near.zoom > far.zoom + 2.0, "{near:?} {far:?}");
        assert!((near.lon - 6.0).abs() < 1e-6);
    }

    #[test]
    fn groups_across_the_antimeridian_stay_together() {
        let view = fit(
            &[point(178.0, -18.0), point(-172.0, -14.0)],
            [800.0, 600.0],
            40.0,
            0.0..=10.0,
        )
        .unwrap();
        assert!(view.lon > 170.0 || view.lon < -170.0, "{view:?}");
        assert!(view.zoom > 3.0, "{view:?}");
    }

    #[test]
    fn a_single_place_uses_the_highest_zoom_allowed() {
        let view = fit(&[point(2.0, 46.0)], [800.0, 600.0], 40.0, 1.0..=5.0).unwrap();
        assert_eq!(view.zoom, 5.0);
        assert!(fit(&[], [800.0, 600.0], 40.0, 1.0..=5.0).is_none());
    }
}
