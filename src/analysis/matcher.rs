//! The matcher: every name variant is filed under its first word; at each
//! capitalised word of the text the variants filed under that word are tried,
//! longest first, and the hits are then filtered by the rule tables.
//!
//! Case rules: proper names match as written or in ALL CAPS (headlines), never
//! in lowercase ("china", "turkey", "asian" do not match); acronyms ("US",
//! "U.K.", "DRC") match only in their exact case. Whole words only; the longest
//! variant at a position wins ("Papua New Guinea" over "Guinea", "Indian Ocean"
//! over "Indian"), and possessives and hyphenated compounds count
//! ("Afghanistan's", "Pakistan-based").

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

use super::rules::{RuleTarget, Rules, Side, WordAction, WordSet};
use super::{Mention, MentionKind, Unwatched, Watch};
use crate::gazetteer::Gazetteer;
use crate::place::Place;
use crate::text::{Document, Span};

/// What one spelling stands for, before rules apply.
#[derive(Clone, Copy, Debug)]
enum PatternTarget {
    /// A phrase that names no place (and hides the places inside it).
    Block,
    /// A country, with how it is named.
    Country(usize, MentionKind),
    /// A region.
    Region(usize),
    /// A city (`Gazetteer::cities` index) and its country.
    City(usize, usize),
    /// Decided by document-context rule `.0`.
    Context(usize, MentionKind),
}

impl PatternTarget {
    fn country(self) -> Option<usize> {
        match self {
            PatternTarget::Country(c, _) | PatternTarget::City(_, c) => Some(c),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct PatternInfo {
    target: PatternTarget,
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

/// A spelling found at a word start that also ends at a word end.
#[derive(Clone, Copy, Debug)]
struct Hit {
    pattern: usize,
    start: usize,
    end: usize,
}

/// Finds mentions of gazetteer places in documents. See the module docs for
/// the rules it applies.
pub struct Matcher {
    /// Spellings by their first word, each list longest first.
    by_first_word: FxHashMap<String, Vec<usize>>,
    /// The spellings; `patterns[i]` says what `spellings[i]` stands for.
    spellings: Vec<String>,
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
}

/// Does the variant have no lowercase letters (an acronym such as "UK", "U.S.")?
fn is_acronym(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// The spellings under which a variant is matched.
fn case_forms(variant: &str) -> Vec<String> {
    let mut first = variant.to_string();
    if let Some(c) = variant.chars().next().filter(|c| c.is_lowercase()) {
        first = c.to_uppercase().chain(variant.chars().skip(1)).collect();
    }
    let mut forms = vec![first.clone()];
    if !is_acronym(&first) {
        forms.push(first.to_uppercase());
    }
    if first.contains('\'') {
        let curly: Vec<String> = forms.iter().map(|f| f.replace('\'', "\u{2019}")).collect();
        forms.extend(curly);
    }
    forms.dedup();
    forms
}

fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
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
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '\u{2019}' | '-')))
        .map_or(0, |(i, c)| i + c.len_utf8());
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
    let len = trimmed
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}')))
        .map_or(trimmed.len(), |(i, _)| i);
    (&trimmed[..len], word_start)
}

/// Is this passage written in capitals (a headline)?
fn is_shouting(passage: &str) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in passage.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    letters >= 6 && upper * 10 >= letters * 8
}

/// The leading run of alphanumeric characters: "Guinea" of "Guinea-Bissau",
/// "U" of "U.S.", "Afghanistan" of "Afghanistan's".
fn first_word(s: &str) -> &str {
    let ascii_end = s.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(s.len());
    if s.as_bytes().get(ascii_end).is_none_or(|b| b.is_ascii()) {
        return &s[..ascii_end];
    }
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The first index at or after `i` whose byte is an ASCII capital or not ASCII
/// (every pattern starts with one: checked when the matcher is built), or
/// `bytes.len()`. Tests eight bytes at a time: most text is lowercase.
fn next_capital_or_non_ascii(bytes: &[u8], mut i: usize) -> usize {
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

struct Builder<'g> {
    gazetteer: &'g Gazetteer,
    strings: Vec<String>,
    patterns: Vec<PatternInfo>,
    claimed: HashMap<String, usize>,
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
    fn add(&mut self, variant: &str, target: PatternTarget) {
        let variant = variant.trim();
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
                word_rules: None,
                caps_ambiguous: false,
            });
        }
    }
}

