//! Correcting the detector in the app: the text view's context menu, word
//! selection, the place picker, the Corrections window and undo.

use std::time::Duration;

use article_atlas::analysis::Override;
use article_atlas::place::PlaceRef;
mod common;

use article_atlas::app::{Action, Article, Settings};
use common::{App, atlas, perform};
use egui::{Event, Key, Modifiers, PointerButton, Role, vec2};
use egui_kittest::kittest::{By, Queryable};

/// An article with a true "Turkey", a false one (a line of its own, as a
/// recipe heading would be), a missed "Emerald Isle" and a lone "Hibernia".
const TEXT: &str = "Talks in Ankara, Turkey, went on.\nTurkey\nMeanwhile the Emerald Isle sent envoys to Lima, Peru, and Greece.\nHibernia\n";

fn app() -> App {
    common::app_with(
        || Article::from_text("talks.txt", TEXT.into(), Vec::new()),
        Settings::default(),
        |_| {},
    )
}

/// (mentions, passages) of the country with `code`, or zeros.
fn counts(harness: &App, code: &str) -> (usize, usize) {
    atlas(harness)
        .state()
        .analysis()
        .country(code)
        .map_or((0, 0), |c| (c.mentions, c.passages.len()))
}

/// The paragraph of the article view whose whole text is `text`.
fn paragraph<'a>(harness: &'a App, text: &'a str) -> egui_kittest::Node<'a> {
    harness.get_by(move |n| n.role() == Role::Paragraph && n.label().as_deref() == Some(text))
}

/// How many buttons are labelled `label`.
fn buttons(harness: &App, label: &str) -> usize {
    harness.query_all(By::new().role(Role::Button).label(label)).count()
}

/// The entry of the place lists called `name`.
fn list_entry<'a>(harness: &'a App, name: &'a str) -> egui_kittest::Node<'a> {
    harness.get_by(move |n| n.role() != Role::Paragraph && n.label().as_deref() == Some(name))
}

/// Is a passage (a button labelled with its sentence) shown in the passages panel?
fn passage_shown(harness: &App, sentence: &str) -> bool {
    harness.query_all(By::new().role(Role::Button).label(sentence)).count() > 0
}

#[test]
fn a_false_turkey_is_removed_from_the_context_menu_and_comes_back_on_undo() {
    let mut harness = app();
    let (mentions, passages) = counts(&harness, "TUR");
    assert_eq!(passages, 2);
    paragraph(&harness, "Turkey").click_secondary();
    harness.run();
    harness.get_by_label("Not a place").click();
    harness.run();
    assert_eq!(counts(&harness, "TUR"), (mentions - 1, 1));
    assert_eq!(
        atlas(&harness).state().article.overrides,
        [Override::NotAPlace { start: 34, end: 40 }]
    );

    // The lists and passages follow: Turkey's one passage is the true one.
    list_entry(&harness, "Turkey").click();
    harness.run();
    harness.get_by_label(&format!("{} mentions in 1 passage", mentions - 1));
    assert!(passage_shown(&harness, "Talks in Ankara, Turkey, went on."));
    // The list entry is the only button called "Turkey": no such passage.
    assert_eq!(buttons(&harness, "Turkey"), 1);

    // The Corrections window lists it; undoing it brings the mention back.
    harness.get_by_label("1 correction").click();
    harness.run();
    harness.get_by_label("“Turkey”: not a place");
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(counts(&harness, "TUR"), (mentions, 2));
    assert!(atlas(&harness).state().article.overrides.is_empty());
    assert!(atlas(&harness).state().selection.is_some(), "the selection stays");
    assert_eq!(buttons(&harness, "Turkey"), 2, "the passage \"Turkey\" is back");
}

#[test]
fn refers_to_moves_a_mention_to_the_place_chosen_in_the_picker() {
    let mut harness = app();
    let (turkey, _) = counts(&harness, "TUR");
    let (greece, _) = counts(&harness, "GRC");
    paragraph(&harness, "Turkey").click_secondary();
    harness.run();
    harness.get_by_label("Refers to…").click();
    harness.run();
    harness.get_by_label("“Turkey” refers to…");
    harness.get_by_label("Search places").type_text("gree");
    harness.run();
    harness.get_by_label("Greece (country)").click();
    harness.run();
    assert_eq!(counts(&harness, "TUR").0, turkey - 1);
    assert_eq!(counts(&harness, "GRC"), (greece + 1, 2));
    assert!(harness.query_by_label("Search places").is_none(), "the picker closed");
}

