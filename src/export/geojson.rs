//! GeoJSON output: a FeatureCollection of points, one per mentioned place.

use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::gazetteer::Gazetteer;
use crate::place::PlaceKind;

fn passage_texts(a: &Analysis, passages: &[usize]) -> Value {
    passages
        .iter()
        .map(|&i| Value::from(a.document.slice(a.document.sentences[i].span)))
        .collect()
}

fn point(lon: f64, lat: f64, properties: Value) -> Value {
    json!({
        "type": "Feature",
        "geometry": { "type": "Point", "coordinates": [lon, lat] },
        "properties": properties,
    })
}

/// Write a FeatureCollection with a Point per mentioned country, region and
/// city; properties carry `kind`, the code (`iso3` of the country, or `id` of
/// the region), name, mention count, the words used and the texts of the
/// passages that mention it.
pub fn write_geojson(a: &Analysis, _g: &Gazetteer, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let features: Vec<Value> = a
        .places()
        .map(|p| {
            let code_key = if p.kind() == PlaceKind::Region { "id" } else { "iso3" };
            let mut properties = json!({ "kind": p.kind().as_str(), "name": p.name, "mentions": p.mentions,
                "surfaces": p.surfaces, "passages": passage_texts(a, &p.passages) });
            properties[code_key] = Value::from(p.code.as_str());
            point(p.lon, p.lat, properties)
        })
        .collect();
    super::layout::write_lined(&json!({ "type": "FeatureCollection", "features": features }), out)
}
