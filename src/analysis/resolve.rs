//! Which place a name means, decided from the article itself.
//!
//! Most names of towns are shared ("Paris" is in France, Texas, Tennessee,
//! Ontario, ...); a few are also a country's ("Lebanon", Indiana). Every
//! toponym the matcher found has its candidates ([`Reading::Toponym`]); this
//! module chooses among them with, in order:
//!
//! 1. an explicit qualifier: "Paris, Texas", "Athens, Ga.", "London, Ont.",
//!    "Edmonton in Queensland" (the place after the comma or "in" holds the
//!    candidate; newsroom abbreviations count there and only there);
//! 2. a dateline at the head of a paragraph: "ATHENS, Ga. (AP) —",
//!    "KYIV, Ukraine —", "LONDON —" (which also says where the story is);
//! 3. the article's other places: a candidate inside a division the article
//!    names, near a place it names, or in a country it names wins, and what
//!    is decided becomes evidence for the rest (three rounds);
//! 4. the prior: population and feature (capital > division seat > other).
//!
//! A name written as a town's keeps only its towns in the countries the words
//! point to ("Athens High School": a US or Canadian Athens, not Greece's
//! capital; `local_institutions.tsv`), and a country's name written so
//! ("the city of Peru", "a Lebanon woman"; `town_context.tsv`) is a town;
//! when nothing else decides such a name, its best town is taken. So is a
//! town's whose own public bodies the article names ("Roswell police", "the
//! Torrington City Council"), however small, if it is its own name. Words
//! only one country's news uses for its public life ("Sheriff's Office",
//! "aldermen"; `country_cues.tsv`) are weak evidence for that country, as its
//! demonym is.
//!
//! Small places (under 100,000 people) are kept only with evidence, and names
//! that are also words or people's names ("Mobile", "Jackson") only with
//! strong evidence (1–2, a named division, a place within 100 km), unless the
//! place is a city of a million. Before all that, a name followed by a
//! street, building, team or newspaper word ("Dublin Road", "Edmonton
//! Oilers") or preceded by a given name or title ("Michael Jackson") is no
//! place, nor is a name that is a person's followed by a surname or "said".
//!
//! Every mention records why its place was chosen ([`Reason`]).

use std::ops::ControlFlow;
use std::rc::Rc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::ToponymRules;
use super::matcher::{Found, Matcher, Reading};
use super::nearness::{Grid, Measure, Placed};
use super::rules::WordFlags;
use super::{Mention, MentionKind};
use crate::gazetteer::{Feature, Gazetteer};
use crate::place::{Place, Reason};
use crate::text::{Document, leading_run, trailing_run};

mod stale;
use stale::{Changes, Stale};

/// Places of at least this many people stand on the prior alone.
const NOTABLE: u64 = 100_000;

/// Cities of at least this many people stand on the prior even when their
/// name is a word or a person's ("Houston", "Victoria" the state).
const MILLION: u64 = 1_000_000;

/// A city this large whose name is also a word or a person's is itself when
/// the article names its country (or another place in it): "Paris and Lyon".
const LARGE_CITY: u64 = 250_000;

/// A place within this distance (km) of a place the article names is near it.
const NEAR_KM: f64 = 100.0;

/// Within this distance (km) it is in the same part of the world: weak evidence.
const REGION_KM: f64 = 400.0;

/// How a candidate is supported by the article.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Support {
    /// 3: a named division, a place within [`NEAR_KM`]; 2: a country named by
    /// name or the dateline's; 1: a country named by a demonym, a place
    /// within [`REGION_KM`]; 0: nothing.
    level: u8,
    reason: Reason,
}

/// What a toponym's words say wherever they stand in the text: found once
/// for each words and group (an article repeats its names), shared by their slots.
#[derive(Clone)]
struct Words {
    /// The words as a name ("Hamilton" for "HAMILTON").
    name: Rc<str>,
    /// A brand, a generic name or a saint's name in the possessive (see [`Slot::weak`]).
    weak: bool,
    /// A saint's name ("St. Paul"): weak if the text adds "'s".
    saint: bool,
    /// The candidates worth keeping (see [`prune`]).
    candidates: Rc<[Place]>,
    /// What each candidate is worth, in their order (see [`Worth`]).
    worth: Rc<[Worth]>,
    /// The population of the largest candidate.
    largest: u64,
    /// The name is a dictionary word (`common_words.txt`).
    common: bool,
    /// The name is a person's (`person_names.txt`).
    person: bool,
    /// How often the name occurs as an English word (Zipf scale), if listed.
    zipf: Option<f32>,
}

/// What a candidate of a name is worth on its own, worked out once per name
/// (the rounds of [`resolve`] ask it again and again).
#[derive(Clone, Copy)]
struct Worth {
    /// Its prior ([`prior_named`]).
    prior: f64,
    /// The population it may stand on ([`standing_named`]).
    standing: u64,
    /// A famous place ([`famous_named`]).
    famous: bool,
    /// How many people live there ([`Place::population`], kept here: the
    /// rounds ask it of every candidate, and the gazetteer's record is a
    /// read far away).
    population: u64,
    /// Where it lies, for the same reason.
    spot: Spot,
}

/// Where a place lies: what the evidence asks of a candidate ([`Evidence::support`]),
/// read from the gazetteer once per name.
#[derive(Clone, Copy, Debug)]
struct Spot {
    /// Longitude and latitude ([`Place::lon_lat`]).
    at: (f64, f64),
    /// Its country ([`Place::country`]), [`Spot::NONE`] if none.
    country: u32,
    /// The divisions it lies in ([`Place::divisions`]), innermost first, then [`Spot::NONE`].
    divisions: [u32; 3],
}

impl Spot {
    /// No country, no further division.
    const NONE: u32 = u32::MAX;

    fn of(g: &Gazetteer, place: Place) -> Spot {
        let mut divisions = [Spot::NONE; 3];
        for (slot, d) in divisions.iter_mut().zip(place.divisions(g)) {
            *slot = d as u32;
        }
        Spot {
            at: place.lon_lat(g),
            country: place.country(g).map_or(Spot::NONE, |c| c as u32),
            divisions,
        }
    }

    fn country(&self) -> Option<usize> {
        (self.country != Spot::NONE).then_some(self.country as usize)
    }

    fn divisions(&self) -> impl Iterator<Item = usize> + '_ {
        self.divisions
            .iter()
            .take_while(|&&d| d != Spot::NONE)
            .map(|&d| d as usize)
    }
}

impl Worth {
    /// The worth of each of `candidates` of the name `name` (`owned`: some candidate has it as its own).
    fn of_all(g: &Gazetteer, candidates: &[Place], name: &str, owned: bool) -> Rc<[Worth]> {
        candidates
            .iter()
            .map(|&c| Worth {
                prior: prior_named(g, c, name),
                standing: standing_named(g, c, name, owned),
                famous: famous_named(g, c, name, owned),
                population: c.population(g),
                spot: Spot::of(g, c),
            })
            .collect()
    }
}

impl Words {
    fn of(m: &Matcher, g: &Gazetteer, group: u32, words: &str) -> Words {
        let rules = &m.rules().toponyms;
        // "HAMILTON" in a headline is the name "Hamilton".
        let name = if words.chars().any(char::is_lowercase) {
            words.to_string()
        } else {
            words
                .split(' ')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| {
                            f.to_uppercase()
                                .chain(c.flat_map(char::to_lowercase))
                                .collect::<String>()
                        })
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let saint = ["St. ", "St ", "Saint ", "Ste. ", "Sainte "]
            .iter()
            .any(|p| name.starts_with(p));
        let possessive = name.ends_with("'s") || name.ends_with("\u{2019}s");
        let weak = rules.weak_names.contains(&name) || (saint && possessive);
        let mut candidates: Vec<Place> = m.candidates(group).collect();
        prune(g, &mut candidates);
        let owned = candidates.iter().any(|&c| match c {
            Place::City(k) => is_own_name(g.cities.name(k as usize), &name),
            _ => c.name(g) == name,
        });
        let worth = Worth::of_all(g, &candidates, &name, owned);
        Words {
            largest: worth.iter().map(|w| w.population).max().unwrap_or(0),
            common: rules.common_words.contains(&name),
            person: rules.person_names.contains(&name),
            zipf: rules.word_frequencies.get(&name).copied(),
            name: name.into(),
            weak,
            saint,
            candidates: candidates.into(),
            worth,
        }
    }

    /// Is the name (as a place of `population` people) also an ordinary
    /// word or a person's name ([`ToponymRules::is_wordlike`])?
    fn wordlike(&self, population: u64) -> bool {
        self.person || self.common || self.too_frequent(population)
    }

    /// Is the name more frequent than a place of `population` people explains
    /// ([`ToponymRules::too_frequent`])?
    fn too_frequent(&self, population: u64) -> bool {
        self.zipf
            .is_some_and(|zipf| ToponymRules::frequency_beyond(zipf, population))
    }
}

/// What names' words say, kept across the articles one thread analyses (a
/// collection names the same places again and again), for the matcher and
/// gazetteer that worked it out.
#[derive(Default)]
struct KnownWords {
    /// The matcher's [`Matcher::id`] and the gazetteer's address.
    owner: Option<(u64, usize)>,
    by_group: HashMap<u32, Vec<SpelledWords>>,
    len: usize,
}

/// Words as written in the text, and what they say.
type SpelledWords = (Box<str>, Rc<Words>);

/// At most this many words are kept by a thread ([`KnownWords`]); then it starts again.
const WORDS_KEPT: usize = 50_000;

thread_local! {
    static KNOWN_WORDS: std::cell::RefCell<KnownWords> = std::cell::RefCell::new(KnownWords::default());
}

/// [`Words::of`], remembered by the thread.
fn words_of(m: &Matcher, g: &Gazetteer, group: u32, words: &str) -> Rc<Words> {
    KNOWN_WORDS.with_borrow_mut(|known| {
        let owner = Some((m.id(), std::ptr::from_ref(g) as usize));
        if known.owner != owner || known.len >= WORDS_KEPT {
            // Full: started again at the size it reached (a collection fills it again).
            let full = known.len >= WORDS_KEPT;
            *known = KnownWords {
                owner,
                ..KnownWords::default()
            };
            if full {
                known.by_group.reserve(WORDS_KEPT);
            }
        }
        let list = known.by_group.entry(group).or_default();
        if let Some((_, w)) = list.iter().find(|(k, _)| **k == *words) {
            return Rc::clone(w);
        }
        let w = Rc::new(Words::of(m, g, group, words));
        list.push((words.into(), Rc::clone(&w)));
        known.len += 1;
        w
    })
}

/// The slot of found name `k`, if it has one (`slots` are in the order of their names).
fn slot_at(slots: &[Slot], k: usize) -> Option<usize> {
    slots.binary_search_by_key(&k, |s| s.found).ok()
}

/// The undecided slots by toponym group, each group's in slot order: one
/// sorted list of (group, slot), not a list per group (a long article has
/// thousands of groups, each a small allocation).
struct Members(Vec<(u32, u32)>);

impl Members {
    /// The slots of `group`, in order.
    fn of(&self, group: u32) -> impl Iterator<Item = usize> + '_ {
        let from = self.0.partition_point(|&(g, _)| g < group);
        self.0[from..]
            .iter()
            .take_while(move |&&(g, _)| g == group)
            .map(|&(_, s)| s as usize)
    }
}

