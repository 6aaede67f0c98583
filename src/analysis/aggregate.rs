//! The [`PlaceSummary`] of every mentioned country, region and city.

use std::sync::atomic::{AtomicU64, Ordering};

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Analysis, Mention, Reason};
use crate::gazetteer::Gazetteer;
use crate::place::{Place, PlaceSummary};
use crate::text::Document;

/// Counts, passages and surfaces of one place, built mention by mention.
struct Tally<'t> {
    mentions: usize,
    /// Mentions of the place itself (not of a place inside it).
    own: usize,
    passages: Vec<usize>,
    /// The distinct words, in the order first used (borrowed from the text until the end).
    surfaces: Vec<&'t str>,
    /// The same words, for a quick membership test: a country's surfaces
    /// include the names of every town of it the text names.
    seen: FxHashSet<&'t str>,
    first_paragraph: usize,
    order: usize,
    /// The strongest reason among its own mentions.
    reason: Option<Reason>,
}

impl<'t> Tally<'t> {
    fn add(&mut self, m: &Mention, surface: &'t str, own: bool) {
        self.mentions += 1;
        self.own += usize::from(own);
        if own && self.reason.is_none_or(|r| m.reason.strength() > r.strength()) {
            self.reason = Some(m.reason);
        }
        if self.passages.last() != Some(&m.passage) {
            self.passages.push(m.passage);
        }
        self.add_surface(surface);
    }

    /// Note `surface` among its words, if it is new.
    fn add_surface(&mut self, surface: &'t str) {
        // A short list is searched as it is; a long one through its set.
        let known = if self.surfaces.len() <= 8 {
            self.surfaces.contains(&surface)
        } else {
            if self.seen.is_empty() {
                self.seen.extend(self.surfaces.iter().copied());
            }
            !self.seen.insert(surface)
        };
        if !known {
            self.surfaces.push(surface);
        }
    }

    /// Add the tally of the same place over the mentions that follow.
    fn append(&mut self, later: Tally<'t>) {
        self.mentions += later.mentions;
        self.own += later.own;
        if let Some(r) = later.reason
            && self.reason.is_none_or(|had| r.strength() > had.strength())
        {
            self.reason = Some(r);
        }
        let repeated = usize::from(self.passages.last().is_some() && self.passages.last() == later.passages.first());
        self.passages.extend_from_slice(&later.passages[repeated..]);
        for surface in later.surfaces {
            self.add_surface(surface);
        }
    }
}

/// Tallies keyed by gazetteer index. A hash map rather than a dense table:
/// a table as long as the gazetteer's towns, cleared for every article of a
/// collection, costs more than the look-ups it saves.
#[derive(Default)]
struct Tallies<'t> {
    index: FxHashMap<usize, usize>,
    out: Vec<(usize, Tally<'t>)>,
}

impl<'t> Tallies<'t> {
    fn add(&mut self, key: usize, doc: &Document, m: &Mention, surface: &'t str, own: bool) {
        let at = *self.index.entry(key).or_insert_with(|| {
            let first_paragraph = doc.sentences.get(m.passage).map_or(0, |s| s.paragraph);
            let order = self.out.len();
            let tally = Tally {
                mentions: 0,
                own: 0,
                passages: Vec::new(),
                surfaces: Vec::new(),
                seen: FxHashSet::default(),
                first_paragraph,
                order,
                reason: None,
            };
            self.out.push((key, tally));
            order
        });
        self.out[at].1.add(m, surface, own);
    }

    /// Add the tallies of the mentions that follow, in order.
    fn append(&mut self, later: Tallies<'t>) {
        for (key, tally) in later.out {
            match self.index.get(&key) {
                Some(&at) => self.out[at].1.append(tally),
                None => {
                    let order = self.out.len();
                    self.index.insert(key, order);
                    self.out.push((key, Tally { order, ..tally }));
                }
            }
        }
    }

    /// Most mentioned first; ties in order of first appearance.
    fn sorted(mut self) -> Vec<(usize, Tally<'t>)> {
        self.out
            .sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.1.order.cmp(&b.1.order)));
        self.out
    }
}

/// A new number for each analysis made by this process.
fn next_generation() -> u64 {
    static GENERATION: AtomicU64 = AtomicU64::new(1);
    GENERATION.fetch_add(1, Ordering::Relaxed)
}

/// Build the [`Analysis`] of `document` from its mentions. A city's or a
/// division's mention counts for it and for its country.
pub(super) fn summarise(g: &Gazetteer, document: Document, mentions: Vec<Mention>) -> Analysis {
    let parts = (mentions.len() / TALLY_PART).clamp(1, rayon::current_num_threads().max(1));
    summarise_in_parts(g, document, mentions, parts)
}

/// Mentions per part, where a long article's are tallied on every core.
const TALLY_PART: usize = 16_384;

