//! The matcher: every name variant is filed under its first word; at each
//! capitalised word of the text the variants filed under that word are tried,
//! longest first, and the hits are then filtered by the rule tables.
//!
//! A hit has a [`Reading`]: one place the tables decide (a country's name, a
//! demonym, a region), or a toponym with candidates (the places and
//! divisions of that name, perhaps with a country reading: "Lebanon"), which
//! [`super::resolve`] decides from the article's evidence.
//!
//! Case rules: proper names match as written or in ALL CAPS (headlines), never
//! in lowercase ("china", "turkey", "asian" do not match); acronyms ("US",
//! "U.K.", "DRC") match only in their exact case. Whole words only; the longest
//! variant at a position wins ("Papua New Guinea" over "Guinea", "Indian Ocean"
//! over "Indian"), and possessives and hyphenated compounds count
//! ("Afghanistan's", "Pakistan-based").

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

use super::place_index::{self, DIVISION, PlaceIndex, first_word, mark_prefix};
use super::rules::{RuleTarget, Rules, Side, WordAction, WordRule as RuleRow, WordSet};
use super::{MentionKind, Unwatched, Watch};
use crate::gazetteer::Gazetteer;
use crate::place::Place;
use crate::text::{Document, Span, leading_run, line_cuts, trailing_run};

/// What one spelling stands for, before rules apply.
#[derive(Clone, Copy, Debug)]
enum PatternTarget {
    /// A phrase that names no place (and hides the places inside it).
    Block,
    /// A country, with how it is named.
    Country(usize, MentionKind),
    /// A region.
    Region(usize),
    /// The places and divisions of this name: spelling `.0` of the place index.
    Places(u32),
    /// Decided by document-context rule `.0`.
    Context(usize, MentionKind),
}

impl PatternTarget {
    fn country(self) -> Option<usize> {
        match self {
            PatternTarget::Country(c, _) => Some(c),
            _ => None,
        }
    }
}

/// What a hit refers to, before the article's evidence is weighed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// One place, decided by the tables and rules.
    Fixed(Place, MentionKind),
    /// Given by hand (a correction): not weighed again.
    Corrected(Place, MentionKind),
    /// A name several places share: the candidates are
    /// [`Matcher::candidates`]`(group)`; `default` is the reading to keep
    /// unless the evidence points to one of them ("Lebanon" the country,
    /// unless the story is in Indiana).
    Toponym {
        /// The candidate places' group.
        group: u32,
        /// A country (or metonym) reading of the same words.
        default: Option<(Place, MentionKind)>,
    },
}

/// A span of the text that may name a place, and what it may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// Where the words are.
    pub span: Span,
    /// The sentence it is in.
    pub passage: usize,
    /// What it may refer to.
    pub reading: Reading,
}

#[derive(Clone, Copy, Debug)]
struct PatternInfo {
    target: PatternTarget,
    /// Places that share the spelling with a country or rule reading (a place index spelling).
    homonyms: Option<u32>,
    /// Index into `Matcher::word_rules`, for names that have word-context rules.
    word_rules: Option<usize>,
    /// Ignored in ALL-CAPS passages (e.g. "US").
    caps_ambiguous: bool,
}

/// A word-context rule with its country code resolved.
#[derive(Clone, Debug)]
struct WordRule {
    side: Side,
    words: WordSet,
    action: Option<(usize, Option<MentionKind>)>,
}

/// A document-context rule with its automata and codes resolved.
struct ContextRule {
    cues: AhoCorasick,
    counter_cues: AhoCorasick,
    with_cues: (usize, MentionKind),
    default: usize,
}

/// A spelling of the rule tables, countries and regions (`Matcher::patterns`), or
/// of towns and divisions only (the place index, whose spelling is its group).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pattern {
    Rule(u32),
    Place(u32),
}

/// A spelling found at a word start that also ends at a word end.
#[derive(Clone, Copy, Debug)]
struct Hit {
    pattern: Pattern,
    start: usize,
    end: usize,
}

/// How many bytes are scanned between two reports to the watch.
const REPORT_EVERY: usize = 1 << 20;

/// A word where a name may start, found by the scan's first pass ([`Matcher::next_words`]).
struct ScanWord {
    /// Where it starts in the text.
    at: usize,
    /// Its length in bytes ([`first_word`]).
    len: usize,
    /// Its [`place_index::hash`].
    hash: u64,
}

/// Words the scan's first pass finds at a time: a block of about 2 KB of news.
const WORDS_AHEAD: usize = 64;

/// How many words ahead the second pass asks for a word's place index record.
const LOOK_AHEAD: usize = 4;

/// A text is scanned in parts on several cores when each part is at least this long.
const PART: usize = 4 << 20;

/// Hits per part, where what each names is read on every core.
const FOUND_PART: usize = 16_384;

/// The scan's progress, told to the watch: one part's own position, or the
/// sum of the parts' when several are scanned at once.
struct Progress<'w> {
    watch: &'w dyn Watch,
    len: usize,
    scanned: AtomicUsize,
    stopped: AtomicBool,
    shared: bool,
}

impl Progress<'_> {
    /// A part reached `at`, `step` bytes after its last report: go on?
    fn proceed(&self, at: usize, step: usize) -> bool {
        let done = if self.shared {
            if self.stopped.load(Ordering::Relaxed) {
                return false;
            }
            self.scanned.fetch_add(step, Ordering::Relaxed) + step
        } else {
            at
        };
        if done >= self.len {
            // All scanned: what comes next reports on (a bar at its end
            // while the names are still being decided would mislead).
            return true;
        }
        let go_on = self.watch.proceed(done as f32 / self.len as f32);
        if !go_on {
            self.stopped.store(true, Ordering::Relaxed);
        }
        go_on
    }
}

/// What the two tables hold for one first word (found by its hash and length).
#[derive(Clone, Copy, Debug)]
struct Looked {
    rule: Option<FirstWord>,
    place: Option<place_index::Word>,
    /// No other first word of the place table has this hash and length (so
    /// when `place`'s spellings do not match, no other first word's can).
    unique: bool,
}

/// The scan's memory of the words it looked up: an article repeats its
/// capitalised words ("The", "He", its people and places), and a look-up in
/// the place index is a read or two far apart in 11 MB, an entry here a read
/// nearby. Direct-mapped by hash; the table is exact because an entry depends
/// on the hash and length alone (for one matcher: [`WordCache::for_matcher`]).
///
/// Each thread keeps its table from text to text ([`WORD_CACHE`]): a
/// collection's articles, and a long text's parts, share their words.
struct WordCache {
    /// The [`Matcher::id`] whose tables the entries come from.
    owner: u64,
    entries: Vec<Entry>,
}

/// A [`Looked`] with its word's hash and length, packed into 24 bytes: at 48
/// the table missed the core's own cache for a sixth of a collection's scan.
#[derive(Clone, Copy, Debug)]
struct Entry {
    hash: u64,
    /// `FirstWord::first_run` of the rule table's entry.
    first_run: u32,
    /// `place_index::Word::record` of the place table's.
    record: u32,
    /// `FirstWord::runs` (0: no rule table entry).
    rule_runs: u16,
    /// `place_index::Word::runs` (0: no place table entry).
    place_runs: u16,
    /// The word's length in bytes.
    len: u16,
    unique: bool,
}

/// Entries of a thread's [`WordCache`]: 192 KB, within a core's own cache
/// (8,237 capitalised words, 577,000 looked up in 20 MB of news: 4,096
/// entries missed 135,000 times, 16,384 60,000).
const WORD_CACHE_ENTRIES: usize = 8192;

thread_local! {
    /// The thread's word cache, kept between scans.
    static WORD_CACHE: std::cell::Cell<Option<WordCache>> = const { std::cell::Cell::new(None) };
}

impl WordCache {
    fn new(owner: u64) -> WordCache {
        let empty = Entry {
            hash: 0,
            first_run: 0,
            record: 0,
            rule_runs: 0,
            place_runs: 0,
            len: u16::MAX,
            unique: true,
        };
        WordCache {
            owner,
            entries: vec![empty; WORD_CACHE_ENTRIES],
        }
    }

    /// The thread's cache for `matcher` (a new one if the thread's was
    /// another matcher's); give it back with [`WordCache::keep`].
    fn for_matcher(matcher: &Matcher) -> WordCache {
        match WORD_CACHE.take() {
            Some(cache) if cache.owner == matcher.id => cache,
            _ => WordCache::new(matcher.id),
        }
    }

    /// Keep the cache for the thread's next scan.
    fn keep(self) {
        WORD_CACHE.set(Some(self));
    }