/// An ambiguous name being decided. (A long article has a slot for every
/// occurrence of a town's name: what its words say is shared.)
struct Slot {
    /// Index into the found list.
    found: usize,
    /// Its words' name, candidates and famous candidates.
    words: Rc<Words>,
    default: Option<(Place, MentionKind)>,
    /// The toponym group of its words: the same words, the same place
    /// ("one sense per discourse"), unless a qualifier says otherwise.
    group: u32,
    /// Needs strong evidence as a word does: a brand or a generic name
    /// ("Toyota", "North Shore"), a saint's name in the possessive ("St. Paul's",
    /// "St. John's": a church, a school, a hospital).
    weak: bool,
    chosen: Option<(Place, Reason)>,
}

/// Words only one country's news uses ("Sheriff's Office", "aldermen";
/// `country_cues.tsv`): weak evidence for that country, as its demonym
/// would be. Searched for only when a candidate's support comes down to
/// them: the search reads the whole text, and most articles name the
/// countries the cues are of, which is better evidence.
struct Cues<'a> {
    matcher: &'a Matcher,
    text: &'a str,
    /// The countries that have cues, with their codes and, once searched
    /// for, whether the text holds one.
    of: Vec<(&'a str, std::cell::OnceCell<bool>)>,
    /// For each country, 1 + its place in `of`, or 0 if it has no cues: a
    /// candidate's country is asked about again and again, and most have none.
    at: Box<[u8]>,
}

impl<'a> Cues<'a> {
    fn new(matcher: &'a Matcher, g: &'a Gazetteer, text: &'a str) -> Cues<'a> {
        let mut at = vec![0; g.countries.len()].into_boxed_slice();
        let mut of = Vec::new();
        for code in matcher.cue_countries() {
            if let Some(country) = g.country_index(code)
                && of.len() < usize::from(u8::MAX)
            {
                of.push((code, std::cell::OnceCell::new()));
                at[country] = of.len() as u8;
            }
        }
        Cues { matcher, text, of, at }
    }

    /// Does the text hold a cue of `country`?
    fn cue(&self, country: usize) -> bool {
        match self.at.get(country).copied().unwrap_or(0) {
            0 => false,
            k => {
                let (code, held) = &self.of[usize::from(k) - 1];
                *held.get_or_init(|| self.matcher.holds_country_cue(self.text, code))
            }
        }
    }
}

/// An item with the point it is filed at: what the cell searches of the
/// rounds measure distances from, without reading the gazetteer's record.
type Located<T> = (T, Placed);

/// A set of countries, one bit each: asked of every candidate in every
/// round, where a hash set's look-ups were a sixtieth of a collection's time.
#[derive(Default)]
struct Countries(Vec<u64>);

impl Countries {
    /// Add country `c`: was it new?
    fn insert(&mut self, c: usize) -> bool {
        let (word, bit) = (c / 64, 1u64 << (c % 64));
        if word >= self.0.len() {
            self.0.resize(word + 1, 0);
        }
        let new = self.0[word] & bit == 0;
        self.0[word] |= bit;
        new
    }

    fn contains(&self, c: usize) -> bool {
        self.0.get(c / 64).is_some_and(|w| w & (1 << (c % 64)) != 0)
    }
}

/// What the article says for certain: places decided so far.
#[derive(Default)]
struct Evidence<'a> {
    /// Countries named by name, alias or metonym (or holding a decided place).
    countries: Countries,
    /// Countries named only by a demonym.
    demonym_countries: Countries,
    /// Countries the article's words point to ([`Cues`]), as a demonym does.
    cues: Option<Cues<'a>>,
    /// Divisions named, or holding a decided place.
    divisions: HashMap<usize, Place>,
    /// Decided cities, each once (an article names its towns again and again).
    cities: HashSet<u32>,
    /// Decided cities, by one-degree cell, for nearness.
    cells: Grid<Located<usize>>,
    /// The same by four-degree cell, for being in the same part of the world.
    wide_cells: Grid<Located<usize>, 4>,
    /// Small towns decided on weak evidence: near them is weak evidence only.
    weak_cells: Grid<Located<usize>>,
    /// The dateline's country and division.
    home: Option<(usize, Option<usize>)>,
    /// The candidate cities of names not yet decided, by cell, with their slot:
    /// two names whose candidates lie close together support each other.
    pending: Grid<Located<(u32, u32)>>,
    /// The divisions holding a candidate city of an undecided name, with its
    /// slot: one list sorted by division (not a list per division).
    pending_divisions: Vec<(usize, usize)>,
    /// The slots decided since `pending` was filled: no longer pending.
    closed: Vec<bool>,
    /// What changed since the open names were last ranked.
    changes: Changes,
}

impl Evidence<'_> {
    /// Note a small town decided on weak evidence: evidence only of its neighbourhood.
    fn add_weak(&mut self, g: &Gazetteer, place: Place) {
        if let Place::City(i) = place {
            let at = g.cities.lon_lat(i as usize);
            self.weak_cells.insert(at, (i as usize, Placed::new(at)));
            self.changes.points.push((at, NEAR_KM));
        }
    }

    /// Note `place` as named by the article.
    fn add(&mut self, g: &Gazetteer, place: Place, kind: MentionKind) {
        // A city noted before: all it says is noted (and its cells hold it once).
        if let Place::City(i) = place
            && !self.cities.insert(i)
        {
            return;
        }
        match place {
            Place::Country(c) if kind == MentionKind::Demonym => {
                if self.demonym_countries.insert(c as usize) {
                    self.changes.countries.push(c as usize);
                }
            }
            Place::Region(_) => {}
            _ => {
                if let Some(c) = place.country(g)
                    && self.countries.insert(c)
                {
                    self.changes.countries.push(c);
                }
                if let Place::Division(d) = place {
                    self.add_division(d as usize, place);
                }
                for d in place.divisions(g) {
                    self.add_division(d, place);
                }
                if let Place::City(i) = place {
                    let at = g.cities.lon_lat(i as usize);
                    let placed = Placed::new(at);
                    self.cells.insert(at, (i as usize, placed));
                    self.wide_cells.insert(at, (i as usize, placed));
                    self.changes.points.push((at, REGION_KM));
                }
            }
        }
    }

    /// Note division `d` as named, by `place` (in it or it), unless it was already.
    fn add_division(&mut self, d: usize, place: Place) {
        if let std::collections::hash_map::Entry::Vacant(entry) = self.divisions.entry(d) {
            entry.insert(place);
            self.changes.divisions.push(d);
        }
    }

    /// The nearest decided city to `at` within `km`, other than `not`.
    fn nearest(&self, at: (f64, f64), km: f64, not: Option<usize>) -> Option<(usize, f64)> {
        if km > 2.0 * NEAR_KM {
            Self::nearest_in(&self.wide_cells, at, km, not)
        } else {
            Self::nearest_in(&self.cells, at, km, not)
        }
    }

    /// The nearest city of `grid` to `at` within `km`, other than `not`.
    fn nearest_in<const D: u16>(
        grid: &Grid<Located<usize>, D>,
        at: (f64, f64),
        km: f64,
        not: Option<usize>,
    ) -> Option<(usize, f64)> {
        let mut best: Option<(usize, f64)> = None;
        let mut measure = Measure::from(at, km);
        grid.visit_around(at, km, |(i, point)| {
            let i = *i;
            if Some(i) != not
                && let Some(d) = measure.within(point)
                && best.is_none_or(|(_, b)| d < b)
            {
                best = Some((i, d));
            }
            ControlFlow::<()>::Continue(())
        });
        best
    }

    /// A candidate city of another undecided name within [`NEAR_KM`] of `candidate`
    /// ("Valencia" and "Paiporta": the two in Spain are neighbours), `at` its place.
    fn pending_near(&self, candidate: Place, at: (f64, f64)) -> Option<usize> {
        let Place::City(me) = candidate else { return None };
        // Not a candidate of one of my own names ("Springfield" and "Springfield").
        let mine = self.pending.at(at);
        let mut measure = Measure::from(at, NEAR_KM);
        self.pending.visit_around(at, NEAR_KM, |((i, slot), point)| {
            let (i, slot) = (*i, *slot);
            let near = i != me
                && !self.is_closed(slot as usize)
                && !mine.clone().any(|&(other, _)| other == (me, slot))
                && measure.within(point).is_some();
            if near {
                ControlFlow::Break(i as usize)
            } else {
                ControlFlow::Continue(())
            }
        })
    }

    /// Was slot `s` decided since the pending names were filed?
    fn is_closed(&self, s: usize) -> bool {
        self.closed.get(s).copied().unwrap_or(false)
    }

    /// How the article supports `candidate` (a candidate of slot `slot`).
    fn support(&self, g: &Gazetteer, candidate: Place, slot: usize) -> Support {
        self.support_at(candidate, &Spot::of(g, candidate), slot)
    }

    /// [`Evidence::support`] of `candidate`, which lies at `spot`.
    fn support_at(&self, candidate: Place, spot: &Spot, slot: usize) -> Support {
        let none = Support {
            level: 0,
            reason: Reason::Largest,
        };
        // A division holding a place the article names ("Georgia" and "Atlanta").
        if let Place::Division(d) = candidate {
            let d = d as usize;
            if let Some(&inside) = self.divisions.get(&d).filter(|p| **p != candidate) {
                return Support {
                    level: 3,
                    reason: Reason::ArticleNames(inside),
                };
            }
            // Undecided names with places inside it: two or more names are
            // as good as a place named ("Georgia" with "Athens", "Madison" and
            // "Jackson", each a town of Georgia among others).
            // A name's entries are filed together: counting runs counts names
            // (up to two, all that matters), without a list of them.
            let (mut others, mut last) = (0, None);
            let from = self.pending_divisions.partition_point(|&(x, _)| x < d);
            for &(_, s) in self.pending_divisions[from..].iter().take_while(|&&(x, _)| x == d) {
                if s != slot && !self.is_closed(s) && last != Some(s) {
                    (others, last) = (others + 1, Some(s));
                    if others == 2 {
                        break;
                    }
                }
            }
            if others > 0 {
                return Support {
                    level: if others >= 2 { 3 } else { 2 },
                    reason: Reason::Largest,
                };
            }
        }
        if let Some(&by) = spot
            .divisions()
            .find_map(|d| self.divisions.get(&d).map(|_| d))
            .as_ref()
        {
            return Support {
                level: 3,
                reason: Reason::ArticleNames(Place::division_at(by)),
            };
        }
        let at = spot.at;
        let me = match candidate {
            Place::City(i) => Some(i as usize),
            _ => None,
        };
        if matches!(candidate, Place::City(_))
            && let Some((near, _)) = self.nearest(at, NEAR_KM, me)
        {
            return Support {
                level: 3,
                reason: Reason::Near(Place::city_at(near)),
            };
        }
        let Some(country) = spot.country() else {
            return none;
        };
        if let Some((home, division)) = self.home {
            if division.is_some_and(|d| spot.divisions().any(|c| c == d)) {
                return Support {
                    level: 3,
                    reason: Reason::Dateline,
                };
            }
            if home == country {
                return Support {
                    level: 2,
                    reason: Reason::Dateline,
                };
            }
        }
        if self.countries.contains(country) {
            return Support {
                level: 2,
                reason: Reason::ArticleNames(Place::country_at(country)),
            };
        }
        if let Some(near) = self.pending_near(candidate, at) {
            return Support {
                level: 2,
                reason: Reason::Near(Place::city_at(near)),
            };
        }
        if self.demonym_countries.contains(country) || self.cues.as_ref().is_some_and(|c| c.cue(country)) {
            return Support {
                level: 1,
                reason: Reason::ArticleNames(Place::country_at(country)),
            };
        }
        if matches!(candidate, Place::City(_))
            && let Some((near, _)) = self
                .nearest(at, REGION_KM, me)
                .or_else(|| Self::nearest_in(&self.weak_cells, at, NEAR_KM, me))
        {
            return Support {
                level: 1,
                reason: Reason::Near(Place::city_at(near)),
            };
        }
        none
    }
}

