//! Open, Export and Save always reach a file dialog: the built-in one, when
//! chosen or when the desktop has none, lists the folder of the open
//! article, and the file chosen in it is opened, exported to or saved to.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use article_atlas::analysis::Override;
use article_atlas::app::{Action, Article, Settings};
use article_atlas::picture::PictureFormat;
use article_atlas::project::Project;
use egui_kittest::kittest::Queryable;

mod common;
use common::{App, atlas, perform};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// The app with the built-in dialog chosen, showing `first` (so dialogs start in its folder).
fn app_on(first: &Path, built_in: bool) -> App {
    let settings = Settings {
        built_in_dialog: built_in,
        ..Settings::default()
    };
    let mut harness = common::app_with(Article::bundled, settings, |_| {});
    harness.run();
    perform(&mut harness, Action::OpenPath(first.to_path_buf()));
    harness
}

/// Click the file called `name` in the built-in dialog's list.
fn choose(harness: &mut App, name: &str) {
    harness.get_by_label(name).click();
    harness.run();
}

#[test]
fn open_lists_the_folder_and_opens_the_article_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "first.txt", "Talks in Lima, Peru.");
    write(dir.path(), "second.md", "# Kabul\n\nTalks in Kabul, Afghanistan.");
    write(dir.path(), "photo.png", "not an article");
    let mut harness = app_on(&first, true);
    perform(&mut harness, Action::Open);
    harness.get_by_label("Open an article");
    harness.get_by_label("second.md");
    assert!(
        harness.query_by_label("photo.png").is_none(),
        "only the formats the app reads"
    );
    harness.get_by_label_contains("Built-in file dialog");
    choose(&mut harness, "second.md");
    harness.get_by_label("Open").click();
    harness.run();
    assert_eq!(atlas(&harness).state().article.name, "second.md");
    assert!(harness.query_by_label("Open an article").is_none(), "the dialog closed");
}

/// Wait for the collection being analysed in the background, then settle.
fn wait_for_collection(harness: &mut App) {
    let ctx = harness.ctx.clone();
    let app = harness.state_mut().as_mut().unwrap();
    assert!(app.wait_for_background(&ctx, Duration::from_secs(30)));
    harness.run();
}

#[test]
fn several_files_chosen_with_ctrl_or_the_folder_shown_open_as_a_collection() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "first.txt", "Talks in Lima, Peru.");
    write(dir.path(), "second.md", "# Kabul\n\nTalks in Kabul, Afghanistan.");
    write(dir.path(), "third.txt", "Floods in Pakistan.");
    let mut harness = app_on(&first, true);
    perform(&mut harness, Action::Open);
    harness
        .get_by_label("second.md")
        .click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    harness
        .get_by_label("third.txt")
        .click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    // The Open button's action starts the collection in the background: no settling run here.
    harness.get_by_label("Open 2 files").click();
    harness.step();
    wait_for_collection(&mut harness);
    let view = atlas(&harness).state().collection.as_ref().expect("a collection");
    let names: Vec<String> = view.members.iter().map(|m| m.name()).collect();
    assert_eq!(names, ["second.md", "third.txt"]);

    perform(&mut harness, Action::OpenFolder);
    harness.get_by_label("Open a folder of articles");
    assert!(
        harness.query_by_label("first.txt").is_none(),
        "a folder dialog lists folders"
    );
    harness.get_by_label("Open this folder").click();
    harness.step();
    wait_for_collection(&mut harness);
    let view = atlas(&harness).state().collection.as_ref().expect("a collection");
    assert_eq!(view.members.len(), 3);
}

#[test]
fn cancel_opens_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "first.txt", "Talks in Lima, Peru.");
    let mut harness = app_on(&first, true);
    perform(&mut harness, Action::Open);
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Open an article").is_none());
    assert_eq!(atlas(&harness).state().article.name, "first.txt");
}

