//! Writing a collection out: its geography as one JSON object or GeoJSON
//! (`analyze --aggregate`), and an article × country matrix as CSV.

use std::io::Write;

use serde::Serialize;

use crate::collection::{Aggregate, Member};
use crate::gazetteer::Gazetteer;
use crate::place::{Place, PlaceKind};

/// The version of the collection JSON's schema.
pub const COLLECTION_SCHEMA: u32 = 1;

fn kind_name(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Country => "country",
        PlaceKind::Region => "region",
        PlaceKind::City => "city",
        PlaceKind::Division => "division",
    }
}

/// One article of the collection.
#[derive(Serialize)]
struct MemberOut<'a> {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    bytes: u64,
    /// ISO3 codes of the countries it names, most mentioned first.
    #[serde(skip_serializing_if = "Option::is_none")]
    countries: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// One place over the collection.
#[derive(Serialize)]
struct PlaceOut<'a> {
    id: String,
    name: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    iso3: Option<&'a str>,
    lon: f64,
    lat: f64,
    articles: usize,
    mentions: usize,
}

fn member_out<'a>(m: &'a Member, g: &'a Gazetteer) -> MemberOut<'a> {
    let countries = m.digest.as_ref().ok().map(|d| {
        let mut codes: Vec<(u32, &str)> = d
            .places
            .iter()
            .filter(|t| matches!(t.place, Place::Country(_)))
            .map(|t| (t.mentions, t.place.code(g)))
            .collect();
        codes.sort_by_key(|c| std::cmp::Reverse(c.0));
        codes.into_iter().map(|(_, c)| c).collect()
    });
    MemberOut {
        path: m.path.display().to_string(),
        title: m.digest.is_ok().then_some(m.title.as_str()),
        date: m.date.map(|d| d.to_string()),
        bytes: m.bytes,
        countries,
        error: m.digest.as_ref().err().map(String::as_str),
    }
}

fn places_out<'a>(aggregate: &'a Aggregate, g: &'a Gazetteer) -> Vec<PlaceOut<'a>> {
    aggregate
        .analysis
        .places()
        .map(|p| {
            let counts = &aggregate.counts[&p.place];
            PlaceOut {
                id: p.place.id(g),
                name: &p.name,
                kind: kind_name(p.kind()),
                iso3: p.country.map(|c| g.countries[c].code.as_str()),
                lon: p.lon,
                lat: p.lat,
                articles: counts.articles,
                mentions: counts.mentions,
            }
        })
        .collect()
}

/// The collection as one JSON object: `articles` (each with its path,
/// title, date, size and countries, or its error) and `places` (each with
/// the articles naming it and its mentions in them), most-named first.
pub fn write_aggregate_json(
    members: &[Member],
    aggregate: &Aggregate,
    g: &Gazetteer,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct Out<'a> {
        schema: u32,
        read: usize,
        unreadable: usize,
        articles: Vec<MemberOut<'a>>,
        places: Vec<PlaceOut<'a>>,
    }
    let value = Out {
        schema: COLLECTION_SCHEMA,
        read: aggregate.articles,
        unreadable: members.iter().filter(|m| m.digest.is_err()).count(),
        articles: members.iter().map(|m| member_out(m, g)).collect(),
        places: places_out(aggregate, g),
    };
    super::layout::write_lined(&value, out)
}

/// The collection's places as a GeoJSON FeatureCollection of points, with
/// `articles` and `mentions` as properties.
pub fn write_aggregate_geojson(aggregate: &Aggregate, g: &Gazetteer, out: &mut dyn Write) -> std::io::Result<()> {
    let features: Vec<serde_json::Value> = places_out(aggregate, g)
        .into_iter()
        .map(|p| {
            serde_json::json!({
                "type": "Feature",
                "geometry": { "type": "Point", "coordinates": [p.lon, p.lat] },
                "properties": {
                    "id": p.id, "name": p.name, "kind": p.kind, "iso3": p.iso3,
                    "articles": p.articles, "mentions": p.mentions,
                },
            })
        })
        .collect();
    let value = serde_json::json!({ "type": "FeatureCollection", "features": features });
    super::layout::write_lined(&value, out)
}

/// Quote a CSV field when it needs it.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// An article × country matrix: one row per article (path, title, date,
/// error), one column per country any article names (by ISO3, most-named
/// first), its mentions in each cell.
pub fn write_matrix_csv(
    members: &[Member],
    aggregate: &Aggregate,
    g: &Gazetteer,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let countries: Vec<Place> = aggregate.analysis.countries.iter().map(|c| c.place).collect();
    let mut w = std::io::BufWriter::new(out);
    let header: Vec<String> = ["path", "title", "date", "error"]
        .into_iter()
        .map(String::from)
        .chain(countries.iter().map(|c| c.code(g).to_string()))
        .collect();
    writeln!(w, "{}", header.join(","))?;
    for m in members {
        let mut row = vec![
            field(&m.path.display().to_string()),
            field(if m.digest.is_ok() { &m.title } else { "" }),
            m.date.map(|d| d.to_string()).unwrap_or_default(),
            field(m.digest.as_ref().err().map_or("", String::as_str)),
        ];
        for c in &countries {
            let count = m
                .digest
                .as_ref()
                .ok()
                .and_then(|d| d.tally(*c))
                .map_or(0, |t| t.mentions);
            row.push(count.to_string());
        }
        writeln!(w, "{}", row.join(","))?;
    }
    w.flush()
}
