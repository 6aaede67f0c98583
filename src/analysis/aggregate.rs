//! Per-country, per-region and per-city summaries of a mention list.

use super::{Analysis, Mention, Target};
use crate::gazetteer::Gazetteer;
use crate::text::Document;

/// A mentioned country.
#[derive(Clone, Debug, PartialEq)]
pub struct CountrySummary {
    /// Index in `Gazetteer::countries`.
    pub index: usize,
    /// Country code ("AFG").
    pub code: String,
    /// Display name.
    pub name: String,
    /// Label point longitude.
    pub lon: f64,
    /// Label point latitude.
    pub lat: f64,
    /// How many mentions.
    pub mentions: usize,
    /// Passages (sentence indices) that mention it, in order.
    pub passages: Vec<usize>,
    /// The distinct words used for it, in order of first use ("Russian", "Moscow").
    pub surfaces: Vec<String>,
    /// Paragraph of its first mention.
    pub first_paragraph: usize,
}

/// A mentioned region.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionSummary {
    /// Index in `Gazetteer::regions`.
    pub index: usize,
    /// Region id ("levant").
    pub id: String,
    /// Display name ("the Levant").
    pub name: String,
    /// Label point longitude.
    pub lon: f64,
    /// Label point latitude.
    pub lat: f64,
    /// How many mentions.
    pub mentions: usize,
    /// Passages that mention it, in order.
    pub passages: Vec<usize>,
    /// The distinct words used for it.
    pub surfaces: Vec<String>,
    /// Paragraph of its first mention.
    pub first_paragraph: usize,
}

/// A mentioned city.
#[derive(Clone, Debug, PartialEq)]
pub struct CitySummary {
    /// Index in `Gazetteer::cities`.
    pub index: usize,
    /// Display name.
    pub name: String,
    /// Code of its country.
    pub code: String,
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// How many mentions.
    pub mentions: usize,
    /// Passages that mention it, in order.
    pub passages: Vec<usize>,
}

/// Counts, passages and surfaces of one place, built mention by mention.
struct Tally {
    mentions: usize,
    passages: Vec<usize>,
    surfaces: Vec<String>,
    first_paragraph: usize,
    order: usize,
}

impl Tally {
    fn add(&mut self, m: &Mention, surface: &str) {
        self.mentions += 1;
        if self.passages.last() != Some(&m.passage) {
            self.passages.push(m.passage);
        }
        // Length and first byte first: most candidates differ there, and the
        // full comparison is a function call.
        let same =
            |s: &String| s.len() == surface.len() && s.as_bytes().first() == surface.as_bytes().first() && s == surface;
        if !self.surfaces.iter().any(same) {
            self.surfaces.push(surface.to_string());
        }
    }
}

/// Tallies keyed by gazetteer index: a dense table beats a hash map here.
#[derive(Default)]
struct Tallies {
    index: Vec<usize>,
    out: Vec<(usize, Tally)>,
}

impl Tallies {
    fn add(&mut self, key: usize, doc: &Document, m: &Mention, surface: &str) {
        if self.index.len() <= key {
            self.index.resize(key + 1, usize::MAX);
        }
        if self.index[key] == usize::MAX {
            self.index[key] = self.out.len();
            let first_paragraph = doc.sentences.get(m.passage).map_or(0, |s| s.paragraph);
            let order = self.out.len();
            let tally = Tally {
                mentions: 0,
                passages: Vec::new(),
                surfaces: Vec::new(),
                first_paragraph,
                order,
            };
            self.out.push((key, tally));
        }
        self.out[self.index[key]].1.add(m, surface);
    }

    /// Most mentioned first; ties in order of first appearance.
    fn sorted(mut self) -> Vec<(usize, Tally)> {
        self.out
            .sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.1.order.cmp(&b.1.order)));
        self.out
    }
}

/// Build the [`Analysis`] of `document` from its mentions.
pub(super) fn summarise(g: &Gazetteer, document: Document, mentions: Vec<Mention>) -> Analysis {
    let (mut countries, mut regions, mut cities) = (Tallies::default(), Tallies::default(), Tallies::default());
    for m in &mentions {
        let surface = document.slice(m.span);
        match m.target {
            Target::Country(c) => countries.add(c, &document, m, surface),
            Target::Region(r) => regions.add(r, &document, m, surface),
        }
        if let Some(city) = m.city {
            cities.add(city, &document, m, surface);
        }
    }
    let countries = countries
        .sorted()
        .into_iter()
        .map(|(i, t)| {
            let c = &g.countries[i];
            CountrySummary {
                index: i,
                code: c.code.clone(),
                name: c.name.clone(),
                lon: c.lon,
                lat: c.lat,
                mentions: t.mentions,
                passages: t.passages,
                surfaces: t.surfaces,
                first_paragraph: t.first_paragraph,
            }
        })
        .collect();
    let regions = regions
        .sorted()
        .into_iter()
        .map(|(i, t)| {
            let r = &g.regions[i];
            RegionSummary {
                index: i,
                id: r.id.clone(),
                name: r.name.clone(),
                lon: r.lon,
                lat: r.lat,
                mentions: t.mentions,
                passages: t.passages,
                surfaces: t.surfaces,
                first_paragraph: t.first_paragraph,
            }
        })
        .collect();
    let cities = cities
        .sorted()
        .into_iter()
        .map(|(i, t)| {
            let c = &g.cities[i];
            CitySummary {
                index: i,
                name: c.name.clone(),
                code: c.code.clone(),
                lon: c.lon,
                lat: c.lat,
                mentions: t.mentions,
                passages: t.passages,
            }
        })
        .collect();
    Analysis {
        document,
        mentions,
        countries,
        regions,
        cities,
        warnings: Vec::new(),
    }
}
