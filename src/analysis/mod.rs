//! Finding the places a document refers to, and summing them up.
//!
//! [`Analyzer`] holds the compiled matcher (built once); [`Analyzer::analyze`]
//! turns a [`Document`] into an [`Analysis`]: every [`Mention`] with its span
//! and passage, and a [`PlaceSummary`] per mentioned country, region and city.

mod aggregate;
pub use aggregate::from_summaries;
mod matcher;
mod nearness;
mod overrides;
pub(crate) mod place_index;
mod resolve;
mod rules;
mod word_table;

pub use matcher::{Found, Matcher, Reading};
pub use overrides::{Override, OverrideProblem};
pub use rules::{RuleError, Rules, ToponymRules};

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::gazetteer::Gazetteer;
pub use crate::place::Reason;
use crate::place::{Place, PlaceKind, PlaceSummary};
use crate::text::{Document, Span};

/// How a mention refers to its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// The country's name ("Afghanistan").
    Name,
    /// An alias, abbreviation or former name ("Britain", "U.S.").
    Alias,
    /// An adjective or word for its people ("Afghans", "Russian").
    Demonym,
    /// A city in the country ("Moscow").
    City,
    /// A division of the country: a state, province, county ("Texas").
    Division,
    /// A seat of government standing for the country ("Washington").
    Metonym,
    /// A named region ("the Levant").
    Region,
}

impl MentionKind {
    /// Parse the lowercase name used in tables and output.
    pub fn parse(s: &str) -> Option<MentionKind> {
        Some(match s {
            "name" => MentionKind::Name,
            "alias" => MentionKind::Alias,
            "demonym" => MentionKind::Demonym,
            "city" => MentionKind::City,
            "division" | "state" => MentionKind::Division,
            "metonym" => MentionKind::Metonym,
            "region" => MentionKind::Region,
            _ => return None,
        })
    }

    /// The lowercase name used in tables and output.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Alias => "alias",
            MentionKind::Demonym => "demonym",
            MentionKind::City => "city",
            MentionKind::Division => "division",
            MentionKind::Metonym => "metonym",
            MentionKind::Region => "region",
        }
    }
}

/// Watches a long job (reading, importing, analysing): told what it is
/// doing and how far the scan got, asked whether to go on.
pub trait Watch: Sync {
    /// `fraction` (0 to 1) of the text has been scanned; return `false` to
    /// stop the analysis.
    fn proceed(&self, fraction: f32) -> bool;

    /// The job moves on to `stage` ("Reading", "Analysing").
    fn stage(&self, _stage: &str) {}

    /// Should the job stop before its next step?
    fn cancelled(&self) -> bool {
        false
    }
}

/// A [`Watch`] that lets every job run to the end.
pub struct Unwatched;

impl Watch for Unwatched {
    fn proceed(&self, _fraction: f32) -> bool {
        true
    }
}

/// One reference to a place in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The place referred to: a country, a region or a city (whose country
    /// counts the mention too).
    pub place: Place,
    /// How it is referred to.
    pub kind: MentionKind,
    /// Where the words are in the document text.
    pub span: Span,
    /// Index of the sentence (passage) containing it.
    pub passage: usize,
    /// Why it refers to this place.
    pub reason: Reason,
}

impl Mention {
    /// Does it refer to `place`, or to a place inside it (a city of a country)?
    pub fn refers_to(&self, place: Place, g: &Gazetteer) -> bool {
        place.holds(self.place, g)
    }

    /// The place to select for it: the place itself.
    pub fn selects(&self, _g: &Gazetteer) -> Place {
        self.place
    }
}

/// The result of analysing one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Tells this analysis apart from every other one made by this process
    /// (a copy keeps it): the map notices a new analysis by it.
    pub generation: u64,
    /// The document analysed (its text, paragraphs and sentences).
    pub document: Document,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Mentioned countries, most-mentioned first.
    pub countries: Vec<PlaceSummary>,
    /// Mentioned regions, most-mentioned first.
    pub regions: Vec<PlaceSummary>,
    /// Mentioned cities, most-mentioned first.
    pub cities: Vec<PlaceSummary>,
    /// Mentioned divisions (states, provinces, counties), most-mentioned first.
    pub divisions: Vec<PlaceSummary>,
    /// Problems worth telling the user (e.g. replaced invalid UTF-8).
    pub warnings: Vec<String>,
}

