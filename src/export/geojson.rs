//! GeoJSON output: a FeatureCollection of points, one per mentioned place.

use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::gazetteer::Gazetteer;

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
/// city; properties carry `kind`, the code, name, mention count and the texts
/// of the passages that mention it.
pub fn write_geojson(a: &Analysis, _g: &Gazetteer, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut features = Vec::new();
    for c in &a.countries {
        features.push(point(
            c.lon,
            c.lat,
            json!({ "kind": "country", "iso3": c.code, "name": c.name, "mentions": c.mentions,
                    "surfaces": c.surfaces, "passages": passage_texts(a, &c.passages) }),
        ));
    }
    for r in &a.regions {
        features.push(point(
            r.lon,
            r.lat,
            json!({ "kind": "region", "id": r.id, "name": r.name, "mentions": r.mentions,
                    "surfaces": r.surfaces, "passages": passage_texts(a, &r.passages) }),
        ));
    }
    for c in &a.cities {
        features.push(point(
            c.lon,
            c.lat,
            json!({ "kind": "city", "iso3": c.code, "name": c.name, "mentions": c.mentions,
                    "passages": passage_texts(a, &c.passages) }),
        ));
    }
    let mut w = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut w, &json!({ "type": "FeatureCollection", "features": features }))?;
    std::io::Write::write_all(&mut w, b"\n")?;
    std::io::Write::flush(&mut w)
}
