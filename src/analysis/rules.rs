//! Disambiguation rules, loaded from the tables in `data/rules/`.
//!
//! Rules are data: each table's header says what its columns mean. This module
//! only parses them into lookups the matcher can use.

// Fx hashing: the analysis asks these sets about every name it finds, and
// SipHash's protection against chosen keys buys nothing for built-in tables.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::MentionKind;
use super::word_table::WordTable;

/// What a fixed phrase or a rule resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleTarget {
    /// Names no place: the phrase blocks its parts.
    Nothing,
    /// A country (by code) and the kind to record.
    Country(String, MentionKind),
    /// Decided by a document-context rule (index into
    /// [`Rules::document_context`]), recorded with this kind by default.
    Context(usize, MentionKind),
}

/// A row of `phrases.tsv`.
#[derive(Clone, Debug)]
pub struct Phrase {
    /// The phrase as written.
    pub phrase: String,
    /// What it refers to.
    pub target: RuleTarget,
}

/// A row of `document_context.tsv`.
#[derive(Clone, Debug)]
pub struct DocumentContext {
    /// Rule name ("georgia").
    pub name: String,
    /// Target when cues are present and counter-cues absent.
    pub with_cues: (String, MentionKind),
    /// Words whose presence selects `with_cues`.
    pub cues: Vec<String>,
    /// Words whose presence keeps the default.
    pub counter_cues: Vec<String>,
    /// Target otherwise (with the kind of the phrase that matched).
    pub default: String,
}

/// The words a word-context rule looks at.
#[derive(Clone, Debug)]
pub enum WordSet {
    /// Exactly these words.
    Words(HashSet<String>),
    /// Given names and titles (`person_before.txt`).
    PersonBefore,
    /// Any capitalised word not in `not_names.txt` that is not a place.
    Name,
}

/// Which neighbour a word-context rule reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The word just before the name.
    Prev,
    /// The word just after the name.
    Next,
}

/// What a word-context rule does when it fires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordAction {
    /// Not a place at all.
    Drop,
    /// A place in this country, recorded with this kind.
    Assign(String, Option<MentionKind>),
}

/// A row of `word_context.tsv`.
#[derive(Clone, Debug)]
pub struct WordRule {
    /// Which neighbour.
    pub side: Side,
    /// Which words trigger it.
    pub words: WordSet,
    /// What happens then.
    pub action: WordAction,
}

/// Every rule table, parsed.
#[derive(Clone, Debug, Default)]
pub struct Rules {
    /// Fixed phrases (`phrases.tsv`).
    pub phrases: Vec<Phrase>,
    /// Document-level decisions (`document_context.tsv`).
    pub document_context: Vec<DocumentContext>,
    /// Word-context rules by the name they apply to (`word_context.tsv`).
    pub word_rules: HashMap<String, Vec<WordRule>>,
    /// Given names and titles (`person_before.txt`).
    pub person_before: HashSet<String>,
    /// Capitalised words that are not surnames (`not_names.txt`).
    pub not_names: HashSet<String>,
    /// Acronyms ignored in ALL-CAPS passages (`caps_ambiguous.txt`).
    pub caps_ambiguous: HashSet<String>,
    /// What tells a town's name from a word or a person ([`ToponymRules`]).
    pub toponyms: ToponymRules,
}

