//! A collection in the app, as a user works with it: a folder of three short
//! articles of our own (and one unreadable file) opened at once; the place
//! list counts articles; a country's passages come under the articles that
//! name it; unchecking an article changes the counts; two groups compared;
//! an article opened on its own and back; the collection saved and reopened.

use std::path::Path;
use std::time::Duration;

use article_atlas::app::collection::{BOTH, ONLY_A, ONLY_B, Side};
use article_atlas::app::{Action, Article, Settings};
use article_atlas::collection::Count;
use article_atlas::project::collection::CollectionProject;
use egui_kittest::kittest::Queryable;

mod common;
use common::{App, atlas, perform};

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("1-talks.txt"),
        "Talks in Doha\nMarch 2, 2024\nEnvoys from France and Qatar met in Doha.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("2-floods.txt"),
        "Floods in Pakistan\nMarch 9, 2024\nFrance sent aid to Pakistan after the floods.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("3-summit.txt"),
        "Summit in Nairobi\nMarch 20, 2024\nLeaders of Kenya met in Nairobi.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("4-broken.txt"), b"\x00\x00binary").unwrap();
    dir
}

fn app() -> App {
    let settings = Settings {
        built_in_dialog: true,
        ..Settings::default()
    };
    let mut harness = common::app_with(Article::bundled, settings, |_| {});
    harness.run();
    harness
}

/// Open `dir` as a collection and wait for its analysis.
fn open(harness: &mut App, dir: &Path) {
    start_and_wait(harness, Action::OpenMany(vec![dir.to_path_buf()]));
}

/// Do `action`, which starts work in the background, and wait for it.
fn start_and_wait(harness: &mut App, action: Action) {
    let ctx = harness.ctx.clone();
    let app = harness.state_mut().as_mut().unwrap();
    app.perform(&ctx, action);
    assert!(app.wait_for_background(&ctx, Duration::from_secs(30)), "the work ends");
    harness.run();
}

fn country(code: &str) -> article_atlas::place::Place {
    let g = article_atlas::gazetteer::Gazetteer::builtin();
    article_atlas::place::Place::country_at(g.country_index(code).unwrap())
}

#[test]
fn a_folder_opens_as_a_collection_counted_in_articles_with_passages_under_their_articles() {
    let dir = folder();
    let mut harness = app();
    open(&mut harness, dir.path());
    let view = atlas(&harness)
        .state()
        .collection
        .as_ref()
        .expect("a collection is open");
    assert_eq!(view.members.len(), 4);
    assert_eq!(view.readable(), 3);
    assert_eq!(
        view.aggregate.analysis.country("FRA").unwrap().mentions,
        2,
        "two articles"
    );
    // The list: each place with its articles and mentions; the unreadable file with its reason.
    harness.get_by_label("Talks in Doha");
    harness.get_by_label_contains("binary");
    harness.get_by_label("France").click();
    harness.run();
    assert_eq!(
        atlas(&harness).state().collection.as_ref().unwrap().selection,
        Some(country("FRA"))
    );
    // Its passages under the two articles that name it (read back on opening a header).
    harness
        .get_by_label_contains("Talks in Doha · 2024-03-02 · 1 mention")
        .click();
    harness.run();
    harness.get_by_label("Envoys from France and Qatar met in Doha.");
    harness.get_by_label_contains("Floods in Pakistan · 2024-03-09 · 1 mention");
    assert!(harness.query_by_label_contains("Summit in Nairobi ·").is_none());

    // Unchecking the floods article leaves France in one.
    perform(&mut harness, Action::CheckArticle(1, false));
    let view = atlas(&harness).state().collection.as_ref().unwrap();
    assert_eq!(view.aggregate.analysis.country("FRA").unwrap().mentions, 1);
    assert!(view.aggregate.analysis.country("PAK").is_none());
    perform(&mut harness, Action::CountBy(Count::Mentions));
    perform(&mut harness, Action::CheckArticle(1, true));
    let view = atlas(&harness).state().collection.as_ref().unwrap();
    assert_eq!(
        view.aggregate.analysis.country("PAK").unwrap().mentions,
        2,
        "mentions now"
    );

    // Filters: by date, by a place named.
    perform(
        &mut harness,
        Action::FilterDates(article_atlas::collection::Day::new(2024, 3, 5), None),
    );
    assert_eq!(
        atlas(&harness).state().collection.as_ref().unwrap().shown_members(),
        [1, 2]
    );
    perform(&mut harness, Action::FilterDates(None, None));
    perform(&mut harness, Action::FilterNaming(Some(country("FRA"))));
    assert_eq!(
        atlas(&harness).state().collection.as_ref().unwrap().shown_members(),
        [0, 1]
    );
    perform(&mut harness, Action::FilterNaming(None));
}

