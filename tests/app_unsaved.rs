//! Unsaved corrections are never dropped without a word: opening another
//! article, dropping or pasting one, or closing the window asks
//! "Save the corrections first?" with Save, Discard and Cancel.

use std::path::{Path, PathBuf};

use article_atlas::analysis::Override;
use article_atlas::app::{Action, Article, Settings};
use article_atlas::project::Project;
use egui::{ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::kittest::Queryable;

mod common;
use common::{App, atlas, perform};

const TEXT: &str = "Talks in Ankara, Turkey, went on.\nTurkey\n";
const QUESTION: &str = "Save the corrections first?";

fn app() -> App {
    let mut harness = common::app_with(
        || Article::from_text("talks.txt", TEXT.into(), Vec::new()),
        Settings::default(),
        |_| {},
    );
    harness.run();
    harness
}

/// The app with one correction made: the second "Turkey" is not a place.
fn corrected() -> App {
    let mut harness = app();
    let start = TEXT.rfind("Turkey").unwrap();
    perform(
        &mut harness,
        Action::Correct(Override::NotAPlace {
            start,
            end: start + "Turkey".len(),
        }),
    );
    assert!(atlas(&harness).state().article.has_unsaved_work());
    harness
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn asked(harness: &App) -> bool {
    harness.query_by_label(QUESTION).is_some()
}

#[test]
fn cancel_keeps_the_article_and_its_correction() {
    let dir = tempfile::tempdir().unwrap();
    let other = write(dir.path(), "other.txt", "Talks in Lima, Peru.");
    let mut harness = corrected();
    perform(&mut harness, Action::OpenPath(other));
    assert!(asked(&harness), "the question appears");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!asked(&harness));
    let state = atlas(&harness).state();
    assert_eq!(state.article.name, "talks.txt");
    assert_eq!(state.article.overrides.len(), 1, "the correction is kept");
}

#[test]
fn discard_opens_the_other_article() {
    let dir = tempfile::tempdir().unwrap();
    let other = write(dir.path(), "other.txt", "Talks in Lima, Peru.");
    let mut harness = corrected();
    perform(&mut harness, Action::OpenPath(other));
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(!asked(&harness));
    assert_eq!(atlas(&harness).state().article.name, "other.txt");
}

#[test]
fn pasting_and_dropping_over_unsaved_work_ask_too() {
    let mut harness = corrected();
    perform(&mut harness, Action::OpenText("Talks in Lima, Peru.".into()));
    assert!(asked(&harness), "pasting asks");
    harness.get_by_label("Cancel").click();
    harness.run();
    perform(
        &mut harness,
        Action::OpenBytes(b"Lima, Peru.".to_vec(), "dropped.txt".into()),
    );
    assert!(asked(&harness), "dropping asks");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(atlas(&harness).state().article.name, "talks.txt");
}

#[test]
fn save_writes_the_project_then_opens_the_other_article() {
    let dir = tempfile::tempdir().unwrap();
    let other = write(dir.path(), "other.txt", "Talks in Lima, Peru.");
    let project = dir.path().join("talks.atlas.json");
    let mut harness = corrected();
    // Saved once, so "Save" knows where to save again.
    perform(&mut harness, Action::SaveProjectTo(project.clone()));
    let start = TEXT.find("Turkey").unwrap();
    perform(
        &mut harness,
        Action::Correct(Override::NotAPlace {
            start,
            end: start + "Turkey".len(),
        }),
    );
    perform(&mut harness, Action::OpenPath(other));
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(atlas(&harness).state().article.name, "other.txt");
    let saved = Project::load(&project).unwrap();
    assert_eq!(saved.overrides.len(), 2, "both corrections were saved first");
}

#[test]
fn saved_or_undone_work_opens_without_a_question() {
    let dir = tempfile::tempdir().unwrap();
    let other = write(dir.path(), "other.txt", "Talks in Lima, Peru.");
    let mut harness = corrected();
    perform(&mut harness, Action::UndoLastCorrection);
    perform(&mut harness, Action::OpenPath(other.clone()));
    assert!(!asked(&harness));
    assert_eq!(atlas(&harness).state().article.name, "other.txt");
}

/// The commands the app sent to its window in the last frame.
fn window_commands(harness: &App) -> Vec<ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|v| v.commands.clone())
        .unwrap_or_default()
}

#[test]
fn closing_the_window_with_unsaved_work_asks_first() {
    let mut harness = corrected();
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    assert!(
        window_commands(&harness).contains(&ViewportCommand::CancelClose),
        "the close is held back"
    );
    harness.run();
    assert!(asked(&harness));
    harness.get_by_label_contains("Closing the window discards them");
    harness.get_by_label("Discard").click();
    harness.step();
    assert!(
        window_commands(&harness).contains(&ViewportCommand::Close),
        "then the window closes"
    );
}