    /// The entry for hash `h`, by its top bits: the low bits of a
    /// multiplicative hash depend on the word's last bytes only, and filed
    /// by them a third of the look-ups missed.
    #[inline]
    fn at(h: u64) -> usize {
        (h >> (64 - WORD_CACHE_ENTRIES.trailing_zeros())) as usize
    }

    /// Ask the processor for the entry of hash `h`.
    #[inline]
    fn prefetch(&self, h: u64) {
        crate::memory::prefetch_item(&self.entries, Self::at(h));
    }

    #[inline]
    fn get(&self, h: u64, len: usize) -> Option<Looked> {
        let e = self.entries[Self::at(h)];
        (e.hash == h && usize::from(e.len) == len).then_some(Looked {
            rule: (e.rule_runs > 0).then_some(FirstWord {
                first_run: e.first_run,
                runs: e.rule_runs,
            }),
            place: (e.place_runs > 0).then_some(place_index::Word {
                record: e.record,
                runs: e.place_runs,
            }),
            unique: e.unique,
        })
    }

    #[inline]
    fn put(&mut self, h: u64, len: usize, looked: Looked) {
        // A word of 64 KB is not a word: it is never filed, so never found
        // (`u16::MAX` is no entry's length).
        if let Ok(len) = u16::try_from(len)
            && len < u16::MAX
        {
            self.entries[Self::at(h)] = Entry {
                hash: h,
                first_run: looked.rule.map_or(0, |r| r.first_run),
                record: looked.place.map_or(0, |w| w.record),
                rule_runs: looked.rule.map_or(0, |r| r.runs),
                place_runs: looked.place.map_or(0, |w| w.runs),
                len,
                unique: looked.unique,
            };
        }
    }
}

/// The spellings that start with one word: its runs of `Matcher::runs`
/// (each ends where the next starts in `Matcher::ordered`, the first where
/// the run before it ends).
#[derive(Clone, Copy, Debug)]
struct FirstWord {
    first_run: u32,
    /// How many runs (at least one).
    runs: u16,
}

/// Finds mentions of gazetteer places in documents. See the module docs for
/// the rules it applies.
///
/// Two tables of spellings: the towns' and divisions' (a [`PlaceIndex`],
/// built with the crate for the bundled gazetteer), and those of the rule
/// tables, countries and regions (a few thousand, compiled here), which win
/// where both have a spelling ("Lebanon" the country, with the towns of the
/// name as homonyms).
pub struct Matcher {
    /// The towns' and divisions' spellings; a spelling's index is its toponym group.
    places: PlaceIndex,
    /// Spellings by their first word: a range of `ordered`, longest first,
    /// and the range of `runs` that cuts it by length.
    by_first_word: FxHashMap<Cow<'static, str>, FirstWord>,
    /// The same by the first word's hash and length ([`place_index::hash`]):
    /// what the scan asks, unverified (see [`Matcher::longest_at`]).
    by_hash: FxHashMap<(u64, usize), FirstWord>,
    /// Indices into `spellings`, grouped by first word.
    ordered: Vec<u32>,
    /// (length, end in `ordered`) of each run of same-length spellings of a
    /// group: scanned in order, so that a text's word is compared only with
    /// spellings of a length at which the text has a word end.
    runs: Vec<(u32, u32)>,
    /// The spellings (mostly borrowed from the gazetteer and rules); `patterns[i]` says
    /// what `spellings[i]` stands for.
    spellings: Vec<Cow<'static, str>>,
    patterns: Vec<PatternInfo>,
    /// Bytes that begin at least one pattern.
    starts: [bool; 256],
    /// Bit `(a << 8) | b` is set when some pattern begins with bytes `a b`:
    /// most capitalised words are rejected here without a table lookup.
    prefixes: Box<[u64; 1024]>,
    word_rules: Vec<Vec<WordRule>>,
    contexts: Vec<ContextRule>,
    rules: Rules,
    problems: Vec<String>,
    /// How many spellings both tables have.
    shared: usize,
    /// The divisions each newsroom abbreviation stands for ("Ga." → Georgia).
    abbreviations: FxHashMap<&'static str, Vec<usize>>,
    /// The country cues (`country_cues.tsv`, also with a curly
    /// apostrophe), an automaton per country.
    cues: Vec<CountryCues>,
    /// This matcher among all made by the process (what it worked out may be kept under it).
    id: u64,
    /// A byte per toponym group that the resolution works out once per
    /// process ([`Matcher::group_memo`]); 0 while not worked out.
    group_memos: Box<[AtomicU8]>,
}

/// One country's cues, searched for together.
struct CountryCues {
    /// The country's code.
    code: String,
    automaton: AhoCorasick,
    /// The words of each pattern of the automaton.
    words: Vec<String>,
}

/// Does the variant have no lowercase letters (an acronym such as "UK", "U.S.")?
fn is_acronym(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// The spellings under which a variant is matched: as written (with a
/// capital first letter) and with a curly apostrophe. The ALL-CAPS form of
/// a name that is not an acronym is found at match time ([`Matcher::hits`]).
fn case_forms(variant: Cow<'static, str>) -> Vec<Cow<'static, str>> {
    let first = match variant.chars().next().filter(|c| c.is_lowercase()) {
        Some(c) => Cow::Owned(c.to_uppercase().chain(variant.chars().skip(1)).collect()),
        None => variant,
    };
    let curly = first
        .contains('\'')
        .then(|| Cow::Owned(first.replace('\'', "\u{2019}")));
    std::iter::once(first).chain(curly).collect()
}

/// `s` without surrounding white space, still borrowed when it was.
fn trimmed(s: Cow<'static, str>) -> Cow<'static, str> {
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
        Cow::Owned(o) if o.trim().len() == o.len() => Cow::Owned(o),
        Cow::Owned(o) => Cow::Owned(o.trim().to_string()),
    }
}

/// Is the word all capitals (a headline's or a dateline's), with at least two letters?
fn is_caps_word(word: &str) -> bool {
    // Most capitalised words fail at their second letter.
    !word.chars().any(char::is_lowercase) && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// A capitalised word's lookup key from its ALL-CAPS form ("ATHENS" → "Athens").
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect())
        .unwrap_or_default()
}

/// Does `text` start with `spelling` in ALL CAPS? (Spellings that are
/// acronyms match only as written.)
fn starts_with_caps(text: &str, spelling: &str) -> bool {
    let mut t = text.chars();
    for c in spelling.chars() {
        let mut upper = c.to_uppercase();
        let matched = upper.all(|u| t.next() == Some(u));
        if !matched {
            return false;
        }
    }
    // Asked last: most spellings differ from the text before their end.
    !is_acronym(spelling)
}

/// The byte length of the ALL-CAPS form of `spelling`.
fn caps_len(spelling: &str) -> usize {
    spelling.chars().flat_map(char::to_uppercase).map(char::len_utf8).sum()
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(crate::text::is_alphanumeric) && !after.is_some_and(crate::text::is_alphanumeric)
}

fn any_whole_word(automaton: &AhoCorasick, text: &str) -> bool {
    automaton.find_iter(text).any(|m| whole_word(text, m.start(), m.end()))
}

fn word_automaton(words: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(words)
        .expect("cue lists are small")
}

/// The word just before `start` (only spaces between), e.g. "George", "Mr.".
fn prev_word(text: &str, start: usize) -> &str {
    let before = &text[..start];
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() {
        return "";
    }
    let word_start = trailing_run(trimmed, |c| {
        crate::text::is_alphanumeric(c) || matches!(c, '.' | '\'' | '\u{2019}' | '-')
    });
    &trimmed[word_start..]
}

/// The word just after `end` (only spaces between) and where it starts.
fn next_word(text: &str, end: usize) -> (&str, usize) {
    let after = &text[end..];
    let trimmed = after.trim_start_matches(' ');
    if trimmed.len() == after.len() {
        return ("", end);
    }
    let word_start = end + (after.len() - trimmed.len());
    let len = leading_run(trimmed, |c| {
        crate::text::is_alphanumeric(c) || matches!(c, '-' | '\'' | '\u{2019}')
    });
    (&trimmed[..len], word_start)
}

/// The name in `word_context.tsv` whose rules apply to every demonym.
const DEMONYM_RULES: &str = "@demonym";

/// Is this passage written in capitals (a headline)?
fn is_shouting(passage: &str) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in passage.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= 6 && upper * 10 >= letters * 8
}

