//! Shapes and lines in longitude/latitude made ready for a [`Projection`]:
//! cut at the seam (the meridian behind the central one) for Equal Earth and
//! Mercator, cut at the horizon for the globe, densified where a straight
//! edge in degrees is a curve on the map.
//!
//! Polygons are clipped with Sutherland–Hodgman against one straight line at
//! a time (the seam is a line in relative longitude); the globe's far side
//! is replaced by the horizon itself: a run of hidden points is pushed out
//! radially onto the globe's rim, which traces the rim between where the
//! outline went behind and where it came back. Hand-written: the crates that
//! clip polygons work in the plane, and the seam and the horizon are the
//! sphere's.

use super::projection::{Projection, relative_lon};

/// A point in the projection's plane (x east, y north).
pub type PlanePoint = [f64; 2];

/// The longest edge, in degrees, drawn straight: longer edges get points in between.
pub const MAX_EDGE_DEGREES: f64 = 2.0;

/// A polygon (exterior ring then holes, each in longitude/latitude, closed
/// or not) as plane polygons: one per piece the seam cuts it into, each an
/// exterior ring then holes (unclosed). Rings the projection does not show
/// are left out; a polygon whose exterior is hidden gives nothing.
pub fn project_polygon(rings: &[Vec<[f64; 2]>], projection: &Projection) -> Vec<Vec<Vec<PlanePoint>>> {
    if projection.has_seam() {
        // Relative longitude, unwrapped so that a ring crossing the seam runs on past ±180.
        let unwrapped: Vec<Vec<[f64; 2]>> = rings.iter().map(|r| unwrap_ring(r, projection.center_lon)).collect();
        let Some(exterior) = unwrapped.first() else {
            return Vec::new();
        };
        let (min, max) = exterior
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p[0]), hi.max(p[0])));
        // Which whole turns of the world the exterior reaches into.
        let turns = ((min + 180.0) / 360.0).floor() as i64..=((max - 180.0) / 360.0).ceil() as i64;
        turns
            .filter_map(|k| {
                let shift = -360.0 * k as f64;
                let piece: Vec<Vec<PlanePoint>> = unwrapped
                    .iter()
                    .map(|ring| {
                        let shifted: Vec<[f64; 2]> = ring.iter().map(|p| [p[0] + shift, p[1]]).collect();
                        let clipped = clip_lon(&clip_lon(&shifted, 180.0, true), -180.0, false);
                        densify(&clipped, true)
                            .into_iter()
                            .filter_map(|[lon, lat]| projection.forward(lon + projection.center_lon, lat))
                            .collect::<Vec<PlanePoint>>()
                    })
                    .collect();
                let exterior_ok = piece.first().is_some_and(|r| r.len() >= 3);
                exterior_ok.then(|| piece.into_iter().filter(|r| r.len() >= 3).collect())
            })
            .collect()
    } else {
        let piece: Vec<Vec<PlanePoint>> = rings.iter().map(|r| globe_ring(r, projection)).collect();
        if piece.first().is_some_and(|r| r.len() >= 3) {
            vec![piece.into_iter().filter(|r| r.len() >= 3).collect()]
        } else {
            Vec::new()
        }
    }
}

/// An open line in longitude/latitude as plane lines: cut where it crosses
/// the seam or goes behind the globe.
pub fn project_line(line: &[[f64; 2]], projection: &Projection) -> Vec<Vec<PlanePoint>> {
    let dense = densify(&unwrap_line(line, projection.center_lon), false);
    let mut out: Vec<Vec<PlanePoint>> = Vec::new();
    let mut current: Vec<PlanePoint> = Vec::new();
    let mut previous: Option<f64> = None;
    for &[unwrapped, lat] in &dense {
        let relative = relative_lon(unwrapped, 0.0);
        let jumped = projection.has_seam() && previous.is_some_and(|p| (relative - p).abs() > 180.0);
        previous = Some(relative);
        let visible = projection.forward(relative + projection.center_lon, lat);
        if jumped || visible.is_none() {
            if current.len() >= 2 {
                out.push(std::mem::take(&mut current));
            }
            current.clear();
        }
        current.extend(visible);
    }
    if current.len() >= 2 {
        out.push(current);
    }
    out
}

