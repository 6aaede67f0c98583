//! The JSON output of `analyze`.

use serde::Serialize;

use super::layout::ObjectWriter;
use super::line::Line;
use super::{city_name, target_code};
use crate::analysis::Analysis;
use crate::gazetteer::Gazetteer;
use crate::place::{PlaceKind, PlaceSummary};

/// A country (`iso3`) or region (`id`) with its passages and words.
#[derive(Serialize)]
struct Place<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    iso3: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    name: &'a str,
    lon: f64,
    lat: f64,
    mentions: usize,
    passages: &'a [usize],
    surfaces: &'a [String],
}

impl<'a> Place<'a> {
    fn of(s: &'a PlaceSummary) -> Place<'a> {
        let code = Some(s.code.as_str());
        let (iso3, id) = if s.kind() == PlaceKind::Region {
            (None, code)
        } else {
            (code, None)
        };
        Place {
            iso3,
            id,
            name: &s.name,
            lon: s.lon,
            lat: s.lat,
            mentions: s.mentions,
            passages: &s.passages,
            surfaces: &s.surfaces,
        }
    }
}

/// A city, with the code of its country.
#[derive(Serialize)]
struct City<'a> {
    name: &'a str,
    iso3: &'a str,
    lon: f64,
    lat: f64,
    mentions: usize,
}

/// A town, city or division the article names.
#[derive(Serialize)]
struct PlaceOut<'a> {
    /// GeoNames id for a town or city, `CC.admin1` for a division.
    id: String,
    name: &'a str,
    /// `city`, `division` (first level) or `county`.
    kind: &'static str,
    iso3: &'a str,
    /// The first-level division it lies in, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    division: Option<&'a str>,
    lon: f64,
    lat: f64,
    population: u64,
    mentions: usize,
    passages: &'a [usize],
    surfaces: &'a [String],
    /// Why it was chosen among the places of its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

impl<'a> PlaceOut<'a> {
    fn of(s: &'a PlaceSummary, g: &'a Gazetteer) -> PlaceOut<'a> {
        let kind = match s.place {
            crate::place::Place::Division(d) if g.divisions[d as usize].level >= 2 => "county",
            crate::place::Place::Division(_) => "division",
            _ => "city",
        };
        let division = match s.place {
            crate::place::Place::Division(d) => g.divisions[d as usize].parent,
            other => other.divisions(g).last(),
        };
        PlaceOut {
            id: s.place.id(g),
            name: &s.name,
            kind,
            iso3: &s.code,
            division: division.map(|d| g.divisions[d].name.as_str()),
            lon: s.lon,
            lat: s.lat,
            population: s.place.population(g),
            mentions: s.mentions,
            passages: &s.passages,
            surfaces: &s.surfaces,
            reason: s.reason.describe(g),
        }
    }
}

/// The version of the JSON output's schema: 2 added `places` and the
/// mentions' `place` and `reason`.
pub const SCHEMA: u32 = 2;

/// Write the analysis as one JSON object with `countries`, `regions`,
/// `cities`, `places` (towns, cities and divisions with their ids and the
/// reason each was chosen), `mentions` and `passages` (only passages that
/// mention a place).
pub fn write_json(a: &Analysis, g: &Gazetteer, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_json_object(a, g, None, out)
}

/// The same object on one line, with the article's `path` first: one line
/// of `analyze`'s JSON-lines output for a collection.
pub fn write_json_line(a: &Analysis, g: &Gazetteer, path: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_json_object(a, g, Some(path), out)
}

/// The object, a line per place, mention and passage, or all on one line with `path`.
fn write_json_object(
    a: &Analysis,
    g: &Gazetteer,
    path: Option<&str>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let doc = &a.document;
    let passages = a.passages();
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut o = ObjectWriter::new(&mut w, path.is_none())?;
    if let Some(path) = path {
        o.member("path", path)?;
    }
    o.member("schema", &SCHEMA)?;
    o.member("warnings", &a.warnings)?;
    o.array("countries", a.countries.len(), |i| Place::of(&a.countries[i]))?;
    o.array("regions", a.regions.len(), |i| Place::of(&a.regions[i]))?;
    o.array("cities", a.cities.len(), |i| {
        let c = &a.cities[i];
        City {
            name: &c.name,
            iso3: &c.code,
            lon: c.lon,
            lat: c.lat,
            mentions: c.mentions,
        }
    })?;
    let towns = |i: usize| a.divisions.get(i).unwrap_or_else(|| &a.cities[i - a.divisions.len()]);
    o.array("places", a.divisions.len() + a.cities.len(), |i| {
        PlaceOut::of(towns(i), g)
    })?;
    // The text a few elements on is fetched while this one is written.
    use crate::memory::AHEAD;
    o.array_with("mentions", a.mentions.len(), |i, out, lined| {
        let m = &a.mentions[i];
        crate::memory::prefetch(doc.text.as_bytes(), a.mentions.get(i + AHEAD).map(|m| m.span.start));
        let mut id = itoa::Buffer::new();
        let place = match m.place {
            crate::place::Place::City(c) => Some(id.format(g.cities.id(c as usize))),
            crate::place::Place::Division(d) => Some(g.divisions[d as usize].id.as_str()),
            _ => None,
        };
        Line::open(out, lined)
            .str("target", target_code(g, m))
            .str("kind", m.kind.as_str())
            .str("surface", doc.slice(m.span))
            .uint("start", m.span.start)
            .uint("end", m.span.end)
            .uint("passage", m.passage)
            .some_str("city", city_name(g, m))
            .some_str("place", place)
            .some_str_of_two("reason", m.reason.describe_in_parts(g))
            .close();
        Ok(())
    })?;
    o.array_with("passages", passages.len(), |k, out, lined| {
        let i = passages[k];
        let ahead = passages.get(k + AHEAD).and_then(|&i| doc.sentences.get(i));
        crate::memory::prefetch(doc.text.as_bytes(), ahead.map(|s| s.span.start));
        let s = doc.sentences[i];
        Line::open(out, lined)
            .uint("index", i)
            .uint("paragraph", s.paragraph)
            .uint("start", s.span.start)
            .uint("end", s.span.end)
            .str("text", doc.slice(s.span))
            .close();
        Ok(())
    })?;
    o.end()?;
    std::io::Write::flush(&mut w)
}