/// The candidate cities of an open name filed as pending, so that other
/// names near them or in their divisions find them ([`Evidence::pending`]):
/// none of a weak name or of a name far more frequent as a word than its
/// largest place explains, and no small town of a dictionary word.
fn pending_candidates(slot: &Slot) -> impl Iterator<Item = (u32, &Worth)> + '_ {
    let words = &slot.words;
    let files = !(slot.weak || (slot.default.is_none() && words.too_frequent(words.largest.saturating_mul(10))));
    let word = words.common;
    words
        .candidates
        .iter()
        .zip(words.worth.iter())
        .filter(move |_| files)
        .filter_map(move |(&c, worth)| match c {
            Place::City(i) if !(word && worth.population < NOTABLE) => Some((i, worth)),
            _ => None,
        })
}

/// `pairs` ordered by their division (the first item, below `divisions`),
/// the pairs of one division in the order given. A long list is counted
/// into place rather than compared: an article files thousands of pairs,
/// and comparison sorts were a sixtieth of a collection's instructions.
fn sort_by_division(pairs: &mut Vec<(usize, usize)>, divisions: usize) {
    if pairs.len() < divisions / 8 || pairs.iter().any(|&(d, _)| d >= divisions) {
        pairs.sort_by_key(|&(d, _)| d);
        return;
    }
    // Where each division's pairs start, then the pairs put there in order.
    let mut starts = vec![0u32; divisions + 1];
    for &(d, _) in pairs.iter() {
        starts[d + 1] += 1;
    }
    for d in 0..divisions {
        starts[d + 1] += starts[d];
    }
    let mut sorted = vec![(0, 0); pairs.len()];
    for &(d, s) in pairs.iter() {
        sorted[starts[d] as usize] = (d, s);
        starts[d] += 1;
    }
    *pairs = sorted;
}

/// The prior of a candidate: bigger places first, a capital before a
/// division seat before any other place, a neighbourhood last; a division
/// after the city of the same name inside it (bare "Kharkiv" is the city).
fn prior(g: &Gazetteer, candidate: Place) -> f64 {
    let population = candidate.population(g) as f64;
    let feature = match candidate {
        Place::City(i) => match g.cities.feature(i as usize) {
            Feature::Capital => 1.0,
            Feature::Seat(1) => 0.4,
            Feature::Seat(_) => 0.1,
            Feature::Section => -1.5,
            Feature::Other => 0.0,
        },
        _ => 0.0,
    };
    (population + 1.0).log10() + feature
}

/// [`prior`], and more for a place whose own name is `name` than for one
/// that only has it among other spellings ("Islamabad" is Pakistan's
/// capital, not Chittagong, once also called so).
fn prior_named(g: &Gazetteer, candidate: Place, name: &str) -> f64 {
    let own = match candidate {
        Place::City(i) => is_own_name(g.cities.name(i as usize), name),
        _ => candidate.name(g) == name,
    };
    prior(g, candidate) + if own { 0.75 } else { 0.0 }
}

/// Is `name` the place's own name `own`, perhaps without its accents
/// ("Zurich" for "Zürich")? Its other spellings are mostly other languages'
/// and older names ("Berea" for Aleppo, "Molotov" for Perm).
fn is_own_name(own: &str, name: &str) -> bool {
    own == name || (!own.is_ascii() && own.chars().flat_map(fold).eq(name.chars().flat_map(fold)))
}

/// A Latin letter without its accent ("ü" → "u", "ß" → "ss"); other characters as they are.
fn fold(c: char) -> impl Iterator<Item = char> {
    let base = match c {
        'À'..='Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'à'..='å' | 'ā' | 'ă' | 'ą' => "a",
        'Æ' => "Ae",
        'æ' => "ae",
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'Ď' | 'Đ' => "D",
        'ď' | 'đ' => "d",
        'È'..='Ë' | 'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'Ĥ' | 'Ħ' | 'Ḩ' => "H",
        'ĥ' | 'ħ' | 'ḩ' => "h",
        'Ì'..='Ï' | 'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'Ĵ' => "J",
        'ĵ' => "j",
        'Ķ' => "K",
        'ķ' => "k",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "N",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'Ō' | 'Ŏ' | 'Ő' => "O",
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'Œ' => "Oe",
        'œ' => "oe",
        'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' | 'Ș' => "S",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'Ţ' | 'Ť' | 'Ŧ' | 'Ț' => "T",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'Ù'..='Ü' | 'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'Ŵ' => "W",
        'ŵ' => "w",
        'Ý' | 'Ŷ' | 'Ÿ' => "Y",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ź' | 'ż' | 'ž' => "z",
        _ => "",
    };
    let own = base.is_empty().then_some(c);
    base.chars().chain(own)
}

/// The population a candidate of the name `name` may stand on without
/// evidence (`owned`: some candidate has the name as its own): a division
/// is a named area, as notable as a large town; a place found by another of
/// its spellings, not its name, stands on nothing (it needs evidence, as a
/// small town does) unless it is a city of a million and no other candidate
/// has the name as its own: "Molotov" is an old name of Perm, "Berea" of
/// Aleppo and the name of Berea, Kentucky, but "Kiev" is Kyiv.
fn standing_named(g: &Gazetteer, candidate: Place, name: &str, owned: bool) -> u64 {
    match candidate {
        Place::Division(_) => NOTABLE.max(candidate.population(g)),
        Place::City(i) if !is_own_name(g.cities.name(i as usize), name) => {
            let population = g.cities.population(i as usize);
            if population >= MILLION && !owned { population } else { 0 }
        }
        _ => candidate.population(g),
    }
}

/// Is the candidate famous enough to count, for the ranking, as much as a
/// country the article names: a city of a million or a national capital,
/// found by its own name ("Paris" in a story that names the United States
/// but not Texas is still Paris, France)?
fn famous_named(g: &Gazetteer, candidate: Place, name: &str, owned: bool) -> bool {
    let Place::City(i) = candidate else { return false };
    let population = standing_named(g, candidate, name, owned);
    population >= MILLION || (g.cities.feature(i as usize) == Feature::Capital && population >= NOTABLE)
}

/// A candidate as [`rank`] ranks it.
#[derive(Clone, Copy)]
struct Ranked {
    place: Place,
    support: Support,
    /// What it is worth without evidence.
    worth: Worth,
    /// Its support for the ranking ([`rank_level`]).
    level: u8,
    /// In a country the article names: first of the candidates equally near
    /// what the article names ([`rank`]).
    named: bool,
}

/// The candidates of `slot` (number `s`), best first: by support (a famous
/// place counting as much as its country named), then, of those near what
/// the article names, one in a country it names, then by prior; in
/// `ranked`, which the rounds of [`resolve`] reuse for every name.
fn rank<'r>(evidence: &Evidence, slot: &Slot, s: usize, ranked: &'r mut Vec<Ranked>) -> &'r [Ranked] {
    supported(evidence, slot, s, ranked);
    ranked.sort_by(|a, b| {
        rank_key(b)
            .partial_cmp(&rank_key(a))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    ranked
}

/// [`rank`]'s first two only, then the others in no order: all a round asks
/// ([`dominant`]). Each of the two is the first of the best left, as the
/// stable sort of [`rank`] puts it: a sort of every name's candidates in
/// every round was a fiftieth of a collection's instructions.
fn rank_best<'r>(evidence: &Evidence, slot: &Slot, s: usize, ranked: &'r mut Vec<Ranked>) -> &'r [Ranked] {
    supported(evidence, slot, s, ranked);
    for place in 0..ranked.len().min(2) {
        let mut best = place;
        for i in place + 1..ranked.len() {
            if rank_key(&ranked[i]).partial_cmp(&rank_key(&ranked[best])) == Some(std::cmp::Ordering::Greater) {
                best = i;
            }
        }
        // The others keep their order.
        ranked[place..=best].rotate_right(1);
    }
    ranked
}

/// What [`rank`] orders by, best greatest: of candidates equally near what
/// the article names, one in a country it names first, whatever its size
/// ("Floods in Switzerland closed roads in Rheinfelden and Möhlin": the
/// Swiss Rheinfelden, not the larger German one across the Rhine, both
/// near Möhlin); then the likeliest (a famous place before a small one in
/// a country named: "Moscow" in a story naming the United States is still
/// Russia's capital).
fn rank_key(r: &Ranked) -> (u8, bool, f64) {
    (r.level, r.named && r.level >= NEAR_RANK, r.worth.prior)
}

/// The candidates of `slot` (number `s`) with their support, into `ranked`.
fn supported(evidence: &Evidence, slot: &Slot, s: usize, ranked: &mut Vec<Ranked>) {
    let words = &slot.words;
    ranked.clear();
    ranked.extend(words.candidates.iter().zip(words.worth.iter()).map(|(&place, &worth)| {
        let support = evidence.support_at(place, &worth.spot, s);
        Ranked {
            place,
            support,
            worth,
            level: rank_level(support, worth),
            named: worth.spot.country().is_some_and(|c| evidence.countries.contains(c)),
        }
    }));
    // A candidate in a country the article names that is also near another
    // undecided name ranks with the candidates only near one, and first of
    // those (below): "Rafah" and "Gaza" are Gaza's Rafah (Palestine named),
    // not Egypt's across the border. Asked only when some candidate is near
    // one (its support stops at the country named).
    if ranked.iter().any(|r| r.level == NEAR_RANK) {
        for r in ranked
            .iter_mut()
            .filter(|r| r.level < NEAR_RANK && matches!(r.support.reason, Reason::ArticleNames(Place::Country(_))))
        {
            if let Some(near) = evidence.pending_near(r.place, r.worth.spot.at) {
                r.support = Support {
                    level: 2,
                    reason: Reason::Near(Place::city_at(near)),
                };
                r.level = NEAR_RANK;
            }
        }
    }
}

/// The rank of a candidate supported by another undecided name nearby, or
/// by the dateline's country ([`rank_level`]).
const NEAR_RANK: u8 = 6;

/// A candidate's support for the ranking: a famous place counts as much as
/// a small town in a country the article names (4), less than a notable
/// place there (5), a place nearby or the dateline's country (6): "London"
/// in a story that names Canada is London, Ontario, "Los Angeles" in one
/// that names the Philippines is still Los Angeles.
fn rank_level(support: Support, worth: Worth) -> u8 {
    let rank = match support.level {
        3 => NEAR_RANK + 1,
        2 if !matches!(support.reason, Reason::ArticleNames(_)) => NEAR_RANK,
        2 if worth.standing >= NOTABLE => 5,
        level => 2 * level,
    };
    if rank < 4 && worth.famous { 4 } else { rank }
}

/// Is the first of `ranked` clearly the likeliest: better supported than
/// the next, or ten times its size with as much support?
fn dominant(ranked: &[Ranked]) -> bool {
    let Some(first) = ranked.first() else { return false };
    ranked
        .get(1)
        .is_none_or(|next| next.level < first.level || first.worth.prior - next.worth.prior >= 1.0)
}

/// The candidates worth keeping: a division loses to a city of the same name inside it.
fn prune(g: &Gazetteer, candidates: &mut Vec<Place>) {
    let cities: Vec<Place> = candidates
        .iter()
        .copied()
        .filter(|c| matches!(c, Place::City(_)))
        .collect();
    candidates.retain(|&c| match c {
        Place::Division(d) => !cities.iter().any(|city| city.divisions(g).any(|x| x == d as usize)),
        _ => true,
    });
}

