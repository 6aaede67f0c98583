//! Saved web pages to text: a small, forgiving HTML tokenizer that keeps the
//! readable text, one paragraph per block element.
//!
//! It runs in one pass, in time linear in the input, and accepts anything:
//! unclosed tags, stray `<`, unterminated comments and quotes.
//!
//! Why not an HTML5 parser crate (`html5ever`, `scraper`, `tl`)? They build
//! a tree of the whole page (script and style text, attributes, every
//! `<div>` of the site's chrome) only for this module to walk it for text
//! blocks; this tokenizer keeps nothing but the text, needs no tree
//! construction rules, and has been fuzzed on its own (`fuzz/`,
//! `import_markup`: 14 million inputs, no finding). Character references go
//! to `htmlize`, which has the standard's full table. Scripts,
//! styles, the `<head>` (except its `<title>`), navigation bars, forms' select
//! boxes, SVG and MathML are dropped; block elements (`p`, `div`, `h1`, `li`,
//! `br`, `tr`, ...) end paragraphs; inline elements (`a`, `b`, `span`, ...)
//! join their text; table cells are separated by a space; `<pre>` keeps its
//! line breaks.

use memchr::{memchr, memmem};

use super::Paragraphs;

/// Elements whose content is raw text, skipped up to their end tag without
/// looking for tags inside (`<script>if (a<b) ...</script>`).
const RAW_SKIPPED: &[&str] = &[
    "script", "style", "noscript", "textarea", "xmp", "iframe", "noembed", "noframes",
];

/// Elements whose whole content (tags and text) is not article text.
const SKIPPED: &[&str] = &[
    "template", "nav", "svg", "math", "select", "datalist", "object", "canvas", "audio", "video",
];

/// How many nested [`SKIPPED`] elements are tracked.
const MAX_SKIP_DEPTH: usize = 64;

/// Elements that may stand in `<head>`; any other start tag ends the head.
const HEAD_ELEMENTS: &[&str] = &[
    "meta", "link", "base", "title", "style", "script", "noscript", "template",
];

/// Elements that begin and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// The text of an HTML page, one paragraph per line (paragraphs separated by
/// a blank line), and the content of its first `<title>`.
pub(super) fn to_text(src: &str) -> (String, Option<String>) {
    let mut p = Parser {
        src,
        pos: 0,
        out: Paragraphs::default(),
        title: None,
        skip: Vec::new(),
        in_head: false,
        pre: 0,
        no_quote_after: [false; 2],
    };
    p.run();
    (p.out.finish(), p.title)
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    out: Paragraphs,
    title: Option<String>,
    /// Open [`SKIPPED`] elements; text is dropped while any is open.
    skip: Vec<&'static str>,
    /// Inside `<head>`: text is dropped.
    in_head: bool,
    /// Depth of open `<pre>` elements: line breaks end paragraphs.
    pre: usize,
    /// `"` and `'` known not to occur after a failed search (keeps
    /// unterminated attribute quotes from making the scan quadratic).
    no_quote_after: [bool; 2],
}

