//! An article's title, by one rule for every input.
//!
//! Markup says it where there is markup: an HTML `<title>`, a Markdown
//! front matter `title:` or first heading (see [`crate::import`]). Plain text
//! has no markup, so [`headline`] reads the head of the article the way a
//! person does: it passes over the byline ("By Jane Doe", "Christopher P.
//! Costa and"), the publication's name ("The New York Times",
//! `data/rules/publications.txt`), dates ("March 31, 2024") and datelines
//! ("KYIV, Ukraine —"), and takes the first line that reads like a headline;
//! body text (a long line, or a sentence ending in a full stop) ends the
//! search. An article with no headline is titled after its file name
//! ([`from_file_name`]), with the words cased as the text writes them.

use std::collections::HashSet;
use std::sync::OnceLock;

/// How many non-blank lines of the head are read for a headline.
const HEAD_LINES: usize = 8;

/// A headline has at most this many words.
const MAX_HEADLINE_WORDS: usize = 20;

/// A line ending in a full stop with more words than this is body text.
const MAX_SENTENCE_WORDS: usize = 8;

/// Longer than any publication's name: a line this long is not one.
const MAX_SOURCE_BYTES: usize = 160;

/// The publications, lowercase, without a leading "the".
fn publications() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        include_str!("../../data/rules/publications.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| without_the(&l.to_lowercase()).to_string())
            .collect()
    })
}

fn without_the(s: &str) -> &str {
    s.strip_prefix("the ").unwrap_or(s)
}

/// The months' names, lowercase (also read by `crate::collection::Day`).
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that join the names of a byline.
const NAME_JOINERS: [&str; 3] = ["and", "&", "with"];

/// What a line of an article's head is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum HeadLine {
    /// Who wrote it.
    Byline,
    /// The publication's name.
    Source,
    /// When it was published.
    Date,
    /// Where it was filed from, alone on its line ("LONDON —").
    Dateline,
    /// The text of the article: no headline after this.
    Body,
    /// A line that can be the title.
    Headline,
}

/// The first words of `line`, at most one more than a headline has: every
/// test here counts up to that (a longer line is the body), and a text that
/// is one 50 MB line is not cut into ten million words to say so.
fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().take(MAX_HEADLINE_WORDS + 1).collect()
}

/// "P.", "J.R.": an initial.
fn is_initial(word: &str) -> bool {
    let letters = word.trim_end_matches('.');
    word.ends_with('.') && !letters.is_empty() && letters.split('.').all(|p| p.chars().count() == 1)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_byline(line: &str) -> bool {
    let w = words(line);
    if w.len() >= 2 && w[0].eq_ignore_ascii_case("by") && is_capitalised(w[1]) {
        return true;
    }
    // Names only: capitalised words, initials and joiners, with an initial or
    // a joiner to tell a byline from a short title-case headline.
    let bare = |s: &str| s.trim_matches(|c: char| c == ',' || c == ';').to_string();
    let tokens: Vec<String> = w.iter().map(|s| bare(s)).filter(|s| !s.is_empty()).collect();
    let joiner = |t: &str| NAME_JOINERS.contains(&t.to_lowercase().as_str());
    !tokens.is_empty()
        && tokens.len() <= 10
        && tokens.iter().all(|t| joiner(t) || is_initial(t) || is_capitalised(t))
        && tokens.iter().any(|t| joiner(t) || is_initial(t))
        && !joiner(&tokens[0])
        && line.chars().filter(|c| c.is_alphabetic()).any(char::is_lowercase)
}

fn is_source(line: &str) -> bool {
    // No publication's name is that long (a test checks): not lowercased whole.
    if line.len() > MAX_SOURCE_BYTES {
        return false;
    }
    let key = line.trim().trim_end_matches(['.', ',', ':']).to_lowercase();
    publications().contains(without_the(&key))
}

fn is_date(line: &str) -> bool {
    let w = words(line);
    if w.is_empty() || w.len() > 8 {
        return false;
    }
    let lower: Vec<String> = w
        .iter()
        .map(|s| s.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    let calendar_word = lower.iter().any(|t| {
        MONTHS
            .iter()
            .chain(&WEEKDAYS)
            .any(|m| t == m || (t.len() >= 3 && m.starts_with(t.as_str()) && t.chars().all(char::is_alphabetic)))
    });
    let number = lower
        .iter()
        .any(|t| t.chars().next().is_some_and(|c| c.is_ascii_digit()));
    let iso = w.iter().any(|t| {
        let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    });
    (calendar_word && number) || iso
}

/// "LONDON —", "KYIV, Ukraine (AP) —": a place in capitals, perhaps a region
/// and an agency, then a dash, with nothing after it.
fn is_dateline(line: &str) -> bool {
    let line = line.trim();
    let Some(head) = line.strip_suffix(['—', '–', '-']) else {
        return false;
    };
    let head = head.trim_end();
    let head = match head.rfind('(') {
        Some(open) if head.ends_with(')') => head[..open].trim_end(),
        _ => head,
    };
    let place = head.split(',').next().unwrap_or("");
    let mut letters = place.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase) && words(head).len() <= 6
}

fn is_body(line: &str) -> bool {
    let n = words(line).len();
    n > MAX_HEADLINE_WORDS || (line.trim_end().ends_with('.') && n > MAX_SENTENCE_WORDS && !is_initial_end(line))
}

/// Does the line end with an initial ("Christopher P.")? That full stop ends no sentence.
fn is_initial_end(line: &str) -> bool {
    line.split_whitespace().last().is_some_and(is_initial)
}

fn classify(line: &str) -> HeadLine {
    if is_source(line) {
        HeadLine::Source
    } else if is_date(line) {
        HeadLine::Date
    } else if is_dateline(line) {
        HeadLine::Dateline
    } else if is_body(line) {
        HeadLine::Body
    } else if is_byline(line) {
        HeadLine::Byline
    } else {
        HeadLine::Headline
    }
}

/// The headline of plain text: the first line of its head that is not a
/// byline, a publication, a date or a dateline, before the body begins.
pub fn headline(text: &str) -> Option<String> {
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()).take(HEAD_LINES) {
        match classify(line) {
            HeadLine::Headline => return Some(line.to_string()),
            HeadLine::Body => return None,
            HeadLine::Byline | HeadLine::Source | HeadLine::Date | HeadLine::Dateline => {}
        }
    }
    None
}

