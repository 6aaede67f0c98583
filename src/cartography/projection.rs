//! Map projections for pictures: Equal Earth (equal-area, the default for
//! world pictures), Web Mercator (what the interactive map shows) and an
//! orthographic globe.
//!
//! Each projects longitude/latitude (degrees) onto a plane in units of the
//! sphere's radius, x east and y **north**; [`super::Frame`] turns the
//! plane into picture points. Written here rather than taken from a crate:
//! `proj` needs the C PROJ library, and the three formulas are a few lines
//! each, tested against published values.

use serde::{Deserialize, Serialize};

/// Which projection a picture uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum ProjectionKind {
    /// Equal Earth (Šavrič, Patterson & Jenny 2018): equal-area, for world choropleths.
    #[default]
    EqualEarth,
    /// Web Mercator, as the interactive map (areas grow towards the poles).
    Mercator,
    /// An orthographic globe centred on the article's places.
    Globe,
}

impl ProjectionKind {
    /// Every projection, in menu order.
    pub const ALL: [ProjectionKind; 3] = [
        ProjectionKind::EqualEarth,
        ProjectionKind::Mercator,
        ProjectionKind::Globe,
    ];

    /// The name used on the command line and in files (`equal-earth`, `mercator`, `globe`).
    pub fn name(self) -> &'static str {
        match self {
            ProjectionKind::EqualEarth => "equal-earth",
            ProjectionKind::Mercator => "mercator",
            ProjectionKind::Globe => "globe",
        }
    }

    /// The name in menus.
    pub fn label(self) -> &'static str {
        match self {
            ProjectionKind::EqualEarth => "Equal Earth",
            ProjectionKind::Mercator => "Mercator",
            ProjectionKind::Globe => "Globe",
        }
    }

    /// Read a projection saved by name, where an unknown name (a newer
    /// version's, a hand-edited file) means none rather than a broken file.
    pub fn deserialize_lenient<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<ProjectionKind>, D::Error> {
        let name: Option<String> = Option::deserialize(d)?;
        Ok(name.and_then(|n| ProjectionKind::ALL.into_iter().find(|k| k.name() == n.trim())))
    }
}

/// The latitude limit of Web Mercator (the square world of web maps).
pub const MERCATOR_MAX_LAT: f64 = 85.051_128_78;

/// A projection with its parameters: the central meridian of the
/// cylindrical ones, the centre of the globe.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// The formula.
    pub kind: ProjectionKind,
    /// Longitude at the middle of the map (and of the globe's face).
    pub center_lon: f64,
    /// Latitude at the middle of the globe's face (unused by the others).
    pub center_lat: f64,
}

// Equal Earth's polynomial coefficients (Šavrič et al. 2018, eq. 2).
const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
/// √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;

impl Projection {
    /// `kind` centred on (`center_lon`, `center_lat`).
    pub fn new(kind: ProjectionKind, center_lon: f64, center_lat: f64) -> Projection {
        Projection {
            kind,
            center_lon: wrap_lon(center_lon),
            center_lat: center_lat.clamp(-90.0, 90.0),
        }
    }