/// The first index at or after `i` whose byte is an ASCII capital or not ASCII
/// (every pattern starts with one: checked when the matcher is built), or
/// `bytes.len()`. Tests sixteen bytes at a time where the processor has
/// SSE2 (every x86-64 does), else eight: most text is lowercase, and this
/// loop reads every byte of every article.
fn next_capital_or_non_ascii(bytes: &[u8], mut i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{
            __m128i, _mm_add_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
        };
        while i + 16 <= bytes.len() {
            // SAFETY: SSE2 is part of x86-64; the load reads bytes[i..i + 16],
            // in bounds, unaligned loads allowed.
            let mask = unsafe {
                let v = _mm_loadu_si128(bytes.as_ptr().add(i).cast::<__m128i>());
                // 'A'..='Z' moved to the 26 lowest signed bytes (-128..-103).
                let moved = _mm_add_epi8(v, _mm_set1_epi8(0x80_u8.wrapping_sub(b'A') as i8));
                let capital = _mm_cmplt_epi8(moved, _mm_set1_epi8(-128 + 26));
                // A byte's top bit: a capital's from the compare, a non-ASCII byte's its own.
                _mm_movemask_epi8(_mm_or_si128(capital, v))
            };
            if mask != 0 {
                return i + mask.trailing_zeros() as usize;
            }
            i += 16;
        }
    }
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let low = w & !HIGH;
        // Per byte (no carries: each low byte is at most 0x7F): >= 'A' and not >= '['.
        let at_least_a = low.wrapping_add((0x80 - u64::from(b'A')) * ONES);
        let past_z = low.wrapping_add((0x80 - u64::from(b'[')) * ONES);
        let found = ((at_least_a & !past_z) | w) & HIGH;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii() && !bytes[i].is_ascii_uppercase() {
        i += 1;
    }
    i
}

struct Builder<'a> {
    gazetteer: &'a Gazetteer,
    strings: Vec<Cow<'static, str>>,
    patterns: Vec<PatternInfo>,
    claimed: FxHashMap<Cow<'static, str>, usize>,
    problems: Vec<String>,
}

impl Builder<'_> {
    fn country(&mut self, code: &str, context: &str) -> Option<usize> {
        let found = self.gazetteer.country_index(code);
        if found.is_none() {
            self.problems.push(format!("{context}: unknown country code {code}"));
        }
        found
    }

    /// Add every case form of `variant`; the first claim of a spelling wins,
    /// and a later claim by a different country is recorded as a problem.
    fn add(&mut self, variant: impl Into<Cow<'static, str>>, target: PatternTarget) {
        let variant = trimmed(variant.into());
        if variant.is_empty() {
            return;
        }
        for form in case_forms(variant) {
            if let Some(&earlier) = self.claimed.get(&form) {
                let (a, b) = (self.patterns[earlier].target.country(), target.country());
                if a.is_some() && b.is_some() && a != b {
                    self.problems.push(format!("{form:?} is claimed by two countries"));
                }
                continue;
            }
            self.claimed.insert(form.clone(), self.strings.len());
            self.strings.push(form);
            self.patterns.push(PatternInfo {
                target,
                homonyms: None,
                word_rules: None,
                caps_ambiguous: false,
            });
        }
    }
}

/// The place index of the bundled gazetteer, built by `build.rs`, read in
/// place from the program's file.
fn builtin_places() -> &'static [u8] {
    include_bytes!(concat!(env!("OUT_DIR"), "/places.idx"))
}

/// The place index of `gazetteer`'s towns and divisions (see [`place_index::build`]).
pub(crate) fn place_index_of(gazetteer: &Gazetteer) -> Vec<u8> {
    let divisions = gazetteer.divisions.iter().enumerate().map(|(d, division)| {
        let spellings = std::iter::once(division.name.as_str()).chain(division.variants.iter().map(String::as_str));
        (DIVISION | d as u32, spellings.collect::<Vec<_>>())
    });
    let cities = gazetteer.cities.iter().enumerate().map(|(c, city)| {
        let spellings = std::iter::once(city.name).chain(city.variants());
        (c as u32, spellings.collect::<Vec<_>>())
    });
    place_index::build(divisions.chain(cities))
}

impl Matcher {
    /// Compile the gazetteer's variants and the rule tables.
    pub fn new(gazetteer: &'static Gazetteer, rules: Rules) -> Matcher {
        let places = PlaceIndex::new(Cow::Owned(place_index_of(gazetteer))).expect("a table just built");
        Matcher::with_places(gazetteer, rules, places)
    }

    /// [`Matcher::new`] for the bundled gazetteer, whose place index was
    /// built with the crate (a test checks it is the one `new` would build).
    pub(crate) fn builtin(gazetteer: &'static Gazetteer, rules: Rules) -> Matcher {
        let places = PlaceIndex::new(Cow::Borrowed(builtin_places())).expect("build.rs writes a valid table");
        Matcher::with_places(gazetteer, rules, places)
    }

    /// Compile the rule tables, countries and regions over `places`, the
    /// gazetteer's towns and divisions.
    fn with_places(gazetteer: &'static Gazetteer, rules: Rules, places: PlaceIndex) -> Matcher {
        let mut b = Builder {
            gazetteer,
            strings: Vec::new(),
            patterns: Vec::new(),
            claimed: FxHashMap::default(),
            problems: Vec::new(),
        };
        // Rule phrases first: they override the gazetteer.
        let mut contexts = Vec::new();
        for ctx in &rules.document_context {
            let with = b.country(&ctx.with_cues.0, &ctx.name);
            let default = b.country(&ctx.default, &ctx.name);
            if let (Some(with), Some(default)) = (with, default) {
                contexts.push(Some(ContextRule {
                    cues: word_automaton(&ctx.cues),
                    counter_cues: word_automaton(&ctx.counter_cues),
                    with_cues: (with, ctx.with_cues.1),
                    default,
                }));
            } else {
                contexts.push(None);
            }
        }
        for phrase in &rules.phrases {
            let target = match &phrase.target {
                RuleTarget::Nothing => Some(PatternTarget::Block),
                RuleTarget::Country(code, kind) => b
                    .country(code, &phrase.phrase)
                    .map(|c| PatternTarget::Country(c, *kind)),
                RuleTarget::Context(i, kind) => contexts[*i].as_ref().map(|_| PatternTarget::Context(*i, *kind)),
            };
            if let Some(target) = target {
                b.add(phrase.phrase.clone(), target);
            }
        }
        for (i, c) in gazetteer.countries.iter().enumerate() {
            b.add(c.name.as_str(), PatternTarget::Country(i, MentionKind::Name));
            for n in &c.names {
                b.add(n.as_str(), PatternTarget::Country(i, MentionKind::Name));
            }
        }
        for (i, c) in gazetteer.countries.iter().enumerate() {
            for n in &c.aliases {
                b.add(n.as_str(), PatternTarget::Country(i, MentionKind::Alias));
            }
        }
        for (i, c) in gazetteer.countries.iter().enumerate() {
            for n in &c.demonyms {
                b.add(n.as_str(), PatternTarget::Country(i, MentionKind::Demonym));
            }
        }
        for (i, r) in gazetteer.regions.iter().enumerate() {
            for n in r.variants.iter().chain(&r.adjectives) {
                b.add(n.as_str(), PatternTarget::Region(i));
            }
        }
        // The towns and divisions that share a spelling with these are its homonyms.
        let mut shared = 0;
        for (p, spelling) in b.strings.iter().enumerate() {
            if let Some(group) = places.find(spelling) {
                b.patterns[p].homonyms = Some(group as u32);
                shared += 1;
            }
        }
        // A town's or division's spelling with a word-context rule or a caps
        // flag joins this table, which wins over the place index, to carry them.
        let mut claim_place = |b: &mut Builder<'_>, form: &str| -> Option<usize> {
            if let Some(&p) = b.claimed.get(form) {
                return Some(p);
            }
            let group = places.find(form)? as u32;
            shared += 1;
            let p = b.strings.len();
            b.claimed.insert(Cow::Owned(form.to_string()), p);
            b.strings.push(Cow::Owned(form.to_string()));
            b.patterns.push(PatternInfo {
                target: PatternTarget::Places(group),
                homonyms: None,
                word_rules: None,
                caps_ambiguous: false,
            });
            Some(p)
        };

