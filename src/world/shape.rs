//! Country shapes in world units: rings unwrapped across the antimeridian,
//! polar rings closed along the map's edge, triangulated once.

use egui::Pos2;

use super::mercator::{WorldPoint, WorldRect, project};
use super::topojson;

/// Triangles in world units (f32, so they can be copied straight into an
/// [`egui::Mesh`] after scaling).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TriangleMesh {
    /// Vertex positions in world units.
    pub vertices: Vec<Pos2>,
    /// Three indices into `vertices` per triangle.
    pub indices: Vec<u32>,
}

impl TriangleMesh {
    /// The corners of each triangle.
    pub fn triangles(&self) -> impl Iterator<Item = [Pos2; 3]> + '_ {
        self.indices.chunks_exact(3).map(|t| {
            [
                self.vertices[t[0] as usize],
                self.vertices[t[1] as usize],
                self.vertices[t[2] as usize],
            ]
        })
    }
}

/// A polygon in world units: exterior ring then holes, each without the
/// repeated closing point.
pub type WorldPolygon = Vec<Vec<WorldPoint>>;

/// A line (a shared border or coast arc) in world units.
#[derive(Clone, Debug, PartialEq)]
pub struct Polyline {
    /// Points in world units, x continuous (may leave `[0, 1]` slightly).
    pub points: Vec<Pos2>,
    /// Bounding box of `points`.
    pub bbox: WorldRect,
}

/// One country's geometry.
#[derive(Clone, Debug)]
pub struct CountryShape {
    /// Its code (`properties.a3`, e.g. `"FRA"`).
    pub code: String,
    /// Natural Earth's short label (`properties.name`); display the gazetteer's name instead.
    pub name: String,
    /// Index in `Gazetteer::countries`, if the code is there.
    pub gazetteer: Option<usize>,
    /// Polygons in world units. A polygon that crosses the antimeridian is
    /// unwrapped and also present a second time, one world east or west, so
    /// that each copy of the world shows it whole.
    pub polygons: Vec<WorldPolygon>,
    /// Bounding box of all polygons (copies included).
    pub bbox: WorldRect,
    /// The triangulated polygons.
    pub mesh: TriangleMesh,
    /// The polygons as decoded, in longitude/latitude (for other projections).
    pub geo: Vec<topojson::Polygon>,
}

impl CountryShape {
    /// Build from a decoded TopoJSON feature.
    pub fn from_feature(
        code: String,
        name: String,
        gazetteer: Option<usize>,
        source: &[topojson::Polygon],
    ) -> CountryShape {
        let polygons: Vec<WorldPolygon> = source
            .iter()
            .flat_map(|p| with_wrapped_copy(unwrap_polygon(p)))
            .collect();
        let mut bbox = WorldRect::NOTHING;
        let mut mesh = TriangleMesh::default();
        for polygon in &polygons {
            polygon.iter().flatten().for_each(|&p| bbox.extend(p));
            triangulate_into(polygon, &mut mesh);
        }
        CountryShape {
            code,
            name,
            gazetteer,
            polygons,
            bbox,
            mesh,
            geo: source.to_vec(),
        }
    }

    /// Whether `p` (world units, x in `[0, 1)`) lies inside the country
    /// (inside an exterior ring and outside its holes).
    pub fn contains(&self, p: WorldPoint) -> bool {
        self.bbox.contains(p)
            && self
                .polygons
                .iter()
                .any(|polygon| polygon.iter().filter(|ring| ring_contains(ring, p)).count() % 2 == 1)
    }

    /// [`Self::contains`] for a longitude/latitude in degrees.
    pub fn contains_lon_lat(&self, lon: f64, lat: f64) -> bool {
        let p = project(lon, lat);
        self.contains(WorldPoint::new(p.x.rem_euclid(1.0), p.y))
    }
}