/// The word just after `end` and where it ends (letters, digits, apostrophes,
/// hyphens, and a final full stop: "Ga.", "B.C.").
fn word_after(text: &str, end: usize) -> (&str, usize) {
    let rest = &text[end..];
    let len = leading_run(rest, is_name_char);
    (&rest[..len], end + len)
}

/// A character of a word next to a name: a letter or digit, or the full
/// stop, apostrophe or hyphen inside one ("Mr.", "O'Brien", "Kraków-based").
fn is_name_char(c: char) -> bool {
    crate::text::is_alphanumeric(c) || matches!(c, '.' | '\'' | '\u{2019}' | '-')
}

/// The word just before `start` (only spaces between, or a line wrapped
/// inside a paragraph: "Atletico\n    Madrid").
fn word_before(text: &str, start: usize) -> &str {
    // Trimmed a byte at a time (ASCII spaces are never part of another
    // character in UTF-8): asked several times of every name.
    let bytes = text.as_bytes();
    let trimmed = |mut end: usize, spaces: &[u8]| {
        while end > 0 && spaces.contains(&bytes[end - 1]) {
            end -= 1;
        }
        end
    };
    let before = trimmed(start, b" ");
    let wrapped = trimmed(before, b" \t\n\r");
    let end = if wrapped < before && bytes[wrapped..start].iter().filter(|&&b| b == b'\n').count() == 1 {
        wrapped
    } else {
        before
    };
    if end == start {
        return "";
    }
    let before = &text[..end];
    let from = trailing_run(before, is_name_char);
    &before[from..]
}

/// Capitalised words after a place name that leave it a place ("in Lakewood Tuesday").
const CALENDAR: [&str; 19] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Is `word` one before a name that makes it a place whatever follows
/// ("officials in Alexandria said")? A `match`, not a list: asked of the
/// word before every name, and compared with constants in registers.
fn places_what_follows(word: &str) -> bool {
    matches!(
        word,
        "in" | "at"
            | "from"
            | "near"
            | "of"
            | "to"
            | "outside"
            | "around"
            | "across"
            | "into"
            | "toward"
            | "towards"
            | "via"
            | "between"
            | "through"
            | "within"
    )
}

/// Words that, after a person's name, say it is a person.
const SPEECH: [&str; 12] = [
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "noted",
    "argued",
    "explained",
    "asked",
    "replied",
    "tweeted",
    "stated",
];

/// Is the toponym at `found` no place at all: a street, building, team or
/// newspaper ("Dublin Road", "Edmonton Oilers", "Huntsville High School"), a
/// club or a car ("Real Madrid", "Isuzu Denver"), or a person ("Michael
/// Jackson", "J.M. Barrie", "Judah P. Benjamin", "Medea Benjamin", "Hassan
/// said", and a small town's name before another capitalised word: "Elon
/// Musk"), or part of a longer name ("Hossam Hassan", "Falcon Street"), or a
/// dictionary word opening a sentence ("Law enforcement")? `small`: every
/// candidate has fewer than [`NOTABLE`] people; `capital`: one is a national
/// capital; `prev_end`/`next_start`: where the found names around it end and start.
fn not_a_place(
    m: &Matcher,
    doc: &Document,
    found: &Found,
    before: &str,
    (prev_end, next_start): (Option<usize>, Option<usize>),
    (small, capital): (bool, bool),
    titles: &mut TitleCase,
) -> bool {
    let text = doc.text.as_str();
    let rules = &m.rules().toponyms;
    let words = doc.slice(found.span);
    let after = &text[found.span.end..];
    // What the word lists say of the words before, of the name and after: one look-up each.
    let before_is = rules.flags(before);
    let words_are = rules.flags(words);
    let placed = places_what_follows(before);
    // A county's own buildings are in the county ("Henderson County Jail").
    let county = ["County", "Parish", "Borough"].iter().any(|k| words.ends_with(k));
    if before_is.has(WordFlags::NOT_PLACE_BEFORE) || is_initials(before) {
        return true;
    }
    // A street's word after a name is the street's ("Falcon Street"), not a
    // town called so.
    if words_are.has(WordFlags::STREET) && before.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    let sentence = &doc.sentences[found.passage];
    // Read backwards: the nearest letter before it is close.
    let opens_sentence = !text[sentence.span.start..found.span.start]
        .chars()
        .rev()
        .any(crate::text::is_alphanumeric);
    if opens_sentence && words_are.has(WordFlags::COMMON) && !after.starts_with(',') {
        return true;
    }
    if let Some(next) = after.strip_prefix(' ') {
        let (word, _) = word_after(next, 0);
        let bare = bare_word(word);
        let bare_is = rules.flags(bare);
        if bare_is.has(WordFlags::STREET) || (!county && bare_is.has(WordFlags::NOT_PLACE_AFTER)) {
            return true;
        }
        let public = bare_is.has(WordFlags::PLACE_AFTER);
        // One more word: "London Bridge Road", "Huntsville High School" (not
        // "Alexandria City Hall": the city's own).
        let second = next.get(word.len()..).and_then(|rest| rest.strip_prefix(' '));
        if bare.chars().next().is_some_and(char::is_uppercase)
            && let Some(second) = second
        {
            let bare2_is = rules.flags(bare_word(word_after(second, 0).0));
            if bare2_is.has(WordFlags::STREET) || (!county && !public && bare2_is.has(WordFlags::NOT_PLACE_AFTER)) {
                return true;
            }
        }
        // A middle initial: "Judah P. Benjamin".
        if is_initials(word) && word.len() == 2 {
            return true;
        }
        if placed {
            return false;
        }
        let person = words_are.has(WordFlags::PERSON);
        // "Hassan said" (not "police in Kano and Kaduna said").
        let subject = before.is_empty() || before.chars().next().is_some_and(char::is_uppercase);
        if (person || (!capital && subject)) && SPEECH.contains(&bare) {
            return true;
        }
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().any(char::is_lowercase)
            && !CALENDAR.contains(&bare)
            && !public;
        let abbreviation = word.ends_with('.') && (bare.len() <= 4 || bare.contains('.'));
        let next_is_place = next_start.is_some_and(|s| s == found.span.end + 1);
        if capitalised && !abbreviation && bare_is.has(WordFlags::GIVEN) {
            return true;
        }
        if capitalised && !abbreviation && !next_is_place {
            // A person's name, or a small town's, followed by a surname ("Marion
            // Cotillard", "Elon Musk"), any place's name followed by a given
            // name ("Medea Benjamin") or by a word the article uses alone
            // ("Kati Mather ... Mather said"): a bigger place's name before
            // another capitalised word is usually an institution's name that
            // names the place too.
            if person || small || (!county && !capital && used_alone(text, found.span.end + 1, bare)) {
                return true;
            }
        }
    }
    if !before.is_empty() && (before_is.has(WordFlags::PERSON_BEFORE) || before_is.has(WordFlags::GIVEN)) {
        return true;
    }
    // Part of a longer name: a capitalised word before it that does not open
    // the sentence, is not a place and is no modifier ("Hossam Hassan",
    // "Falcon Street", "Bonne Biere"; not "Downtown Vancouver").
    if before.is_empty() {
        return false;
    }
    // `before` is a slice of `text`.
    let before_start = before.as_ptr() as usize - text.as_ptr() as usize;
    !placed
        && !opens_sentence
        && before_start >= sentence.span.start
        && before.chars().next().is_some_and(char::is_uppercase)
        && before.chars().any(char::is_lowercase)
        && !before.ends_with('.')
        && !before.ends_with("'s")
        && !before.ends_with("\u{2019}s")
        && !before_is.has(WordFlags::PLACE_BEFORE)
        && !CALENDAR.contains(&before)
        && prev_end.is_none_or(|end| end < before_start + before.len())
        && text[sentence.span.start..before_start]
            .chars()
            .any(crate::text::is_alphanumeric)
        && !titles.of(doc, found.passage)
}

/// A word without a final full stop or possessive "'s" ("St." → "St", "Council's" → "Council").
fn bare_word(word: &str) -> &str {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    word.trim_end_matches('.')
}

/// Initials: "J.", "J.M.", "P." (capital letters each followed by a full stop).
fn is_initials(word: &str) -> bool {
    !word.is_empty()
        && word.len().is_multiple_of(2)
        && word
            .as_bytes()
            .chunks(2)
            .all(|pair| pair[0].is_ascii_uppercase() && pair[1] == b'.')
}

/// Whether the sentence of the names read last is in title case, worked out
/// once for all its names (it reads the whole sentence).
struct TitleCase {
    sentence: usize,
    is: bool,
}

impl TitleCase {
    fn new() -> TitleCase {
        TitleCase {
            sentence: usize::MAX,
            is: false,
        }
    }

    /// Is sentence `s` of `doc` in title case?
    fn of(&mut self, doc: &Document, s: usize) -> bool {
        if self.sentence != s {
            self.is = title_case(doc.slice(doc.sentences[s].span));
            self.sentence = s;
        }
        self.is
    }
}