/// The line under a picture's title: the publication and the date the head
/// of the article names ("The New York Times, March 31, 2024"), read like
/// [`headline`]; `None` when it names neither.
pub fn source_and_date(text: &str) -> Option<String> {
    let (mut source, mut date) = (None, None);
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()).take(HEAD_LINES) {
        match classify(line) {
            HeadLine::Source if source.is_none() => source = Some(line.trim_end_matches(['.', ',', ':'])),
            HeadLine::Date if date.is_none() => date = Some(line.trim_end_matches(['.', ','])),
            HeadLine::Body => break,
            _ => {}
        }
    }
    match (source, date) {
        (Some(s), Some(d)) => Some(format!("{s}, {d}")),
        (one, other) => one.or(other).map(str::to_string),
    }
}

/// The date the head of the article gives ("March 31, 2024"), as written.
pub fn date_line(text: &str) -> Option<String> {
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()).take(HEAD_LINES) {
        match classify(line) {
            HeadLine::Date => return Some(line.trim_end_matches(['.', ',']).to_string()),
            HeadLine::Body => return None,
            _ => {}
        }
    }
    None
}

/// A title made from a file name: its stem cut into words at `-`, `_`,
/// `.` and spaces, each word cased as `text` writes it when it writes it with
/// capitals (else capitalised), and words the text joins with a hyphen joined again:
/// "costa-clarke-2024-isis-k.txt" → "Costa Clarke 2024 ISIS-K".
pub fn from_file_name(name: &str, text: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem.trim_end_matches(".atlas");
    let tokens: Vec<&str> = stem.split(['-', '_', '.', ' ']).filter(|t| !t.is_empty()).collect();
    if tokens.is_empty() {
        return name.to_string();
    }
    let cased: Vec<String> = tokens.iter().map(|t| as_written(t, text)).collect();
    let mut title = cased[0].clone();
    for pair in cased.windows(2) {
        let hyphenated = format!("{}-{}", pair[0], pair[1]);
        title.push(if find_word(text, &hyphenated).is_some() {
            '-'
        } else {
            ' '
        });
        title.push_str(&pair[1]);
    }
    title
}