/// The word lists that decide whether a town's name is a town: names that
/// are also ordinary words or people's names need evidence from the article
/// (`common_words.txt`, `person_names.txt`, generated), a given name before
/// one makes it a person (`given_names.txt`, generated), and a word after
/// one makes it a building, a team or a newspaper (`not_place_after.txt`)
/// or, there or one word later, a street (`street_words.txt`); a public
/// body's word after it leaves it the place (`place_after.txt`); a capitalised
/// word before it makes it part of a longer name unless it is a modifier
/// (`place_before.txt`), and a club's or a car maker's word before it always
/// does (`not_place_before.txt`); brands and generic names need strong
/// evidence (`weak_names.txt`).
#[derive(Clone, Debug, Default)]
pub struct ToponymRules {
    /// Place names that are ordinary English words ("Mobile", "Reading").
    pub common_words: HashSet<String>,
    /// Place names that are common given names or surnames ("Jackson", "Victoria").
    pub person_names: HashSet<String>,
    /// Common given names.
    pub given_names: HashSet<String>,
    /// Words that make a place name before them a building, team or newspaper.
    pub not_place_after: HashSet<String>,
    /// Words that end a street's name ("Road", "St").
    pub street_words: HashSet<String>,
    /// Words after a place name that make it the place's public body ("Council", "Police").
    pub place_after: HashSet<String>,
    /// Capitalised words before a place name that leave it the place ("Downtown", "East").
    pub place_before: HashSet<String>,
    /// Words before a place name that make it a club's or a car's name ("Real", "Dodge").
    pub not_place_before: HashSet<String>,
    /// Place names that are also brands or generic names ("Toyota", "North Shore").
    pub weak_names: HashSet<String>,
    /// Words after a town's name that name an institution only some
    /// countries' towns have, with those countries' codes ("High School":
    /// US and Canadian towns), longest first (`local_institutions.tsv`).
    pub local_institutions: Following<Vec<String>>,
    /// Words before a country's name that make it a town's ("city of",
    /// "the town of"), and nouns after "a"/"an" and the name that make it a
    /// home town ("a Lebanon woman") (`town_context.tsv`).
    pub town_before: HashSet<String>,
    /// The last words of [`ToponymRules::town_before`]'s phrases ("of"): a
    /// name after any other word needs no look at the word before that.
    pub town_before_ends: HashSet<String>,
    /// See [`ToponymRules::town_before`].
    pub town_people: HashSet<String>,
    /// Words just after any place's name that make it a town's ("Roswell
    /// police", "Whitestown Town Hall"), longest first.
    pub town_after: Following<()>,
    /// Words only one country's news uses for its own public life ("Sheriff's
    /// Office": the United States), with that country's code, anywhere in
    /// the article weak evidence for it (`country_cues.tsv`).
    pub country_cues: Vec<(String, String)>,
    /// How often place names occur as English words, on the Zipf scale (`word_frequencies.tsv`).
    pub word_frequencies: HashMap<String, f32>,
    /// Which of the word lists above (and the given names and titles of
    /// `person_before.txt`) hold each word ([`ToponymRules::flags`]).
    flags: WordTable,
}

/// Which word lists hold a word: the words around every name found are
/// asked about several lists, with one look-up ([`ToponymRules::flags`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordFlags(u16);

impl WordFlags {
    /// `common_words`.
    pub const COMMON: WordFlags = WordFlags(1);
    /// `person_names`.
    pub const PERSON: WordFlags = WordFlags(1 << 1);
    /// `given_names`.
    pub const GIVEN: WordFlags = WordFlags(1 << 2);
    /// `not_place_after`.
    pub const NOT_PLACE_AFTER: WordFlags = WordFlags(1 << 3);
    /// `street_words`.
    pub const STREET: WordFlags = WordFlags(1 << 4);
    /// `place_after`.
    pub const PLACE_AFTER: WordFlags = WordFlags(1 << 5);
    /// `place_before`.
    pub const PLACE_BEFORE: WordFlags = WordFlags(1 << 6);
    /// `not_place_before`.
    pub const NOT_PLACE_BEFORE: WordFlags = WordFlags(1 << 7);
    /// [`Rules::person_before`]: given names and titles.
    pub const PERSON_BEFORE: WordFlags = WordFlags(1 << 8);

    /// Is the word in list `list`?
    pub fn has(self, list: WordFlags) -> bool {
        self.0 & list.0 != 0
    }
}

impl ToponymRules {
    /// Parse the word lists.
    pub fn parse(
        common_words: &str,
        person_names: &str,
        given_names: &str,
        not_place_after: &str,
        street_words: &str,
        word_frequencies: &str,
    ) -> ToponymRules {
        ToponymRules {
            common_words: word_list(common_words),
            person_names: word_list(person_names),
            given_names: word_list(given_names),
            not_place_after: word_list(not_place_after),
            street_words: word_list(street_words),
            place_after: HashSet::default(),
            place_before: HashSet::default(),
            not_place_before: HashSet::default(),
            weak_names: HashSet::default(),
            local_institutions: Following::default(),
            town_before: HashSet::default(),
            town_before_ends: HashSet::default(),
            town_people: HashSet::default(),
            town_after: Following::default(),
            country_cues: Vec::new(),
            flags: WordTable::default(),
            word_frequencies: rows(word_frequencies)
                .filter_map(|(_, l)| {
                    let (name, zipf) = l.split_once('\t')?;
                    Some((name.to_string(), zipf.trim().parse().ok()?))
                })
                .collect(),
        }
    }