/// Longitudes relative to `center`, continuous along the line (a step of
/// more than half the world is a crossing of the seam).
fn unwrap_line(line: &[[f64; 2]], center: f64) -> Vec<[f64; 2]> {
    let mut out: Vec<[f64; 2]> = Vec::with_capacity(line.len() + 2);
    let mut offset = 0.0;
    let mut previous: Option<f64> = None;
    for &[lon, lat] in line {
        let relative = relative_lon(lon, center);
        if let Some(p) = previous {
            let step = relative - p;
            if step > 180.0 {
                offset -= 360.0;
            } else if step < -180.0 {
                offset += 360.0;
            }
        }
        previous = Some(relative);
        out.push([relative + offset, lat]);
    }
    out
}

/// [`unwrap_line`] for a ring. A ring that winds round a pole (Antarctica)
/// ends a whole turn from where it started: it is closed along the pole.
/// The closing point is dropped.
fn unwrap_ring(ring: &[[f64; 2]], center: f64) -> Vec<[f64; 2]> {
    let mut out = unwrap_line(ring, center);
    if out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    let (Some(&first), Some(&last)) = (out.first(), out.last()) else {
        return out;
    };
    if (last[0] - first[0]).abs() > 180.0 {
        let mean_lat = out.iter().map(|p| p[1]).sum::<f64>() / out.len() as f64;
        let pole = if mean_lat > 0.0 { 90.0 } else { -90.0 };
        out.push([last[0], pole]);
        out.push([first[0], pole]);
    }
    out
}

/// Sutherland–Hodgman: the part of `ring` (closed implicitly) on one side of
/// the meridian `lon` (`keep_west`: longitudes ≤ `lon`, else ≥).
fn clip_lon(ring: &[[f64; 2]], lon: f64, keep_west: bool) -> Vec<[f64; 2]> {
    let inside = |p: &[f64; 2]| if keep_west { p[0] <= lon } else { p[0] >= lon };
    let mut out = Vec::with_capacity(ring.len() + 4);
    for (i, b) in ring.iter().enumerate() {
        let a = &ring[(i + ring.len() - 1) % ring.len()];
        let cross = |a: &[f64; 2], b: &[f64; 2]| {
            let t = (lon - a[0]) / (b[0] - a[0]);
            [lon, a[1] + t * (b[1] - a[1])]
        };
        match (inside(a), inside(b)) {
            (true, true) => out.push(*b),
            (true, false) => out.push(cross(a, b)),
            (false, true) => {
                out.push(cross(a, b));
                out.push(*b);
            }
            (false, false) => {}
        }
    }
    out
}

/// The area a plane ring encloses (shoelace formula; either winding). On
/// the unit sphere projected with Equal Earth, areas are the sphere's.
pub fn ring_area(ring: &[PlanePoint]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum::<f64>()
        .abs()
        / 2.0
}

/// `line` with points added so that no edge is longer than
/// [`MAX_EDGE_DEGREES`] (`closed`: also the edge back to the start).
pub fn densify(line: &[[f64; 2]], closed: bool) -> Vec<[f64; 2]> {
    let mut out = Vec::with_capacity(line.len());
    let n = line.len();
    let edges = if closed { n } else { n.saturating_sub(1) };
    for i in 0..n {
        let a = line[i];
        out.push(a);
        if i >= edges {
            continue;
        }
        let b = line[(i + 1) % n];
        let steps = ((b[0] - a[0]).abs().max((b[1] - a[1]).abs()) / MAX_EDGE_DEGREES).ceil() as usize;
        for s in 1..steps {
            let t = s as f64 / steps as f64;
            out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
        }
    }
    out
}

