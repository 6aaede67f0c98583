//! Markdown to text: the words stay, the markup goes. CommonMark (with the
//! GitHub tables, task lists, strikethrough and footnotes, and YAML front
//! matter) is parsed by `pulldown-cmark`; this module only decides what of
//! each element is article text.
//!
//! Paragraphs, headings, list items, block quotes, table rows and footnotes
//! become paragraphs of their own, their wrapped lines joined. Links keep
//! their text, images and footnote markers go, emphasis and code-span
//! backticks are removed, inline HTML tags are dropped, HTML blocks are read
//! as HTML, character references are decoded.
//!
//! Code blocks are kept, one paragraph per line: an article's code block is
//! usually a quoted document or data (a statement, a table), and the places
//! it names are as much part of the article as any other; dropping it would
//! hide text the reader sees, whereas a false hit in code can be corrected
//! by hand.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::Paragraphs;

/// The text of a Markdown document, one paragraph per line (paragraphs
/// separated by a blank line), and its title: the front matter's `title:`,
/// else the first heading.
pub(super) fn to_text(src: &str) -> (String, Option<String>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut out = Paragraphs::default();
    let mut front_matter: Option<String> = None;
    let mut heading: Option<String> = None;
    let mut first_heading = None;
    let mut in_metadata = false;
    let mut in_code = false;
    let mut image_depth = 0usize;
    let mut html = String::new();
    for event in Parser::new_ext(src, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => {
                in_metadata = true;
                front_matter = Some(String::new());
            }
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(text) if in_metadata => front_matter.get_or_insert_default().push_str(&text),
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            _ if image_depth > 0 => {}
            Event::Start(Tag::Heading { .. }) => {
                out.end_paragraph();
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) => {
                out.end_paragraph();
                if let Some(text) = heading.take() {
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if first_heading.is_none() && !text.is_empty() {
                        first_heading = Some(text);
                    }
                }
            }
            Event::Start(Tag::CodeBlock(_)) => {
                out.end_paragraph();
                in_code = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                out.end_paragraph();
                in_code = false;
            }
            Event::Start(Tag::HtmlBlock) => html.clear(),
            Event::End(TagEnd::HtmlBlock) => {
                out.end_paragraph();
                for paragraph in super::html::to_text(&html).0.split("\n\n") {
                    out.push_str(paragraph);
                    out.end_paragraph();
                }
            }
            Event::Html(raw) => html.push_str(&raw),
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            )
            | Event::Rule => out.end_paragraph(),
            Event::End(TagEnd::TableCell) => out.push(' '),
            Event::Text(text) if in_code => {
                let mut lines = text.split('\n').peekable();
                while let Some(line) = lines.next() {
                    out.push_str(line);
                    if lines.peek().is_some() {
                        out.end_paragraph();
                    }
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = &mut heading {
                    heading.push_str(&text);
                }
                out.push_str(&text);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(heading) = &mut heading {
                    heading.push(' ');
                }
                out.push(' ');
            }
            // Markup only: tags, footnote markers, task boxes, math is kept as written.
            Event::InlineMath(text) | Event::DisplayMath(text) => out.push_str(&text),
            Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::Start(_)
            | Event::End(_) => {}
        }
    }
    let front_title = front_matter.as_deref().and_then(title_of_front_matter);
    (out.finish(), front_title.or(first_heading))
}

/// The `title:` of YAML front matter, unquoted.
fn title_of_front_matter(yaml: &str) -> Option<String> {
    yaml.lines()
        .find_map(|l| l.strip_prefix("title:"))
        .map(|v| unquote(v.trim()).to_string())
        .filter(|t| !t.is_empty())
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    v
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
            text("**Iran** and _Iraq_ and *Oman*, `code` and ``a`b``, snake_case, 2 * 3, ~~old~~"),
            "Iran and Iraq and Oman, code and a`b, snake_case, 2 * 3, old"
        );
        assert_eq!(
            text(
                "See [the *Kremlin*](https://x.ru/(a)) and [Kyiv][k] and [Paris] and [note]![map](m.png)[^1].\n\n[k]: https://k\n[paris]: /p\n[^1]: A note."
            ),
            "See the Kremlin and Kyiv and Paris and [note].\n\nA note."
        );
        assert_eq!(
            text("A <span class=\"x\">Chad</span> &amp; <https://a.org/> \\*not\\* <3 a<b &Zcaron;ilina"),
            "A Chad & https://a.org/ *not* <3 a<b Žilina"
        );
    }

    #[test]
    fn commonmark_emphasis_links_lists_and_code() {
        // CommonMark spec examples: intraword underscores are not emphasis,
        // a link's title is not text, a list may start at any number, an
        // indented block is code and keeps its lines.
        assert_eq!(text("foo_bar_baz *a **b** c*"), "foo_bar_baz a b c");
        assert_eq!(text("[Tbilisi](/uri \"the capital\")"), "Tbilisi");
        assert_eq!(text("7. Yerevan\n8. Baku"), "Yerevan\n\nBaku");
        assert_eq!(
            text("Before.\n\n    Lima, Peru\n    Quito\n\nAfter."),
            "Before.\n\nLima, Peru\n\nQuito\n\nAfter."
        );
        assert_eq!(
            text("<div>\nKabul in a block\n</div>\n\nText."),
            "Kabul in a block\n\nText."
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