/// Is a headline's or a title's passage in title case (most words capitalised)?
fn title_case(passage: &str) -> bool {
    let (mut words, mut capitals) = (0usize, 0usize);
    if passage.is_ascii() {
        // The same words a byte at a time: the rules ask this of long
        // sentences, and most are ASCII. A word starts at a letter after
        // whitespace (the ASCII characters that are `char::is_whitespace`,
        // which `split_whitespace` splits at) or at the start: each pair of
        // bytes counted apart from the others, so that the loop runs on
        // vectors.
        let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
        let bytes = passage.as_bytes();
        if let Some(&first) = bytes.first() {
            words += usize::from(first.is_ascii_alphabetic());
            capitals += usize::from(first.is_ascii_uppercase());
        }
        // Counted in `u32` a part at a time: vectors of more lanes.
        const PART: usize = 1 << 20;
        let mut from = 0;
        while from + 1 < bytes.len() {
            let part = &bytes[from..(from + PART + 1).min(bytes.len())];
            let (mut w, mut c) = (0u32, 0u32);
            for (&before, &b) in part.iter().zip(&part[1..]) {
                let starts = space(before) & b.is_ascii_alphabetic();
                w += u32::from(starts);
                c += u32::from(starts & b.is_ascii_uppercase());
            }
            (words, capitals) = (words + w as usize, capitals + c as usize);
            from += PART;
        }
    } else {
        for w in passage
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        {
            words += 1;
            capitals += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    words >= 3 && capitals * 10 >= words * 6
}

/// How far after a name to look for its second word used alone: a few
/// paragraphs, so that the search costs little whatever the text's size.
const SURNAME_WINDOW: usize = 1500;

/// Does `word` (found at `at`) stand alone soon after, as a surname does
/// once the full name has been given ("Kati Mather ... Mather said")?
fn used_alone(text: &str, at: usize, word: &str) -> bool {
    if word.len() < 3 {
        return false;
    }
    let from = at + word.len();
    let mut to = (from + SURNAME_WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    // Alone: not next to another capitalised word (not "Kati Mather" again,
    // not "Film Festival"), nor after an article or a possessive, as a thing
    // is ("the Festival").
    const DETERMINERS: [&str; 10] = ["the", "a", "an", "this", "that", "his", "her", "its", "their", "our"];
    memchr::memmem::find_iter(&text.as_bytes()[from..to], word.as_bytes()).any(|i| {
        let (start, end) = (from + i, from + i + word.len());
        let before = word_before(text, start);
        start != at
            && !text[..start]
                .chars()
                .next_back()
                .is_some_and(crate::text::is_alphanumeric)
            && !text[end..].chars().next().is_some_and(crate::text::is_alphanumeric)
            && !before.chars().next().is_some_and(char::is_uppercase)
            && !DETERMINERS.contains(&before)
            && !text[end..]
                .strip_prefix(' ')
                .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    })
}

/// Is a name whose word before it is `before` preceded by a given name or a title ("John Hoeven", "Mr. Lincoln")?
fn names_person(m: &Matcher, before: &str) -> bool {
    !before.is_empty() && (m.rules().person_before.contains(before) || m.rules().toponyms.given_names.contains(before))
}

/// Does found name `f` head a dateline: a name in capitals opening a
/// paragraph (or, for a name that is no country's, a sentence: a headline
/// run into the story, "Council meets. TORRINGTON — The mayor ..."), then
/// perhaps a qualifier and an agency, capitalised, then a dash?
#[inline]
fn dateline_at(doc: &Document, f: &Found, country: bool) -> bool {
    let sentence = &doc.sentences[f.passage];
    let opens = doc
        .paragraphs
        .get(sentence.paragraph)
        .is_some_and(|p| p.span.start == f.span.start)
        || (!country && sentence.span.start == f.span.start);
    opens && dateline_after(doc, f, sentence.paragraph)
}

/// Does found name `f`, which opens a paragraph or a sentence of paragraph
/// `paragraph`, head a dateline ([`dateline_at`])?
fn dateline_after(doc: &Document, f: &Found, paragraph: usize) -> bool {
    if doc.slice(f.span).chars().any(char::is_lowercase) {
        return false;
    }
    let line = &doc.text[f.span.end..doc.paragraphs[paragraph].span.end];
    let head: String = line.chars().take(60).collect();
    let dash = head
        .find(['—', '–'])
        .or_else(|| head.find(" - "))
        .or_else(|| head.find(" -- "));
    let agency = head
        .find("(AP)")
        .or_else(|| head.find("(Reuters)"))
        .or_else(|| head.find("(AFP)"));
    let Some(at) = dash.or(agency) else { return false };
    // Only a qualifier and an agency between the name and the dash ...
    if head[..at].split_whitespace().count() > 4 {
        return false;
    }
    // ... and those capitalised: "NICE to tidy parks. DeKALB –" is a headline.
    !head[..at]
        .split_whitespace()
        .any(|w| !w.starts_with('(') && w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase))
}

/// A name with a qualifier's room after it ("Paris" of "Paris, Texas"): its
/// slot, its found name, where the qualifier would start, and what it may be.
struct Ask<'s> {
    slot: usize,
    found: usize,
    at: usize,
    candidates: &'s [Place],
    default: Option<Place>,
}

impl Ask<'_> {
    /// Slot `s`'s ask, if a gap for a qualifier follows its name.
    fn of<'s>(s: usize, slot: &'s Slot, around: &[Around], found: &[Found]) -> Option<Ask<'s>> {
        let gap = usize::from(around[slot.found].gap);
        (gap > 0).then(|| Ask {
            slot: s,
            found: slot.found,
            at: found[slot.found].span.end + gap,
            candidates: &slot.words.candidates,
            default: slot.default.map(|d| d.0),
        })
    }
}

/// What a qualifier says of the name before it.
enum Qualified {
    /// `candidate` in `container` ("Paris, Texas"), the container's own
    /// found name at `at`, if it has one (not an abbreviation: "Ga.").
    By {
        candidate: Place,
        container: Place,
        at: Option<usize>,
    },
    /// A newsroom abbreviation's division that holds none of the name's places.
    Abbreviation(Place),
}

/// The places the qualifier at `at` (the words after "X, " or "X in ") can
/// stand for, into `options` (room reused from name to name): a found place
/// starting there, or a newsroom abbreviation of a division.
fn containers(
    m: &Matcher,
    doc: &Document,
    found: &[Found],
    next: Option<usize>,
    at: usize,
    options: &mut Vec<(Place, Option<usize>)>,
) {
    options.clear();
    if let Some(k) = next.filter(|&k| found[k].span.start == at) {
        match found[k].reading {
            Reading::Fixed(p, _) | Reading::Corrected(p, _) => options.push((p, Some(k))),
            Reading::Toponym { group, default } => {
                options.extend(m.candidates(group).chain(default.map(|d| d.0)).map(|p| (p, Some(k))));
            }
        }
    }
    let (word, end) = word_after(&doc.text, at);
    // "Ky" as "Ky.": some newsrooms drop the full stop; only after a comma
    // and before no other word ("EDMONTON, Ky (WBKO)", not "in La Liga").
    let alone = doc.text[..at].ends_with(", ")
        && !doc.text[end..]
            .trim_start_matches(' ')
            .starts_with(crate::text::is_alphanumeric);
    let dotted = (alone && !word.contains('.') && word.len() >= 2).then(|| format!("{word}."));
    let list = m
        .division_abbreviations(word)
        .or_else(|| dotted.as_deref().and_then(|w| m.division_abbreviations(w)));
    options.extend(list.into_iter().flatten().map(|&d| (Place::division_at(d), None)));
}

/// What [`not_a_place`] says of a found toponym.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// It may be a place (or it is no toponym).
    Place,
    /// It is no place.
    NotAPlace,
    /// It is no place: a person's name ("John Hoeven"), so its words are a person everywhere.
    Person,
}

/// What the text says right around a found name, read in one pass over the text.
#[derive(Clone, Copy)]
struct Around {
    /// Is it a place at all?
    verdict: Verdict,
    /// The length of ", " or " in " after it, before a qualifier ("Paris, Texas"); 0 without.
    gap: u8,
    /// Followed by "'s" (a saint's name so is a church or a school).
    possessive: bool,
    /// A toponym heading a dateline ([`dateline_at`]).
    dateline: bool,
}

/// The most rounds of ranking the open names ([`resolve`]).
const ROUNDS: usize = 24;

/// Found names turned into mentions before their memory is given back (2.5 MB).
const GIVEN_BACK: usize = 65_536;

/// Found names per part, where each name's neighbourhood is read on every core.
const READ_PART: usize = 16_384;

/// Qualifiers read per part on a core: a part of [`QUALIFY_PART`] names
/// holds only a few thousand names followed by ", " or " in ".
const ASKS_PART: usize = 1024;

/// Names whose qualifiers are read at a time (on every core, in parts of
/// [`READ_PART`], in a long article).
const QUALIFY_PART: usize = 4 * READ_PART;

/// What the text says around every found name, in order: its [`Verdict`], a
/// qualifier's gap and a possessive; in parts on every core for a long
/// article. A short article's town cues ([`read_town_cues`]) are read in the
/// same pass, where the word before each name is cut once for both.
fn read_around<'r>(
    m: &'r Matcher,
    g: &Gazetteer,
    doc: &Document,
    found: &[Found],
) -> (Vec<Around>, Option<Vec<(u32, TownCue<'r>)>>) {
    let text = doc.text.as_str();
    // The word before a toponym (the rules read no other's).
    let before = |f: &Found| match f.reading {
        Reading::Toponym { .. } => word_before(text, f.span.start),
        _ => "",
    };
    // Whether every candidate is small, or one a capital, depends on the
    // group alone: worked out once per process.
    let verdict = |titles: &mut TitleCase, i: usize, before: &str| {
        let f = &found[i];
        let Reading::Toponym { group, default: None } = f.reading else {
            return Verdict::Place;
        };
        let sizes = m.group_memo(group, || {
            let small = m
                .candidates(group)
                .all(|c| matches!(c, Place::City(_)) && c.population(g) < NOTABLE);
            let capital = m
                .candidates(group)
                .any(|c| matches!(c, Place::City(k) if g.cities.feature(k as usize) == Feature::Capital));
            u8::from(small) | (u8::from(capital) << 1)
        });
        let (small, capital) = (sizes & 1 != 0, sizes & 2 != 0);
        let around = (
            i.checked_sub(1).map(|p| found[p].span.end),
            found.get(i + 1).map(|n| n.span.start),
        );
        if !not_a_place(m, doc, f, before, around, (small, capital), titles) {
            Verdict::Place
        } else if names_person(m, before) {
            Verdict::Person
        } else {
            Verdict::NotAPlace
        }
    };
    let around = |titles: &mut TitleCase, i: usize, before: &str| {
        let f = &found[i];
        // The text around the name a few on is fetched while this one is read.
        crate::memory::prefetch(
            text.as_bytes(),
            found.get(i + crate::memory::AHEAD).map(|f| f.span.start),
        );
        let rest = &text[f.span.end..];
        let gap = if rest.starts_with(", ") {
            2
        } else if rest.starts_with(" in ") {
            4
        } else {
            0
        };
        let possessive = rest.starts_with("'s") || rest.starts_with("\u{2019}s");
        let dateline = match f.reading {
            Reading::Toponym { default, .. } => dateline_at(doc, f, default.is_some()),
            _ => false,
        };
        let verdict = verdict(titles, i, before);
        Around {
            verdict,
            gap,
            possessive,
            dateline,
        }
    };
    if found.len() < 2 * READ_PART {
        let rules = &m.rules().toponyms;
        let (mut titles, mut pair, mut cues) = (TitleCase::new(), String::new(), Vec::new());
        let read = (0..found.len())
            .map(|i| {
                let f = &found[i];
                let before = before(f);
                cues.extend(read_town_cue(rules, text, f, before, &mut pair));
                around(&mut titles, i, before)
            })
            .collect();
        return (read, Some(cues));
    }
    use rayon::prelude::*;
    let read = (0..found.len())
        .into_par_iter()
        .with_min_len(READ_PART)
        .map_init(TitleCase::new, |titles, i| around(titles, i, before(&found[i])))
        .collect();
    (read, None)
}

/// A name's candidates narrowed to some countries' towns, and what each is worth.
type Narrowed = (Rc<[Place]>, Rc<[Worth]>);

/// The two words before a name as one ("city of"), only spaces between:
/// `first`, the word just before it (a slice of `text`), and the one before
/// that, written into `into` (kept by the caller, so that asking about a
/// million names allocates once).
fn two_words_before<'b>(text: &str, first: &str, into: &'b mut String) -> Option<&'b str> {
    if first.is_empty() {
        return None;
    }
    // Where the first word starts: it is a slice of `text`.
    let at = first.as_ptr() as usize - text.as_ptr() as usize;
    let second = word_before(text, at);
    if second.is_empty() {
        return None;
    }
    into.clear();
    into.push_str(second);
    into.push(' ');
    into.push_str(first);
    Some(into)
}