        // Attach word-context rules and caps flags to every case form of their name.
        let mut word_rules = Vec::new();
        // "@demonym" rules apply to every demonym, after its own rules.
        let every_demonym = rules
            .word_rules
            .get(DEMONYM_RULES)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut named: Vec<(String, Vec<&RuleRow>)> = rules
            .word_rules
            .iter()
            .filter(|(name, _)| name.as_str() != DEMONYM_RULES)
            .map(|(name, list)| (name.clone(), list.iter().collect()))
            .collect();
        if !every_demonym.is_empty() {
            let mut at: HashMap<String, usize> = named.iter().enumerate().map(|(i, (n, _))| (n.clone(), i)).collect();
            let mut done = std::collections::HashSet::new();
            for d in gazetteer.countries.iter().flat_map(|c| &c.demonyms) {
                if !done.insert(d.as_str()) {
                    continue;
                }
                let i = *at.entry(d.clone()).or_insert_with(|| {
                    named.push((d.clone(), Vec::new()));
                    named.len() - 1
                });
                named[i].1.extend(every_demonym);
            }
        }
        for (name, list) in &named {
            let mut compiled = Vec::new();
            for r in list {
                let action = match &r.action {
                    WordAction::Drop => None,
                    WordAction::Assign(code, kind) => match b.country(code, name) {
                        Some(c) => Some((c, *kind)),
                        None => continue,
                    },
                };
                compiled.push(WordRule {
                    side: r.side,
                    words: r.words.clone(),
                    action,
                });
            }
            for form in case_forms(Cow::Owned(name.clone())) {
                if let Some(p) = claim_place(&mut b, &form) {
                    b.patterns[p].word_rules = Some(word_rules.len());
                }
            }
            word_rules.push(compiled);
        }
        for word in &rules.caps_ambiguous {
            if let Some(p) = claim_place(&mut b, word) {
                b.patterns[p].caps_ambiguous = true;
            }
        }

