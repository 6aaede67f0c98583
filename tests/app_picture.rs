//! The app's picture controls driven headlessly: presentation mode (F11
//! hides the panels, Esc brings them back), and the title, legend and
//! attribution overlays switched off and edited from the Picture menu.

mod common;

use article_atlas::app::AtlasApp;
use article_atlas::map::MapTheme;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app on the bundled article, after its first frames.
fn app() -> common::App {
    let mut harness = common::app();
    harness.run();
    harness
}

fn app_state<'a>(harness: &'a Harness<'_, Option<AtlasApp>>) -> &'a article_atlas::app::AppState {
    harness.state().as_ref().unwrap().state()
}

fn open_picture_menu(harness: &mut Harness<'_, Option<AtlasApp>>) {
    harness.get_by_label("Picture").click();
    harness.run();
}

#[test]
fn f11_hides_the_panels_and_escape_brings_them_back() {
    let mut harness = app();
    assert!(harness.query_by_label("Filter").is_some(), "the places panel is shown");
    assert!(harness.query_by_label("Fit all").is_some(), "the toolbar is shown");

    harness.key_press(Key::F11);
    harness.run();
    assert!(app_state(&harness).picture.presentation);
    assert!(harness.query_by_label("Filter").is_none(), "no places panel");
    assert!(harness.query_by_label("Fit all").is_none(), "no toolbar");
    assert!(
        harness.query_by_label("Russia marker").is_some(),
        "the map is still shown"
    );
    harness.get_by_label("Leave presentation");

    // Esc leaves presentation mode without clearing the selection.
    harness.get_by_label("Russia marker").click();
    harness.run();
    assert!(app_state(&harness).selection.is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!app_state(&harness).picture.presentation);
    assert!(app_state(&harness).selection.is_some());
    assert!(harness.query_by_label("Filter").is_some());
    assert!(harness.query_by_label("Fit all").is_some());
}

#[test]
fn the_presentation_button_and_leave_button_toggle_the_mode() {
    let mut harness = app();
    harness.get_by_label("Presentation").click();
    harness.run();
    assert!(harness.query_by_label("Filter").is_none());
    harness.get_by_label("Leave presentation").click();
    harness.run();
    assert!(harness.query_by_label("Filter").is_some());
    // F11 toggles back and forth.
    harness.key_press(Key::F11);
    harness.run();
    harness.key_press(Key::F11);
    harness.run();
    assert!(harness.query_by_label("Filter").is_some());
}

#[test]
fn title_legend_and_attribution_can_be_switched_off() {
    let mut harness = app();
    harness.get_by_label(&format!(
        "Map title: {}",
        article_atlas::app::Article::bundled().title()
    ));
    harness.get_by_label("Map legend");
    harness.get_by_label("Attribution: Natural Earth");

    open_picture_menu(&mut harness);
    harness.get_by_label("Title").click();
    harness.run();
    assert!(harness.query_by_label_contains("Map title").is_none());
    assert!(harness.query_by_label("Map legend").is_some());

    harness.get_by_label("Legend").click();
    harness.run();
    assert!(harness.query_by_label("Map legend").is_none());
    harness.get_by_label("Attribution").click();
    harness.run();
    assert!(harness.query_by_label_contains("Attribution:").is_none());
    let options = &app_state(&harness).map_options;
    assert!(app_state(&harness).picture_title().is_none() && !options.show_legend && !options.show_attribution);

    harness.get_by_label("Title").click();
    harness.run();
    harness.get_by_label(&format!(
        "Map title: {}",
        article_atlas::app::Article::bundled().title()
    ));
}

#[test]
fn the_title_can_be_edited_and_the_selection_shows_in_the_legend() {
    let mut harness = app();
    // The row in the places list.
    harness.get_by_label("Afghanistan").click();
    harness.run();
    assert!(app_state(&harness).selection.is_some());
    let labels: Vec<String> = harness
        .query_all_by_label_contains("Legend")
        .map(|n| format!("{n:?}"))
        .collect();
    assert!(
        harness.query_by_label_contains("Legend: Afghanistan: ").is_some(),
        "{labels:?}"
    );

    open_picture_menu(&mut harness);
    let field = harness.get_by_label("Title text");
    field.click();
    harness.run();
    harness.get_by_label("Title text").type_text("ISIS-K ");
    harness.run();
    let title = app_state(&harness).picture_title().unwrap();
    assert!(title.contains("ISIS-K") && title.len() > "ISIS-K ".len(), "{title}");
    harness.get_by_label(&format!("Map title: {title}"));
}

#[test]
fn the_print_theme_and_colour_blind_scale_are_chosen_in_the_menu() {
    let mut harness = app();
    open_picture_menu(&mut harness);
    harness.get_by_label("Print theme (white, dark borders)").click();
    harness.run();
    assert_eq!(app_state(&harness).map_options.theme, MapTheme::Print);
    // The menu stays open while the look is chosen.
    harness.get_by_label("Colour-blind-safe scale (viridis)").click();
    harness.run();
    assert!(app_state(&harness).map_options.colorblind);
}

#[test]
fn at_the_fitted_view_every_place_has_its_label() {
    let harness = app();
    let analysis = &app_state(&harness).article.analysis;
    let missing: Vec<&str> = analysis
        .places()
        .map(|p| p.name.as_str())
        .filter(|name| harness.query_by_label(&format!("{name} label")).is_none())
        .collect();
    assert!(missing.is_empty(), "no label for {missing:?}");
}