/// How the article writes each toponym group as a town's name: followed by
/// an institution only some countries' towns have ("Athens High School": a
/// US or Canadian town; the countries are given), or, for a country's name,
/// after "city of" or as a home town ("a Lebanon woman"), any name followed
/// by its town's public bodies ("Roswell police") or after a street's
/// address ("12 Main St., Annville"): a town anywhere, `None`. Every found
/// name is read, place or not ([`read_town_cues`]): "Norfolk High School"
/// is a school, but it says which Norfolk the article's "Norfolk" is.
fn town_cues(g: &Gazetteer, read: Vec<(u32, TownCue<'_>)>) -> HashMap<u32, Option<Rc<[usize]>>> {
    let mut cues: HashMap<u32, Option<Rc<[usize]>>> = HashMap::default();
    for (group, cue) in read {
        match cue {
            TownCue::Countries(codes) => {
                let countries: Rc<[usize]> = codes.iter().filter_map(|c| g.country_index(c)).collect();
                // Countries given beat "any town".
                let entry = cues.entry(group).or_insert(None);
                *entry = Some(match entry.take() {
                    Some(had) => had.iter().chain(countries.iter()).copied().collect::<Vec<_>>().into(),
                    None => countries,
                });
            }
            TownCue::Anywhere => {
                cues.entry(group).or_insert(None);
            }
        }
    }
    cues
}

/// The town cues of the found names (see [`town_cues`]), by toponym group,
/// in text order. Each name is read on its own, so a long article's are
/// read on every core; only the few that have a cue are kept.
fn read_town_cues<'r>(rules: &'r ToponymRules, text: &str, found: &[Found]) -> Vec<(u32, TownCue<'r>)> {
    let read = |pair: &mut String, f: &Found| read_town_cue(rules, text, f, word_before(text, f.span.start), pair);
    if found.len() < 2 * READ_PART {
        let mut pair = String::new();
        found.iter().filter_map(|f| read(&mut pair, f)).collect()
    } else {
        use rayon::prelude::*;
        let ahead = |i: usize| found.get(i + crate::memory::AHEAD).map(|f| f.span.start);
        (0..found.len())
            .into_par_iter()
            .with_min_len(READ_PART)
            .map_init(String::new, |pair, i| {
                // The text of the name a few on is fetched while this one is read.
                crate::memory::prefetch(text.as_bytes(), ahead(i));
                read(pair, &found[i])
            })
            .flatten_iter()
            .collect()
    }
}

/// The town cue of found name `f` with its toponym group, if it is a
/// toponym and has one; `before` is the word before it ([`word_before`]).
fn read_town_cue<'r>(
    rules: &'r ToponymRules,
    text: &str,
    f: &Found,
    before: &str,
    pair: &mut String,
) -> Option<(u32, TownCue<'r>)> {
    let Reading::Toponym { group, default } = f.reading else {
        return None;
    };
    town_cue(rules, text, f, default.is_some(), before, pair).map(|cue| (group, cue))
}

/// What the words around one name say about it being a town's (see [`town_cues`]).
#[derive(Clone, Copy)]
enum TownCue<'r> {
    /// Followed by an institution only these countries' towns have.
    Countries(&'r [String]),
    /// Written as a town's, anywhere.
    Anywhere,
}

/// The town cue of found name `f` (`country`: its words are a country's
/// name too; `before`: the word before it); `pair` is room for two words,
/// reused from name to name.
fn town_cue<'r>(
    rules: &'r ToponymRules,
    text: &str,
    f: &Found,
    country: bool,
    before: &str,
    pair: &mut String,
) -> Option<TownCue<'r>> {
    let next = text[f.span.end..].strip_prefix(' ');
    // The next word, cut once for both tables.
    let next_word = next.map(super::rules::leading_word).unwrap_or_default();
    if let Some((_, codes)) = next.and_then(|rest| rules.local_institutions.starting_with(next_word, rest)) {
        return Some(TownCue::Countries(codes));
    }
    // Not the tail of a hyphenated name ("Miami-Dade police").
    let hyphened = text[..f.span.start].ends_with('-');
    let after = !hyphened && next.is_some_and(|rest| rules.town_after.starting_with(next_word, rest).is_some());
    let mut written_after = || {
        rules.town_before_ends.contains(before)
            && two_words_before(text, before, pair).is_some_and(|w| rules.town_before.contains(w))
    };
    // "A Lebanon woman" is a town's, "an Arab woman" no place's.
    let person = || {
        country
            && matches!(before, "a" | "an" | "A" | "An")
            && next.is_some_and(|rest| rules.town_people.contains(bare_word(word_after(rest, 0).0)))
    };
    // A street's address, then the town: "400 S. Locust St., Lebanon".
    let address = || {
        text[..f.span.start].strip_suffix(", ").is_some_and(|head| {
            rules
                .street_words
                .contains(head.rsplit(' ').next().unwrap_or("").trim_end_matches('.'))
        })
    };
    (after || written_after() || person() || address()).then_some(TownCue::Anywhere)
}