        // The spelling lookup has done its work: free it before the match tables are built.
        drop(std::mem::take(&mut b.claimed));
        let mut starts = [false; 256];
        for (i, &s) in places.starts().iter().enumerate() {
            starts[i] = s != 0;
        }
        let mut prefixes = Box::new([0u64; 1024]);
        for (i, word) in prefixes.iter_mut().enumerate() {
            *word = places.prefix_word(i);
        }
        for s in &b.strings {
            let bytes = s.as_bytes();
            assert!(
                bytes[0].is_ascii_uppercase() || !bytes[0].is_ascii(),
                "pattern {s:?} must start with a capital (case_forms ensures it)"
            );
            mark_prefix(bytes, &mut starts, &mut prefixes);
        }
        for (b, &s) in starts.iter().enumerate() {
            assert!(
                !s || (b as u8).is_ascii_uppercase() || !(b as u8).is_ascii(),
                "every spelling starts with a capital or a non-ASCII byte"
            );
        }
        // The spellings grouped by first word, each group longest first and,
        // among spellings of one length, in byte order (for a binary search).
        let key = |spelling: &Cow<'static, str>| -> Cow<'static, str> {
            match spelling {
                Cow::Borrowed(s) => Cow::Borrowed(first_word(s)),
                Cow::Owned(s) => Cow::Owned(first_word(s).to_string()),
            }
        };
        // Each spelling's first word cut once, not at every comparison.
        let mut keyed: Vec<(&str, std::cmp::Reverse<usize>, &str, u32)> = b
            .strings
            .iter()
            .enumerate()
            .map(|(i, s)| (first_word(s), std::cmp::Reverse(s.len()), &**s, i as u32))
            .collect();
        keyed.sort_unstable();
        let ordered: Vec<u32> = keyed.into_iter().map(|(_, _, _, i)| i).collect();
        let mut by_first_word: FxHashMap<Cow<'static, str>, FirstWord> =
            FxHashMap::with_capacity_and_hasher(ordered.len() / 2, Default::default());
        let mut runs: Vec<(u32, u32)> = Vec::new();
        let mut start = 0;
        while start < ordered.len() {
            let word = first_word(&b.strings[ordered[start] as usize]);
            let mut end = start + 1;
            while end < ordered.len() && first_word(&b.strings[ordered[end] as usize]) == word {
                end += 1;
            }
            let first_run = runs.len() as u32;
            for (i, &spelling) in ordered.iter().enumerate().take(end).skip(start) {
                let len = b.strings[spelling as usize].len() as u32;
                let in_group = runs.len() as u32 > first_run;
                match runs.last_mut() {
                    Some((l, e)) if in_group && *l == len => *e = i as u32 + 1,
                    _ => runs.push((len, i as u32 + 1)),
                }
            }
            by_first_word.insert(
                key(&b.strings[ordered[start] as usize]),
                FirstWord {
                    first_run,
                    runs: u16::try_from(runs.len() - first_run as usize).expect("fewer than 65,536 lengths"),
                },
            );
            start = end;
        }
        let contexts = contexts
            .into_iter()
            .map(|c| {
                c.unwrap_or_else(|| ContextRule {
                    cues: word_automaton(&[]),
                    counter_cues: word_automaton(&[]),
                    with_cues: (0, MentionKind::Name),
                    default: 0,
                })
            })
            .collect();
        let mut by_hash: FxHashMap<(u64, usize), FirstWord> = FxHashMap::default();
        let mut collided = false;
        for (word, &entry) in &by_first_word {
            collided |= by_hash
                .insert((place_index::hash(word.as_bytes()), word.len()), entry)
                .is_some();
        }
        // Two first words with one 64-bit hash and length: never seen, but then look words up by their bytes.
        if collided {
            by_hash.clear();
        }
        let mut abbreviations: FxHashMap<&'static str, Vec<usize>> = FxHashMap::default();
        for (i, d) in gazetteer.divisions.iter().enumerate() {
            for q in &d.qualifiers {
                abbreviations.entry(q.as_str()).or_default().push(i);
            }
        }
        static MATCHERS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        // A country's cues apart from the others': a text is asked for the
        // cues of one country at a time (one it names no place of), and the
        // search stops at the first. Leftmost-longest, so that a cue inside
        // a longer one of the same country is not seen apart from it.
        let mut by_country: Vec<(String, Vec<String>)> = Vec::new();
        for (words, code) in &rules.toponyms.country_cues {
            let at = match by_country.iter().position(|(c, _)| c == code) {
                Some(at) => at,
                None => {
                    by_country.push((code.clone(), Vec::new()));
                    by_country.len() - 1
                }
            };
            by_country[at].1.push(words.clone());
            if words.contains('\'') {
                by_country[at].1.push(words.replace('\'', "\u{2019}"));
            }
        }
        let cues = by_country
            .into_iter()
            .map(|(code, words)| CountryCues {
                code,
                automaton: AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&words)
                    .expect("country cues make an automaton"),
                words,
            })
            .collect();
        Matcher {
            cues,
            abbreviations,
            id: MATCHERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            group_memos: (0..places.len()).map(|_| AtomicU8::new(0)).collect(),
            places,
            by_first_word,
            by_hash,
            ordered,
            runs,
            spellings: b.strings,
            patterns: b.patterns,
            starts,
            prefixes,
            word_rules,
            contexts,
            rules,
            problems: b.problems,
            shared,
        }
    }

    /// What `work_out` (a pure function of the group, below 255) says of
    /// `group`, worked out on first use and remembered for every thread.
    pub(super) fn group_memo(&self, group: u32, work_out: impl FnOnce() -> u8) -> u8 {
        let Some(memo) = self.group_memos.get(group as usize) else {
            return work_out();
        };
        match memo.load(Ordering::Relaxed) {
            0 => {
                let value = work_out();
                memo.store(value.saturating_add(1), Ordering::Relaxed);
                value
            }
            known => known - 1,
        }
    }

    /// The candidate places of a toponym group (see [`Reading::Toponym`]),
    /// in gazetteer order (divisions, then towns).
    pub fn candidates(&self, group: u32) -> impl ExactSizeIterator<Item = Place> + '_ {
        self.places.members(group as usize).map(|m| {
            if m & DIVISION != 0 {
                Place::division_at((m & !DIVISION) as usize)
            } else {
                Place::city_at(m as usize)
            }
        })
    }

    /// What a pattern stands for.
    fn info(&self, pattern: Pattern) -> PatternInfo {
        match pattern {
            Pattern::Rule(p) => self.patterns[p as usize],
            Pattern::Place(group) => PatternInfo {
                target: PatternTarget::Places(group),
                homonyms: None,
                word_rules: None,
                caps_ambiguous: false,
            },
        }
    }

    /// The spellings of the rule table filed under first word `word`, longest first.
    fn filed_under(&self, word: &str) -> Option<&[u32]> {
        let group = *self.by_first_word.get(word)?;
        let end = self.runs[group.first_run as usize + usize::from(group.runs) - 1].1;
        Some(&self.ordered[self.first_spelling(group)..end as usize])
    }

    /// Where the spellings of `group` start in `ordered`.
    #[inline]
    fn first_spelling(&self, group: FirstWord) -> usize {
        match group.first_run.checked_sub(1) {
            Some(before) => self.runs[before as usize].1 as usize,
            None => 0,
        }
    }

    /// The longest spelling starting with `word` that `rest` (the text from
    /// the word on) starts with and that ends at a word end, with its length
    /// (the word's entries remembered in `cache`):
    /// for each length the spellings have, longest first, where the text has
    /// a word end at that length, one binary search among the spellings of
    /// that length ("New" heads thousands of spellings). Of a spelling both
    /// tables have, the rule table's. `h`: the word's [`place_index::hash`].
    fn longest_at(&self, word: &str, h: u64, rest: &str, cache: &mut WordCache) -> Option<(Pattern, usize)> {
        let looked = cache.get(h, word.len()).unwrap_or_else(|| {
            let rule = if self.by_hash.is_empty() {
                self.by_first_word.get(word).copied()
            } else {
                self.by_hash.get(&(h, word.len())).copied()
            };
            let mut places = self.places.probe_hashed(h, word.len());
            let place = places.next();
            // Rarely another first word of the same hash and length follows: not kept.
            let unique = place.is_none() || places.next().is_none();
            let looked = Looked { rule, place, unique };
            if unique {
                cache.put(h, word.len(), looked);
            }
            looked
        });
        let ends_word = |len: usize| {
            len <= rest.len()
                && rest.is_char_boundary(len)
                && !rest[len..].chars().next().is_some_and(crate::text::is_alphanumeric)
        };
        let rule = looked.rule.and_then(|group| {
            let mut start = self.first_spelling(group);
            let first = group.first_run as usize;
            for &(len, end) in &self.runs[first..first + usize::from(group.runs)] {
                let (len, end) = (len as usize, end as usize);
                let run = &self.ordered[start..end];
                start = end;
                if !ends_word(len) {
                    continue;
                }
                let prefix = &rest.as_bytes()[..len];
                if let Ok(k) = run.binary_search_by(|&p| {
                    place_index::compare_same_length(self.spellings[p as usize].as_bytes(), prefix)
                }) {
                    return Some((Pattern::Rule(run[k]), len));
                }
            }
            None
        });
        let shorter = rule.map_or(0, |(_, len)| len);
        let search = |w: place_index::Word| {
            for run in self.places.runs(w) {
                if run.len <= shorter {
                    break;
                }
                if !ends_word(run.len) {
                    continue;
                }
                // Longer than the word: a search only where a spelling may be the text.
                let bytes = &rest.as_bytes()[..run.len];
                if run.len > word.len() && !self.places.may_spell(bytes) {
                    continue;
                }
                if let Some(k) = self.places.search(run, bytes) {
                    return Some((Pattern::Place(k as u32), run.len));
                }
            }
            None
        };
        // Only the entry of `word` itself can match (see `PlaceIndex::probe`).
        let place = match looked.place {
            Some(w) => search(w).or_else(|| {
                // Another first word of the same hash and length, if any (a
                // remembered word has none: it is not probed for again).
                (!looked.unique)
                    .then(|| self.places.probe_hashed(h, word.len()).skip(1).find_map(search))
                    .flatten()
            }),
            None => None,
        };
        place.or(rule)
    }

    /// The first spelling filed under `key` (the title case of an ALL-CAPS
    /// word) that `rest` starts with in capitals and that ends at a word end,
    /// with its length in the text: the spellings of both tables in one order
    /// (longest first, then by bytes); of a spelling both have, the rule table's.
    fn caps_at(&self, key: &str, rest: &str) -> Option<(Pattern, usize)> {
        let ends_word = |len: usize| !rest[len..].chars().next().is_some_and(crate::text::is_alphanumeric);
        let matches = |spelling: &str| {
            if !starts_with_caps(rest, spelling) {
                return None;
            }
            let len = caps_len(spelling);
            ends_word(len).then_some(len)
        };
        let rule = self.filed_under(key).and_then(|candidates| {
            candidates.iter().find_map(|&p| {
                let spelling = &self.spellings[p as usize];
                matches(spelling).map(|len| (Pattern::Rule(p), len, &**spelling))
            })
        });
        let place = self.places.word(key.as_bytes()).and_then(|w| {
            self.places.filed_under(w).find_map(|k| {
                let spelling = self.places.spelling(k);
                matches(spelling).map(|len| (Pattern::Place(k as u32), len, spelling))
            })
        });
        fn order(s: &str) -> (std::cmp::Reverse<usize>, &[u8]) {
            (std::cmp::Reverse(s.len()), s.as_bytes())
        }
        match (rule, place) {
            (Some(r), Some(p)) if order(p.2) < order(r.2) => Some((p.0, p.1)),
            (Some(r), _) => Some((r.0, r.1)),
            (None, p) => p.map(|p| (p.0, p.1)),
        }
    }

    /// The rule tables the matcher was built with.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The divisions a newsroom abbreviation stands for ("Ga." → Georgia).
    pub(super) fn division_abbreviations(&self, word: &str) -> Option<&[usize]> {
        self.abbreviations.get(word).map(Vec::as_slice)
    }

    /// The codes of the countries that have cues (`country_cues.tsv`).
    pub(super) fn cue_countries(&self) -> impl Iterator<Item = &str> {
        self.cues.iter().map(|c| c.code.as_str())
    }

    /// Does `text` hold a cue (`country_cues.tsv`) of the country with this
    /// code as whole words (a sign at a cue's end may be followed by
    /// anything: "£5")? The search stops at the first. A long text is
    /// searched in parts on every core, as it is scanned.
    pub(super) fn holds_country_cue(&self, text: &str, code: &str) -> bool {
        let Some(cues) = self.cues.iter().find(|c| c.code == code) else {
            return false;
        };
        let search = |range: std::ops::Range<usize>| {
            cues.automaton
                .find_iter(aho_corasick::Input::new(text).range(range))
                .any(|m| {
                    let words = &cues.words[m.pattern().as_usize()];
                    let open_end = !words.chars().next_back().is_some_and(crate::text::is_alphanumeric);
                    !text[..m.start()]
                        .chars()
                        .next_back()
                        .is_some_and(crate::text::is_alphanumeric)
                        && (open_end || !text[m.end()..].chars().next().is_some_and(crate::text::is_alphanumeric))
                })
        };
        let parts = (text.len() / PART).clamp(1, rayon::current_num_threads().max(1));
        if parts == 1 {
            search(0..text.len())
        } else {
            use rayon::prelude::*;
            line_cuts(text, parts).par_windows(2).any(|cut| search(cut[0]..cut[1]))
        }
    }

    /// A number that tells this matcher from every other the process made.
    pub(super) fn id(&self) -> u64 {
        self.id
    }

    /// Inconsistencies found while compiling: unknown codes in rule tables,
    /// spellings claimed by two countries. Empty for the built-in data.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// How many spellings the matcher knows (with their case forms).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len() + self.places.len() - self.shared
    }

    /// Every spelling found at a word start that also ends at a word end; the
    /// longest wins where several start at the same word.
    /// `None` when `watch` asked to stop.
    fn hits(&self, text: &str, watch: &dyn Watch) -> Option<Vec<Hit>> {
        // A long text is cut at line ends (no spelling spans one) and its
        // parts scanned on every core, then joined in order: the same hits.
        let parts = crate::text::parts_of(text.len(), PART);
        let progress = Progress {
            watch,
            len: text.len(),
            scanned: AtomicUsize::new(0),
            stopped: AtomicBool::new(false),
            shared: parts > 1,
        };
        if parts == 1 {
            return self.hits_in(text, 0..text.len(), &progress);
        }
        let cuts = line_cuts(text, parts);
        use rayon::prelude::*;
        let parts: Option<Vec<Vec<Hit>>> = cuts
            .par_windows(2)
            .with_max_len(1)
            .map(|cut| {
                if progress.stopped.load(Ordering::Relaxed) {
                    return None;
                }
                let hits = self.hits_in(text, cut[0]..cut[1], &progress)?;
                // Each part is about half a megabyte: a report each.
                progress.proceed(cut[1], cut[1] - cut[0]).then_some(hits)
            })
            .collect();
        Some(crate::memory::join_parts(parts?, |_, hit| hit))
    }

    /// The hits that start in `range` of `text` (which starts at a line start
    /// and ends at a line end or the text's end).
    fn hits_in(&self, text: &str, range: std::ops::Range<usize>, progress: &Progress<'_>) -> Option<Vec<Hit>> {
        let bytes = &text.as_bytes()[..range.end];
        let mut cache = WordCache::for_matcher(self);
        let hits = self.scan(text, bytes, range.start, &mut cache, progress);
        cache.keep();
        hits
    }

    /// The hits from `start` to the end of `bytes` (a prefix of `text`'s).
    ///
    /// In two passes over blocks of the text: the first finds the words a
    /// name may start at ([`Matcher::next_words`]) and asks the processor for
    /// their word cache entries; the second looks them up, a few words ahead
    /// asking for the place index's record of a remembered word (or its
    /// filter and slot if not remembered). Looked up one at a time as found,
    /// each word waited for those reads in turn: a quarter of the scan.
    fn scan(
        &self,
        text: &str,
        bytes: &[u8],
        start: usize,
        cache: &mut WordCache,
        progress: &Progress<'_>,
    ) -> Option<Vec<Hit>> {
        // Room for a dense text's hits up front: growing a large vector costs page faults twice.
        let mut hits = Vec::with_capacity((bytes.len() - start) / 64);
        // Where the first pass goes on; where the hits found so far end.
        let (mut cursor, mut i) = (start, start);
        // One of several parts reports once it is scanned ([`Matcher::hits`]).
        let mut next_report = if progress.shared {
            usize::MAX
        } else {
            start + REPORT_EVERY
        };
        let mut words = Vec::with_capacity(WORDS_AHEAD);
        while cursor < bytes.len() {
            if cursor >= next_report {
                next_report = cursor + REPORT_EVERY;
                if !progress.proceed(cursor, REPORT_EVERY) {
                    return None;
                }
            }
            cursor = self.next_words(text, bytes, cursor, cache, &mut words);
            for (k, w) in words.iter().enumerate() {
                if let Some(ahead) = words.get(k + LOOK_AHEAD) {
                    self.fetch_entry_of(cache, ahead.hash, ahead.len);
                }
                let at = w.at;
                // Inside a name found before (a word that starts no name is
                // skipped whole either way: see `next_words`).
                if at < i {
                    continue;
                }
                let rest = &text[at..];
                let word = &rest[..w.len];
                // A headline's or a dateline's ALL-CAPS words: looked up by their title case.
                let found = self.longest_at(word, w.hash, rest, cache).or_else(|| {
                    is_caps_word(word)
                        .then(|| self.caps_at(&title_case(word), rest))
                        .flatten()
                });
                if let Some((pattern, len)) = found {
                    let end = at + len;
                    hits.push(Hit {
                        pattern,
                        start: at,
                        end,
                    });
                    i = end;
                }
            }
        }
        Some(hits)
    }

    /// The words from `from` on where a name may start (a word start with a
    /// first byte and a first pair some spelling has), up to [`WORDS_AHEAD`]
    /// of them, into `words` (cleared first), their cache entries asked for;
    /// where to go on. Each word is skipped whole: a name found at one ends
    /// at a word end, where this walk from any earlier word goes on alike
    /// (no spelling ends inside a run of letters and digits).
    fn next_words(
        &self,
        text: &str,
        bytes: &[u8],
        mut i: usize,
        cache: &WordCache,
        words: &mut Vec<ScanWord>,
    ) -> usize {
        words.clear();
        while words.len() < WORDS_AHEAD {
            i = next_capital_or_non_ascii(bytes, i);
            let Some(&b) = bytes.get(i) else { break };
            if !self.starts[usize::from(b)] {
                i += 1;
                continue;
            }
            let at_word_start = match i.checked_sub(1).map(|p| bytes[p]) {
                None => true,
                Some(p) if p.is_ascii() => !p.is_ascii_alphanumeric(),
                Some(_) => !text[..i].chars().next_back().is_some_and(crate::text::is_alphanumeric),
            };
            let second = bytes.get(i + 1).copied().unwrap_or(0);
            let bit = (usize::from(b) << 8) | usize::from(second);
            let known_prefix = self.prefixes[bit / 64] & (1 << (bit % 64)) != 0;
            if at_word_start && known_prefix {
                let word = first_word(&text[i..]);
                let hash = place_index::hash(word.as_bytes());
                cache.prefetch(hash);
                words.push(ScanWord {
                    at: i,
                    len: word.len(),
                    hash,
                });
                // No name starts inside the word (no word start there).
                if !word.is_empty() {
                    i += word.len();
                    continue;
                }
            }
            // Skip the rest of this word.
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
        }
        i
    }

    /// Ask the processor for what the place index holds of the word of hash
    /// `h` and length `len`: its record if `cache` remembers the word, else
    /// its filter word and slot.
    #[inline]
    fn fetch_entry_of(&self, cache: &WordCache, h: u64, len: usize) {
        match cache.get(h, len) {
            Some(Looked { place: Some(w), .. }) => self.places.prefetch_record(w),
            Some(_) => {}
            None => self.places.prefetch_probe(h),
        }
    }

    /// What context rule `rule` decides for `text`: its country, and a kind
    /// when the text has its cues.
    fn decide_context(&self, rule: usize, text: &str) -> (usize, Option<MentionKind>) {
        let ctx = &self.contexts[rule];
        if any_whole_word(&ctx.cues, text) && !any_whole_word(&ctx.counter_cues, text) {
            (ctx.with_cues.0, Some(ctx.with_cues.1))
        } else {
            (ctx.default, None)
        }
    }

    /// Does a word-context rule fire for the hit at `hits[k]`?
    fn word_rule_fires(&self, rule: &WordRule, doc: &Document, hits: &[Hit], k: usize) -> bool {
        let text = doc.text.as_str();
        let hit = hits[k];
        match (&rule.words, rule.side) {
            (WordSet::Words(words), Side::Prev) => words.contains(prev_word(text, hit.start)),
            (WordSet::Words(words), Side::Next) => {
                // "Grill's" is "Grill".
                let word = next_word(text, hit.end).0;
                let bare = word
                    .strip_suffix("'s")
                    .or_else(|| word.strip_suffix("\u{2019}s"))
                    .unwrap_or(word);
                words.contains(word) || words.contains(bare)
            }
            (WordSet::PersonBefore, Side::Prev) => self.rules.person_before.contains(prev_word(text, hit.start)),
            (WordSet::PersonBefore, Side::Next) => self.rules.person_before.contains(next_word(text, hit.end).0),
            (WordSet::Name, side) => {
                let (word, word_start) = match side {
                    Side::Next => next_word(text, hit.end),
                    Side::Prev => {
                        let w = prev_word(text, hit.start);
                        (w, hit.start - w.len())
                    }
                };
                let capitalised = word.chars().next().is_some_and(char::is_uppercase);
                let neighbour = match side {
                    Side::Next => hits.get(k + 1),
                    Side::Prev => k.checked_sub(1).and_then(|p| hits.get(p)),
                };
                // A country's or region's name next to it makes it a place
                // ("Chad Basin"); a town's name does not ("Chad Johnson":
                // some town is called Johnson).
                let is_place = neighbour.is_some_and(|h| {
                    h.start == word_start && !matches!(self.info(h.pattern).target, PatternTarget::Places(_))
                });
                capitalised
                    && !is_place
                    && !self.rules.not_names.contains(word)
                    && !doc
                        .sentence_at(hit.start)
                        .is_some_and(|s| is_shouting(doc.slice(doc.sentences[s].span)))
            }
        }
    }

    /// Find every name of a place in `doc`, in text order.
    pub fn find(&self, doc: &Document) -> Vec<Found> {
        self.find_watched(doc, &Unwatched).unwrap_or_default()
    }

    /// [`Matcher::find`], telling `watch` how far the scan got every
    /// megabyte; `None` when it asked to stop.
    pub fn find_watched(&self, doc: &Document, watch: &dyn Watch) -> Option<Vec<Found>> {
        let hits = self.hits(&doc.text, watch)?;
        // What each context rule decides for this text, decided once (it reads the whole text).
        let contexts: Vec<OnceLock<(usize, Option<MentionKind>)>> =
            (0..self.contexts.len()).map(|_| OnceLock::new()).collect();
        // One entry per hit (`None`: no place), read in parts on every core
        // for a long text, then the places kept in place. `last`: the hit
        // read last, and its sentence.
        let read = |last: &mut (usize, usize), k: usize| {
            if last.0.wrapping_add(1) != k {
                // The first sentence that ends after the hit starts.
                last.1 = doc.sentences.partition_point(|s| s.span.end <= hits[k].start);
            }
            last.0 = k;
            self.found_at(doc, &hits, k, &contexts, &mut last.1)
        };
        let mut found: Vec<Option<Found>> = Vec::new();
        if hits.len() < 2 * FOUND_PART {
            let mut last = (usize::MAX, 0);
            found.extend((0..hits.len()).map(|k| read(&mut last, k)));
        } else {
            use rayon::prelude::*;
            (0..hits.len())
                .into_par_iter()
                .with_min_len(FOUND_PART)
                .map_init(|| (usize::MAX, 0), read)
                .collect_into_vec(&mut found);
        }
        // Collected into the same allocation (an entry is a found name's
        // size): `filter_map` is, `flatten` was not (a long text peaked
        // higher; joining parts listed on every core, 10 MB higher of 100 MB
        // of news, and no faster).
        #[allow(clippy::filter_map_identity)]
        Some(found.into_iter().filter_map(std::convert::identity).collect())
    }

    /// What hit `k` of `doc` names, if a place: its reading once the tables'
    /// rules are applied, in sentence `sentence` (the sentence of the hit
    /// before it, or an earlier one; moved on to this hit's).
    fn found_at(
        &self,
        doc: &Document,
        hits: &[Hit],
        k: usize,
        contexts: &[OnceLock<(usize, Option<MentionKind>)>],
        sentence: &mut usize,
    ) -> Option<Found> {
        let hit = hits[k];
        let info = self.info(hit.pattern);
        // A fixed reading, or a toponym whose default it is when places share the words.
        let reading = |place: Place, kind: MentionKind, homonyms: Option<u32>| match homonyms {
            Some(group) => Reading::Toponym {
                group,
                default: Some((place, kind)),
            },
            None => Reading::Fixed(place, kind),
        };
        let mut reading = match info.target {
            PatternTarget::Block => return None,
            PatternTarget::Country(c, kind) => reading(Place::country_at(c), kind, info.homonyms),
            PatternTarget::Region(r) => Reading::Fixed(Place::region_at(r), MentionKind::Region),
            PatternTarget::Places(group) => Reading::Toponym { group, default: None },
            PatternTarget::Context(rule, kind) => {
                let (c, k) = *contexts[rule].get_or_init(|| self.decide_context(rule, &doc.text));
                reading(Place::country_at(c), k.unwrap_or(kind), info.homonyms)
            }
        };
        if let Some(r) = info.word_rules
            && let Some(rule) = self.word_rules[r]
                .iter()
                .find(|rule| self.word_rule_fires(rule, doc, hits, k))
        {
            let (c, kind) = rule.action?;
            let kind = kind.unwrap_or(match reading {
                Reading::Fixed(_, kind) | Reading::Corrected(_, kind) => kind,
                Reading::Toponym { default, .. } => default.map_or(MentionKind::Name, |d| d.1),
            });
            reading = Reading::Fixed(Place::country_at(c), kind);
        }
        if info.caps_ambiguous
            && doc
                .sentence_at(hit.start)
                .is_some_and(|s| is_shouting(doc.slice(doc.sentences[s].span)))
        {
            return None;
        }
        while *sentence < doc.sentences.len() && doc.sentences[*sentence].span.end <= hit.start {
            *sentence += 1;
        }
        Some(Found {
            span: Span {
                start: hit.start,
                end: hit.end,
            },
            passage: *sentence,
            reading,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_forms_cover_curly_apostrophes_and_capitals_are_matched_at_run_time() {
        assert_eq!(case_forms("Iran".into()), ["Iran"]);
        assert_eq!(case_forms("U.S.".into()), ["U.S."]);
        assert_eq!(
            case_forms("Cote d'Ivoire".into()),
            ["Cote d'Ivoire", "Cote d\u{2019}Ivoire"]
        );
        assert!(starts_with_caps("COTE D'IVOIRE WINS", "Cote d'Ivoire"));
        assert!(starts_with_caps("ÎLE-DE-FRANCE", "Île-de-France"));
        assert!(!starts_with_caps("US", "US"), "acronyms match as written only");
        assert_eq!(title_case("ATHENS"), "Athens");
        assert_eq!(caps_len("Île"), "ÎLE".len());
    }

    #[test]
    fn neighbour_words() {
        let t = "President George Washington said";
        assert_eq!(prev_word(t, 17), "George");
        assert_eq!(next_word(t, 16), ("Washington", 17));
        assert_eq!(prev_word("Mr. Jordan", 4), "Mr.");
        assert_eq!(next_word("Jordan, Syria", 6).0, "");
    }

    #[test]
    fn capital_scan_finds_the_first_capital_or_non_ascii_byte() {
        let text = "the quick brown fox jumps over the lazy dog and Iran";
        assert_eq!(next_capital_or_non_ascii(text.as_bytes(), 0), text.find('I').unwrap());
        let text = "abcdefghijklmnop\u{e9}";
        assert_eq!(next_capital_or_non_ascii(text.as_bytes(), 0), 16);
        assert_eq!(next_capital_or_non_ascii(b"@[`{ azAZ", 0), 7);
        assert_eq!(next_capital_or_non_ascii(b"lowercase only here", 3), 19);
    }

    /// Every byte value, at every place of a lowercase run of every length
    /// up to 40 (so in the sixteen-byte loop, the eight-byte one and the
    /// tail), from every start: the first capital or non-ASCII byte, as a
    /// byte-by-byte search finds it.
    #[test]
    fn capital_scan_agrees_with_a_byte_by_byte_search_for_every_byte() {
        let reference = |bytes: &[u8], i: usize| {
            (i..bytes.len())
                .find(|&k| !bytes[k].is_ascii() || bytes[k].is_ascii_uppercase())
                .unwrap_or(bytes.len())
        };
        for len in 0..40 {
            for at in 0..len {
                for b in 0..=u8::MAX {
                    let mut bytes = vec![b'q'; len];
                    bytes[at] = b;
                    for start in [0, 1, at.saturating_sub(1), at] {
                        assert_eq!(
                            next_capital_or_non_ascii(&bytes, start.min(len)),
                            reference(&bytes, start.min(len)),
                            "byte {b:#04x} at {at} of {len}, from {start}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn first_words() {
        assert_eq!(first_word("Guinea-Bissau"), "Guinea");
        assert_eq!(first_word("U.S."), "U");
        assert_eq!(first_word("Afghanistan\u{2019}s rulers"), "Afghanistan");
        assert_eq!(first_word("Côte d'Ivoire"), "Côte");
        assert_eq!(first_word("Ürümqi"), "Ürümqi");
    }

    #[test]
    fn a_text_scanned_whole_finds_what_its_lines_find_alone() {
        let matcher = &crate::analysis::Analyzer::builtin().matcher;
        let lines = [
            "New York and New Jersey sent aid to São Paulo.",
            "KABUL — The Taliban met in Doha, Qatar.",
            "Officials of New South Wales visited Port Moresby in Papua New Guinea.",
            "Über alles: Zürich, Genève and North Carolina's Raleigh.",
            "He went to Washington, D.C., then the New Yorker's office.",
        ];
        let spelled = |text: &str, hits: &[Hit]| -> Vec<String> {
            hits.iter().map(|h| text[h.start..h.end].to_string()).collect()
        };
        // A name of several words is one hit, its inner words none.
        let first = matcher.hits(lines[0], &Unwatched).unwrap();
        assert_eq!(spelled(lines[0], &first), ["New York", "New Jersey", "São Paulo"]);
        let third = matcher.hits(lines[2], &Unwatched).unwrap();
        assert_eq!(
            spelled(lines[2], &third),
            ["New South Wales", "Port Moresby", "Papua New Guinea"]
        );
        // Lines of different numbers of words: the first pass's blocks end
        // everywhere, inside names too.
        let (mut text, mut expected) = (String::new(), Vec::new());
        for k in 0..300 {
            let line = lines[k % lines.len()];
            let start = text.len();
            for h in matcher.hits(line, &Unwatched).unwrap() {
                expected.push((h.pattern, start + h.start, start + h.end));
            }
            text.push_str(line);
            text.push('\n');
        }
        let whole: Vec<_> = matcher
            .hits(&text, &Unwatched)
            .unwrap()
            .into_iter()
            .map(|h| (h.pattern, h.start, h.end))
            .collect();
        assert!(whole.len() > 10 * WORDS_AHEAD);
        assert_eq!(whole, expected);
    }

    #[test]
    fn a_watch_sees_progress_and_can_stop_the_scan() {
        use std::sync::Mutex;
        struct Recorder(Mutex<Vec<f32>>, f32);
        impl Watch for Recorder {
            fn proceed(&self, fraction: f32) -> bool {
                self.0.lock().unwrap().push(fraction);
                fraction < self.1
            }
        }
        let matcher = &crate::analysis::Analyzer::builtin().matcher;
        let doc = Document::new("Kabul and Doha. ".repeat(300_000)); // 4.8 MB
        let all = Recorder(Mutex::new(Vec::new()), 2.0);
        let mentions = matcher.find_watched(&doc, &all).expect("not stopped");
        assert_eq!(mentions.len(), 600_000);
        let seen = all.0.lock().unwrap().clone();
        assert_eq!(seen.len(), 4, "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0] < w[1]) && seen[3] < 1.0);
        let half = Recorder(Mutex::new(Vec::new()), 0.5);
        assert!(matcher.find_watched(&doc, &half).is_none());
        assert_eq!(half.0.lock().unwrap().len(), 3, "stops at the first report past half");
    }

    #[test]
    fn the_built_in_place_index_is_the_one_the_gazetteer_makes() {
        let built_in = &crate::analysis::Analyzer::builtin().matcher;
        let made = place_index_of(Gazetteer::builtin());
        assert!(
            built_in.places.bytes() == made.as_slice(),
            "build.rs and Matcher::new disagree"
        );
        let fresh = Matcher::new(Gazetteer::builtin(), Rules::builtin().unwrap());
        assert_eq!(fresh.pattern_count(), built_in.pattern_count());
    }

    #[test]
    fn country_cues_are_found_in_every_part_of_a_long_text() {
        let matcher = &crate::analysis::Analyzer::builtin().matcher;
        let filler = "The council met on Tuesday to talk about roads and schools.\n".repeat(3 * PART / 60);
        // Cut on every core: one cue before the first cut, one after the last.
        let text = format!("The Sheriff's Office said so.\n{filler}{filler}Officers of the RCMP came.\n");
        assert!(text.len() > 2 * PART);
        assert!(matcher.holds_country_cue(&text, "USA") && matcher.holds_country_cue(&text, "CAN"));
        assert!(!matcher.holds_country_cue(&text, "GBR"));
        // Whole words only, in the last part too, and a curly apostrophe as a straight one.
        let text = format!("{filler}{filler}The RCMPs and the felonyish.\n");
        assert!(!matcher.holds_country_cue(&text, "CAN") && !matcher.holds_country_cue(&text, "USA"));
        assert!(matcher.holds_country_cue("A Sheriff\u{2019}s Office car.", "USA"));
        // A sign may be followed by anything; a country with no cues has none.
        assert!(matcher.holds_country_cue("It cost £5.", "GBR"));
        assert!(!matcher.holds_country_cue("It cost £5.", "FRA"));
    }

    /// A thread keeps the words one matcher looked up ([`WordCache`]): a
    /// matcher of other tables scanning next on the same thread reads its own.
    #[test]
    fn words_that_share_their_first_letters_spread_over_the_word_cache() {
        // "Martin", "Marcos", "Market", ...: one length, one beginning. The
        // low bits of their hash depend on their first bytes only.
        let letters = b"abcdefghijklmnopqrstuvwxyz";
        let words: Vec<String> = (0..600)
            .map(|k| {
                let tail = [letters[k % 26], letters[(k / 26) % 26], letters[k % 7], letters[k % 5]];
                format!("Ma{}", String::from_utf8(tail.to_vec()).unwrap())
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let entries: std::collections::HashSet<usize> = words
            .iter()
            .map(|w| WordCache::at(place_index::hash(w.as_bytes())))
            .collect();
        assert!(
            entries.len() * 10 >= words.len() * 8,
            "{} words in {} entries",
            words.len(),
            entries.len()
        );
        // The table stays 192 KB.
        assert!(std::mem::size_of::<Entry>() <= 24);
    }

    /// A matcher of the built-in rules over the countries and `towns` (a places table).
    fn matcher_of_towns(towns: &str) -> &'static Matcher {
        let g: &'static Gazetteer = Box::leak(Box::new(
            Gazetteer::from_tables(
                include_str!("../../data/gazetteer/countries.json"),
                include_str!("../../data/gazetteer/regions.json"),
                Box::leak(towns.to_string().into_boxed_str()),
                "",
            )
            .unwrap(),
        ));
        Box::leak(Box::new(Matcher::new(g, Rules::builtin().unwrap())))
    }

    #[test]
    fn a_thread_keeps_looked_up_words_for_one_matcher_only() {
        let towns = "1\tSpringfield\tUSA\t\t\tPPL\t5000\t39.8\t-89.6\tSpringfield Town\n\
                     2\tLakeside Town\tCAN\t\t\tPPL\t1200\t44.8\t-63.7\t\n";
        let small = matcher_of_towns(towns);
        let builtin = &crate::analysis::Analyzer::builtin().matcher;
        let text = "Springfield and Lakeside Town met Springfield Town, Paris, Athens and Lagos. The Mayor of Lakeside said so.";
        let on_a_new_thread = |m: &'static Matcher| {
            std::thread::spawn(move || m.find(&Document::new(text.into())))
                .join()
                .unwrap()
        };
        let (small_alone, builtin_alone) = (on_a_new_thread(small), on_a_new_thread(builtin));
        assert_ne!(small_alone, builtin_alone, "the two tables read the text differently");
        // One after the other on this thread, each way round, twice.
        for _ in 0..2 {
            assert_eq!(builtin.find(&Document::new(text.into())), builtin_alone);
            assert_eq!(small.find(&Document::new(text.into())), small_alone);
        }
        let towns: Vec<&str> = small_alone
            .iter()
            .filter(|f| matches!(f.reading, Reading::Toponym { .. }))
            .map(|f| &text[f.span.start..f.span.end])
            .collect();
        assert_eq!(towns, ["Springfield", "Lakeside Town", "Springfield Town"]);
    }

    /// A remembered word finds the same towns as a word looked up afresh:
    /// the word alone, its longer names, a name longer than any cache key.
    #[test]
    fn a_remembered_word_finds_the_towns_the_table_does() {
        let towns = "1\tBrookfield\tUSA\t\t\tPPL\t5000\t39.8\t-89.6\tBrookfield Center|Brookfield Township of the Lakes and Hills\n\
                     2\tWestminsterborough\tGBR\t\t\tPPL\t1200\t51.5\t-0.1\tWestminsterborough Heath\n\
                     3\tEastfield Heights\tCAN\t\t\tPPL\t1200\t44.8\t-63.7\t\n";
        let m = matcher_of_towns(towns);
        let text = "Brookfield said. Brookfield Center won. Brookfield Township of the Lakes and Hills voted. \
                    Brookfield Townships, Eastfield said, not Eastfield Heights. Westminsterborough Heath and \
                    Westminsterborough met; Westminsterboroughs did not.";
        let towns = |found: Vec<Found>| -> Vec<String> {
            found
                .iter()
                .filter(|f| matches!(f.reading, Reading::Toponym { .. }))
                .map(|f| text[f.span.start..f.span.end].to_string())
                .collect()
        };
        let expected = [
            "Brookfield",
            "Brookfield Center",
            "Brookfield Township of the Lakes and Hills",
            "Brookfield",
            "Eastfield Heights",
            "Westminsterborough Heath",
            "Westminsterborough",
        ];
        let first = std::thread::spawn(move || m.find(&Document::new(text.into())))
            .join()
            .unwrap();
        assert_eq!(towns(first.clone()), expected);
        // The same thread again: every word now read from its cache.
        let again = std::thread::spawn(move || {
            m.find(&Document::new(text.into()));
            m.find(&Document::new(text.into()))
        })
        .join()
        .unwrap();
        assert_eq!(again, first);
    }

    #[test]
    fn a_text_with_many_names_reads_them_in_parts_as_one_by_one() {
        let matcher = &crate::analysis::Analyzer::builtin().matcher;
        // Names of every kind (a word rule's, a homonym's, a region's), two sentences a line.
        let line = "Mr. Jordan flew from Paris, Texas to Moscow. Georgia and the Levant, said Chad Smith.\n";
        let one = matcher.find(&Document::new(line.into()));
        assert!(one.len() >= 5, "{one:?}");
        let copies = 3 * FOUND_PART / one.len();
        let text = line.repeat(copies);
        let all = matcher.find(&Document::new(text));
        assert!(all.len() > 2 * FOUND_PART);
        let expected: Vec<Found> = (0..copies)
            .flat_map(|k| {
                one.iter().map(move |f| Found {
                    span: Span {
                        start: f.span.start + k * line.len(),
                        end: f.span.end + k * line.len(),
                    },
                    passage: f.passage + 2 * k,
                    reading: f.reading,
                })
            })
            .collect();
        assert!(all == expected, "a long text's names differ from its lines' names");
    }

    #[test]
    fn shouting() {
        assert!(is_shouting("TRUMP TELLS US TO PAY"));
        assert!(!is_shouting("The US said so"));
    }
}
