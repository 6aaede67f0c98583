//! Markdown to text: the words stay, the markup goes.
//!
//! Block structure follows CommonMark closely enough for articles: paragraphs
//! are separated by blank lines and their hard-wrapped lines are joined;
//! headings, list items, block quotes and table rows become paragraphs of their
//! own; YAML front matter, reference-link definitions and thematic breaks are
//! dropped. Inline: `[text](url)` and `[text][ref]` keep their text, images
//! and footnote markers go, emphasis and code-span backticks are removed,
//! inline HTML tags are dropped and character references decoded.
//!
//! Fenced code blocks are kept, one paragraph per line: an article's code
//! block is usually a quoted document or data (a statement, a table), and the
//! places it names are as much part of the article as any other; dropping it
//! would hide text the reader sees, whereas a false hit in code can be
//! corrected by hand. Indented (four-space) blocks are treated as ordinary
//! text for the same reason.

use std::collections::{HashMap, HashSet};

use memchr::memchr;

use super::{Paragraphs, entities};

/// The text of a Markdown document, one paragraph per line (paragraphs
/// separated by a blank line), and its title: the front matter's `title:`,
/// else the first heading.
pub(super) fn to_text(src: &str) -> (String, Option<String>) {
    let (front_title, body) = front_matter(src);
    let mut md = Blocks {
        refs: body.lines().filter_map(reference_label).collect(),
        ..Blocks::default()
    };
    for line in body.lines() {
        md.line(line);
    }
    md.flush();
    (md.out.finish(), front_title.or(md.first_heading))
}