/// Even-odd test of `p` against one ring.
fn ring_contains(ring: &[WorldPoint], p: WorldPoint) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for (i, a) in ring.iter().enumerate() {
        let b = ring[j];
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// Project a line of (lon, lat) points so that longitude runs on without
/// jumping at ±180°: a step of more than half the world is taken the short
/// way round. Returns the points and how many worlds the end is shifted from
/// the start.
fn unwrap_line(line: &[[f64; 2]]) -> (Vec<WorldPoint>, f64) {
    let mut out = Vec::with_capacity(line.len() + 2);
    let mut offset = 0.0;
    let mut previous_x: Option<f64> = None;
    for &[lon, lat] in line {
        let p = project(lon, lat);
        if let Some(previous) = previous_x {
            let step = p.x - previous;
            if step > 0.5 {
                offset -= 1.0;
            } else if step < -0.5 {
                offset += 1.0;
            }
        }
        previous_x = Some(p.x);
        out.push(WorldPoint::new(p.x + offset, p.y));
    }
    (out, offset)
}

/// Project a ring to world units with continuous x: a step of more than half
/// a world is taken as a crossing of the antimeridian. A ring that winds
/// around a pole (Antarctica) ends one world away from where it started; it
/// is closed along the map's top or bottom edge instead of across the map.
/// The repeated closing point is dropped.
pub fn unwrap_ring(ring: &[[f64; 2]]) -> Vec<WorldPoint> {
    let (mut out, offset) = unwrap_line(ring);
    let (Some(&first), Some(&last)) = (out.first(), out.last()) else {
        return out;
    };
    if offset == 0.0 {
        if out.len() > 1 && first == last {
            out.pop();
        }
    } else {
        let mean_y = out.iter().map(|p| p.y).sum::<f64>() / out.len() as f64;
        let edge_y = if mean_y > 0.5 { 1.0 } else { 0.0 };
        out.push(WorldPoint::new(last.x, edge_y));
        out.push(WorldPoint::new(first.x, edge_y));
    }
    out
}

/// Unwrap every ring of a polygon, move holes next to their exterior, and
/// move the whole so that its centre has x in `[0, 1)`.
fn unwrap_polygon(polygon: &topojson::Polygon) -> WorldPolygon {
    let mut rings: Vec<Vec<WorldPoint>> = polygon.rings.iter().map(|r| unwrap_ring(r)).collect();
    let Some(exterior) = rings.first() else {
        return rings;
    };
    let center_x = |ring: &[WorldPoint]| {
        let mut bbox = WorldRect::NOTHING;
        ring.iter().for_each(|&p| bbox.extend(p));
        bbox.center().x
    };
    let exterior_x = center_x(exterior);
    for hole in rings.iter_mut().skip(1) {
        let shift = (exterior_x - center_x(hole)).round();
        shift_ring(hole, shift);
    }
    let shift = -exterior_x.floor();
    rings.iter_mut().for_each(|r| shift_ring(r, shift));
    rings
}

fn shift_ring(ring: &mut [WorldPoint], dx: f64) {
    if dx != 0.0 {
        ring.iter_mut().for_each(|p| p.x += dx);
    }
}

/// The polygon, plus a copy one world east or west if it pokes out of `[0, 1]`.
fn with_wrapped_copy(polygon: WorldPolygon) -> Vec<WorldPolygon> {
    let mut bbox = WorldRect::NOTHING;
    polygon.iter().flatten().for_each(|&p| bbox.extend(p));
    let shift = if bbox.min.x < 0.0 {
        1.0
    } else if bbox.max.x > 1.0 {
        -1.0
    } else {
        return vec![polygon];
    };
    let mut copy = polygon.clone();
    copy.iter_mut().for_each(|r| shift_ring(r, shift));
    vec![polygon, copy]
}

/// Triangulate one polygon (holes supported) and append it to `mesh`.
/// A polygon earcut cannot handle is left out.
fn triangulate_into(polygon: &WorldPolygon, mesh: &mut TriangleMesh) {
    let mut coords = Vec::with_capacity(polygon.iter().map(|r| r.len() * 2).sum());
    let mut holes = Vec::with_capacity(polygon.len().saturating_sub(1));
    for (i, ring) in polygon.iter().enumerate() {
        if i > 0 {
            holes.push(coords.len() / 2);
        }
        coords.extend(ring.iter().flat_map(|p| [p.x, p.y]));
    }
    let Ok(triangles) = earcutr::earcut(&coords, &holes, 2) else {
        return;
    };
    let base = mesh.vertices.len() as u32;
    mesh.vertices
        .extend(coords.chunks_exact(2).map(|c| Pos2::new(c[0] as f32, c[1] as f32)));
    mesh.indices.extend(triangles.into_iter().map(|i| base + i as u32));
}

/// Unwrap an arc like a ring (without closing it) and convert it to a
/// polyline, plus a copy one world away if it pokes out of `[0, 1]`.
pub fn arc_polylines(arc: &[[f64; 2]]) -> Vec<Polyline> {
    let (points, _) = unwrap_line(arc);
    let mut bbox = WorldRect::NOTHING;
    for &p in &points {
        bbox.extend(p);
    }
    let shift = -bbox.center().x.floor();
    let line = |dx: f64| Polyline {
        points: points
            .iter()
            .map(|p| Pos2::new((p.x + dx) as f32, p.y as f32))
            .collect(),
        bbox: bbox.shifted_x(dx),
    };
    let main = line(shift);
    let copy_shift = if main.bbox.min.x < 0.0 {
        Some(shift + 1.0)
    } else if main.bbox.max.x > 1.0 {
        Some(shift - 1.0)
    } else {
        None
    };
    std::iter::once(main).chain(copy_shift.map(line)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(lon0: f64, lat0: f64, lon1: f64, lat1: f64) -> Vec<[f64; 2]> {
        vec![[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]]
    }

    #[test]
    fn a_ring_across_the_antimeridian_is_unwrapped_and_copied() {
        let ring = vec![
            [178.0, 10.0],
            [-178.0, 10.0],
            [-178.0, 12.0],
            [178.0, 12.0],
            [178.0, 10.0],
        ];
        let shape =
            CountryShape::from_feature("X".into(), "X".into(), None, &[topojson::Polygon { rings: vec![ring] }]);
        assert_eq!(shape.polygons.len(), 2, "the polygon and its copy one world away");
        for t in shape.mesh.triangles() {
            let xs = t.map(|p| p.x);
            let width = xs.iter().cloned().fold(f32::MIN, f32::max) - xs.iter().cloned().fold(f32::MAX, f32::min);
            assert!(width < 0.1, "no triangle spans the map");
        }
        assert!(shape.contains_lon_lat(179.0, 11.0));
        assert!(shape.contains_lon_lat(-179.0, 11.0));
        assert!(!shape.contains_lon_lat(0.0, 11.0));
    }

    #[test]
    fn a_polar_ring_is_closed_along_the_edge() {
        let ring: Vec<[f64; 2]> = (0..=36)
            .map(|i| [-180.0 + i as f64 * 10.0, -70.0])
            .chain([[-180.0, -70.0]])
            .collect();
        let unwrapped = unwrap_ring(&ring);
        let last = unwrapped[unwrapped.len() - 1];
        assert_eq!(last, WorldPoint::new(0.0, 1.0));
        let shape = CountryShape::from_feature(
            "ATA".into(),
            "Antarctica".into(),
            None,
            &[topojson::Polygon { rings: vec![ring] }],
        );
        assert!(shape.contains_lon_lat(0.0, -80.0));
        assert!(shape.contains_lon_lat(179.0, -84.0));
        assert!(!shape.contains_lon_lat(0.0, -60.0));
    }

    #[test]
    fn holes_are_holes() {
        let polygon = topojson::Polygon {
            rings: vec![square(0.0, 0.0, 10.0, 10.0), square(4.0, 4.0, 6.0, 6.0)],
        };
        let shape = CountryShape::from_feature("H".into(), "H".into(), None, &[polygon]);
        assert!(shape.contains_lon_lat(2.0, 2.0));
        assert!(!shape.contains_lon_lat(5.0, 5.0));
        assert_eq!(shape.mesh.indices.len() % 3, 0);
        assert!(
            shape.mesh.indices.len() >= 8 * 3,
            "a square with a hole needs 8 triangles"
        );
    }
}
