//! Notes on the map and the projection of pictures, as a user works with
//! them: right-click the map, "Add note here", type, drag the box; the note
//! is saved in the project, drawn in pictures, and never lost unsaved. The
//! Picture menu's projection is what presentation mode and the export
//! window preview.

use article_atlas::app::{Action, Article, Settings};
use article_atlas::cartography::ProjectionKind;
use article_atlas::project::Project;
use egui::{Event, Modifiers, PointerButton, pos2, vec2};
use egui_kittest::kittest::Queryable;

mod common;
use common::{App, atlas, perform};

fn app() -> App {
    let mut harness = common::app_with(
        || Article::from_text("talks.txt", "Talks in Doha, Qatar, drew Afghans.\n".into(), Vec::new()),
        Settings::default(),
        |_| {},
    );
    harness.run();
    harness
}

/// Press and release `button` at `pos`.
fn click_at(harness: &mut App, pos: egui::Pos2, button: PointerButton) {
    harness.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos,
            button,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
}

#[test]
fn a_note_is_added_from_the_map_typed_dragged_saved_and_reopened() {
    let mut harness = app();
    // Right-click near the map's left edge, away from the marks and overlays.
    let map = harness.get_by_label("World map").rect();
    click_at(
        &mut harness,
        pos2(map.left() + 40.0, map.center().y),
        PointerButton::Secondary,
    );
    harness.get_by_label("Add note here").click();
    harness.run();
    let state = atlas(&harness).state();
    assert_eq!(state.picture.notes.len(), 1, "a note at the point clicked");
    assert_eq!(state.picture.editing_note, Some(0));
    assert!(state.has_unsaved_work(), "a new note is unsaved work");

    harness
        .get_by_label("Note text")
        .type_text("Peace talks\nFebruary 2020");
    harness.run();
    harness.get_by_label("Done").click();
    harness.run();
    assert_eq!(
        atlas(&harness).state().picture.notes[0].text,
        "Peace talks\nFebruary 2020"
    );
    assert!(harness.query_by_label("Note text").is_none(), "the editor closed");

    // Drag the note's box 60 points right.
    let before = atlas(&harness).state().picture.notes[0].offset;
    let note = harness.get_by_label("Note: Peace talks\nFebruary 2020").rect().center();
    harness.event(Event::PointerMoved(note));
    harness.event(Event::PointerButton {
        pos: note,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    for k in 1..=6 {
        harness.event(Event::PointerMoved(note + vec2(10.0 * k as f32, 0.0)));
        harness.step();
    }
    harness.event(Event::PointerButton {
        pos: note + vec2(60.0, 0.0),
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let after = atlas(&harness).state().picture.notes[0].offset;
    assert!(after[0] > before[0] + 30.0, "moved right: {before:?} → {after:?}");

    // Saved in the project with the projection, and back on reopening.
    perform(&mut harness, Action::SetProjection(ProjectionKind::Globe));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.atlas.json");
    perform(&mut harness, Action::SaveProjectTo(path.clone()));
    assert!(!atlas(&harness).state().has_unsaved_work());
    let project = Project::load(&path).unwrap();
    assert_eq!(project.notes.len(), 1);
    assert_eq!(project.projection, Some(ProjectionKind::Globe));

    let mut again = app();
    perform(&mut again, Action::OpenPath(path));
    let state = atlas(&again).state();
    assert_eq!(state.picture.notes, project.notes);
    assert_eq!(state.picture.projection, ProjectionKind::Globe);
    again.get_by_label("Note: Peace talks\nFebruary 2020");
}

#[test]
fn an_unsaved_note_is_asked_about_and_a_deleted_note_is_gone() {
    let mut harness = app();
    perform(&mut harness, Action::AddNote(51.5, 25.3));
    perform(&mut harness, Action::SetNoteText(0, "Doha".into()));
    perform(&mut harness, Action::OpenText("Talks in Kabul.".into()));
    harness.get_by_label("Save the notes first?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(atlas(&harness).state().picture.notes.len(), 1, "Cancel keeps the note");

    perform(&mut harness, Action::EditNote(Some(0)));
    harness.get_by_label("Delete note").click();
    harness.run();
    assert!(atlas(&harness).state().picture.notes.is_empty());
    assert!(harness.query_by_label("Note: Doha").is_none());
}

#[test]
fn the_projection_is_chosen_in_the_picture_menu_and_previewed() {
    let settings = Settings {
        built_in_dialog: true,
        ..Settings::default()
    };
    let mut harness = common::app_with(Article::bundled, settings, |_| {});
    harness.run();
    harness.get_by_label("Picture").click();
    harness.run();
    harness.get_by_label("Globe (centred on the places)").click();
    harness.run();
    assert_eq!(atlas(&harness).state().picture.projection, ProjectionKind::Globe);

    // Presentation mode shows the picture in its projection; its marks still select.
    perform(&mut harness, Action::Presentation(true));
    harness.get_by_label_contains("Picture preview: Countries named in");
    harness.get_by_label("Russia marker").click();
    harness.run();
    let russia = atlas(&harness).state().selection;
    assert!(russia.is_some());
    perform(&mut harness, Action::Presentation(false));

    // The export window previews the same picture and offers the formats.
    perform(&mut harness, Action::ShowExport(true));
    harness.get_by_label_contains("Picture preview: Countries named in");
    harness.get_by_label("SVG (labels as text)").click();
    harness.run();
    harness.get_by_label("Save…").click();
    harness.run();
    harness.get_by_label("Export the map as SVG");
}

#[test]
fn notes_are_drawn_in_every_export() {
    let mut harness = app();
    perform(&mut harness, Action::AddNote(51.5, 25.3));
    perform(&mut harness, Action::SetNoteText(0, "Talks venue".into()));
    let scene = harness.state_mut().as_mut().unwrap().scene();
    let note = scene
        .labels
        .iter()
        .find(|l| l.place.is_none())
        .expect("the note is in the picture");
    assert_eq!(note.name, "Talks venue");
    let svg = article_atlas::picture::svg::to_svg(&scene);
    assert!(svg.contains("Talks venue"));
}
