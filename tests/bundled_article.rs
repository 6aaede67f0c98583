//! The bundled article (an opinion piece on ISIS-K) yields exactly the
//! countries, regions and cities a careful reader counts in it.

use article_atlas::BUNDLED_ARTICLE;
use article_atlas::analysis::{Analyzer, MentionKind};

#[test]
fn exactly_the_17_countries_with_their_counts() {
    let a = Analyzer::builtin().analyze_text(BUNDLED_ARTICLE);
    let got: Vec<(&str, usize)> = a.countries.iter().map(|c| (c.code.as_str(), c.mentions)).collect();
    // Counted by reading the text: e.g. USA = Americans, American, U.S. (par. 4);
    // America, United States, Washington's, Americans (par. 7); United States x3,
    // Washington (par. 10); American (par. 11); United States x2, Washington
    // (par. 12); Americans (par. 14).
    let expected = [
        ("USA", 16),
        ("AFG", 8),
        ("RUS", 4),
        ("IRN", 4),
        ("FRA", 3),
        ("ITA", 2),
        ("GBR", 2),
        ("QAT", 2),
        ("PAK", 1),
        ("TUR", 1),
        ("AUT", 1),
        ("DEU", 1),
        ("NLD", 1),
        ("ESP", 1),
        ("CHN", 1),
        ("PHL", 1),
        ("SYR", 1),
    ];
    assert_eq!(got, expected);
}

#[test]
fn russia_comes_only_from_russian_and_moscow() {
    let a = Analyzer::builtin().analyze_text(BUNDLED_ARTICLE);
    assert_eq!(a.country("RUS").unwrap().surfaces, ["Russian", "Moscow"]);
    assert_eq!(a.country("CHN").unwrap().surfaces, ["Chinese"]);
    assert_eq!(
        a.country("USA").unwrap().surfaces,
        [
            "Americans",
            "American",
            "U.S.",
            "America",
            "United States",
            "Washington"
        ]
    );
}

#[test]
fn regions_and_cities() {
    let a = Analyzer::builtin().analyze_text(BUNDLED_ARTICLE);
    let regions: Vec<&str> = a.regions.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(regions, ["Europe", "the Levant", "Southeast Asia"]);
    let cities: Vec<(&str, &str, usize)> = a
        .cities
        .iter()
        .map(|c| (c.name.as_str(), c.code.as_str(), c.mentions))
        .collect();
    assert_eq!(cities, [("Moscow", "RUS", 3), ("Kabul", "AFG", 1), ("Doha", "QAT", 1)]);
    // "Washington" is the government here, not a city pin.
    assert!(
        a.mentions
            .iter()
            .filter(|m| a.surface(m) == "Washington")
            .all(|m| m.kind == MentionKind::Metonym)
    );
}

#[test]
fn byline_islamic_state_and_the_lowercase_typo_add_nothing() {
    let a = Analyzer::builtin().analyze_text(BUNDLED_ARTICLE);
    for m in &a.mentions {
        let s = a.surface(m);
        assert!(
            !["New York", "asian", "State", "Islamic State"].contains(&s),
            "unexpected mention {s:?}"
        );
    }
    // The byline is three short paragraphs and yields no mention.
    assert!(
        a.mentions
            .iter()
            .all(|m| a.document.sentences[m.passage].paragraph >= 4)
    );
}

#[test]
fn passages_point_at_sentences_that_contain_their_mentions() {
    let a = Analyzer::builtin().analyze_text(BUNDLED_ARTICLE);
    let doc = &a.document;
    assert_eq!(doc.paragraphs.len(), 15);
    for m in &a.mentions {
        let s = doc.sentences[m.passage];
        assert!(s.span.contains(m.span.start, m.span.end));
        assert!(doc.paragraphs[s.paragraph].span.contains(s.span.start, s.span.end));
    }
    let moscow = &a.country("RUS").unwrap().passages;
    assert!(
        doc.slice(doc.sentences[moscow[0]].span)
            .starts_with("A terrorist attack targeting a concert hall in the Russian capital of Moscow")
    );
    // Sentences keep "Mr. Costa" and "U.S. withdrawal" intact.
    assert!(
        doc.sentences
            .iter()
            .any(|s| doc.slice(s.span).starts_with("Mr. Costa was the special assistant"))
    );
    assert!(
        doc.sentences
            .iter()
            .any(|s| doc.slice(s.span).contains("chaotic U.S. withdrawal from Afghanistan."))
    );
}