    /// Which lists hold `word` (filed by [`ToponymRules::file_flags`]).
    pub fn flags(&self, word: &str) -> WordFlags {
        WordFlags(self.flags.get(word))
    }

    /// File every word of the lists under [`ToponymRules::flags`], with
    /// `person_before` (given names and titles); call once the lists are set.
    pub fn file_flags(&mut self, person_before: &HashSet<String>) {
        let lists = [
            (&self.common_words, WordFlags::COMMON),
            (&self.person_names, WordFlags::PERSON),
            (&self.given_names, WordFlags::GIVEN),
            (&self.not_place_after, WordFlags::NOT_PLACE_AFTER),
            (&self.street_words, WordFlags::STREET),
            (&self.place_after, WordFlags::PLACE_AFTER),
            (&self.place_before, WordFlags::PLACE_BEFORE),
            (&self.not_place_before, WordFlags::NOT_PLACE_BEFORE),
            (person_before, WordFlags::PERSON_BEFORE),
        ];
        self.flags = WordTable::new(
            lists
                .iter()
                .flat_map(|(list, flag)| list.iter().map(|word| (word.as_str(), flag.0))),
        );
    }

    /// Is `name` (as a place of `population` people) also an ordinary word or
    /// a person's name? A name is a word when the dictionary has it in lower
    /// case, a person's when it is a common given name or surname, and too
    /// frequent for its place when its Zipf frequency is at least
    /// 2 + 0.45 · log10(population): "Christmas" (Florida, 1,100 people,
    /// Zipf 4.9) is a word, "Paris" (France, 2.1 million, Zipf 4.8) a place,
    /// "Paris" (Texas, 25,000) a word.
    pub fn is_wordlike(&self, name: &str, population: u64) -> bool {
        self.person_names.contains(name) || self.common_words.contains(name) || self.too_frequent(name, population)
    }

    /// Is `name` more frequent in English text than a place of `population`
    /// people explains (see [`ToponymRules::is_wordlike`])?
    pub fn too_frequent(&self, name: &str, population: u64) -> bool {
        self.word_frequencies
            .get(name)
            .is_some_and(|&zipf| Self::frequency_beyond(zipf, population))
    }

    /// Is a word of Zipf frequency `zipf` more frequent than a place of
    /// `population` people explains (see [`ToponymRules::is_wordlike`])?
    pub fn frequency_beyond(zipf: f32, population: u64) -> bool {
        f64::from(zipf) >= 2.0 + 0.45 * ((population + 1) as f64).log10()
    }
}

/// Phrases that may follow a name ("High School", "police", "Town Hall"),
/// each with its value, filed by their first word: a name is compared only
/// with the phrases that begin with the word after it, not with every row.
#[derive(Clone, Debug)]
pub struct Following<T> {
    /// The first words, each with its list's number in `lists` plus one:
    /// most words after a name head no phrase, and this says so in one read.
    heads: WordTable,
    /// Phrases of one first word, longest first.
    lists: Vec<Vec<(String, T)>>,
}

impl<T> Default for Following<T> {
    fn default() -> Self {
        Following {
            heads: WordTable::default(),
            lists: Vec::new(),
        }
    }
}

/// The first word of `text`: up to its first character that is not a letter or a digit.
pub(crate) fn leading_word(text: &str) -> &str {
    &text[..crate::text::leading_run(text, crate::text::is_alphanumeric)]
}

impl<T> Following<T> {
    /// File the phrases by their first word. Panics past 65,535 first words.
    pub fn new(phrases: impl IntoIterator<Item = (String, T)>) -> Self {
        let mut by_first_word: HashMap<String, Vec<(String, T)>> = HashMap::default();
        for (phrase, value) in phrases {
            by_first_word
                .entry(leading_word(&phrase).to_string())
                .or_default()
                .push((phrase, value));
        }
        let (words, mut lists): (Vec<String>, Vec<Vec<(String, T)>>) = by_first_word.into_iter().unzip();
        for list in &mut lists {
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
        let heads = WordTable::new(words.iter().enumerate().map(|(k, w)| {
            let number = u16::try_from(k + 1).expect("fewer than 65,536 first words");
            (w.as_str(), number)
        }));
        Following { heads, lists }
    }

    /// The longest phrase that `text` starts with, as whole words ("police
    /// said" in "police said on Monday"; not "police" in "policeman").
    pub fn starting(&self, text: &str) -> Option<(&str, &T)> {
        self.starting_with(leading_word(text), text)
    }

    /// [`Following::starting`] of `text`, whose first word is `word` (its
    /// [`leading_word`], worked out once for several tables).
    pub fn starting_with(&self, word: &str, text: &str) -> Option<(&str, &T)> {
        let list = self.lists.get(usize::from(self.heads.get(word)).checked_sub(1)?)?;
        list.iter()
            .find(|(phrase, _)| {
                text.strip_prefix(phrase.as_str())
                    .is_some_and(|after| !after.chars().next().is_some_and(crate::text::is_alphanumeric))
            })
            .map(|(phrase, value)| (phrase.as_str(), value))
    }

    /// How many phrases there are.
    pub fn len(&self) -> usize {
        self.lists.iter().map(Vec::len).sum()
    }

    /// Are there none?
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }
}