impl Matcher {
    /// Compile the gazetteer's variants and the rule tables.
    pub fn new(gazetteer: &Gazetteer, rules: Rules) -> Matcher {
        let mut b = Builder {
            gazetteer,
            strings: Vec::new(),
            patterns: Vec::new(),
            claimed: HashMap::new(),
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
                b.add(&phrase.phrase, target);
            }
        }
        for (i, c) in gazetteer.countries.iter().enumerate() {
            b.add(&c.name, PatternTarget::Country(i, MentionKind::Name));
            for n in &c.names {
                b.add(n, PatternTarget::Country(i, MentionKind::Name));
            }
        }
        for (i, c) in gazetteer.countries.iter().enumerate() {
            for n in &c.aliases {
                b.add(n, PatternTarget::Country(i, MentionKind::Alias));
            }
        }
        for (i, c) in gazetteer.countries.iter().enumerate() {
            for n in &c.demonyms {
                b.add(n, PatternTarget::Country(i, MentionKind::Demonym));
            }
        }
        for (i, r) in gazetteer.regions.iter().enumerate() {
            for n in r.variants.iter().chain(&r.adjectives) {
                b.add(n, PatternTarget::Region(i));
            }
        }
        for s in &gazetteer.states {
            if let Some(c) = b.country(&s.code, &s.name) {
                b.add(&s.name, PatternTarget::Country(c, MentionKind::State));
                for n in &s.variants {
                    b.add(n, PatternTarget::Country(c, MentionKind::State));
                }
            }
        }
        for (i, city) in gazetteer.cities.iter().enumerate() {
            if let Some(c) = b.country(&city.code, &city.name) {
                b.add(&city.name, PatternTarget::City(i, c));
                for n in &city.variants {
                    b.add(n, PatternTarget::City(i, c));
                }
            }
        }

        // Attach word-context rules and caps flags to every case form of their name.
        let mut word_rules = Vec::new();
        for (name, list) in &rules.word_rules {
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
            for form in case_forms(name) {
                if let Some(&p) = b.claimed.get(&form) {
                    b.patterns[p].word_rules = Some(word_rules.len());
                }
            }
            word_rules.push(compiled);
        }
        for word in &rules.caps_ambiguous {
            if let Some(&p) = b.claimed.get(word) {
                b.patterns[p].caps_ambiguous = true;
            }
        }

