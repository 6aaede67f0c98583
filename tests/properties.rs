//! Properties of the analysis core that must hold for any input.

use article_atlas::analysis::{Analysis, Analyzer, Reason};
use article_atlas::gazetteer::Gazetteer;
use article_atlas::place::Place;
use proptest::prelude::*;

/// Words that exercise the matcher: places, tricky names, fillers.
const WORDS: &[&str] = &[
    "Iran",
    "Turkey",
    "turkey",
    "roast",
    "Georgia",
    "Atlanta",
    "Tbilisi",
    "Jordan",
    "Michael",
    "Chad",
    "Johnson",
    "Washington",
    "George",
    "U.S.",
    "US",
    "us",
    "UK",
    "U.K.",
    "Britain",
    "Afghans",
    "Afghanistan",
    "Kabul",
    "Moscow",
    "Russian",
    "Paris",
    "Texas",
    "New",
    "Mexico",
    "Jersey",
    "Indian",
    "Ocean",
    "Persian",
    "Gulf",
    "Latin",
    "American",
    "Papua",
    "Guinea",
    "Equatorial",
    "Niger",
    "Nigeria",
    "Congo",
    "Brazzaville",
    "Korea",
    "North",
    "South",
    "Sudan",
    "The",
    "York",
    "Times",
    "Islamic",
    "State",
    "Levant",
    "Europe",
    "Southeast",
    "Asia",
    "asian",
    "Mr.",
    "P.",
    "said",
    "the",
    "and",
    "of",
    "in",
    "a",
    "Côte",
    "d'Ivoire",
    "d’Ivoire",
    "É",
    "ß",
    "中国",
    "\u{FFFD}",
    "'",
    "’",
];

const GLUE: &[&str] = &[
    " ", " ", " ", ". ", ", ", "\n", "\n\n", "’s ", "'s ", "-", "? ", "! ", "“", "” ", "  ", "\r\n",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WORDS), prop::sample::select(GLUE)), 0..80)
        .prop_map(|parts| parts.into_iter().flat_map(|(w, g)| [w, g]).collect())
}

fn analyze(text: &str) -> Analysis {
    Analyzer::builtin().analyze_text(text)
}

fn check_invariants(a: &Analysis) -> Result<(), TestCaseError> {
    let doc = &a.document;
    // Paragraphs and sentences are in order, disjoint, and nest.
    for pair in doc.paragraphs.windows(2) {
        prop_assert!(pair[0].span.end < pair[1].span.start);
    }
    for pair in doc.sentences.windows(2) {
        prop_assert!(pair[0].span.end <= pair[1].span.start);
        prop_assert!(pair[0].paragraph <= pair[1].paragraph);
    }
    for s in &doc.sentences {
        prop_assert!(s.span.start < s.span.end);
        prop_assert!(doc.paragraphs[s.paragraph].span.contains(s.span.start, s.span.end));
    }
    // Every non-blank character of the text is in some sentence.
    let covered: usize = doc
        .sentences
        .iter()
        .map(|s| doc.slice(s.span).chars().filter(|c| !c.is_whitespace()).count())
        .sum();
    prop_assert_eq!(covered, doc.text.chars().filter(|c| !c.is_whitespace()).count());
    // Mentions lie inside their passage, in order, without overlap.
    for m in &a.mentions {
        prop_assert!(doc.sentences[m.passage].span.contains(m.span.start, m.span.end));
        prop_assert!(doc.text.is_char_boundary(m.span.start) && doc.text.is_char_boundary(m.span.end));
    }
    for pair in a.mentions.windows(2) {
        prop_assert!(pair[0].span.end <= pair[1].span.start);
    }
    // Counts and passages agree with the mention list.
    for c in &a.countries {
        let mine: Vec<_> = a
            .mentions
            .iter()
            .filter(|m| m.refers_to(c.place, Gazetteer::builtin()))
            .collect();
        prop_assert_eq!(c.mentions, mine.len());
        let mut passages: Vec<usize> = mine.iter().map(|m| m.passage).collect();
        passages.dedup();
        prop_assert_eq!(&c.passages, &passages);
    }
    for r in &a.regions {
        prop_assert_eq!(r.mentions, a.mentions.iter().filter(|m| m.place == r.place).count());
    }
    let total: usize =
        a.countries.iter().map(|c| c.mentions).sum::<usize>() + a.regions.iter().map(|r| r.mentions).sum::<usize>();
    prop_assert_eq!(total, a.mentions.len());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_for_news_like_text(text in article()) {
        let text = text.replace("\r\n", "\n");
        check_invariants(&analyze(&text))?;
    }

    #[test]
    fn invariants_hold_for_any_string(text in any::<String>()) {
        check_invariants(&analyze(&text.replace('\r', "\n")))?;
    }

    /// Analysing A, a line break, then B finds the names A and B each find
    /// for certain (a country's name, a demonym, a region), shifted; their
    /// places may differ (document-context rules read both), and a town's
    /// name may be found or not as the other part's evidence says.
    #[test]
    fn concatenation_keeps_both_parts_certain_mentions(a in article(), b in article()) {
        let (a, b) = (a.replace("\r\n", "\n"), b.replace("\r\n", "\n"));
        let joined = format!("{a}\n{b}");
        let certain = |x: &Analysis, shift: usize| -> Vec<(usize, usize)> {
            x.mentions
                .iter()
                .filter(|m| m.reason == Reason::Unambiguous && !matches!(m.place, Place::City(_) | Place::Division(_)))
                .map(|m| (m.span.start + shift, m.span.end + shift))
                .collect()
        };
        let mut expected = certain(&analyze(&a), 0);
        expected.extend(certain(&analyze(&b), a.len() + 1));
        let all: Vec<(usize, usize)> = analyze(&joined).mentions.iter().map(|m| (m.span.start, m.span.end)).collect();
        for span in expected {
            prop_assert!(all.contains(&span), "{:?} lost in {:?}", span, joined);
        }
    }
}