/// A tag's name, lowercased when it is one this parser knows.
fn known(name: &str, list: &[&'static str]) -> Option<&'static str> {
    list.iter().copied().find(|k| k.eq_ignore_ascii_case(name))
}

impl Parser<'_> {
    fn run(&mut self) {
        let bytes = self.src.as_bytes();
        while self.pos < bytes.len() {
            let next = memchr(b'<', &bytes[self.pos..]).map_or(bytes.len(), |k| self.pos + k);
            self.text(self.pos, next);
            self.pos = next;
            if next < bytes.len() {
                self.markup();
            }
        }
    }

    /// Text between tags.
    fn text(&mut self, start: usize, end: usize) {
        let text = &self.src[start..end];
        // Words in the head mean the body has begun (`<title>T</title>Text`).
        if self.in_head && !text.trim().is_empty() {
            self.in_head = false;
        }
        if text.is_empty() || !self.skip.is_empty() || self.in_head {
            return;
        }
        if self.pre == 0 {
            self.out.push_decoded(text);
        } else {
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                self.out.push_decoded(first);
            }
            for line in lines {
                self.out.end_paragraph();
                self.out.push_decoded(line);
            }
        }
    }

    /// Markup at `self.pos` (a `<`): a comment, declaration, tag, or a plain `<`.
    fn markup(&mut self) {
        let rest = &self.src.as_bytes()[self.pos..];
        let after = |pattern: &[u8], from: usize| {
            memmem::find(&rest[from..], pattern).map_or(rest.len(), |k| from + k + pattern.len())
        };
        let used = if rest.starts_with(b"<!--") {
            after(b"-->", 4)
        } else if rest.starts_with(b"<![CDATA[") {
            after(b"]]>", 9)
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            after(b">", 2)
        } else if rest.starts_with(b"</") && rest.get(2).is_some_and(u8::is_ascii_alphabetic) {
            let name_end = 2 + tag_name_len(&rest[2..]);
            self.end_tag(&self.src[self.pos + 2..self.pos + name_end]);
            after(b">", name_end)
        } else if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            return self.start_tag();
        } else {
            if self.skip.is_empty() && !self.in_head {
                self.out.push('<');
            }
            1
        };
        self.pos += used;
    }

    /// A start tag at `self.pos`; moves past it (and past the content of
    /// elements whose content is skipped).
    fn start_tag(&mut self) {
        let start = self.pos;
        let name_end = start + 1 + tag_name_len(&self.src.as_bytes()[start + 1..]);
        let name = &self.src[start + 1..name_end];
        let (tag_end, self_closing) = self.tag_end(name_end);
        self.pos = tag_end;

        if let Some(raw) = known(name, RAW_SKIPPED) {
            self.pos = self.after_end_tag(raw);
            return;
        }
        if name.eq_ignore_ascii_case("title") {
            let content_end = self.end_tag_start("title");
            if self.title.is_none() && self.skip.is_empty() {
                let mut t = Paragraphs::default();
                t.push_decoded(&self.src[tag_end..content_end]);
                self.title = Some(t.finish());
            }
            self.pos = self.after_end_tag("title");
            return;
        }
        if name.eq_ignore_ascii_case("head") {
            self.in_head = true;
            return;
        }
        if self.in_head && known(name, HEAD_ELEMENTS).is_none() {
            self.in_head = false;
        }
        if let Some(skipped) = known(name, SKIPPED) {
            // Past a sane depth nested skipped elements are not tracked (so
            // end tags stay cheap); their content is skipped all the same.
            if !self_closing && self.skip.len() < MAX_SKIP_DEPTH {
                self.skip.push(skipped);
            }
            return;
        }
        if !self.skip.is_empty() {
            return;
        }
        if known(name, BLOCKS).is_some() {
            self.out.end_paragraph();
            if name.eq_ignore_ascii_case("pre") {
                self.pre += 1;
            }
        } else if name.eq_ignore_ascii_case("td") || name.eq_ignore_ascii_case("th") {
            self.out.push(' ');
        }
    }

    fn end_tag(&mut self, name: &str) {
        if !self.skip.is_empty() {
            if let Some(skipped) = known(name, SKIPPED)
                && let Some(i) = self.skip.iter().rposition(|s| *s == skipped)
            {
                self.skip.truncate(i);
            }
            return;
        }
        if name.eq_ignore_ascii_case("head") {
            self.in_head = false;
        } else if known(name, BLOCKS).is_some() {
            self.out.end_paragraph();
            if name.eq_ignore_ascii_case("pre") {
                self.pre = self.pre.saturating_sub(1);
            }
        } else if name.eq_ignore_ascii_case("td") || name.eq_ignore_ascii_case("th") {
            self.out.push(' ');
        }
    }

    /// Where the start tag whose name ends at `from` ends (past its `>`, or
    /// the end of input), and whether it closes itself (`<br/>`). Quoted
    /// attribute values may hold `>`.
    fn tag_end(&mut self, from: usize) -> (usize, bool) {
        let bytes = self.src.as_bytes();
        let mut i = from;
        let mut after_equals = false;
        while i < bytes.len() {
            match bytes[i] {
                b'>' => return (i + 1, bytes[i - 1] == b'/'),
                q @ (b'"' | b'\'') if after_equals => {
                    let which = usize::from(q == b'\'');
                    let close = if self.no_quote_after[which] {
                        None
                    } else {
                        memchr(q, &bytes[i + 1..])
                    };
                    match close {
                        Some(k) => i += k + 2,
                        None => {
                            // Unterminated: the value ends at the next `>`.
                            self.no_quote_after[which] = true;
                            i += 1;
                        }
                    }
                    after_equals = false;
                    continue;
                }
                b'=' => after_equals = true,
                c if c.is_ascii_whitespace() => {}
                _ => after_equals = false,
            }
            i += 1;
        }
        (bytes.len(), false)
    }

    /// Where the end tag `</name` of a raw-text element starts, searching
    /// from `self.pos`; the end of input when there is none.
    fn end_tag_start(&self, name: &str) -> usize {
        let bytes = self.src.as_bytes();
        let mut i = self.pos;
        while let Some(k) = memchr(b'<', &bytes[i..]) {
            let at = i + k;
            let tail = &bytes[at + 1..];
            if tail.first() == Some(&b'/')
                && tail.len() > name.len()
                && tail[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
                && tail
                    .get(name.len() + 1)
                    .is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'))
            {
                return at;
            }
            i = at + 1;
        }
        bytes.len()
    }

    /// The position just past the end tag `</name ...>` of a raw-text element.
    fn after_end_tag(&self, name: &str) -> usize {
        let bytes = self.src.as_bytes();
        let at = self.end_tag_start(name);
        memchr(b'>', &bytes[at..]).map_or(bytes.len(), |k| at + k + 1)
    }
}