/// A rule table with a bad row.
#[derive(Debug, thiserror::Error)]
#[error("rule table {table}, line {line}: {message}")]
pub struct RuleError {
    /// Which table.
    pub table: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

fn rows(table: &str) -> impl Iterator<Item = (usize, &str)> {
    table
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

fn word_list(table: &str) -> HashSet<String> {
    rows(table).map(|(_, l)| l.trim().to_string()).collect()
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

fn parse_target(s: &str) -> Result<(String, Option<MentionKind>), String> {
    let (code, kind) = match s.split_once(':') {
        Some((c, k)) => (
            c,
            Some(MentionKind::parse(k).ok_or_else(|| format!("unknown kind {k:?}"))?),
        ),
        None => (s, None),
    };
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("{code:?} is not a 3-letter country code"));
    }
    Ok((code.to_string(), kind))
}

/// Parse `local_institutions.tsv`: words, then country codes; longest words first.
pub fn local_institutions(table: &str) -> Result<Vec<(String, Vec<String>)>, RuleError> {
    let mut out = Vec::new();
    for (line, row) in rows(table) {
        let err = |message: String| RuleError {
            table: "local_institutions.tsv",
            line,
            message,
        };
        let cols: Vec<&str> = row.split('\t').collect();
        let [words, codes] = cols[..] else {
            return Err(err(format!("expected 2 tab-separated columns, found {}", cols.len())));
        };
        let codes = split_list(codes);
        for code in &codes {
            parse_target(code).map_err(err)?;
        }
        if words.trim().is_empty() || codes.is_empty() {
            return Err(err("words and at least one country code are needed".into()));
        }
        out.push((words.trim().to_string(), codes));
    }
    out.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    Ok(out)
}

/// Parse `country_cues.tsv`: words, then one country code.
pub fn country_cues(table: &str) -> Result<Vec<(String, String)>, RuleError> {
    let mut out = Vec::new();
    for (line, row) in rows(table) {
        let err = |message: String| RuleError {
            table: "country_cues.tsv",
            line,
            message,
        };
        let cols: Vec<&str> = row.split('\t').collect();
        let [words, code] = cols[..] else {
            return Err(err(format!("expected 2 tab-separated columns, found {}", cols.len())));
        };
        let (code, _) = parse_target(code.trim()).map_err(err)?;
        if words.trim().is_empty() {
            return Err(err("words are needed".into()));
        }
        out.push((words.trim().to_string(), code));
    }
    Ok(out)
}

/// The words of `town_context.tsv`, by side.
#[derive(Default)]
pub struct TownContext {
    /// The two words just before the name ("city of").
    pub before: HashSet<String>,
    /// A noun just after the name, "a" or "an" before it ("a Lebanon woman").
    pub people: HashSet<String>,
    /// Words just after the name ("police", "Town Hall").
    pub after: Vec<String>,
}

/// Parse `town_context.tsv`: `before` rows (words before the name), `people`
/// rows (nouns after it) and `after` rows (words after it); longest `after` words first.
pub fn town_context(table: &str) -> Result<TownContext, RuleError> {
    let mut out = TownContext::default();
    for (line, row) in rows(table) {
        let Some((side, words)) = row.split_once('\t') else {
            return Err(RuleError {
                table: "town_context.tsv",
                line,
                message: "expected 2 tab-separated columns".into(),
            });
        };
        match side {
            "before" => out.before.extend(split_list(words)),
            "people" => out.people.extend(split_list(words)),
            "after" => out.after.extend(split_list(words)),
            other => {
                return Err(RuleError {
                    table: "town_context.tsv",
                    line,
                    message: format!("side must be before, people or after, not {other:?}"),
                });
            }
        }
    }
    out.after.sort_by_key(|w| std::cmp::Reverse(w.len()));
    Ok(out)
}

impl Rules {
    /// The rule tables compiled into the binary from `data/rules/`.
    pub fn builtin() -> Result<Rules, RuleError> {
        let mut rules = Rules::parse(
            include_str!("../../data/rules/phrases.tsv"),
            include_str!("../../data/rules/document_context.tsv"),
            include_str!("../../data/rules/word_context.tsv"),
            include_str!("../../data/rules/person_before.txt"),
            include_str!("../../data/rules/not_names.txt"),
            include_str!("../../data/rules/caps_ambiguous.txt"),
        )?;
        rules.toponyms = ToponymRules::parse(
            include_str!("../../data/rules/common_words.txt"),
            include_str!("../../data/rules/person_names.txt"),
            include_str!("../../data/rules/given_names.txt"),
            include_str!("../../data/rules/not_place_after.txt"),
            include_str!("../../data/rules/street_words.txt"),
            include_str!("../../data/rules/word_frequencies.tsv"),
        );
        rules.toponyms.place_after = word_list(include_str!("../../data/rules/place_after.txt"));
        rules.toponyms.place_before = word_list(include_str!("../../data/rules/place_before.txt"));
        rules.toponyms.not_place_before = word_list(include_str!("../../data/rules/not_place_before.txt"));
        rules.toponyms.weak_names = word_list(include_str!("../../data/rules/weak_names.txt"));
        rules.toponyms.local_institutions = Following::new(local_institutions(include_str!(
            "../../data/rules/local_institutions.tsv"
        ))?);
        let towns = town_context(include_str!("../../data/rules/town_context.tsv"))?;
        (
            rules.toponyms.town_before,
            rules.toponyms.town_people,
            rules.toponyms.town_after,
        ) = (
            towns.before,
            towns.people,
            Following::new(towns.after.into_iter().map(|w| (w, ()))),
        );
        rules.toponyms.town_before_ends = (rules.toponyms.town_before.iter())
            .filter_map(|phrase| phrase.rsplit(' ').next())
            .map(str::to_string)
            .collect();
        rules.toponyms.country_cues = country_cues(include_str!("../../data/rules/country_cues.tsv"))?;
        rules.toponyms.file_flags(&rules.person_before);
        Ok(rules)
    }