#[test]
fn save_project_proposes_a_name_and_the_project_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "talks.txt", "Talks in Ankara, Turkey.\nTurkey\n");
    let mut harness = app_on(&first, true);
    let start = "Talks in Ankara, Turkey.\n".len();
    perform(
        &mut harness,
        Action::Correct(Override::NotAPlace { start, end: start + 6 }),
    );
    perform(&mut harness, Action::SaveProjectAs);
    harness.get_by_label("Save the project");
    harness.get_by_label("Save").click();
    harness.run();
    let saved = dir.path().join("talks.atlas.json");
    let project = Project::load(&saved).expect("saved under the proposed name");
    assert_eq!(project.overrides.len(), 1);
    assert!(!atlas(&harness).state().article.has_unsaved_work());

    let mut again = app_on(&first, true);
    perform(&mut again, Action::OpenPath(saved));
    assert_eq!(atlas(&again).state().article.overrides.len(), 1);
}

#[test]
fn export_png_writes_a_real_png_where_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "brief.txt", "Talks in Doha, Qatar, drew Afghans.");
    let mut harness = app_on(&first, true);
    perform(&mut harness, Action::ExportPicture(PictureFormat::Png, 2));
    harness.get_by_label("Export the map as PNG");
    harness.get_by_label("Save").click();
    harness.run();
    let path = dir.path().join("brief.png");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).unwrap()));
    let reader = decoder.read_info().unwrap();
    let (w, h) = reader.info().size();
    let map = atlas(&harness).state();
    assert!(map.error.is_none(), "{:?}", map.error);
    assert!(w >= 400 && h >= 200, "a picture of the map at 2×: {w}×{h}");
    harness.get_by_label_contains("Saved");
}

#[test]
fn export_svg_and_pdf_write_vector_pictures_with_their_labels_where_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "brief.txt", "Talks in Doha, Qatar, drew Afghans.");
    let mut harness = app_on(&first, true);
    perform(&mut harness, Action::ExportPicture(PictureFormat::Svg, 1));
    harness.get_by_label("Export the map as SVG");
    harness.get_by_label("Save").click();
    harness.run();
    let svg = std::fs::read_to_string(dir.path().join("brief.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("id=\"QAT\""), "{}", &svg[..200]);
    assert!(svg.contains("Afghanistan") && svg.contains("<desc>Countries named in"));
    perform(&mut harness, Action::ExportPicture(PictureFormat::Pdf, 1));
    harness.get_by_label("Export the map as PDF");
    harness.get_by_label("Save").click();
    harness.run();
    let pdf = std::fs::read(dir.path().join("brief.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(atlas(&harness).state().error.is_none());
}

/// With no desktop dialog to show (no D-Bus session, no zenity), Open falls
/// back to the built-in dialog and the status bar says so. Run in a child
/// process whose environment has neither.
#[test]
fn with_no_desktop_dialog_open_falls_back_to_the_built_in_one() {
    let runtime = tempfile::tempdir().unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "no_desktop_dialog_helper",
            "--test-threads=1",
            "--nocapture",
        ])
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_RUNTIME_DIR", runtime.path())
        .env("PATH", runtime.path())
        .env(HELPER, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed") && stdout.contains("fell back: ok"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Set for the helper by the test that runs it.
const HELPER: &str = "ARTICLE_ATLAS_NO_DESKTOP_HELPER";

#[test]
#[ignore = "run with no desktop by with_no_desktop_dialog_open_falls_back_to_the_built_in_one"]
fn no_desktop_dialog_helper() {
    // Run alone on a desktop, Open would show the desktop's real dialog and wait.
    if std::env::var_os(HELPER).is_none() {
        eprintln!("a helper: with_no_desktop_dialog_open_falls_back_to_the_built_in_one runs it");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let first = write(dir.path(), "first.txt", "Talks in Lima, Peru.");
    write(dir.path(), "second.txt", "Talks in Doha, Qatar.");
    let mut harness = app_on(&first, false);
    perform(&mut harness, Action::Open);
    let started = Instant::now();
    while harness.query_by_label("Open an article").is_none() {
        assert!(started.elapsed() < Duration::from_secs(30), "no dialog at all");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    harness.run();
    harness.get_by_label_contains("Built-in file dialog (the desktop showed none");
    choose(&mut harness, "second.txt");
    harness.get_by_label("Open").click();
    harness.run();
    assert_eq!(atlas(&harness).state().article.name, "second.txt");
    println!("fell back: ok");
}
