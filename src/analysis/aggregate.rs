//! Per-country, per-region and per-city summaries of a mention list.

use std::collections::HashMap;

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
        if !self.surfaces.iter().any(|s| s == surface) {
            self.surfaces.push(surface.to_string());
        }
    }
}

fn tally<K: std::hash::Hash + Eq + Copy>(
    doc: &Document,
    mentions: &[Mention],
    key: impl Fn(&Mention) -> Option<K>,
) -> Vec<(K, Tally)> {
    let mut index: HashMap<K, usize> = HashMap::new();
    let mut out: Vec<(K, Tally)> = Vec::new();
    for m in mentions {
        let Some(k) = key(m) else { continue };
        let i = *index.entry(k).or_insert_with(|| {
            let first_paragraph = doc.sentences.get(m.passage).map_or(0, |s| s.paragraph);
            out.push((
                k,
                Tally {
                    mentions: 0,
                    passages: Vec::new(),
                    surfaces: Vec::new(),
                    first_paragraph,
                    order: out.len(),
                },
            ));
            out.len() - 1
        });
        out[i].1.add(m, doc.slice(m.span));
    }
    // Most mentioned first; ties in order of first appearance.
    out.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.1.order.cmp(&b.1.order)));
    out
}

/// Build the [`Analysis`] of `document` from its mentions.
pub(super) fn summarise(g: &Gazetteer, document: Document, mentions: Vec<Mention>) -> Analysis {
    let countries = tally(&document, &mentions, |m| match m.target {
        Target::Country(c) => Some(c),
        Target::Region(_) => None,
    })
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
    let regions = tally(&document, &mentions, |m| match m.target {
        Target::Region(r) => Some(r),
        Target::Country(_) => None,
    })
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
    let cities = tally(&document, &mentions, |m| m.city)
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