/// Decide every found name: the mentions of the article, in text order.
pub(super) fn resolve(m: &Matcher, g: &Gazetteer, doc: &Document, found: Vec<Found>) -> Vec<Mention> {
    let text = doc.text.as_str();
    let rules = &m.rules().toponyms;
    let mut evidence = Evidence {
        cues: Some(Cues::new(m, g, text)),
        ..Evidence::default()
    };
    // Which toponyms are no place at all (a street, a person, ...): each
    // asks its own neighbourhood only, so a long article's are asked on
    // every core.
    let (around, short_cues) = read_around(m, g, doc, &found);
    // Room for every toponym that may be a place: most found names are
    // countries' or words ("May", "Will") and need no slot.
    let toponyms = found
        .iter()
        .zip(&around)
        .filter(|(f, a)| matches!(f.reading, Reading::Toponym { .. }) && a.verdict == Verdict::Place)
        .count();
    // In the order of their found names ([`slot_at`]).
    let mut slots: Vec<Slot> = Vec::with_capacity(toponyms);
    // A long article's: filled by this thread alone below, so its pages are
    // first touched on every core (see `memory::fault_in`).
    if found.len() >= 2 * READ_PART {
        crate::memory::fault_in_room(slots.spare_capacity_mut());
    }
    // A name the article uses for a person somewhere is a person everywhere ("John Hoeven", then "Hoeven said").
    let mut people: HashSet<u32> = HashSet::default();
    // What each toponym's words say wherever they stand, worked out once.
    // (Sized for an article's names up front: growing a table rehashes it.)
    let mut known: HashMap<(u32, &str), Rc<Words>> =
        HashMap::with_capacity_and_hasher(toponyms.min(1024), Default::default());
    let mut file_names = || {
        for (i, f) in found.iter().enumerate() {
            // The words of the name a few on are fetched while this one is filed.
            crate::memory::prefetch(
                text.as_bytes(),
                found.get(i + crate::memory::AHEAD).map(|f| f.span.start),
            );
            match f.reading {
                Reading::Fixed(place, kind) | Reading::Corrected(place, kind) => evidence.add(g, place, kind),
                Reading::Toponym { group, default } => {
                    match around[i].verdict {
                        Verdict::Place => {}
                        Verdict::NotAPlace => continue,
                        Verdict::Person => {
                            people.insert(group);
                            continue;
                        }
                    }
                    let words = doc.slice(f.span);
                    let info = known
                        .entry((group, words))
                        .or_insert_with(|| words_of(m, g, group, words));
                    let weak = info.weak || (info.saint && around[i].possessive);
                    slots.push(Slot {
                        found: i,
                        words: info.clone(),
                        default,
                        group,
                        weak,
                        chosen: None,
                    });
                }
            }
        }
    };
    // How the article writes its names as towns' (below): a long article's
    // are read on the other cores while this thread files its names.
    let mut cues_read = short_cues;
    if found.len() >= 2 * READ_PART {
        rayon::in_place_scope(|scope| {
            scope.spawn(|_| cues_read = Some(read_town_cues(rules, text, &found)));
            file_names();
        });
    } else {
        file_names();
    }
    slots.retain(|slot| !people.contains(&slot.group));
    // A name written as a town's: only its towns in the countries the words
    // point to stay candidates ("Athens High School": not Greece's capital).
    let towns = town_cues(g, cues_read.unwrap_or_else(|| read_town_cues(rules, text, &found)));
    let mut kept: HashMap<u32, Option<Narrowed>> = HashMap::default();
    // The narrowed words, by the words they narrow (kept alive in `known`).
    let mut narrowed: HashMap<*const Words, Rc<Words>> = HashMap::default();
    // The groups written as towns that have such towns: a country's name
    // written as a town's, or a name with towns in the countries pointed to.
    let mut town_groups: HashSet<u32> = HashSet::default();
    // Other names written as towns' ("Roswell police"): taken last, a town
    // whose own name it is, if nothing else decided them.
    let mut written_towns: HashSet<u32> = HashSet::default();
    for slot in &mut slots {
        let Some(cue) = towns.get(&slot.group) else {
            continue;
        };
        if slot.words.common || slot.weak {
            continue;
        }
        let Some(countries) = cue else {
            if slot.default.is_some() {
                town_groups.insert(slot.group);
            } else {
                written_towns.insert(slot.group);
            }
            continue;
        };
        let within = kept.entry(slot.group).or_insert_with(|| {
            let words = &slot.words;
            let (candidates, worth): (Vec<Place>, Vec<Worth>) = words
                .candidates
                .iter()
                .zip(words.worth.iter())
                .filter(|(c, _)| c.country(g).is_some_and(|k| countries.contains(&k)))
                .map(|(&c, &w)| (c, w))
                .unzip();
            (!candidates.is_empty()).then(|| (candidates.into(), worth.into()))
        });
        if let Some((candidates, worth)) = within {
            town_groups.insert(slot.group);
            // One narrowed copy of the words for all their slots.
            let words = Rc::clone(&slot.words);
            slot.words = Rc::clone(narrowed.entry(Rc::as_ptr(&words)).or_insert_with(|| {
                Rc::new(Words {
                    candidates: candidates.clone(),
                    largest: worth.iter().map(|w| w.population).max().unwrap_or(0),
                    worth: worth.clone(),
                    ..(*words).clone()
                })
            }));
        }
    }
    // A document-context rule that chose the United States for a name that is
    // also a US state ("Georgia" with "Atlanta") means the state.
    for slot in &mut slots {
        if let Some((Place::Country(c), MentionKind::Division)) = slot.default
            && let Some(&d) = slot
                .words
                .candidates
                .iter()
                .find(|p| matches!(p, Place::Division(d) if g.divisions[*d as usize].country == c as usize))
        {
            slot.chosen = Some((d, Reason::Unambiguous));
        }
    }
    for slot in &slots {
        if let Some((place, _)) = slot.chosen {
            evidence.add(g, place, MentionKind::City);
        }
    }

    // 1. Qualifiers: "X, Y", "X in Y". What each says depends on the text
    // and the found names only: a long article's are read on every core
    // first, then taken in order.
    let qualify = |options: &mut Vec<(Place, Option<usize>)>, ask: &Ask<'_>| {
        let i = ask.found;
        containers(
            m,
            doc,
            &found,
            Some(i + 1).filter(|&k| k < found.len()),
            ask.at,
            options,
        );
        let everything = ask.candidates.iter().copied().chain(ask.default);
        let best = everything
            .flat_map(|c| {
                options
                    .iter()
                    .filter(move |(k, _)| k.holds(c, g) && *k != c)
                    .map(move |&(k, at)| (c, k, at))
            })
            // The likeliest candidate; of its containers, the smallest ("New South Wales" before Australia).
            .max_by(|a, b| {
                let key = |(c, k, _): &(Place, Place, Option<usize>)| (prior(g, *c), matches!(k, Place::Division(_)));
                let (ka, kb) = (key(a), key(b));
                ka.0.total_cmp(&kb.0).then(ka.1.cmp(&kb.1))
            });
        if let Some((candidate, container, at)) = best {
            Some(Qualified::By {
                candidate,
                container,
                at,
            })
        } else {
            // A newsroom abbreviation that holds none of its places: a place
            // of that division too small to be known ("Belgrade, Minn."), not
            // a place of the name elsewhere.
            options
                .iter()
                .find(|(k, at)| at.is_none() && matches!(k, Place::Division(_)))
                .map(|&(division, _)| Qualified::Abbreviation(division))
        }
    };
    let mut options = Vec::new();
    // A few parts' worth at a time: what they say is held until taken.
    for first in (0..slots.len()).step_by(QUALIFY_PART) {
        let range = first..(first + QUALIFY_PART).min(slots.len());
        let asks = range.filter_map(|s| Ask::of(s, &slots[s], &around, &found));
        let read: Vec<(usize, Option<Qualified>)> = if slots.len() < 2 * READ_PART {
            asks.map(|ask| (ask.slot, qualify(&mut options, &ask))).collect()
        } else {
            use rayon::prelude::*;
            let asks: Vec<Ask<'_>> = asks.collect();
            let mut read = Vec::new();
            asks.par_iter()
                .with_min_len(ASKS_PART)
                .map_init(Vec::new, |options, ask| (ask.slot, qualify(options, ask)))
                .collect_into_vec(&mut read);
            read
        };
        for (s, qualified) in read {
            match qualified {
                Some(Qualified::By {
                    candidate,
                    container,
                    at,
                }) => {
                    slots[s].chosen = Some((candidate, Reason::Qualifier(container)));
                    if let Some(ks) = at.and_then(|k| slot_at(&slots, k)) {
                        slots[ks].chosen = Some((container, Reason::Qualifies(candidate)));
                    }
                }
                Some(Qualified::Abbreviation(division)) => {
                    slots[s].chosen = Some((division, Reason::Qualifier(division)))
                }
                None => {}
            }
        }
    }

    // A country's name that some towns share ("Canada", "Lebanon") names the
    // country, unless a qualifier made it a town.
    for slot in &slots {
        if slot.chosen.is_none()
            && let Some((place, kind)) = slot.default
        {
            evidence.add(g, place, kind);
        }
    }

    // 2. Datelines: a name in capitals opening a paragraph, then perhaps a
    // qualifier and an agency, then a dash (read with what is around each name).
    for slot in &mut slots {
        if !around[slot.found].dateline {
            continue;
        }
        let chosen = match slot.chosen {
            Some((place, _)) => place,
            None => {
                let score = |c: Place| {
                    (
                        evidence.support(g, c, usize::MAX).level,
                        prior_named(g, c, &slot.words.name),
                    )
                };
                match slot
                    .words
                    .candidates
                    .iter()
                    .copied()
                    .max_by(|a, b| score(*a).partial_cmp(&score(*b)).unwrap_or(std::cmp::Ordering::Equal))
                {
                    Some(place) => place,
                    None => continue,
                }
            }
        };
        slot.chosen = Some((chosen, Reason::Dateline));
        if evidence.home.is_none()
            && let Some(country) = chosen.country(g)
        {
            evidence.home = Some((country, chosen.divisions(g).last()));
        }
    }
    for slot in &slots {
        if let Some((place, _)) = slot.chosen {
            evidence.add(g, place, MentionKind::City);
        }
    }

    // The same words elsewhere in the article mean what a qualifier or a
    // dateline made them mean.
    let mut sense: HashMap<u32, (Place, Reason)> = HashMap::default();
    for slot in &slots {
        if let Some(chosen) = slot.chosen {
            sense.entry(slot.group).or_insert(chosen);
        }
    }
    for slot in slots.iter_mut().filter(|s| s.chosen.is_none()) {
        slot.chosen = sense.get(&slot.group).copied();
    }
    // Names still open, one entry per group of the same words: its first slot.
    // (Slot numbers fit in `u32`: each is a name of an article of at most 2 GB.)
    let mut grouped: Vec<(u32, u32)> = slots
        .iter()
        .enumerate()
        .filter(|(_, slot)| slot.chosen.is_none())
        .map(|(s, slot)| (slot.group, s as u32))
        .collect();
    if grouped.len() >= 2 * READ_PART {
        use rayon::prelude::*;
        grouped.par_sort_unstable();
    } else {
        grouped.sort_unstable();
    }
    let mut open: Vec<usize> = grouped
        .chunk_by(|a, b| a.0 == b.0)
        .map(|group| group[0].1 as usize)
        .collect();
    open.sort_unstable();
    let members = Members(grouped);

    // 3–4. The article's other places, then the prior. Rounds go on while
    // they decide something, so that what one decides is evidence for the
    // next; when the evidence is spent, the most clearly largest candidates
    // are taken on the prior (and become evidence in turn), and at the very
    // end whatever the prior alone can carry.
    let mut prior_only = false;
    let mut closing = Vec::new();
    let mut ranking = Vec::new();
    // The names still open are filed once; a name decided in a round is
    // closed for the next (`Evidence::closed`).
    // Names that are also words are no evidence for others until decided
    // ("Christmas" and "Heathrow" are both towns of Florida, "Delta" and
    // "Sacramento" of Brazil): a name more common than a place ten times
    // its largest would explain (never a country's), and a small town
    // whose name is a dictionary word.
    for &s in open.iter().filter(|&&s| slots[s].chosen.is_none()) {
        for (i, worth) in pending_candidates(&slots[s]) {
            evidence
                .pending
                .insert(worth.spot.at, ((i, s as u32), Placed::new(worth.spot.at)));
            for d in worth.spot.divisions() {
                evidence.pending_divisions.push((d, s));
            }
        }
    }
    // By division, each division's in the order filed (a stable sort).
    sort_by_division(&mut evidence.pending_divisions, g.divisions.len());
    evidence.closed = vec![false; slots.len()];
    // A name is ranked again only when the evidence changed near its
    // candidates ([`Stale`]); until then it keeps its last ranking's choice
    // on the prior, if it had one (it was not decided, or it would be closed).
    let mut stale = Stale::new(open.len());
    let mut on_prior_before: Vec<Option<(f64, Place)>> = vec![None; open.len()];
    evidence.changes.clear();
    let mut round = 0;
    while round < ROUNDS {
        round += 1;
        stale.mark(&mut evidence.changes, &open, &slots);
        let mut decided = Vec::new();
        let mut by_prior = Vec::new();
        for (k, &s) in open.iter().enumerate() {
            let slot = &slots[s];
            if slot.chosen.is_some() {
                continue;
            }
            if !stale.take(k) {
                if let Some((rival, candidate)) = on_prior_before[k] {
                    by_prior.push((rival, s, candidate));
                }
                continue;
            }
            on_prior_before[k] = None;
            let ranked = rank_best(&evidence, slot, s, &mut ranking);
            let Some(&Ranked {
                place: candidate,
                support,
                worth,
                ..
            }) = ranked.first()
            else {
                continue;
            };
            let population = worth.standing;
            let wordlike = slot.weak || slot.words.wordlike(worth.population);
            let dominant = dominant(ranked);
            let on_evidence = if slot.default.is_some() {
                // A country's name keeps its country unless a division or a
                // nearby place says otherwise.
                support.level >= 3
            } else if wordlike {
                support.level >= 3
                    || (support.level >= 2
                        && matches!(candidate, Place::City(_))
                        && population >= LARGE_CITY
                        && matches!(
                            support.reason,
                            Reason::ArticleNames(Place::Country(_)) | Reason::Dateline
                        ))
            } else {
                support.level >= 1
            };
            // Only a city is big enough to be itself whatever its name: a
            // division's population is its places' sum ("Central", Uganda).
            let city_of_a_million = matches!(candidate, Place::City(_)) && population >= MILLION;
            let on_prior = slot.default.is_none()
                && support.level == 0
                && ((wordlike && city_of_a_million) || (!wordlike && population >= NOTABLE && dominant));
            // Two undecided names with places close together support each
            // other, but not against a famous place of the name: that waits
            // until the neighbour is decided ("Los Angeles" and a village near
            // a village of the Philippines called so).
            let waits = support.level == 2
                && matches!(support.reason, Reason::Near(_))
                && ranked.iter().skip(1).any(|r| r.worth.famous);
            if on_evidence && !waits {
                decided.push((s, candidate, support.reason));
            } else if on_prior {
                // Noted before the evidence is spent too: see below.
                let rival = ranked.get(1).map_or(f64::NEG_INFINITY, |next| next.worth.prior);
                by_prior.push((rival, s, candidate));
                on_prior_before[k] = Some((rival, candidate));
            }
        }
        if decided.is_empty() && !prior_only {
            // The evidence is spent. The next round would rank every name
            // as this one did (nothing was decided), so it is not run: its
            // choices on the prior are this round's.
            prior_only = true;
            round += 1;
            if round > ROUNDS {
                break;
            }
        }
        if decided.is_empty() {
            // The evidence is spent: the clearest largest places, a few at a
            // time, so that each becomes evidence for the rest: first the
            // names whose other places are the least likely ("Dallas"
            // decides "Paris" before the largest Paris is taken).
            by_prior.sort_by(|a, b| a.0.total_cmp(&b.0));
            let take = by_prior.len().div_ceil(8);
            // Of a name written as a town's, the largest of its towns there.
            let largest = |s: usize| {
                if town_groups.contains(&slots[s].group) {
                    Reason::Town
                } else {
                    Reason::Largest
                }
            };
            decided.extend(by_prior.into_iter().take(take).map(|(_, s, c)| (s, c, largest(s))));
        }
        if decided.is_empty() {
            break;
        }
        for (s, candidate, reason) in decided {
            for member in members.of(slots[s].group) {
                if slots[member].chosen.is_none() {
                    slots[member].chosen = Some((candidate, reason));
                }
            }
            // A small town on weak evidence is only weak evidence for its neighbours.
            let weak = matches!(candidate, Place::City(_))
                && candidate.population(g) < NOTABLE
                && matches!(reason, Reason::Near(_) | Reason::ArticleNames(Place::Country(_)))
                && evidence.support(g, candidate, s).level < 2;
            if weak {
                evidence.add_weak(g, candidate);
            } else {
                evidence.add(g, candidate, MentionKind::City);
            }
            closing.push(s);
        }
        for s in closing.drain(..) {
            evidence.closed[s] = true;
            // Its candidates no longer support their neighbours, nor count towards their divisions.
            for (_, worth) in pending_candidates(&slots[s]) {
                evidence.changes.points.push((worth.spot.at, NEAR_KM));
                evidence.changes.divisions.extend(worth.spot.divisions());
            }
        }
    }
    // What is left: notable places on the prior alone, where the article
    // does not point to another candidate.
    evidence.pending.clear();
    evidence.pending_divisions.clear();
    let mut left = Vec::new();
    for &s in &open {
        let slot = &slots[s];
        if slot.chosen.is_some() || slot.default.is_some() {
            continue;
        }
        // The article names another candidate's country or division: not this one.
        let ranked = rank_best(&evidence, slot, s, &mut ranking);
        if ranked.first().is_none_or(|first| first.support.level >= 2) {
            continue;
        }
        let Some((&candidate, worth)) = slot
            .words
            .candidates
            .iter()
            .zip(slot.words.worth.iter())
            .max_by(|a, b| a.1.prior.total_cmp(&b.1.prior))
        else {
            continue;
        };
        let population = worth.standing;
        let wordlike = slot.weak || slot.words.wordlike(worth.population);
        if (population >= NOTABLE && !wordlike) || (matches!(candidate, Place::City(_)) && population >= MILLION) {
            left.push((s, candidate));
        }
    }
    for (s, candidate) in left {
        let reason = if town_groups.contains(&slots[s].group) {
            Reason::Town
        } else {
            Reason::Largest
        };
        for member in members.of(slots[s].group) {
            if slots[member].chosen.is_none() {
                slots[member].chosen = Some((candidate, reason));
            }
        }
    }
    // Last, a name the article writes as a town's and nothing else decided:
    // its best town ("Dublin City Manager", "a Lebanon woman", "Roswell
    // police": a town whose own name it is, not a city once called so).
    for &s in &open {
        let slot = &slots[s];
        let written = written_towns.contains(&slot.group);
        if slot.chosen.is_some() || !(written || town_groups.contains(&slot.group)) {
            continue;
        }
        let Some(&Ranked {
            place: candidate,
            support,
            ..
        }) = rank(&evidence, slot, s, &mut ranking).iter().find(|r| {
            !written
                || match r.place {
                    Place::City(k) => is_own_name(g.cities.name(k as usize), &slot.words.name),
                    _ => false,
                }
        })
        else {
            continue;
        };
        let reason = if support.level > 0 {
            support.reason
        } else {
            Reason::Town
        };
        for member in members.of(slot.group) {
            if slots[member].chosen.is_none() {
                slots[member].chosen = Some((candidate, reason));
            }
        }
    }

    // The mentions, in text order: a fixed reading as it is, a toponym as
    // decided. What each slot decided is kept in a list the cores can share
    // (a slot holds its words by `Rc`), written over the slots' own memory
    // (a decision is no larger than a slot: collected in place).
    drop((around, evidence));
    let decisions: Vec<Decision> = slots
        .into_iter()
        .map(|slot| Decision {
            found: slot.found,
            chosen: slot.chosen,
            default: slot.default,
        })
        .collect();
    let decided = |f: &Found, d: Option<&Decision>| -> Option<(Place, MentionKind, Reason)> {
        let kind_of = |p: Place| match p {
            Place::Division(_) => MentionKind::Division,
            _ => MentionKind::City,
        };
        Some(match f.reading {
            Reading::Fixed(place, kind) => (place, kind, Reason::Unambiguous),
            Reading::Corrected(place, kind) => (place, kind, Reason::Correction),
            Reading::Toponym { .. } => match (d?.chosen, d?.default) {
                (Some((place, reason)), Some((default, kind))) if place == default => (place, kind, reason),
                (Some((place, reason)), _) => (place, kind_of(place), reason),
                (None, Some((place, kind))) => (place, kind, Reason::Unambiguous),
                (None, None) => return None,
            },
        })
    };
    // The mentions of the found names `found[first..]` (`names`), in order:
    // each name meets its decision, if it has one, as both are in text order.
    let mention = |first: usize, names: &[Found], into: &mut Vec<Mention>| {
        let mut next = decisions.partition_point(|d| d.found < first);
        for (i, f) in (first..).zip(names) {
            let d = decisions.get(next).filter(|d| d.found == i);
            next += usize::from(d.is_some());
            if let Some((place, kind, reason)) = decided(f, d) {
                into.push(Mention {
                    place,
                    kind,
                    span: f.span,
                    passage: f.passage,
                    reason,
                });
            }
        }
    };
    if found.len() < 2 * READ_PART {
        let mut mentions = Vec::with_capacity(found.len());
        mention(0, &found, &mut mentions);
        return mentions;
    }
    // A long article's, in parts on every core: counted first, so that the
    // list is allocated once, then made from the end, the found names given
    // back as they are read (100 MB of news: a million of each, never both
    // held whole).
    use rayon::prelude::*;
    let counts: Vec<usize> = found
        .par_chunks(READ_PART)
        .enumerate()
        .map(|(k, names)| {
            let mut next = decisions.partition_point(|d| d.found < k * READ_PART);
            (k * READ_PART..)
                .zip(names)
                .filter(|&(i, f)| {
                    let d = decisions.get(next).filter(|d| d.found == i);
                    next += usize::from(d.is_some());
                    decided(f, d).is_some()
                })
                .count()
        })
        .collect();
    crate::memory::remake_from_end(found, READ_PART, GIVEN_BACK / READ_PART, &counts, |k, names, into| {
        mention(k * READ_PART, names, into)
    })
}