/// Split off YAML front matter (`---` ... `---` or `...` at the very start),
/// returning its `title:` and the rest.
fn front_matter(src: &str) -> (Option<String>, &str) {
    let Some((first, mut rest)) = src.split_once('\n') else {
        return (None, src);
    };
    if first.trim_end() != "---" {
        return (None, src);
    }
    let yaml = rest;
    let mut offset = 0;
    while !rest.is_empty() {
        let (line, next) = rest.split_once('\n').unwrap_or((rest, ""));
        if matches!(line.trim_end(), "---" | "...") {
            let title = yaml[..offset]
                .lines()
                .find_map(|l| l.strip_prefix("title:"))
                .map(|v| unquote(v.trim()).to_string())
                .filter(|t| !t.is_empty());
            return (title, next);
        }
        offset += rest.len() - next.len();
        rest = next;
    }
    (None, src)
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// The label of a reference-link definition line (`[id]: https://...`),
/// lowercased; `None` for other lines and for footnotes (`[^1]: ...`).
fn reference_label(line: &str) -> Option<String> {
    let t = line.trim_start().strip_prefix('[')?;
    let close = t.find("]:")?;
    let label = &t[..close];
    let target = t[close + 2..].trim();
    (!label.is_empty() && !label.starts_with('^') && !target.is_empty()).then(|| normalise_label(label))
}

fn normalise_label(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Line-by-line block structure.
#[derive(Default)]
struct Blocks {
    out: Paragraphs,
    /// Lines of the paragraph being read, joined with `\n`.
    para: String,
    /// The open code fence: its character and length.
    fence: Option<(u8, usize)>,
    /// Block-quote depth of the previous line.
    quote_depth: usize,
    /// Labels of the reference-link definitions.
    refs: HashSet<String>,
    first_heading: Option<String>,
}

impl Blocks {
    fn line(&mut self, line: &str) {
        if let Some((ch, n)) = self.fence {
            let t = line.trim();
            if t.len() >= n && t.bytes().all(|b| b == ch) {
                self.fence = None;
            } else {
                self.out.push_str(line);
                self.out.end_paragraph();
            }
            return;
        }
        let (depth, line) = strip_quote_markers(line);
        let t = line.trim();
        // A new quote level starts a paragraph; an unmarked line after a
        // quote continues it (a "lazy" continuation line).
        if depth != self.quote_depth && (depth > 0 || t.is_empty()) {
            self.flush();
        }
        self.quote_depth = depth;
        if t.is_empty() {
            self.flush();
        } else if let Some(fence) = fence_open(t) {
            self.flush();
            self.fence = Some(fence);
        } else if let Some(text) = atx_heading(t) {
            self.flush();
            self.heading(text);
        } else if !self.para.is_empty() && is_setext_underline(t) {
            let text = std::mem::take(&mut self.para);
            self.heading(&text);
        } else if is_thematic_break(t) {
            self.flush();
        } else if self.para.is_empty() && reference_label(t).is_some() {
            // A link reference definition: not text.
        } else if let Some(note) = footnote_definition(t) {
            self.flush();
            self.para.push_str(note);
        } else if t.starts_with('|') {
            self.flush();
            if !t.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t')) {
                let row = t.trim_matches('|').replace('|', " ");
                self.para.push_str(&row);
                self.flush();
            }
        } else if let Some(item) = list_item(t, self.para.is_empty()) {
            self.flush();
            let item = ["[ ] ", "[x] ", "[X] "]
                .iter()
                .find_map(|box_| item.strip_prefix(box_))
                .unwrap_or(item);
            self.para.push_str(item);
        } else {
            if !self.para.is_empty() {
                self.para.push('\n');
            }
            // A trailing backslash is a hard line break: the lines still join.
            self.para.push_str(t.strip_suffix('\\').unwrap_or(t));
        }
    }

    /// End the paragraph being read.
    fn flush(&mut self) {
        if !self.para.is_empty() {
            let text = inline(&self.para, &self.refs);
            self.out.push_str(&text);
            self.out.end_paragraph();
            self.para.clear();
        }
    }

    /// A heading: a paragraph of its own, and the title if it is the first.
    fn heading(&mut self, text: &str) {
        let text = inline(text, &self.refs);
        self.out.push_str(&text);
        self.out.end_paragraph();
        if self.first_heading.is_none() {
            let title = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !title.is_empty() {
                self.first_heading = Some(title);
            }
        }
    }
}

/// Remove leading `>` markers; returns how many there were and the rest.
fn strip_quote_markers(mut line: &str) -> (usize, &str) {
    let mut depth = 0;
    while let Some(rest) = line.trim_start().strip_prefix('>') {
        depth += 1;
        line = rest.strip_prefix(' ').unwrap_or(rest);
    }
    (depth, line)
}

/// A code fence opening (```` ``` ```` or `~~~`, three or more): its character and length.
fn fence_open(t: &str) -> Option<(u8, usize)> {
    let ch = *t.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let n = t.bytes().take_while(|&b| b == ch).count();
    // A backtick fence's info string has no backticks (else it is inline code).
    (n >= 3 && !(ch == b'`' && t[n..].contains('`'))).then_some((ch, n))
}

/// The text of an ATX heading (`## Text ##`).
fn atx_heading(t: &str) -> Option<&str> {
    let level = t.bytes().take_while(|&b| b == b'#').count();
    let rest = &t[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    let closed = rest.trim_end_matches('#');
    Some(if closed.is_empty() || closed.ends_with([' ', '\t']) {
        closed.trim_end()
    } else {
        rest
    })
}

/// `===` or `---` under a paragraph line makes it a heading.
fn is_setext_underline(t: &str) -> bool {
    t.bytes().all(|b| b == b'=') || (t.len() >= 2 && t.bytes().all(|b| b == b'-'))
}

/// `***`, `---`, `___` (spaces allowed): a section break.
fn is_thematic_break(t: &str) -> bool {
    let Some(ch) = t.bytes().find(|b| !b.is_ascii_whitespace()) else {
        return false;
    };
    matches!(ch, b'*' | b'-' | b'_')
        && t.bytes().all(|b| b == ch || b.is_ascii_whitespace())
        && t.bytes().filter(|&b| b == ch).count() >= 3
}

/// The text of a footnote definition (`[^1]: The note.`).
fn footnote_definition(t: &str) -> Option<&str> {
    let rest = t.strip_prefix("[^")?;
    let close = rest.find("]:")?;
    Some(rest[close + 2..].trim_start())
}

/// The content of a list item line (`- x`, `* x`, `+ x`, `1. x`, `1) x`).
/// Only an item numbered 1 may interrupt a paragraph, so a wrapped line that
/// starts with "2024. " continues its paragraph.
fn list_item(t: &str, starts_paragraph: bool) -> Option<&str> {
    let b = t.as_bytes();
    let spaced = |at: usize| b.get(at).is_none_or(|c| *c == b' ' || *c == b'\t');
    if matches!(b.first(), Some(b'-' | b'*' | b'+')) && spaced(1) {
        return Some(t[1..].trim_start());
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=9).contains(&digits)
        && matches!(b.get(digits), Some(b'.' | b')'))
        && spaced(digits + 1)
        && (starts_paragraph || &t[..digits] == "1")
    {
        return Some(t[digits + 1..].trim_start());
    }
    None
}

/// Positions of matching `open`/`close` pairs (nesting respected, escaped
/// ones ignored), from opener to closer.
fn matching_pairs(b: &[u8], open: u8, close: u8) -> HashMap<usize, usize> {
    let mut pairs = HashMap::new();
    let mut stack = Vec::new();
    let mut escaped = false;
    for (i, &c) in b.iter().enumerate() {
        if escaped {
            escaped = false;
        } else if c == b'\\' {
            escaped = true;
        } else if c == open {
            stack.push(i);
        } else if c == close
            && let Some(o) = stack.pop()
        {
            pairs.insert(o, i);
        }
    }
    pairs
}

/// Inline markup of one paragraph to plain text (white space not yet collapsed).
fn inline(s: &str, refs: &HashSet<String>) -> String {
    let b = s.as_bytes();
    let brackets = matching_pairs(b, b'[', b']');
    let parens = matching_pairs(b, b'(', b')');
    // Where a link is: `[` at `open`, `]` at `close`, and what follows it.
    let link = |open: usize| -> Option<(usize, usize)> {
        let close = *brackets.get(&open)?;
        let after = close + 1;
        match b.get(after) {
            Some(b'(') => parens.get(&after).map(|&p| (close, p + 1)),
            Some(b'[') => brackets.get(&after).map(|&p| (close, p + 1)),
            _ => refs
                .contains(&normalise_label(&s[open + 1..close]))
                .then_some((close, after)),
        }
    };
    let mut out = String::with_capacity(s.len());
    // A link's `]` position, and where to go on from there (past its URL).
    let mut link_tails: HashMap<usize, usize> = HashMap::new();
    // Backtick run lengths with no closing run further on.
    let mut unclosed_runs: HashSet<usize> = HashSet::new();
    let mut next_gt: Option<usize> = None;
    let mut no_more_gt = false;
    let mut i = 0;
    while i < b.len() {
        if let Some(next) = link_tails.remove(&i) {
            i = next;
            continue;
        }
        match b[i] {
            b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push(b[i + 1] as char);
                i += 2;
            }
            b'`' => {
                let n = b[i..].iter().take_while(|&&c| c == b'`').count();
                let closer = if unclosed_runs.contains(&n) {
                    None
                } else {
                    closing_run(b, i + n, n)
                };
                match closer {
                    Some(k) => {
                        let code = &s[i + n..k];
                        let code = match code.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
                            Some(inner) if !inner.trim().is_empty() => inner,
                            _ => code,
                        };
                        out.push_str(code);
                        i = k + n;
                    }
                    None => {
                        unclosed_runs.insert(n);
                        out.push_str(&s[i..i + n]);
                        i += n;
                    }
                }
            }
            b'!' if b.get(i + 1) == Some(&b'[') => match link(i + 1) {
                Some((_, end)) => i = end, // an image: dropped
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            b'[' if b.get(i + 1) == Some(&b'^') && brackets.contains_key(&i) => {
                i = brackets[&i] + 1; // a footnote marker
            }
            b'[' => {
                if let Some((close, end)) = link(i) {
                    link_tails.insert(close, end);
                } else {
                    out.push('[');
                }
                i += 1;
            }
            b'<' => {
                // The next `>` is searched for once per `>`, not once per `<`.
                if next_gt.is_none_or(|g| g < i) && !no_more_gt {
                    next_gt = memchr(b'>', &b[i..]).map(|k| i + k);
                    no_more_gt = next_gt.is_none();
                }
                let gt = next_gt.filter(|&g| g > i);
                let inner = gt.map(|g| &s[i + 1..g]);
                match inner {
                    Some(url)
                        if ["http://", "https://", "mailto:"].iter().any(|p| url.starts_with(p))
                            && !url.contains(char::is_whitespace) =>
                    {
                        out.push_str(url);
                        i += url.len() + 2;
                    }
                    Some(tag) if tag.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!') => {
                        i += tag.len() + 2; // inline HTML: dropped
                    }
                    _ => {
                        out.push('<');
                        i += 1;
                    }
                }
            }
            c @ (b'*' | b'_' | b'~') => {
                let n = b[i..].iter().take_while(|&&x| x == c).count();
                if !is_emphasis(s, i, n, c) {
                    out.push_str(&s[i..i + n]);
                }
                i += n;
            }
            b'&' => match entities::decode(&s[i..]) {
                Some((c, used)) => {
                    out.push(c);
                    i += used;
                }
                None => {
                    out.push('&');
                    i += 1;
                }
            },
            _ => {
                let Some(c) = s[i..].chars().next() else { break };
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// Where a run of exactly `n` backticks starts at or after `from`.
fn closing_run(b: &[u8], mut from: usize, n: usize) -> Option<usize> {
    while let Some(k) = memchr(b'`', &b[from..]) {
        let at = from + k;
        let len = b[at..].iter().take_while(|&&c| c == b'`').count();
        if len == n {
            return Some(at);
        }
        from = at + len;
    }
    None
}

/// Is the run of `n` delimiter characters `c` at `i` emphasis (or
/// strikethrough) markup, by CommonMark's flanking rules? `snake_case`, a
/// lone `*` between spaces and "~5" are not.
fn is_emphasis(s: &str, i: usize, n: usize, c: u8) -> bool {
    let prev = s[..i].chars().next_back();
    let next = s[i + n..].chars().next();
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
    let left = !space(next) && (!punct(next) || space(prev) || punct(prev));
    let right = !space(prev) && (!punct(prev) || space(next) || punct(next));
    match c {
        b'*' => left || right,
        b'_' => (left && (!right || punct(prev))) || (right && (!left || punct(next))),
        _ => n == 2 && (left || right),
    }
}

#[cfg(test)]
mod tests {
    use super::to_text;

    fn text(md: &str) -> String {
        to_text(md).0
    }

    #[test]
    fn wrapped_lines_join_and_blank_lines_separate() {
        assert_eq!(
            text("Talks in Doha\ndrew Afghans.\n\n\nPakistan  \nwatched.\\\nIndeed."),
            "Talks in Doha drew Afghans.\n\nPakistan watched. Indeed."
        );
    }

    #[test]
    fn headings_lists_quotes_and_rules() {
        let md = "Setext title\n============\n\n## Second ##\n- one\n* [x] two\n  wrapped\n1. three\n\n\
                  > quoted\n> lines\n\n---\n2024. A year\nmore";
        assert_eq!(
            to_text(md),
            (
                "Setext title\n\nSecond\n\none\n\ntwo wrapped\n\nthree\n\nquoted lines\n\nA year more".to_string(),
                Some("Setext title".to_string())
            )
        );
        assert_eq!(text("It rose by\n2024. In short"), "It rose by 2024. In short");
    }

    #[test]
    fn inline_markup_is_removed() {
        assert_eq!(
            text("**Iran** and _Iraq_ and *Oman*, `code` and ``a`b``, snake_case, 2 * 3, ~5 ~~old~~"),
            "Iran and Iraq and Oman, code and a`b, snake_case, 2 * 3, ~5 old"
        );
        assert_eq!(
            text(
                "See [the *Kremlin*](https://x.ru/(a)) and [Kyiv][k] and [Paris] and [note]![map](m.png)[^1].\n\n[k]: https://k\n[paris]: /p"
            ),
            "See the Kremlin and Kyiv and Paris and [note]."
        );
        assert_eq!(
            text("A <span class=\"x\">Chad</span> &amp; <https://a.org/> \\*not\\* <3 a<b"),
            "A Chad & https://a.org/ *not* <3 a<b"
        );
    }

    #[test]
    fn front_matter_fences_tables_and_footnotes() {
        let md = "---\ntitle: \"Kabul, a year on\"\ndate: 2022-08-15\n---\n# Heading\n\n```text\nCuba  libre\n\nHaiti\n```\n\
                  | Country | Count |\n|---|:-:|\n| Peru | 2 |\n\n[^1]: Source: Reuters.";
        assert_eq!(
            to_text(md),
            (
                "Heading\n\nCuba libre\n\nHaiti\n\nCountry Count\n\nPeru 2\n\nSource: Reuters.".to_string(),
                Some("Kabul, a year on".to_string())
            )
        );
        // An unclosed front matter block is a thematic break and text.
        assert_eq!(text("---\ntitle: x"), "title: x");
    }

    #[test]
    fn adversarial_inputs_stay_fast() {
        let started = std::time::Instant::now();
        for piece in ["[", "](", "`", "<a", "<", "*_", "![x](", "&#", "> "] {
            let _ = to_text(&piece.repeat(200_000));
        }
        let _ = to_text(&("<".repeat(400_000) + ">"));
        let runs: String = (1..400).map(|n| "`".repeat(n) + "x").collect();
        let _ = to_text(&runs.repeat(3));
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }
}