        let mut starts = [false; 256];
        let mut prefixes = Box::new([0u64; 1024]);
        for s in &b.strings {
            let bytes = s.as_bytes();
            assert!(
                bytes[0].is_ascii_uppercase() || !bytes[0].is_ascii(),
                "pattern {s:?} must start with a capital (case_forms ensures it)"
            );
            starts[usize::from(bytes[0])] = true;
            let seconds: Vec<u8> = match bytes.get(1) {
                Some(&second) => vec![second],
                None => (0..=255).collect(),
            };
            for second in seconds {
                let bit = (usize::from(bytes[0]) << 8) | usize::from(second);
                prefixes[bit / 64] |= 1 << (bit % 64);
            }
        }
        let mut by_first_word: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, spelling) in b.strings.iter().enumerate() {
            by_first_word
                .entry(first_word(spelling).to_string())
                .or_default()
                .push(i);
        }
        for list in by_first_word.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(b.strings[i].len()));
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
        Matcher {
            by_first_word,
            spellings: b.strings,
            patterns: b.patterns,
            starts,
            prefixes,
            word_rules,
            contexts,
            rules,
            problems: b.problems,
        }
    }

    /// Inconsistencies found while compiling: unknown codes in rule tables,
    /// spellings claimed by two countries. Empty for the built-in data.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// How many spellings the matcher knows (with their case forms).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Every spelling found at a word start that also ends at a word end; the
    /// longest wins where several start at the same word.
    /// `None` when `watch` asked to stop.
    fn hits(&self, text: &str, watch: &dyn Watch) -> Option<Vec<Hit>> {
        /// How many bytes are scanned between two calls to `watch`.
        const REPORT_EVERY: usize = 1 << 20;
        let bytes = text.as_bytes();
        // Room for a dense text's hits up front: growing a large vector costs page faults twice.
        let mut hits = Vec::with_capacity(text.len() / 64);
        let mut i = 0;
        let mut next_report = REPORT_EVERY;
        loop {
            if i >= next_report {
                next_report = i + REPORT_EVERY;
                if !watch.proceed(i as f32 / bytes.len() as f32) {
                    return None;
                }
            }
            i = next_capital_or_non_ascii(bytes, i);
            let Some(&b) = bytes.get(i) else { break };
            if !self.starts[usize::from(b)] {
                i += 1;
                continue;
            }
            let at_word_start = match i.checked_sub(1).map(|p| bytes[p]) {
                None => true,
                Some(p) if p.is_ascii() => !p.is_ascii_alphanumeric(),
                Some(_) => !text[..i].chars().next_back().is_some_and(char::is_alphanumeric),
            };
            let second = bytes.get(i + 1).copied().unwrap_or(0);
            let bit = (usize::from(b) << 8) | usize::from(second);
            let known_prefix = self.prefixes[bit / 64] & (1 << (bit % 64)) != 0;
            if at_word_start && known_prefix {
                let rest = &text[i..];
                let word = first_word(rest);
                if let Some(candidates) = self.by_first_word.get(word) {
                    let found = candidates.iter().copied().find(|&p| {
                        let spelling = &self.spellings[p];
                        // A one-word spelling equal to the looked-up word ends at a word end by construction.
                        spelling.len() == word.len()
                            || (rest.starts_with(spelling.as_str())
                                && !rest[spelling.len()..].chars().next().is_some_and(char::is_alphanumeric))
                    });
                    if let Some(p) = found {
                        let end = i + self.spellings[p].len();
                        hits.push(Hit {
                            pattern: p,
                            start: i,
                            end,
                        });
                        i = end;
                        continue;
                    }
                }
            }
            // Skip the rest of this word.
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
        }
        Some(hits)
    }

    fn decide_context(
        &self,
        rule: usize,
        text: &str,
        cache: &mut HashMap<usize, (usize, Option<MentionKind>)>,
    ) -> (usize, Option<MentionKind>) {
        *cache.entry(rule).or_insert_with(|| {
            let ctx = &self.contexts[rule];
            if any_whole_word(&ctx.cues, text) && !any_whole_word(&ctx.counter_cues, text) {
                (ctx.with_cues.0, Some(ctx.with_cues.1))
            } else {
                (ctx.default, None)
            }
        })
    }

    /// Does a word-context rule fire for the hit at `hits[k]`?
    fn word_rule_fires(&self, rule: &WordRule, doc: &Document, hits: &[Hit], k: usize) -> bool {
        let text = doc.text.as_str();
        let hit = hits[k];
        match (&rule.words, rule.side) {
            (WordSet::Words(words), Side::Prev) => words.contains(prev_word(text, hit.start)),
            (WordSet::Words(words), Side::Next) => words.contains(next_word(text, hit.end).0),
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
                let is_place = neighbour.is_some_and(|h| h.start == word_start);
                capitalised
                    && !is_place
                    && !self.rules.not_names.contains(word)
                    && !doc
                        .sentence_at(hit.start)
                        .is_some_and(|s| is_shouting(doc.slice(doc.sentences[s].span)))
            }
        }
    }

    /// Find every mention in `doc`, in text order.
    pub fn find(&self, doc: &Document) -> Vec<Mention> {
        self.find_watched(doc, &Unwatched).unwrap_or_default()
    }

    /// [`Matcher::find`], telling `watch` how far the scan got every
    /// megabyte; `None` when it asked to stop.
    pub fn find_watched(&self, doc: &Document, watch: &dyn Watch) -> Option<Vec<Mention>> {
        let text = doc.text.as_str();
        let hits = self.hits(text, watch)?;
        let mut mentions = Vec::with_capacity(hits.len());
        let mut contexts = HashMap::new();
        let mut sentence = 0;
        for (k, hit) in hits.iter().enumerate() {
            let info = self.patterns[hit.pattern];
            let (mut place, mut kind) = match info.target {
                PatternTarget::Block => continue,
                PatternTarget::Country(c, kind) => (Place::Country(c), kind),
                PatternTarget::Region(r) => (Place::Region(r), MentionKind::Region),
                PatternTarget::City(i, _) => (Place::City(i), MentionKind::City),
                PatternTarget::Context(rule, kind) => {
                    let (c, k) = self.decide_context(rule, text, &mut contexts);
                    (Place::Country(c), k.unwrap_or(kind))
                }
            };
            if let Some(r) = info.word_rules
                && let Some(rule) = self.word_rules[r]
                    .iter()
                    .find(|rule| self.word_rule_fires(rule, doc, &hits, k))
            {
                match rule.action {
                    None => continue,
                    Some((c, k)) => {
                        place = Place::Country(c);
                        kind = k.unwrap_or(kind);
                    }
                }
            }
            if info.caps_ambiguous
                && doc
                    .sentence_at(hit.start)
                    .is_some_and(|s| is_shouting(doc.slice(doc.sentences[s].span)))
            {
                continue;
            }
            // "Paris, Texas": a city followed by a place in another country is
            // that place's namesake, and the place after the comma speaks for it.
            if let (PatternTarget::City(_, c), Some(next)) = (info.target, hits.get(k + 1)) {
                // Only a country or state name speaks for the city, not another city ("Moscow, Kabul").
                let next_country = match self.patterns[next.pattern].target {
                    PatternTarget::Country(c, _) => Some(c),
                    PatternTarget::Context(rule, _) => Some(self.decide_context(rule, text, &mut contexts).0),
                    _ => None,
                };
                if text[hit.end..next.start].eq(", ") && next_country.is_some_and(|n| n != c) {
                    continue;
                }
            }
            while sentence < doc.sentences.len() && doc.sentences[sentence].span.end <= hit.start {
                sentence += 1;
            }
            mentions.push(Mention {
                place,
                kind,
                span: Span {
                    start: hit.start,
                    end: hit.end,
                },
                passage: sentence,
            });
        }
        Some(mentions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_forms_cover_headlines_and_curly_apostrophes() {
        assert_eq!(case_forms("Iran"), ["Iran", "IRAN"]);
        assert_eq!(case_forms("U.S."), ["U.S."]);
        assert_eq!(
            case_forms("Cote d'Ivoire"),
            [
                "Cote d'Ivoire",
                "COTE D'IVOIRE",
                "Cote d\u{2019}Ivoire",
                "COTE D\u{2019}IVOIRE"
            ]
        );
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

    #[test]
    fn first_words() {
        assert_eq!(first_word("Guinea-Bissau"), "Guinea");
        assert_eq!(first_word("U.S."), "U");
        assert_eq!(first_word("Afghanistan\u{2019}s rulers"), "Afghanistan");
        assert_eq!(first_word("Côte d'Ivoire"), "Côte");
        assert_eq!(first_word("Ürümqi"), "Ürümqi");
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
    fn shouting() {
        assert!(is_shouting("TRUMP TELLS US TO PAY"));
        assert!(!is_shouting("The US said so"));
    }
}
