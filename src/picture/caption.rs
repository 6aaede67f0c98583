//! The sentence that says what a picture shows: its alt text, the SVG's
//! `<desc>`, the PDF's subject and the PNG's description.

use crate::analysis::Analysis;

/// How many countries the caption names before "and N more".
const NAMED: usize = 4;

/// "Countries named in 'Title': United States (16 mentions), Afghanistan
/// (8), Russia (4), Iran (4) and 13 more." — the countries most mentioned
/// first; regions and towns after them when the article names some. `unit`
/// is what the counts count (`mentions`; `articles` for a collection).
pub fn caption(analysis: &Analysis, title: Option<&str>, unit: &str) -> String {
    let source = match title.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => format!("‘{t}’"),
        None => "the article".to_string(),
    };
    let countries = &analysis.countries;
    if countries.is_empty() {
        return format!("No countries are named in {source}.");
    }
    let mut named: Vec<String> = countries
        .iter()
        .take(NAMED)
        .enumerate()
        .map(|(i, c)| {
            let unit = match (i, c.mentions) {
                (0, 1) => format!(" {}", unit.strip_suffix('s').unwrap_or(unit)),
                (0, _) => format!(" {unit}"),
                _ => String::new(),
            };
            format!("{} ({}{unit})", c.name, c.mentions)
        })
        .collect();
    let rest = countries.len().saturating_sub(NAMED);
    let list = if rest > 0 {
        format!("{} and {rest} more", named.join(", "))
    } else if named.len() > 1 {
        let last = named.pop().unwrap_or_default();
        format!("{} and {last}", named.join(", "))
    } else {
        named.join("")
    };
    let noun = if countries.len() == 1 { "Country" } else { "Countries" };
    let mut sentence = format!("{noun} named in {source}: {list}.");
    let others: Vec<&str> = analysis
        .regions
        .iter()
        .chain(&analysis.divisions)
        .chain(&analysis.cities)
        .map(|p| p.name.as_str())
        .collect();
    if !others.is_empty() {
        let shown: Vec<&str> = others.iter().take(6).copied().collect();
        let more = others.len() - shown.len();
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        sentence.push_str(&format!(" Also marked: {}{tail}.", shown.join(", ")));
    }
    sentence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    #[test]
    fn the_caption_names_the_most_mentioned_countries_and_counts_the_rest() {
        let analysis = Analyzer::builtin().analyze_text(crate::BUNDLED_ARTICLE);
        let text = caption(&analysis, Some("Costa and Clarke on ISIS-K"), "mentions");
        assert!(
            text.starts_with(
                "Countries named in ‘Costa and Clarke on ISIS-K’: United States (16 mentions), Afghanistan (8), "
            ),
            "{text}"
        );
        assert!(text.contains(" and 13 more."), "{text}");
        assert!(text.contains("Also marked: Europe"), "{text}");
    }

    #[test]
    fn short_lists_read_as_sentences() {
        let analysis = Analyzer::builtin().analyze_text("Talks between France and Chad.");
        assert_eq!(
            caption(&analysis, None, "mentions"),
            "Countries named in the article: France (1 mention) and Chad (1)."
        );
        let none = Analyzer::builtin().analyze_text("Nothing here.");
        assert_eq!(
            caption(&none, Some(" "), "mentions"),
            "No countries are named in the article."
        );
    }
}