/// Length of the tag name at the start of `bytes` (letters, digits, `-`, `:`).
fn tag_name_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::to_text;

    fn text(html: &str) -> String {
        to_text(html).0
    }

    #[test]
    fn blocks_make_paragraphs_and_inline_elements_join() {
        assert_eq!(
            text("<p>Talks in <b>Doha</b>,\n  <a href='/q'>Qatar</a>.</p><p>Af<i>ghan</i>s met.<br>Next</p>"),
            "Talks in Doha, Qatar.\n\nAfghans met.\n\nNext"
        );
        assert_eq!(
            text("<table><tr><td>Iran</td><td>12</td></tr><tr><th>Iraq</th></tr></table>"),
            "Iran 12\n\nIraq"
        );
        assert_eq!(text("<pre>Line  one\nLine two</pre>"), "Line one\n\nLine two");
    }

    #[test]
    fn scripts_styles_head_nav_and_comments_are_dropped() {
        let html = "<html><head><meta charset=utf-8><title>A &amp; B</title>\
            <style>p { color: red }</style><script>if (a<b) document.write('<p>Chad</p>')</script></head>\
            <body><nav><ul><li>Europe</li></ul></nav><!-- Peru --><![CDATA[Mali]]>\
            <noscript>Enable JS</noscript><template><p>Oman</p></template><svg><text>Fiji</text></svg>\
            <p>Kenya</p></body></html>";
        assert_eq!(to_text(html), ("Kenya".to_string(), Some("A & B".to_string())));
    }

    #[test]
    fn malformed_markup_never_loses_the_text() {
        assert_eq!(text("<p>1 < 2 and 3 <4 and a<>b"), "1 < 2 and 3 <4 and a<>b");
        assert_eq!(text("<p>Iran<div>Iraq"), "Iran\n\nIraq");
        // An unterminated quote ends at the tag's `>`.
        assert_eq!(text("<p class=\"x>Peru</p><p>Chile</p>"), "Peru\n\nChile");
        assert_eq!(text("<p>Cuba</p><!-- never closed <p>Fiji</p>"), "Cuba");
        assert_eq!(text("<p>Togo</p><script>alert(1)"), "Togo");
        assert_eq!(text("<p>Benin</p></nav></svg><p>Niger</p><a"), "Benin\n\nNiger");
        assert_eq!(text("<head><p>Haiti</p>"), "Haiti");
        assert_eq!(
            to_text("<head><title>T</title>\n Ghana"),
            ("Ghana".to_string(), Some("T".to_string()))
        );
        assert_eq!(text("<p title='a>b'>Laos</p>"), "Laos");
        assert_eq!(text("<"), "<");
        assert_eq!(text("&"), "&");
        assert_eq!(text(""), "");
    }

    #[test]
    fn entities_and_non_breaking_spaces() {
        assert_eq!(
            text("<p>C&ocirc;te d&#8217;Ivoire&nbsp;&mdash; S&#xE3;o&nbsp;Tom&eacute; &lt;b&gt; AT&T</p>"),
            "Côte d’Ivoire — São Tomé <b> AT&T"
        );
    }

    #[test]
    fn adversarial_inputs_stay_linear() {
        let started = std::time::Instant::now();
        for piece in [
            "<a x=\"", "<a x='", "<", "<!", "</x", "<script", "<p>&#", "<nav>", "&amp",
        ] {
            let input = piece.repeat(200_000);
            let _ = to_text(&input);
        }
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }
}