/// What a slot decided, for making its mention ([`resolve`]).
#[derive(Clone, Copy)]
struct Decision {
    found: usize,
    chosen: Option<(Place, Reason)>,
    default: Option<(Place, MentionKind)>,
}

#[cfg(test)]
mod tests {
    use super::{GIVEN_BACK, TitleCase, is_name_char, sort_by_division, title_case, word_before};
    use crate::analysis::{Analyzer, Mention};
    use crate::gazetteer::Gazetteer;
    use crate::place::Place;
    use crate::text::{Document, Span};

    #[test]
    fn pairs_counted_into_place_are_in_the_order_of_a_stable_sort() {
        // Short and long lists, few and many divisions, a division out of range.
        let mut seed = 7u64;
        let mut next = |below: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as usize % below
        };
        for (len, divisions) in [(0, 10), (3, 100), (50, 10), (5000, 6800), (20000, 40), (100, 8)] {
            let mut pairs: Vec<(usize, usize)> = (0..len).map(|k| (next(divisions), k)).collect();
            if len == 100 {
                pairs.push((divisions + 3, 0));
            }
            let mut expected = pairs.clone();
            expected.sort_by_key(|&(d, _)| d);
            sort_by_division(&mut pairs, divisions);
            assert_eq!(pairs, expected, "{len} pairs, {divisions} divisions");
        }
    }

    #[test]
    fn a_sentence_s_title_case_is_kept_for_its_names_and_read_anew_for_the_next() {
        let doc = Document::new("Police Arrest Paris Man In Bank Raid. The man from Paris was held.".to_string());
        assert_eq!(doc.sentences.len(), 2);
        let mut titles = TitleCase::new();
        let asked: Vec<bool> = [0, 0, 1, 1, 0, 1].iter().map(|&s| titles.of(&doc, s)).collect();
        assert_eq!(asked, [true, true, false, false, true, false]);
    }

    #[test]
    fn the_word_before_trimmed_a_byte_at_a_time_is_the_one_trimmed_by_characters() {
        let by_chars = |text: &str, start: usize| -> String {
            let before = text[..start].trim_end_matches(' ');
            let wrapped = before.trim_end_matches([' ', '\t', '\n', '\r']);
            let before = if wrapped.len() < before.len() && text[wrapped.len()..start].matches('\n').count() == 1 {
                wrapped
            } else {
                before
            };
            if before.len() == start {
                return String::new();
            }
            let from = crate::text::trailing_run(before, is_name_char);
            before[from..].to_string()
        };
        let texts = [
            "officials in Alexandria said",
            "Atletico\n    Madrid won",
            "Atletico \r\n Madrid won",
            "end of a paragraph.\n\nMadrid won",
            "tab\tMadrid and  two  spaces",
            "Mr. O'Brien of Kraków-based Müller’s  Zürich firm",
            "  \n\t \r",
            "",
            "café\u{a0}Paris — Lyon",
        ];
        for text in texts {
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(word_before(text, start), by_chars(text, start), "{text:?} at {start}");
            }
        }
    }

    #[test]
    fn title_case_read_a_byte_at_a_time_counts_the_words_split_at_whitespace() {
        let by_words = |passage: &str| {
            let words: Vec<&str> = passage
                .split_whitespace()
                .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
                .collect();
            let capitals = words.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
            words.len() >= 3 && capitals * 10 >= words.len() * 6
        };
        // Every ASCII separator, in and between words of headlines and prose.
        let mut passages = vec![
            "Police Arrest Paris Man In Bank Raid".to_string(),
            "The man from Paris was held".to_string(),
            "Two Men Held".to_string(),
            "Two Men".to_string(),
            "\"Quoted\" Words Are Not Words Here 42 Times".to_string(),
            "Mayor Says (Again) That Taxes Will Rise".to_string(),
            "Über Straße Café Owners Sue".to_string(),
            String::new(),
        ];
        for sep in [
            ' ', '\t', '\n', '\u{b}', '\u{c}', '\r', '\u{1c}', '\u{1f}', '\u{0}', '-', '\u{a0}',
        ] {
            passages.push(["Police", "Arrest", "a", "Man", "In", "Bank", "raid"].join(&sep.to_string()));
            passages.push(format!("Police{sep}arrest{sep}paris{sep}Man{sep}{sep}In"));
        }
        for passage in &passages {
            assert_eq!(title_case(passage), by_words(passage), "{passage:?}");
        }
    }

    /// A candidate's spot, read once, says what the gazetteer says of it:
    /// towns with a county and a state, with a state only, divisions,
    /// countries and regions.
    #[test]
    fn a_spot_is_where_the_gazetteer_puts_the_place() {
        let g = Gazetteer::builtin();
        let mut places: Vec<Place> = (0..g.cities.len()).step_by(97).map(Place::city_at).collect();
        places.extend((0..g.divisions.len()).step_by(7).map(Place::division_at));
        places.extend((0..g.countries.len()).map(Place::country_at));
        places.extend((0..g.regions.len()).map(Place::region_at));
        let with_county = places
            .iter()
            .filter(|p| matches!(p, Place::City(_)) && p.divisions(g).count() >= 2)
            .count();
        assert!(with_county > 100, "{with_county}");
        for place in places {
            let spot = super::Spot::of(g, place);
            assert_eq!(spot.at, place.lon_lat(g), "{place:?}");
            assert_eq!(spot.country(), place.country(g), "{place:?}");
            assert!(spot.divisions().eq(place.divisions(g)), "{place:?}");
        }
    }

    /// A long article holds a slot for every name that may be a town at its peak.
    #[test]
    fn a_set_of_countries_holds_what_was_put_in() {
        let mut set = super::Countries::default();
        let mut had = std::collections::HashSet::new();
        for c in [3, 64, 63, 0, 250, 3, 127, 128, 64, 999] {
            assert_eq!(set.insert(c), had.insert(c), "{c}");
        }
        for c in 0..1100 {
            assert_eq!(set.contains(c), had.contains(&c), "{c}");
        }
    }

    #[test]
    fn a_slot_stays_small() {
        assert!(std::mem::size_of::<super::Slot>() <= 56);
    }

    /// The decisions are collected into the slots' memory, not beside it.
    #[test]
    fn a_decision_fits_in_a_slot() {
        use super::{Decision, Slot};
        use std::mem::{align_of, size_of};
        assert!(size_of::<Decision>() <= size_of::<Slot>() && align_of::<Decision>() == align_of::<Slot>());
    }

    /// The mentions of a long article are made a part at a time from the end
    /// ([`GIVEN_BACK`] found names each): they are those of its lines, in order.
    #[test]
    fn a_long_article_s_mentions_are_its_lines_mentions_in_order() {
        let analyzer = Analyzer::builtin();
        // Names of every kind: a qualified town and its state, a capital, a
        // country, a demonym, a division, a person's name that is no place,
        // a dateline (each read on every core in a long article, then taken in order).
        let line = "PARIS, Texas (AP) — Paris, Texas and Moscow. Athens, Ga. hosted French and Ohio officials; Mr. Jordan spoke.\n";
        let one = analyzer.analyze_text(line);
        let per_line = one.mentions.len();
        assert!(per_line >= 7, "{:?}", one.mentions);
        assert!(one.mentions.iter().any(|m| m.reason == crate::place::Reason::Dateline));
        let sentences = one.document.sentences.len();
        let copies = GIVEN_BACK * 5 / 2 / per_line;
        let all = analyzer.analyze_text(&line.repeat(copies));
        let expected: Vec<Mention> = (0..copies)
            .flat_map(|k| {
                one.mentions.iter().map(move |m| Mention {
                    span: Span {
                        start: m.span.start + k * line.len(),
                        end: m.span.end + k * line.len(),
                    },
                    passage: m.passage + k * sentences,
                    ..*m
                })
            })
            .collect();
        assert_eq!(all.mentions.len(), expected.len());
        assert!(
            all.mentions == expected,
            "a long article's mentions differ from its lines'"
        );
    }
}