/// A ring on the globe: visible points as they are, hidden runs pushed onto
/// the rim (so that the ring follows the rim where it is behind). Empty if
/// the whole ring is hidden.
fn globe_ring(ring: &[[f64; 2]], projection: &Projection) -> Vec<PlanePoint> {
    let center = projection.center_lon;
    let dense = densify(&unwrap_ring(ring, center), true);
    let points: Vec<[f64; 3]> = dense
        .iter()
        .map(|&[relative, lat]| projection.globe_xyz(relative + center, lat))
        .collect();
    if !points.iter().any(|p| p[2] >= 0.0) {
        return Vec::new();
    }
    let on_rim = |p: [f64; 3]| -> Option<PlanePoint> {
        let r = (p[0] * p[0] + p[1] * p[1]).sqrt();
        (r > 1e-9).then(|| [p[0] / r, p[1] / r])
    };
    let mut out = Vec::with_capacity(points.len());
    for (i, &b) in points.iter().enumerate() {
        let a = points[(i + points.len() - 1) % points.len()];
        if (a[2] >= 0.0) != (b[2] >= 0.0) {
            // Where the edge crosses the horizon.
            let t = a[2] / (a[2] - b[2]);
            let crossing = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), 0.0];
            out.extend(on_rim(crossing));
        }
        if b[2] >= 0.0 {
            out.push([b[0], b[1]]);
        } else {
            out.extend(on_rim(b));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cartography::projection::ProjectionKind;

    fn ee(center: f64) -> Projection {
        Projection::new(ProjectionKind::EqualEarth, center, 0.0)
    }

    fn square(lon0: f64, lat0: f64, lon1: f64, lat1: f64) -> Vec<[f64; 2]> {
        vec![[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]]
    }

    #[test]
    fn a_polygon_across_the_seam_is_cut_in_two() {
        // Fiji-like: from 178°E to 178°W.
        let ring = square(178.0, -18.0, -178.0, -16.0);
        let pieces = project_polygon(std::slice::from_ref(&ring), &ee(0.0));
        assert_eq!(pieces.len(), 2, "one piece each side of the seam");
        let total: f64 = pieces.iter().map(|p| ring_area(&p[0])).sum();
        // Centred on 180°, the same polygon is one piece of the same area.
        let whole = project_polygon(&[ring], &ee(180.0));
        assert_eq!(whole.len(), 1);
        assert!(
            (ring_area(&whole[0][0]) - total).abs() / total < 1e-3,
            "equal area either way"
        );
        for piece in &pieces {
            assert!(
                piece[0].iter().all(|p| p[0].abs() <= 2.71),
                "inside the world's outline"
            );
        }
    }

    #[test]
    fn a_polar_ring_is_closed_along_the_pole() {
        let ring: Vec<[f64; 2]> = (0..=36).map(|i| [-180.0 + i as f64 * 10.0, -70.0]).collect();
        let pieces = project_polygon(&[ring], &ee(0.0));
        assert_eq!(pieces.len(), 1);
        let lowest = pieces[0][0].iter().map(|p| p[1]).fold(f64::MAX, f64::min);
        assert!((lowest + 1.3173).abs() < 1e-3, "reaches the pole line: {lowest}");
        // The cap south of 70°S is (1 − sin 70°) / 2 of the sphere (4π): equal area.
        let cap = 2.0 * std::f64::consts::PI * (1.0 - 70f64.to_radians().sin());
        let got = ring_area(&pieces[0][0]);
        assert!((got - cap).abs() / cap < 0.01, "{got} vs {cap}");
    }

    #[test]
    fn the_globe_keeps_the_near_side_and_follows_the_rim() {
        let globe = Projection::new(ProjectionKind::Globe, 0.0, 0.0);
        // A band from 60°W to 120°E along the equator: the part east of 90°E is behind.
        let ring = square(-60.0, -10.0, 120.0, 10.0);
        let pieces = project_polygon(&[ring], &globe);
        assert_eq!(pieces.len(), 1);
        for p in &pieces[0][0] {
            assert!(p[0] * p[0] + p[1] * p[1] <= 1.0 + 1e-9);
        }
        let east = pieces[0][0].iter().map(|p| p[0]).fold(f64::MIN, f64::max);
        assert!((east - 1.0).abs() < 1e-6, "reaches the rim: {east}");
        let hidden = square(150.0, -10.0, 170.0, 10.0);
        assert!(project_polygon(&[hidden], &globe).is_empty());
    }

    #[test]
    fn lines_break_at_the_seam_and_behind_the_globe() {
        let line = [[170.0, 0.0], [179.0, 0.0], [-179.0, 0.0], [-170.0, 0.0]];
        assert_eq!(project_line(&line, &ee(0.0)).len(), 2);
        assert_eq!(project_line(&line, &ee(180.0)).len(), 1);
        let globe = Projection::new(ProjectionKind::Globe, 0.0, 0.0);
        let around = [[-60.0, 0.0], [60.0, 0.0], [120.0, 0.0], [170.0, 0.0]];
        let parts = project_line(&around, &globe);
        assert_eq!(parts.len(), 1, "the hidden end is dropped");
    }

    #[test]
    fn long_edges_get_points_in_between() {
        let dense = densify(&[[0.0, 0.0], [10.0, 0.0]], false);
        assert_eq!(dense.len(), 6);
        assert!(
            dense
                .windows(2)
                .all(|w| (w[1][0] - w[0][0]).abs() <= MAX_EDGE_DEGREES + 1e-12)
        );
    }
}