/// [`summarise`], tallying the mentions in `parts` parts one after another
/// (on every core), then adding up the parts' tallies in order.
fn summarise_in_parts(g: &Gazetteer, document: Document, mentions: Vec<Mention>, parts: usize) -> Analysis {
    let tally = |mentions: &[Mention]| {
        let mut tallies: [Tallies; 4] = Default::default();
        let [countries, regions, cities, divisions] = &mut tallies;
        let text = document.text.as_bytes();
        for (k, m) in mentions.iter().enumerate() {
            // The text of the mention a few on is fetched while this one is tallied.
            crate::memory::prefetch(text, mentions.get(k + crate::memory::AHEAD).map(|m| m.span.start));
            let surface = document.slice(m.span);
            match m.place {
                Place::Country(c) => countries.add(c as usize, &document, m, surface, true),
                Place::Region(r) => regions.add(r as usize, &document, m, surface, true),
                Place::City(city) => {
                    countries.add(g.cities.country(city as usize), &document, m, surface, false);
                    cities.add(city as usize, &document, m, surface, true);
                }
                Place::Division(d) => {
                    countries.add(g.divisions[d as usize].country, &document, m, surface, false);
                    divisions.add(d as usize, &document, m, surface, true);
                }
            }
        }
        tallies
    };
    let tallies = if parts <= 1 {
        tally(&mentions)
    } else {
        use rayon::prelude::*;
        let mut parts: Vec<[Tallies; 4]> = mentions.par_chunks(mentions.len().div_ceil(parts)).map(tally).collect();
        let mut first = parts.remove(0);
        for later in parts {
            for (kind, tallies) in first.iter_mut().zip(later) {
                kind.append(tallies);
            }
        }
        first
    };
    let [countries, regions, cities, divisions] = tallies;
    let summaries = |tallies: Tallies, place: fn(usize) -> Place| -> Vec<PlaceSummary> {
        tallies
            .sorted()
            .into_iter()
            .map(|(i, t)| PlaceSummary {
                mentions: t.mentions,
                own_mentions: t.own,
                passages: t.passages,
                surfaces: t.surfaces.iter().map(|s| s.to_string()).collect(),
                first_paragraph: t.first_paragraph,
                reason: t.reason.unwrap_or(Reason::Unambiguous),
                ..PlaceSummary::of(place(i), g)
            })
            .collect()
    };
    Analysis {
        generation: next_generation(),
        countries: summaries(countries, Place::country_at),
        regions: summaries(regions, Place::region_at),
        cities: summaries(cities, Place::city_at),
        divisions: summaries(divisions, Place::division_at),
        document,
        mentions,
        warnings: Vec::new(),
    }
}

/// An analysis made of summaries alone, with no text and no mentions: the
/// geography of a collection of articles (see `crate::collection`), drawn
/// by the same map and pictures as one article's.
pub fn from_summaries(
    countries: Vec<PlaceSummary>,
    regions: Vec<PlaceSummary>,
    cities: Vec<PlaceSummary>,
    divisions: Vec<PlaceSummary>,
) -> Analysis {
    Analysis {
        generation: next_generation(),
        document: Document::new(String::new()),
        mentions: Vec::new(),
        countries,
        regions,
        cities,
        divisions,
        warnings: Vec::new(),
    }
}

/// How many mentions each place has, and how many of them are its own (not
/// of a place inside it), in the order of [`Analysis::places`]: what
/// [`summarise`] counts, without the passages, words and names a collection
/// does not keep.
pub(super) fn counts(mentions: &[Mention], g: &Gazetteer) -> Vec<(Place, usize, usize)> {
    /// Counts of one kind of place, in order of first mention.
    #[derive(Default)]
    struct Counts {
        index: FxHashMap<Place, usize>,
        out: Vec<(Place, usize, usize)>,
    }
    impl Counts {
        fn add(&mut self, place: Place, own: bool) {
            let at = *self.index.entry(place).or_insert_with(|| {
                self.out.push((place, 0, 0));
                self.out.len() - 1
            });
            self.out[at].1 += 1;
            self.out[at].2 += usize::from(own);
        }
    }
    // Room for an article's places up front: growing a table rehashes it.
    let room = |n: usize| Counts {
        index: FxHashMap::with_capacity_and_hasher(mentions.len().min(n), Default::default()),
        out: Vec::with_capacity(mentions.len().min(n)),
    };
    let (mut countries, mut regions, mut cities, mut divisions) = (room(32), Counts::default(), room(64), room(16));
    for m in mentions {
        match m.place {
            Place::Country(_) => countries.add(m.place, true),
            Place::Region(_) => regions.add(m.place, true),
            Place::City(city) => {
                countries.add(Place::country_at(g.cities.country(city as usize)), false);
                cities.add(m.place, true);
            }
            Place::Division(d) => {
                countries.add(Place::country_at(g.divisions[d as usize].country), false);
                divisions.add(m.place, true);
            }
        }
    }
    // Most mentioned first; ties in order of first mention (a stable sort).
    [countries, regions, divisions, cities]
        .into_iter()
        .flat_map(|mut c| {
            c.out.sort_by_key(|&(_, mentions, _)| std::cmp::Reverse(mentions));
            c.out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    #[test]
    fn tallies_in_parts_add_up_to_the_whole() {
        let analyzer = Analyzer::builtin();
        let g = analyzer.gazetteer();
        // Places that come and go, with other words for them later on
        // (surfaces), in passages that span a part's end.
        let mut text = String::new();
        for k in 0..400 {
            text.push_str("Paris, Texas and Moscow. The Kremlin and Texas. Ohio, Iowa and Utah. ");
            if k % 3 == 0 {
                text.push_str("Britain and the Levant, then Russians in Moscow. ");
            }
            if k > 200 {
                text.push_str("The UK and America, Ga., and Athens, Ga. ");
            }
            text.push('\n');
        }
        let document = Document::new(text);
        let found = analyzer.matcher.find(&document);
        let mentions = super::super::resolve::resolve(&analyzer.matcher, g, &document, found);
        assert!(mentions.len() > 2000);
        let whole = summarise_in_parts(g, document.clone(), mentions.clone(), 1);
        // Parts that end between two mentions of one place in one passage, or not.
        for parts in 2..=12 {
            let added = summarise_in_parts(g, document.clone(), mentions.clone(), parts);
            assert_eq!(added.countries, whole.countries, "{parts} parts");
            assert_eq!(added.regions, whole.regions, "{parts} parts");
            assert_eq!(added.cities, whole.cities, "{parts} parts");
            assert_eq!(added.divisions, whole.divisions, "{parts} parts");
        }
        assert!(whole.countries.iter().any(|c| c.surfaces.len() > 2));
    }
}