    /// The plane point of (`lon`, `lat`), or `None` where the projection does
    /// not show it (the far side of the globe). Longitudes are taken
    /// relative to the central meridian, in `[-180, 180]`: callers split
    /// lines at the seam first ([`super::geometry`]).
    pub fn forward(&self, lon: f64, lat: f64) -> Option<[f64; 2]> {
        let lambda = relative_lon(lon, self.center_lon).to_radians();
        match self.kind {
            ProjectionKind::EqualEarth => {
                let phi = lat.clamp(-90.0, 90.0).to_radians();
                let theta = (M * phi.sin()).asin();
                let t2 = theta * theta;
                let t6 = t2 * t2 * t2;
                let x = 2.0 * 3f64.sqrt() * lambda * theta.cos()
                    / (3.0 * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
                let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
                Some([x, y])
            }
            ProjectionKind::Mercator => {
                let phi = lat.clamp(-MERCATOR_MAX_LAT, MERCATOR_MAX_LAT).to_radians();
                Some([lambda, (std::f64::consts::FRAC_PI_4 + phi / 2.0).tan().ln()])
            }
            ProjectionKind::Globe => {
                let [x, y, depth] = self.globe_xyz(lon, lat);
                (depth >= 0.0).then_some([x, y])
            }
        }
    }

    /// The globe's view of (`lon`, `lat`): plane x, y and the depth towards
    /// the viewer (negative on the far side).
    pub fn globe_xyz(&self, lon: f64, lat: f64) -> [f64; 3] {
        let (phi, phi0) = (lat.to_radians(), self.center_lat.to_radians());
        let lambda = (lon - self.center_lon).to_radians();
        let x = phi.cos() * lambda.sin();
        let y = phi0.cos() * phi.sin() - phi0.sin() * phi.cos() * lambda.cos();
        let depth = phi0.sin() * phi.sin() + phi0.cos() * phi.cos() * lambda.cos();
        [x, y, depth]
    }

    /// Whether lines must be cut where longitude jumps across the back
    /// meridian (`center_lon ± 180°`): the cylindrical and pseudocylindrical
    /// projections, not the globe.
    pub fn has_seam(&self) -> bool {
        self.kind != ProjectionKind::Globe
    }
}

/// `lon` in `[-180, 180)`.
pub fn wrap_lon(lon: f64) -> f64 {
    (lon + 180.0).rem_euclid(360.0) - 180.0
}

/// `lon` relative to `center`, in `[-180, 180]` (a longitude exactly on the
/// back meridian keeps the side it is given: +180 stays east).
pub fn relative_lon(lon: f64, center: f64) -> f64 {
    let d = lon - center;
    if (-180.0..=180.0).contains(&d) { d } else { wrap_lon(d) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: [f64; 2], b: [f64; 2], tolerance: f64) -> bool {
        (a[0] - b[0]).abs() < tolerance && (a[1] - b[1]).abs() < tolerance
    }

    #[test]
    fn equal_earth_matches_published_values() {
        let ee = Projection::new(ProjectionKind::EqualEarth, 0.0, 0.0);
        // The map's extent on the unit sphere: x ±2.7064, y ±1.3173 (d3-geo's geoEqualEarth, scale 1).
        assert!(close(ee.forward(180.0, 0.0).unwrap(), [2.706_629, 0.0], 1e-4));
        assert!(close(ee.forward(0.0, 90.0).unwrap(), [0.0, 1.317_305], 1e-4));
        // The pole line is half as long as at the equator's cos θ would make it: cos 60° × D(0) / D(60°).
        let [x, y] = ee.forward(-180.0, -90.0).unwrap();
        assert!(x < -1.5 && x > -1.7 && (y + 1.317_305).abs() < 1e-4, "{x} {y}");
        assert_eq!(ee.forward(0.0, 0.0), Some([0.0, 0.0]));
    }

    #[test]
    fn mercator_is_the_web_map() {
        let m = Projection::new(ProjectionKind::Mercator, 0.0, 0.0);
        let [x, y] = m.forward(90.0, MERCATOR_MAX_LAT).unwrap();
        assert!((x - std::f64::consts::FRAC_PI_2).abs() < 1e-12);
        assert!((y - std::f64::consts::PI).abs() < 1e-6, "the square world: {y}");
        assert_eq!(m.forward(0.0, 89.9), m.forward(0.0, 86.0), "clamped at the limit");
    }

    #[test]
    fn the_globe_hides_its_far_side() {
        let g = Projection::new(ProjectionKind::Globe, 60.0, 30.0);
        assert!(close(g.forward(60.0, 30.0).unwrap(), [0.0, 0.0], 1e-12));
        assert!(g.forward(-120.0, -30.0).is_none(), "the antipode");
        let [x, y] = g.forward(150.0, 0.0).unwrap_or([9.0, 9.0]);
        assert!(x * x + y * y <= 1.0 + 1e-9);
        // North is up: a point due north of the centre is above it.
        assert!(g.forward(60.0, 50.0).unwrap()[1] > 0.0);
    }

    #[test]
    fn longitudes_are_taken_round_the_central_meridian() {
        assert_eq!(relative_lon(170.0, -20.0), -170.0);
        assert_eq!(relative_lon(180.0, 0.0), 180.0);
        assert_eq!(relative_lon(-180.0, 0.0), -180.0);
        assert_eq!(wrap_lon(540.0), -180.0);
        let ee = Projection::new(ProjectionKind::EqualEarth, 150.0, 0.0);
        assert!(ee.forward(-170.0, 0.0).unwrap()[0] > 0.0, "east of the centre");
    }

    #[test]
    fn names_round_trip() {
        for kind in ProjectionKind::ALL {
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind.name()));
            let value = clap::ValueEnum::to_possible_value(&kind).unwrap();
            assert_eq!(value.get_name(), kind.name());
        }
    }
}
