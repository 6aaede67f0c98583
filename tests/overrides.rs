//! Corrections by hand: removing false mentions, adding missed ones,
//! re-targeting, undo, and overrides that no longer fit.

use article_atlas::analysis::{Analysis, Analyzer, MentionKind, Override, OverrideProblem};
use article_atlas::place::{Place, PlaceRef};
use article_atlas::text::Document;

const TEXT: &str = "Officials in Ankara said Turkey would send aid.\n\
    At the summit dinner the chef roasted a Turkey for the delegates.\n\
    France and Germany disagreed. Talks were held in the Hexagon.\n\
    Voters in Georgia backed the senator.";

fn run(text: &str, overrides: &[Override]) -> (Analysis, Vec<OverrideProblem>) {
    Analyzer::builtin().analyze_with_overrides(Document::new(text.to_string()), overrides)
}

fn span_of(text: &str, words: &str) -> (usize, usize) {
    let start = text.find(words).unwrap_or_else(|| panic!("{words:?} not in text"));
    (start, start + words.len())
}

fn country(code: &str) -> PlaceRef {
    PlaceRef::Country { code: code.into() }
}

/// The parts of an analysis that corrections change.
fn summary(a: &Analysis) -> String {
    format!("{:?}\n{:?}\n{:?}\n{:?}", a.mentions, a.countries, a.regions, a.cities)
}

#[test]
fn no_overrides_is_the_plain_analysis() {
    let (a, problems) = run(TEXT, &[]);
    assert!(problems.is_empty());
    assert_eq!(summary(&a), summary(&Analyzer::builtin().analyze_text(TEXT)));
}

#[test]
fn a_false_turkey_is_removed() {
    let (before, _) = run(TEXT, &[]);
    let tur = before.country("TUR").unwrap();
    assert_eq!((tur.mentions, tur.passages.clone()), (3, vec![0, 1]));

    let second = TEXT.rfind("Turkey").unwrap();
    let (after, problems) = run(
        TEXT,
        &[Override::NotAPlace {
            start: second,
            end: second + 6,
        }],
    );
    assert!(problems.is_empty(), "{problems:?}");
    let tur = after.country("TUR").unwrap();
    assert_eq!((tur.mentions, tur.passages.clone()), (2, vec![0]));
    assert_eq!(after.mentions.len(), before.mentions.len() - 1);
    assert_eq!(after.passages(), [0, 2, 4]);

    // When it was the only mention, the country disappears.
    let menu = "Mom roasted a Turkey for dinner.";
    assert_eq!(run(menu, &[]).0.countries.len(), 1);
    let (a, problems) = run(menu, &[Override::NotAPlace { start: 14, end: 20 }]);
    assert!(problems.is_empty() && a.countries.is_empty() && a.mentions.is_empty());
}

#[test]
fn a_missed_mention_is_added() {
    let (before, _) = run(TEXT, &[]);
    let fra = before.country("FRA").unwrap().clone();
    let (start, end) = span_of(TEXT, "the Hexagon");
    let (after, problems) = run(
        TEXT,
        &[Override::MarkAs {
            start,
            end,
            place: country("FRA"),
        }],
    );
    assert!(problems.is_empty(), "{problems:?}");
    let fra_after = after.country("FRA").unwrap();
    assert_eq!(fra_after.mentions, fra.mentions + 1);
    assert_eq!(fra_after.passages, [2, 3]);
    assert_eq!(fra_after.surfaces, ["France", "the Hexagon"]);
    let m = after.mentions.iter().find(|m| m.span.start == start).unwrap();
    assert_eq!(
        (m.kind, m.passage, after.surface(m)),
        (MentionKind::Alias, 3, "the Hexagon")
    );
    assert!(after.mentions.windows(2).all(|w| w[0].span.start < w[1].span.start));
    assert_eq!(
        after.document.slice(after.document.sentences[3].span),
        "Talks were held in the Hexagon."
    );
}

