//! The desktop app driven headlessly through its accessibility tree.

mod common;

use common::app;

use article_atlas::app::{AtlasApp, EMPTY_HINT};
use egui::{Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};

/// The opening words of the passage about the Moscow attack.
const MOSCOW_PASSAGE: &str = "A terrorist attack targeting a concert hall in the Russian capital of Moscow";
/// The opening words of the passage about the Doha agreement.
const DOHA_PASSAGE: &str = "In a 2020 agreement between the United States and the Taliban signed in Doha, Qatar,";

/// A passage in the passages panel (a button labelled with its sentence), if shown.
fn passage<'a>(harness: &'a Harness<'_, Option<AtlasApp>>, words: &'a str) -> Option<egui_kittest::Node<'a>> {
    harness.query(By::new().role(Role::Button).label_contains(words))
}

#[test]
fn clicking_the_russia_marker_shows_the_moscow_passage() {
    let mut harness = app();
    harness.get_by_label("Russia marker").click();
    harness.run();
    assert!(passage(&harness, MOSCOW_PASSAGE).is_some());
}

#[test]
fn selecting_qatar_in_the_list_shows_the_doha_passage() {
    let mut harness = app();
    assert!(passage(&harness, DOHA_PASSAGE).is_none());
    harness.get_by_label("Qatar").click();
    harness.run();
    assert!(passage(&harness, DOHA_PASSAGE).is_some());
    assert!(harness.query_by_label_contains(EMPTY_HINT).is_none());
}

#[test]
fn escape_clears_the_selection() {
    let mut harness = app();
    harness.get_by_label("Qatar").click();
    harness.run();
    assert!(harness.state().as_ref().unwrap().state().selection.is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().as_ref().unwrap().state().selection.is_none());
    assert!(passage(&harness, DOHA_PASSAGE).is_none());
    harness.get_by_label_contains(EMPTY_HINT);
}

#[test]
fn the_filter_keeps_matching_countries_only() {
    let mut harness = app();
    assert!(harness.query_by_label("France").is_some());
    harness.get_by_label("Filter").click();
    harness.run();
    harness.get_by_label("Filter").type_text("ru");
    harness.run();
    assert!(harness.query_by_label("Russia").is_some());
    assert!(harness.query_by_label("France").is_none());
}

#[test]
fn clicking_a_passage_keeps_the_selection_and_shows_the_text() {
    let mut harness = app();
    harness.get_by_label("Qatar").click();
    harness.run();
    passage(&harness, DOHA_PASSAGE).expect("Doha passage shown").click();
    // A few frames only: the revealed sentence keeps repainting while it fades.
    harness.run_steps(4);
    let paragraph = harness.query(By::new().role(Role::Paragraph).label_contains(DOHA_PASSAGE));
    assert!(paragraph.is_some(), "the article view scrolled to the Doha paragraph");
    assert!(harness.state().as_ref().unwrap().state().selection.is_some());
}

#[test]
fn a_city_shows_its_passages_and_links_to_its_country() {
    let mut harness = app();
    harness.get_by_label("Doha").click();
    harness.run();
    assert!(passage(&harness, DOHA_PASSAGE).is_some());
    harness.get_by_label_contains("City in");
    harness
        .get_by(|n| n.role() == Role::Link && n.label().as_deref() == Some("Qatar"))
        .click();
    harness.run();
    assert!(harness.query_by_label_contains("City in").is_none());
    assert!(passage(&harness, DOHA_PASSAGE).is_some());
}

#[test]
fn the_dark_theme_button_darkens_the_app_and_the_map() {
    let mut harness = app();
    harness.get_by_label("Dark").click();
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    let app = harness.state().as_ref().unwrap();
    assert_eq!(app.state().map_options.theme, article_atlas::map::MapTheme::Dark);
    assert_eq!(app.state().settings().theme, article_atlas::map::MapTheme::Dark);
}

#[test]
fn a_file_that_cannot_be_read_keeps_the_article_and_shows_why() {
    let mut harness = app();
    let missing = std::path::Path::new("/no/such/article.txt");
    let ctx = harness.ctx.clone();
    harness.state_mut().as_mut().unwrap().open_path(&ctx, missing);
    harness.run();
    harness.get_by_label_contains("no such file");
    harness.get_by_label(article_atlas::BUNDLED_ARTICLE_NAME);
    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.query_by_label_contains("no such file").is_none());
}

#[test]
fn opening_another_article_replaces_lists_and_selection() {
    let mut harness = app();
    harness.get_by_label("Qatar").click();
    harness.run();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.txt");
    std::fs::write(&path, "Talks in Lima, Peru, went on.").unwrap();
    let ctx = harness.ctx.clone();
    harness.state_mut().as_mut().unwrap().open_path(&ctx, &path);
    harness.run();
    harness.get_by_label("brief.txt");
    harness.get_by_label("Peru");
    assert!(harness.query_by_label("Qatar").is_none());
    harness.get_by_label_contains(EMPTY_HINT);
}

#[test]
fn clicking_a_column_title_sorts_the_list_by_it() {
    let mut harness = app();
    let top = |harness: &Harness<'_, Option<AtlasApp>>, name: &str| harness.get_by_label(name).rect().top();
    assert!(
        top(&harness, "United States") < top(&harness, "Afghanistan"),
        "most mentioned first"
    );
    harness.get_by_label("Sort by Country").click();
    harness.run();
    assert!(top(&harness, "Afghanistan") < top(&harness, "Austria"));
    assert!(top(&harness, "Syria") < top(&harness, "United States"));
    harness.get_by_label("Sort by Country").click();
    harness.run();
    assert!(
        top(&harness, "United States") < top(&harness, "Afghanistan"),
        "reversed"
    );
}

#[test]
fn a_louisiana_story_pins_alexandria_and_says_why() {
    let text = include_str!("fixtures/louisiana-standoff.txt").to_string();
    let mut harness = common::app_with(
        move || article_atlas::app::Article::from_text("louisiana-standoff.txt", text.clone(), Vec::new()),
        article_atlas::app::Settings::default(),
        |_| {},
    );
    // The street ("Dublin Road") makes no Ireland; the real places make marks.
    assert!(harness.query_by_label("Ireland").is_none());
    assert!(harness.query_by_label("Ireland marker").is_none());
    harness.get_by_label("Rapides Parish division");
    harness.get_by_label("Louisiana division");
    harness.get_by_label("Alexandria pin");
    harness.get_by_label("Alexandria").click();
    harness.run();
    harness.get_by_label_contains("Town in Rapides Parish, Louisiana");
    harness.get_by_label("Why here: dateline");
    assert!(passage(&harness, "A man was arrested Tuesday after a six-hour standoff").is_some());
}

#[test]
fn a_country_row_folds_its_places_away_and_back() {
    let mut harness = app();
    harness.get_by_label("Moscow");
    harness.get_by_label("Hide places in Russia").click();
    harness.run();
    assert!(harness.query_by_label("Moscow").is_none());
    harness.get_by_label("Show places in Russia").click();
    harness.run();
    harness.get_by_label("Moscow");
}