    /// Parse the rule tables from their text.
    pub fn parse(
        phrases: &str,
        document_context: &str,
        word_context: &str,
        person_before: &str,
        not_names: &str,
        caps_ambiguous: &str,
    ) -> Result<Rules, RuleError> {
        let mut rules = Rules {
            person_before: word_list(person_before),
            not_names: word_list(not_names),
            caps_ambiguous: word_list(caps_ambiguous),
            ..Rules::default()
        };
        for (line, row) in rows(document_context) {
            let err = |message: String| RuleError {
                table: "document_context.tsv",
                line,
                message,
            };
            let cols: Vec<&str> = row.split('\t').collect();
            let [name, with, cues, counter, default] = cols[..] else {
                return Err(err(format!("expected 5 tab-separated columns, found {}", cols.len())));
            };
            let (code, kind) = parse_target(with).map_err(err)?;
            let (default, _) = parse_target(default).map_err(err)?;
            rules.document_context.push(DocumentContext {
                name: name.to_string(),
                with_cues: (code, kind.unwrap_or(MentionKind::Name)),
                cues: split_list(cues),
                counter_cues: split_list(counter),
                default,
            });
        }
        for (line, row) in rows(phrases) {
            let err = |message: String| RuleError {
                table: "phrases.tsv",
                line,
                message,
            };
            let cols: Vec<&str> = row.split('\t').collect();
            if cols.len() < 3 {
                return Err(err(format!(
                    "expected at least 3 tab-separated columns, found {}",
                    cols.len()
                )));
            }
            let (phrase, target, kind) = (cols[0], cols[1], cols[2]);
            let target = if target == "-" {
                RuleTarget::Nothing
            } else {
                let kind = MentionKind::parse(kind).ok_or_else(|| err(format!("unknown kind {kind:?}")))?;
                if let Some(name) = target.strip_prefix("ctx:") {
                    let i = rules
                        .document_context
                        .iter()
                        .position(|d| d.name == name)
                        .ok_or_else(|| err(format!("no document-context rule named {name:?}")))?;
                    RuleTarget::Context(i, kind)
                } else {
                    let (code, _) = parse_target(target).map_err(err)?;
                    RuleTarget::Country(code, kind)
                }
            };
            rules.phrases.push(Phrase {
                phrase: phrase.to_string(),
                target,
            });
        }
        for (line, row) in rows(word_context) {
            let err = |message: String| RuleError {
                table: "word_context.tsv",
                line,
                message,
            };
            let cols: Vec<&str> = row.split('\t').collect();
            let [name, side, words, action] = cols[..] else {
                return Err(err(format!("expected 4 tab-separated columns, found {}", cols.len())));
            };
            let side = match side {
                "prev" => Side::Prev,
                "next" => Side::Next,
                other => return Err(err(format!("side must be prev or next, not {other:?}"))),
            };
            let words = match words {
                "@person_before" => WordSet::PersonBefore,
                "@name" => WordSet::Name,
                list => WordSet::Words(split_list(list).into_iter().collect()),
            };
            let action = if action == "drop" {
                WordAction::Drop
            } else {
                let (code, kind) = parse_target(action).map_err(err)?;
                WordAction::Assign(code, kind)
            };
            rules
                .word_rules
                .entry(name.to_string())
                .or_default()
                .push(WordRule { side, words, action });
        }
        Ok(rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_parse() {
        let rules = Rules::builtin().unwrap();
        assert!(
            rules
                .phrases
                .iter()
                .any(|p| p.phrase == "Indian Ocean" && p.target == RuleTarget::Nothing)
        );
        assert!(rules.word_rules["Turkey"].len() >= 2);
        assert!(rules.person_before.contains("George"));
        assert!(rules.not_names.contains("Defense"));
        assert_eq!(rules.document_context.len(), 3);
        assert!(
            rules
                .toponyms
                .local_institutions
                .starting("High School in Athens")
                .is_some_and(|(w, c)| w == "High School" && c.contains(&"USA".to_string()))
        );
        assert!(rules.toponyms.town_before.contains("city of"));
        for phrase in &rules.toponyms.town_before {
            let last = phrase.rsplit(' ').next().unwrap();
            assert!(rules.toponyms.town_before_ends.contains(last), "{phrase}");
        }
        // Every list's words are filed under their flags.
        let t = &rules.toponyms;
        for (list, flag) in [
            (&t.common_words, WordFlags::COMMON),
            (&t.given_names, WordFlags::GIVEN),
            (&t.street_words, WordFlags::STREET),
            (&t.not_place_before, WordFlags::NOT_PLACE_BEFORE),
            (&rules.person_before, WordFlags::PERSON_BEFORE),
        ] {
            assert!(!list.is_empty() && list.iter().all(|w| t.flags(w).has(flag)));
        }
        assert!(t.flags("Road").has(WordFlags::STREET) && !t.flags("Road").has(WordFlags::GIVEN));
        assert_eq!(t.flags("no such word in any list"), WordFlags::default());
        assert!(rules.toponyms.town_people.contains("woman"));
    }

    #[test]
    fn following_phrases_match_whole_words_longest_first() {
        let phrases = Following::new(
            ["police", "police chief", "Town Hall", "Chamber of Commerce"]
                .into_iter()
                .enumerate()
                .map(|(i, p)| (p.to_string(), i)),
        );
        assert_eq!(phrases.len(), 4);
        assert_eq!(phrases.starting("police chief said"), Some(("police chief", &1)));
        assert_eq!(phrases.starting("police, who"), Some(("police", &0)));
        assert_eq!(phrases.starting("policeman said"), None);
        assert_eq!(phrases.starting("Town Halls"), None);
        assert_eq!(phrases.starting("Town Hall."), Some(("Town Hall", &2)));
        assert_eq!(
            phrases.starting("Chamber of Commerce"),
            Some(("Chamber of Commerce", &3))
        );
        assert_eq!(phrases.starting(""), None);
        assert!(Following::<()>::default().is_empty());
    }

    #[test]
    fn bad_rows_name_their_table_and_line() {
        let e = Rules::parse("# header\nFoo\tXX\tname\tnote\n", "", "", "", "", "").unwrap_err();
        assert_eq!((e.table, e.line), ("phrases.tsv", 2));
        let e = Rules::parse("", "", "Turkey\tabove\troast\tdrop\n", "", "", "").unwrap_err();
        assert!(e.to_string().contains("prev or next"), "{e}");
    }
}
