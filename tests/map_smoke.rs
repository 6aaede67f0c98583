//! Headless smoke tests of the map widget on the bundled article: it draws,
//! its marks are findable by label, and clicking them reports picks.

use article_atlas::analysis::{Analysis, Analyzer};
use article_atlas::gazetteer::Gazetteer;
use article_atlas::map::{MapOptions, MapView};
use article_atlas::place::Place;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

struct State {
    analysis: Analysis,
    options: MapOptions,
    map: Option<MapView>,
    clicked: Vec<Place>,
}

fn harness(options: MapOptions) -> Harness<'static, State> {
    let state = State {
        analysis: Analyzer::builtin().analyze_text(article_atlas::BUNDLED_ARTICLE),
        options,
        map: None,
        clicked: Vec::new(),
    };
    Harness::builder().with_size([1280.0, 800.0]).build_ui_state(
        |ui, state: &mut State| {
            let map = state.map.get_or_insert_with(|| MapView::new(ui.ctx()));
            let response = map.ui(ui, &state.analysis, None, &state.options);
            state.clicked.extend(response.clicked);
        },
        state,
    )
}

#[test]
fn clicking_the_russia_marker_picks_russia() {
    let mut harness = harness(MapOptions::default());
    harness.run();
    let russia = Gazetteer::builtin().country_index("RUS").unwrap();
    harness.get_by_label("Russia marker").click();
    harness.run();
    assert_eq!(harness.state().clicked, [Place::country_at(russia)]);
}

#[test]
fn cities_and_regions_are_clickable_marks() {
    let mut harness = harness(MapOptions {
        theme: article_atlas::map::MapTheme::Dark,
        show_links: true,
        ..MapOptions::default()
    });
    harness.run();
    let gazetteer = Gazetteer::builtin();
    let kabul = gazetteer.cities.iter().position(|c| c.name == "Kabul").unwrap();
    harness.get_by_label("Kabul pin").click();
    harness.run();
    assert_eq!(harness.state().clicked.last(), Some(&Place::city_at(kabul)));

    let levant = gazetteer.region_index("levant").unwrap();
    let label = format!("{} region", gazetteer.regions[levant].name);
    harness.get_by_label(&label).click();
    harness.run();
    assert_eq!(harness.state().clicked.last(), Some(&Place::region_at(levant)));
}

#[test]
fn the_first_view_frames_the_mentioned_countries() {
    let mut harness = harness(MapOptions::default());
    harness.run();
    let (lon, lat, zoom) = harness.state().map.as_ref().unwrap().view();
    assert!((-180.0..180.0).contains(&lon) && (-85.0..85.0).contains(&lat));
    assert!(zoom >= 2.3, "the world is at least as wide as the map: {zoom}");
    for name in ["Russia", "Afghanistan"] {
        harness.get_by_label(&format!("{name} marker"));
    }
}

#[test]
fn zoom_and_pan_stay_within_limits() {
    let mut harness = harness(MapOptions::default());
    harness.run();
    let map = harness.state_mut().map.as_mut().unwrap();
    map.zoom_by(-10.0);
    map.pan_by(egui::vec2(0.0, 5000.0));
    harness.run();
    let (_, lat, zoom) = harness.state().map.as_ref().unwrap().view();
    assert!(
        (2.25..2.33).contains(&zoom),
        "{zoom}: the world is as wide as the map (about 1264 points)"
    );
    assert!(lat < 85.0);
    let map = harness.state_mut().map.as_mut().unwrap();
    map.zoom_by(30.0);
    harness.run();
    assert_eq!(harness.state().map.as_ref().unwrap().view().2, 12.0);
}

/// The pairs of country codes the map links.
fn linked(harness: &Harness<'static, State>) -> Vec<[String; 2]> {
    let state = harness.state();
    let countries = &state.analysis.countries;
    state
        .map
        .as_ref()
        .unwrap()
        .links()
        .iter()
        .map(|l| [countries[l.a].code.clone(), countries[l.b].code.clone()])
        .collect()
}

#[test]
fn a_new_article_with_the_same_counts_gets_its_own_links() {
    let analyze = |text: &str| Analyzer::builtin().analyze_text(text);
    let mut harness = harness(MapOptions {
        show_links: true,
        ..MapOptions::default()
    });
    harness.state_mut().analysis = analyze("Iran and Iraq talk.");
    harness.run();
    assert_eq!(linked(&harness), [["IRN".to_string(), "IRQ".to_string()]]);
    // Same length, mentions, countries and first country; other links.
    harness.state_mut().analysis = analyze("Iran and Oman talk.");
    harness.run();
    assert_eq!(linked(&harness), [["IRN".to_string(), "OMN".to_string()]]);
}
