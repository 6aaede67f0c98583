//! Great circles: the shortest way between two places on the sphere, as a
//! line of longitude/latitude points close enough together to be drawn
//! straight in any projection (the `geo` crate's haversine densification).

use geo::{Densify, Haversine, Line, coord};

/// The longest step of a great-circle line, in metres.
pub const STEP_METRES: f64 = 100_000.0;

/// The great circle from `a` to `b` (longitude, latitude in degrees), ends
/// included, at most [`STEP_METRES`] between points. Longitudes are in
/// `[-180, 180]`: a line across the antimeridian jumps there (the geometry
/// module cuts it).
pub fn great_circle(a: [f64; 2], b: [f64; 2]) -> Vec<[f64; 2]> {
    let line = Line::new(coord! { x: a[0], y: a[1] }, coord! { x: b[0], y: b[1] });
    Haversine
        .densify(&line, STEP_METRES)
        .0
        .into_iter()
        .map(|c| [c.x, c.y])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_great_circle_bends_towards_the_pole() {
        // New York to Moscow passes well north of both (over the North Atlantic and Scandinavia).
        let line = great_circle([-74.0, 40.7], [37.6, 55.75]);
        assert_eq!(line.first(), Some(&[-74.0, 40.7]));
        assert_eq!(line.last(), Some(&[37.6, 55.75]));
        let highest = line.iter().map(|p| p[1]).fold(f64::MIN, f64::max);
        assert!(highest > 60.0, "{highest}");
        assert!(line.len() > 70, "7,500 km in steps of at most 100 km: {}", line.len());
    }

    #[test]
    fn a_great_circle_across_the_pacific_crosses_the_antimeridian() {
        let line = great_circle([139.7, 35.7], [-122.4, 37.8]);
        let jumps = line.windows(2).filter(|w| (w[1][0] - w[0][0]).abs() > 180.0).count();
        assert_eq!(jumps, 1, "Tokyo to San Francisco goes east across 180°");
    }
}