#[test]
fn refers_to_moves_a_mention_to_another_country() {
    let (start, end) = span_of(TEXT, "Georgia");
    let (before, _) = run(TEXT, &[]);
    assert_eq!(before.country("GEO").unwrap().mentions, 1);
    let usa_before = before.country("USA").map_or(0, |c| c.mentions);
    let (after, problems) = run(
        TEXT,
        &[Override::RefersTo {
            start,
            end,
            place: country("USA"),
        }],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert!(after.country("GEO").is_none());
    let usa = after.country("USA").unwrap();
    assert_eq!(usa.mentions, usa_before + 1);
    assert!(usa.surfaces.contains(&"Georgia".to_string()));
    let m = after.mentions.iter().find(|m| m.span.start == start).unwrap();
    assert_eq!(
        (m.kind, m.place),
        (MentionKind::Alias, Place::country_at(usa.place.index()))
    );

    // To a city and to a region.
    let paris = PlaceRef::City {
        name: "Paris".into(),
        code: "FRA".into(),
        id: None,
    };
    let (a, problems) = run(
        TEXT,
        &[
            Override::RefersTo {
                start,
                end,
                place: paris.clone(),
            },
            Override::MarkAs {
                start: 0,
                end: 9,
                place: PlaceRef::Region { id: "europe".into() },
            },
        ],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(a.cities.iter().find(|c| c.name == "Paris").unwrap().mentions, 1);
    let m = a.mentions.iter().find(|m| m.span.start == start).unwrap();
    assert_eq!(m.kind, MentionKind::City);
    assert_eq!(Place::from_ref(&paris, Analyzer::builtin().gazetteer()), Ok(m.place));
    assert_eq!(a.region("europe").unwrap().surfaces, ["Officials"]);
    assert_eq!(a.mentions[0].kind, MentionKind::Region);
}

#[test]
fn mark_as_replaces_overlapping_mentions() {
    let text = "Turkey Hill dairy opened a store.";
    let (a, problems) = run(
        text,
        &[Override::MarkAs {
            start: 0,
            end: 11,
            place: country("USA"),
        }],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(a.mentions.len(), 1);
    assert_eq!(a.surface(&a.mentions[0]), "Turkey Hill");
    assert!(a.country("TUR").is_none() && a.country("USA").is_some());
}

#[test]
fn undo_is_applying_the_list_without_its_last_element() {
    let second = TEXT.rfind("Turkey").unwrap();
    let (gs, ge) = span_of(TEXT, "Georgia");
    let (hs, he) = span_of(TEXT, "the Hexagon");
    let edits = [
        Override::NotAPlace {
            start: second,
            end: second + 6,
        },
        Override::MarkAs {
            start: hs,
            end: he,
            place: country("FRA"),
        },
        Override::RefersTo {
            start: gs,
            end: ge,
            place: country("USA"),
        },
        Override::NotAPlace { start: gs, end: ge },
    ];
    let mut history = vec![summary(&run(TEXT, &[]).0)];
    for k in 1..=edits.len() {
        let (a, problems) = run(TEXT, &edits[..k]);
        assert!(problems.is_empty(), "{problems:?}");
        history.push(summary(&a));
    }
    for k in (0..edits.len()).rev() {
        assert_eq!(summary(&run(TEXT, &edits[..k]).0), history[k], "undo to {k} edits");
        assert_ne!(history[k], history[k + 1]);
    }
}

#[test]
fn overrides_that_do_not_fit_are_reported_and_skipped() {
    let (plain, _) = run(TEXT, &[]);
    let text = "Il a visité la Côte d'Azur. Puis Chad.";
    let bad = [
        Override::NotAPlace { start: 1, end: 5 },
        Override::RefersTo {
            start: 999,
            end: 1005,
            place: country("USA"),
        },
        Override::MarkAs {
            start: 0,
            end: 4,
            place: country("NOPE"),
        },
        Override::MarkAs {
            start: 0,
            end: 9999,
            place: country("FRA"),
        },
        Override::MarkAs {
            start: 5,
            end: 5,
            place: country("FRA"),
        },
        Override::MarkAs {
            start: 12,
            end: 34,
            place: country("FRA"),
        },
        Override::MarkAs {
            start: 0,
            end: 4,
            place: PlaceRef::Region { id: "atlantis".into() },
        },
        Override::MarkAs {
            start: 0,
            end: 4,
            place: PlaceRef::City {
                name: "Atlantis".into(),
                code: "GRC".into(),
                id: None,
            },
        },
    ];
    let (a, problems) = run(TEXT, &bad[..3]);
    assert_eq!(summary(&a), summary(&plain));
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "correction 1: no place was detected at \"ffic\" (bytes 1..5) to correct",
            "correction 2: no place was detected at bytes 999..1005 to correct",
            "correction 3: unknown country code \"NOPE\"",
        ]
    );
    let (a, problems) = run(text, &bad[3..]);
    assert_eq!(summary(&a), summary(&run(text, &[]).0), "nothing applied");
    let messages: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
    assert_eq!(
        messages,
        [
            "bytes 0..9999 are not a span of the text (40 bytes long)",
            "bytes 5..5 holds no words to mark",
            "\"la Côte d'Azur. Puis\" (bytes 13..34) crosses a sentence boundary",
            "unknown region \"atlantis\"",
            "unknown city \"Atlantis\" (GRC)",
        ]
    );
    assert_eq!(problems.iter().map(|p| p.index).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
}

#[test]
fn mark_as_snaps_to_characters_and_trims_space() {
    let text = "Il a visité la Côte d'Azur.";
    let cote = text.find("Côte").unwrap();
    // From the space before "Côte" to the middle of "ô".
    let (a, problems) = run(
        text,
        &[Override::MarkAs {
            start: cote - 1,
            end: cote + 2,
            place: country("FRA"),
        }],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(a.surface(&a.mentions[0]), "Cô");
}

#[test]
fn every_detected_mention_round_trips_through_a_place_ref() {
    let analyzer = Analyzer::builtin();
    let g = analyzer.gazetteer();
    let a = analyzer.analyze_text(article_atlas::BUNDLED_ARTICLE);
    assert!(a.mentions.iter().any(|m| matches!(m.place, Place::City(_))));
    assert!(a.mentions.iter().any(|m| matches!(m.place, Place::Region(_))));
    for m in &a.mentions {
        assert_eq!(Place::from_ref(&m.place.to_ref(g), g), Ok(m.place), "{}", a.surface(m));
    }
}

#[test]
fn refers_to_a_town_re_resolves_the_rest_of_the_article() {
    let text = "Paris was quiet on Sunday. Later, officials in Paris said the county fair would open.";
    let g = article_atlas::gazetteer::Gazetteer::builtin();
    let texas_paris = Place::all_called(g, "Paris")
        .into_iter()
        .find(|p| p.divisions(g).any(|d| g.divisions[d].name == "Texas"))
        .expect("Paris, Texas is in the gazetteer");
    let (before, _) = run(text, &[]);
    assert!(
        before.country("FRA").is_some(),
        "on the prior alone, Paris is in France"
    );
    let (start, end) = span_of(text, "Paris");
    let (after, problems) = run(
        text,
        &[Override::RefersTo {
            start,
            end,
            place: texas_paris.to_ref(g),
        }],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        after.country("FRA").is_none(),
        "the other Paris follows the correction: {:?}",
        after.mentions
    );
    let parises: Vec<Place> = after
        .mentions
        .iter()
        .filter(|m| after.surface(m) == "Paris")
        .map(|m| m.place)
        .collect();
    assert_eq!(parises, [texas_paris, texas_paris]);
}