/// `word` as `text` first writes it as a whole word when that has capitals
/// (a name, an acronym), else capitalised.
fn as_written(word: &str, text: &str) -> String {
    match find_word(text, word) {
        Some(found) if found.chars().any(char::is_uppercase) => found.to_string(),
        _ => {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

/// The first whole-word occurrence of `word` in `text`, ignoring ASCII case.
fn find_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    if word.is_empty() || !word.is_ascii() {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let needle = word.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find(&needle) {
        let start = from + at;
        let end = start + needle.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(&text[start..end]);
        }
        from = start + 1;
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_of_an_article_is_read_past_byline_source_and_date() {
        let text = "By Jane Doe and John Roe\nThe Guardian\nTuesday 4 June 2024\nFloods Leave Valencia Counting Its Dead\nThe water rose overnight.";
        assert_eq!(
            headline(text).as_deref(),
            Some("Floods Leave Valencia Counting Its Dead")
        );
        let wire = "KYIV, Ukraine (AP) —\nRussia Strikes Power Plants Again\nBody text follows.";
        assert_eq!(headline(wire).as_deref(), Some("Russia Strikes Power Plants Again"));
        assert_eq!(
            headline("2024-03-31\nReuters\nIran and Pakistan talk").as_deref(),
            Some("Iran and Pakistan talk")
        );
    }

    #[test]
    fn every_publication_is_shorter_than_a_line_read_as_a_source() {
        // With room for "The " and trailing punctuation.
        assert!(publications().iter().all(|p| p.len() + 8 < MAX_SOURCE_BYTES));
        assert!(is_source("The Guardian."));
    }

    #[test]
    fn a_head_line_of_a_million_words_is_body() {
        let line = "word ".repeat(1_000_000);
        assert_eq!(words(&line).len(), MAX_HEADLINE_WORDS + 1);
        assert!(matches!(classify(line.trim()), HeadLine::Body));
        assert_eq!(headline(&format!("{line}\nA Headline Too Late")), None);
    }

    #[test]
    fn body_text_before_any_headline_means_no_headline() {
        let text = "Christopher P. Costa and\nThe New York Times\nMarch 31, 2024\nMr. Costa was the special assistant to the president from 2017 to 2018. Mr. Clarke is the director of research.\nA terrorist attack killed many.";
        assert_eq!(headline(text), None);
        assert_eq!(
            headline("Kabul fell on Sunday after a week of fighting in the provinces."),
            None
        );
    }

    #[test]
    fn bylines_are_names_not_title_case_headlines() {
        assert!(is_byline("Christopher P. Costa and"));
        assert!(is_byline("Jane Doe & John Roe"));
        assert!(is_byline("by Maria Abi-Habib"));
        assert!(!is_byline("Kabul Falls to the Taliban"));
        assert!(!is_byline("Kabul Falls"));
        assert!(!is_byline("BIDEN AND PUTIN MEET"));
    }

    #[test]
    fn the_source_and_date_make_a_subtitle() {
        let head = "Christopher P. Costa and\nThe New York Times\nMarch 31, 2024\nMr. Costa was the special assistant to the president and more.";
        assert_eq!(
            source_and_date(head).as_deref(),
            Some("The New York Times, March 31, 2024")
        );
        assert_eq!(
            source_and_date("Floods in Spain\n2024-10-30\nBody."),
            Some("2024-10-30".into())
        );
        assert_eq!(
            source_and_date("A story with neither, told at once in a long sentence."),
            None
        );
    }

    #[test]
    fn dates_and_datelines() {
        for date in [
            "March 31, 2024",
            "Updated Sept. 4, 2023, 5:00 a.m. ET",
            "31/03/2024",
            "Mon 1 Jan 2024",
        ] {
            assert!(is_date(date), "{date}");
        }
        assert!(!is_date("May Day protests in Paris"));
        assert!(is_dateline("LONDON —"));
        assert!(is_dateline("ATHENS, Ga. (AP) —"));
        assert!(!is_dateline("Kabul falls —"));
    }

    #[test]
    fn a_file_name_becomes_a_title_cased_as_the_text_writes_it() {
        let text = "Costa and Clarke on ISIS-K: the Islamic State's Khorasan branch.";
        assert_eq!(
            from_file_name("costa-clarke-2024-isis-k.txt", text),
            "Costa Clarke 2024 ISIS-K"
        );
        assert_eq!(
            from_file_name("ukraine_war_report.md", "Nothing here."),
            "Ukraine War Report"
        );
        assert_eq!(from_file_name("brief.atlas.json", "A brief."), "Brief");
        assert_eq!(from_file_name("...", ""), "...");
    }
}