#[test]
fn a_missed_name_is_marked_as_a_place_by_selecting_it() {
    let mut harness = app();
    assert_eq!(counts(&harness, "IRL"), (0, 0));
    // Dragging across the word selects it; right-click offers "Mark as…".
    let rect = paragraph(&harness, "Hibernia").rect();
    let (from, to) = (
        rect.left_center() + vec2(2.0, 0.0),
        rect.right_center() - vec2(2.0, 0.0),
    );
    let button = |pos, pressed| Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.event(Event::PointerMoved(from));
    harness.event(button(from, true));
    harness.step();
    harness.event(Event::PointerMoved(rect.center()));
    harness.step();
    harness.event(Event::PointerMoved(to));
    harness.step();
    harness.event(button(to, false));
    harness.run();
    assert!(harness.query_by_label("Mark as…").is_none());
    paragraph(&harness, "Hibernia").click_secondary();
    harness.run();
    harness.get_by_label("Mark as…").click();
    harness.run();
    harness.get_by_label("Mark “Hibernia” as…");
    harness.get_by_label("Search places").type_text("Ireland");
    harness.run();
    harness.get_by_label("Ireland (country)").click();
    harness.run();
    assert_eq!(counts(&harness, "IRL"), (1, 1));
    list_entry(&harness, "Ireland").click();
    harness.run();
    assert!(passage_shown(&harness, "Hibernia"));
}

#[test]
fn corrections_through_the_app_actions_update_counts_and_passages() {
    let mut harness = app();
    harness.get_by_label("Peru").click();
    harness.run();
    let view = harness.state_mut().as_mut().unwrap().map_mut().view();
    let isle = TEXT.find("Emerald Isle").unwrap();
    perform(
        &mut harness,
        Action::Correct(Override::MarkAs {
            start: isle,
            end: isle + "Emerald Isle".len(),
            place: PlaceRef::Country { code: "IRL".into() },
        }),
    );
    assert_eq!(counts(&harness, "IRL"), (1, 1));
    let sentence = atlas(&harness).state().analysis().document.sentences[2].span;
    assert_eq!(atlas(&harness).state().analysis().country("IRL").unwrap().passages, [2]);
    assert!(sentence.contains(isle, isle + 12));
    assert_eq!(
        harness.state_mut().as_mut().unwrap().map_mut().view(),
        view,
        "the map stays put"
    );
    assert!(atlas(&harness).state().selection.is_some());
    harness.get_by_label("Ireland").click();
    harness.run();
    assert!(passage_shown(
        &harness,
        "Meanwhile the Emerald Isle sent envoys to Lima, Peru, and Greece."
    ));

    // Ctrl+Z undoes the last correction.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(counts(&harness, "IRL"), (0, 0));
}

#[test]
fn a_correction_that_cannot_apply_says_why() {
    let mut harness = app();
    perform(&mut harness, Action::Correct(Override::NotAPlace { start: 0, end: 5 }));
    harness.get_by_label_contains("no place was detected at \"Talks\"");
    perform(&mut harness, Action::ToggleCorrections);
    harness.get_by_label_contains("Not applied:");
}

#[test]
fn corrections_of_a_book_are_applied_in_the_background() {
    let text = format!(
        "{}Turkey\n",
        TEXT.repeat(1 + (article_atlas::app::SYNC_LIMIT as usize) / TEXT.len())
    );
    let end = text.len() - 1;
    let mut harness = common::app_with(
        move || Article::from_text("book.txt", text.clone(), Vec::new()),
        Settings::default(),
        |_| {},
    );
    harness.step();
    let (turkey, _) = counts(&harness, "TUR");
    let ctx = harness.ctx.clone();
    let app = harness.state_mut().as_mut().unwrap();
    app.perform(&ctx, Action::Correct(Override::NotAPlace { start: end - 6, end }));
    assert!(app.is_busy());
    assert!(app.wait_for_background(&ctx, Duration::from_secs(120)));
    harness.step();
    assert_eq!(counts(&harness, "TUR").0, turkey - 1);
    assert_eq!(atlas(&harness).state().article.overrides.len(), 1);
}
