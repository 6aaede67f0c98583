//! Decoding TopoJSON topologies (quantized or not) into polygons in
//! longitude/latitude.
//!
//! Only what world maps need: `GeometryCollection` objects whose members are
//! `Polygon` or `MultiPolygon` (other geometry types are skipped), their
//! `properties`, and the shared arcs.

use std::collections::HashMap;

use serde::Deserialize;

/// A closed ring of (longitude, latitude) points; the last point repeats the first.
pub type Ring = Vec<[f64; 2]>;

/// One polygon: its exterior ring first, then its holes.
#[derive(Clone, Debug, PartialEq)]
pub struct Polygon {
    /// Exterior ring followed by hole rings.
    pub rings: Vec<Ring>,
}

/// One member of a geometry collection.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    /// The feature's `properties` (strings only; other values are left out).
    pub properties: HashMap<String, String>,
    /// Its polygons (one for a `Polygon`, several for a `MultiPolygon`).
    pub polygons: Vec<Polygon>,
}

/// A decoded topology.
#[derive(Clone, Debug, PartialEq)]
pub struct Topology {
    /// Every arc, decoded to (longitude, latitude) points.
    pub arcs: Vec<Vec<[f64; 2]>>,
    /// The features of each named object.
    pub objects: HashMap<String, Vec<Feature>>,
}

/// Why a topology could not be decoded.
#[derive(Debug, thiserror::Error)]
pub enum TopoError {
    /// Not JSON, or not shaped like a TopoJSON topology.
    #[error("not a TopoJSON topology: {0}")]
    Json(#[from] serde_json::Error),
    /// A geometry refers to an arc that does not exist.
    #[error("arc index {0} out of range")]
    BadArc(i64),
}

#[derive(Deserialize)]
struct RawTopology {
    transform: Option<RawTransform>,
    objects: HashMap<String, RawObject>,
    arcs: Vec<Vec<Vec<f64>>>,
}

#[derive(Deserialize)]
struct RawTransform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawObject {
    #[serde(default)]
    geometries: Vec<RawGeometry>,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    arcs: serde_json::Value,
    #[serde(default)]
    properties: HashMap<String, serde_json::Value>,
}

/// Decode a TopoJSON topology. Quantized arcs (with a `transform`) are
/// delta-decoded and scaled; a negative arc index `!i` means arc `i` reversed.
pub fn decode(json: &str) -> Result<Topology, TopoError> {
    let raw: RawTopology = serde_json::from_str(json)?;
    let arcs: Vec<Vec<[f64; 2]>> = raw
        .arcs
        .iter()
        .map(|arc| decode_arc(arc, raw.transform.as_ref()))
        .collect();
    let mut objects = HashMap::new();
    for (name, object) in raw.objects {
        let mut features = Vec::with_capacity(object.geometries.len());
        for geometry in object.geometries {
            let polygons = match geometry.kind.as_deref() {
                Some("Polygon") => {
                    let rings: Vec<Vec<i64>> = serde_json::from_value(geometry.arcs)?;
                    vec![assemble_polygon(&arcs, &rings)?]
                }
                Some("MultiPolygon") => {
                    let polygons: Vec<Vec<Vec<i64>>> = serde_json::from_value(geometry.arcs)?;
                    polygons
                        .iter()
                        .map(|rings| assemble_polygon(&arcs, rings))
                        .collect::<Result<_, _>>()?
                }
                _ => continue,
            };
            let properties = geometry
                .properties
                .into_iter()
                .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_string())))
                .collect();
            features.push(Feature { properties, polygons });
        }
        objects.insert(name, features);
    }
    Ok(Topology { arcs, objects })
}

fn decode_arc(arc: &[Vec<f64>], transform: Option<&RawTransform>) -> Vec<[f64; 2]> {
    let point = |p: &Vec<f64>| [p.first().copied().unwrap_or(0.0), p.get(1).copied().unwrap_or(0.0)];
    match transform {
        None => arc.iter().map(point).collect(),
        Some(t) => {
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .map(|p| {
                    let [dx, dy] = point(p);
                    x += dx;
                    y += dy;
                    [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]]
                })
                .collect()
        }
    }
}

fn assemble_polygon(arcs: &[Vec<[f64; 2]>], rings: &[Vec<i64>]) -> Result<Polygon, TopoError> {
    let rings = rings
        .iter()
        .map(|ring| assemble_ring(arcs, ring))
        .collect::<Result<_, _>>()?;
    Ok(Polygon { rings })
}

/// Concatenate arcs into a ring, dropping the first point of every arc after
/// the first (it repeats the previous arc's last point).
fn assemble_ring(arcs: &[Vec<[f64; 2]>], indices: &[i64]) -> Result<Ring, TopoError> {
    let mut ring: Ring = Vec::new();
    for &index in indices {
        let (arc_index, reversed) = if index >= 0 {
            (index as usize, false)
        } else {
            ((!index) as usize, true)
        };
        let arc = arcs.get(arc_index).ok_or(TopoError::BadArc(index))?;
        let skip = usize::from(!ring.is_empty());
        if reversed {
            ring.extend(arc.iter().rev().skip(skip));
        } else {
            ring.extend(arc.iter().skip(skip));
        }
    }
    Ok(ring)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two squares sharing an edge; the second uses the shared arc reversed.
    const TWO_SQUARES: &str = r#"{
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [10, 20]},
        "objects": {"squares": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "properties": {"a3": "AAA"}},
            {"type": "MultiPolygon", "arcs": [[[-1, 2]]], "properties": {"a3": "BBB", "n": 3}},
            {"type": null}
        ]}},
        "arcs": [
            [[1, 0], [0, 1]],
            [[1, 1], [-1, 0], [0, -1], [1, 0]],
            [[1, 0], [1, 0], [0, 1], [-1, 0]]
        ]
    }"#;

    #[test]
    fn decodes_quantized_arcs_and_reversed_indices() {
        let topo = decode(TWO_SQUARES).unwrap();
        assert_eq!(topo.arcs[0], [[11.0, 20.0], [11.0, 21.0]]);
        let squares = &topo.objects["squares"];
        assert_eq!(squares.len(), 2, "the null geometry is skipped");
        assert_eq!(squares[0].properties["a3"], "AAA");
        assert_eq!(
            squares[0].polygons[0].rings[0],
            [[11.0, 20.0], [11.0, 21.0], [10.0, 21.0], [10.0, 20.0], [11.0, 20.0]]
        );
        assert_eq!(
            squares[1].properties.get("n"),
            None,
            "non-string properties are left out"
        );
        assert_eq!(
            squares[1].polygons[0].rings[0],
            [[11.0, 21.0], [11.0, 20.0], [12.0, 20.0], [12.0, 21.0], [11.0, 21.0]]
        );
    }

    #[test]
    fn rejects_missing_arcs() {
        let bad = r#"{"type":"Topology","objects":{"o":{"type":"GeometryCollection",
            "geometries":[{"type":"Polygon","arcs":[[5]]}]}},"arcs":[]}"#;
        assert!(matches!(decode(bad), Err(TopoError::BadArc(5))));
    }
}