impl Analysis {
    /// The words of a mention as they stand in the text.
    pub fn surface(&self, m: &Mention) -> &str {
        self.document.slice(m.span)
    }

    /// Sentence indices that mention something, in order, without repeats.
    pub fn passages(&self) -> Vec<usize> {
        let mut p: Vec<usize> = self.mentions.iter().map(|m| m.passage).collect();
        p.dedup();
        p
    }

    /// Every mentioned place: countries, then regions, divisions and cities.
    pub fn places(&self) -> impl Iterator<Item = &PlaceSummary> {
        self.countries
            .iter()
            .chain(&self.regions)
            .chain(&self.divisions)
            .chain(&self.cities)
    }

    /// What the analysis says about `place`, if the text mentions it.
    pub fn summary(&self, place: Place) -> Option<&PlaceSummary> {
        let list = match place.kind() {
            PlaceKind::Country => &self.countries,
            PlaceKind::Region => &self.regions,
            PlaceKind::City => &self.cities,
            PlaceKind::Division => &self.divisions,
        };
        list.iter().find(|s| s.place == place)
    }

    /// The summary of the country with this code, if it is mentioned.
    pub fn country(&self, code: &str) -> Option<&PlaceSummary> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The summary of the region with this id, if it is mentioned.
    pub fn region(&self, id: &str) -> Option<&PlaceSummary> {
        self.regions.iter().find(|r| r.code == id)
    }
}

/// The compiled matcher over the built-in gazetteer and rules. Build once
/// (about a tenth of a second) and reuse; [`Analyzer::builtin`] caches one.
pub struct Analyzer {
    gazetteer: &'static Gazetteer,
    matcher: Matcher,
}

impl Analyzer {
    /// Compile a matcher for `gazetteer` with `rules`.
    pub fn new(gazetteer: &'static Gazetteer, rules: Rules) -> Analyzer {
        Analyzer {
            gazetteer,
            matcher: Matcher::new(gazetteer, rules),
        }
    }

    /// The analyzer over the built-in gazetteer and rule tables, built on first use.
    pub fn builtin() -> &'static Analyzer {
        static BUILTIN: OnceLock<Analyzer> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The gazetteer is read while the rules are parsed. On a
            // thread of its own, not the pool's: the pool's threads may all
            // be waiting for this analyzer (a collection's articles).
            let (gazetteer, rules) = std::thread::scope(|scope| {
                let rules = scope.spawn(|| Rules::builtin().expect("built-in rule tables parse (checked by tests)"));
                (Gazetteer::builtin(), rules.join().expect("the rule tables are read"))
            });
            Analyzer {
                gazetteer,
                matcher: Matcher::builtin(gazetteer, rules),
            }
        })
    }

    /// Start building [`Analyzer::builtin`] on a thread of its own, so that
    /// it is ready, or nearly, once the first text has been read and cut
    /// into sentences (the two take about as long on a long file).
    pub fn prepare_builtin() {
        std::thread::spawn(|| {
            Analyzer::builtin();
        });
    }

    /// The gazetteer the mentions index into.
    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gazetteer
    }

    /// Find every mention in `document`, decide what each refers to, and
    /// summarise them.
    pub fn analyze(&self, document: Document) -> Analysis {
        self.analyze_with_overrides(document, &[]).0
    }

    /// The matcher's names in `document`, decided by the article's evidence.
    fn mentions(&self, document: &Document, found: Vec<Found>) -> Vec<Mention> {
        resolve::resolve(&self.matcher, self.gazetteer, document, found)
    }

    /// Cut `text` into a document and analyse it.
    pub fn analyze_text(&self, text: &str) -> Analysis {
        self.analyze(Document::new(text.to_string()))
    }
}
#[cfg(test)]
mod size_tests {
    use std::mem::size_of;

    /// A 100 MB text has a million found names and half a million mentions,
    /// all held at once at the end of the resolution: their size is the
    /// analysis's peak memory (the bound is 3× the file).
    #[test]
    fn places_found_names_and_mentions_stay_small() {
        assert_eq!(size_of::<crate::place::Place>(), 8);
        assert!(size_of::<crate::place::Reason>() <= 12);
        assert!(size_of::<super::matcher::Found>() <= 40);
        // The scan's list of maybe-names becomes the list of names in place.
        assert_eq!(
            size_of::<Option<super::matcher::Found>>(),
            size_of::<super::matcher::Found>()
        );
        assert!(size_of::<super::Mention>() <= 48);
    }
}