#[test]
fn two_groups_are_compared_and_the_legend_says_which_colour_is_which() {
    let dir = folder();
    let mut harness = app();
    open(&mut harness, dir.path());
    perform(&mut harness, Action::Compare(true));
    // A: the talks; B: the floods and the summit.
    for (i, side, on) in [
        (0, Side::A, true),
        (1, Side::B, true),
        (2, Side::B, true),
        (1, Side::A, false),
    ] {
        perform(&mut harness, Action::CompareSide(i, side, on));
    }
    let view = atlas(&harness).state().collection.as_ref().unwrap();
    let class = |code: &str| view.aggregate.analysis.country(code).unwrap().mentions;
    assert_eq!(class("QAT"), ONLY_A);
    assert_eq!((class("PAK"), class("KEN")), (ONLY_B, ONLY_B));
    assert_eq!(class("FRA"), BOTH);
    assert!(
        harness.get_all_by_label("Only in A").count() >= 1,
        "the place list says where each place stands"
    );
    // The picture of the comparison names its classes too.
    let scene = harness.state_mut().as_mut().unwrap().scene();
    let svg = article_atlas::picture::svg::to_svg(&scene);
    for label in ["Only in A", "Only in B", "In both"] {
        assert!(svg.contains(label), "{label} in the exported legend");
    }
}

#[test]
fn an_article_opens_on_its_own_its_corrections_stay_its_own_and_the_collection_is_saved() {
    let dir = folder();
    let mut harness = app();
    open(&mut harness, dir.path());
    perform(&mut harness, Action::OpenMember(0));
    assert_eq!(atlas(&harness).state().article.title(), "Talks in Doha");
    harness.get_by_label_contains("Back to");
    // "Qatar" in the talks is not a place, here only.
    let text = atlas(&harness).state().article.analysis.document.text.clone();
    let start = text.find("Qatar").unwrap();
    perform(
        &mut harness,
        Action::Correct(article_atlas::analysis::Override::NotAPlace {
            start,
            end: start + "Qatar".len(),
        }),
    );
    perform(&mut harness, Action::BackToCollection);
    let view = atlas(&harness).state().collection.as_ref().unwrap();
    assert!(view.open_member.is_none());
    assert_eq!(view.members[0].overrides.len(), 1);
    assert!(view.members[1].overrides.is_empty(), "no leak into another article");
    assert!(atlas(&harness).state().has_unsaved_work());

    perform(&mut harness, Action::CheckArticle(2, false));
    perform(&mut harness, Action::Select(Some(country("FRA"))));
    let path = dir.path().join("week.atlas.json");
    perform(&mut harness, Action::SaveProjectTo(path.clone()));
    assert!(!atlas(&harness).state().has_unsaved_work());
    let saved = CollectionProject::load(&path).unwrap();
    assert_eq!(saved.articles.len(), 4);
    assert!(!saved.articles[2].checked);

    // Reopened: the corrections, checks and selection come back.
    let mut again = app();
    start_and_wait(&mut again, Action::OpenPath(path));
    let view = atlas(&again)
        .state()
        .collection
        .as_ref()
        .expect("the collection reopens");
    assert_eq!(view.members[0].overrides.len(), 1);
    assert!(!view.checked[2]);
    assert_eq!(view.selection, Some(country("FRA")));
    assert_eq!(
        view.aggregate.analysis.country("QAT").map(|q| q.mentions),
        Some(1),
        "Doha still names Qatar; the corrected word does not"
    );
}
