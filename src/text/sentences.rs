//! Sentence boundaries inside one paragraph.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

static ABBREVIATIONS_TABLE: &str = include_str!("../../data/rules/abbreviations.txt");

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        ABBREVIATIONS_TABLE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Closing punctuation that may follow a sentence terminator: `"Who's next?”`.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{00BB}')
}

/// Characters that may open a new sentence after the gap.
fn may_start_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[' | '\u{00AB}')
}

/// Does the period at byte `dot` in `text` end an abbreviation or initial
/// rather than the sentence?
fn period_is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201C}' | '['))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    // An initial: "P." in "Christopher P. Costa".
    if first.is_uppercase() && chars.next().is_none() {
        return true;
    }
    // A dotted acronym: "U.S", "D.C", "a.m" (the last period is `dot`).
    if word.contains('.') {
        return true;
    }
    abbreviations().contains(word)
}

/// Byte ranges (relative to `para`) of the sentences in one paragraph, trimmed
/// of surrounding white space. Never empty for a non-blank paragraph.
pub(crate) fn split_sentences(para: &str, out: &mut Vec<(usize, usize)>) {
    let bytes = para.as_bytes();
    let mut start = 0;
    for pos in memchr::memchr3_iter(b'.', b'?', b'!', bytes) {
        if pos < start {
            continue;
        }
        // Extend over repeated terminators and closing quotes: `?!`, `."`, `?”`.
        let mut end = pos + 1;
        while let Some(c) = para[end..].chars().next() {
            if matches!(c, '.' | '?' | '!') || is_closer(c) {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        let rest = &para[end..];
        let gap = rest.len() - rest.trim_start().len();
        if gap == 0 {
            continue; // "3.5", "U.S.-led", "ISIS-K.": no space, no boundary
        }
        let Some(next) = rest[gap..].chars().next() else {
            continue; // end of paragraph: the paragraph end closes the sentence
        };
        if !may_start_sentence(next) {
            continue;
        }
        if bytes[pos] == b'.' && end == pos + 1 && period_is_abbreviation(para, pos) {
            continue;
        }
        push_trimmed(para, start, end, out);
        start = end + gap;
    }
    push_trimmed(para, start, para.len(), out);
}

fn push_trimmed(para: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &para[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(p: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(p, &mut out);
        out.into_iter().map(|(s, e)| &p[s..e]).collect()
    }

    #[test]
    fn splits_on_terminators_followed_by_capitals() {
        assert_eq!(
            sentences("Iran is big. Iraq is not! Is Oman? Yes."),
            ["Iran is big.", "Iraq is not!", "Is Oman?", "Yes."]
        );
    }

    #[test]
    fn keeps_titles_initials_and_acronyms_intact() {
        assert_eq!(
            sentences("Mr. Costa met Christopher P. Costa. The U.S. withdrawal began."),
            ["Mr. Costa met Christopher P. Costa.", "The U.S. withdrawal began."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("A message threatened Spain: \u{201C}Who\u{2019}s next?\u{201D} Both raised levels."),
            [
                "A message threatened Spain: \u{201C}Who\u{2019}s next?\u{201D}",
                "Both raised levels."
            ]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations_do_not_split() {
        assert_eq!(
            sentences("It grew 3.5 percent. it is fine."),
            ["It grew 3.5 percent. it is fine."]
        );
    }
}
