//! Opening text in the app: every format, bad inputs, pasting, dropping,
//! recent files, projects, and large files analysed in the background.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use article_atlas::analysis::Override;
use article_atlas::place::PlaceRef;
mod common;

use article_atlas::app::{Action, Article, AtlasApp, Settings};
use article_atlas::map::MapTheme;
use article_atlas::project::{MapViewState, Project};
use common::{App, app, atlas, perform};
use egui::{Event, Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn open(harness: &mut App, path: &Path) {
    perform(harness, Action::OpenPath(path.to_path_buf()));
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The codes of the countries the app lists, most mentioned first.
fn countries(harness: &App) -> Vec<String> {
    atlas(harness)
        .state()
        .analysis()
        .countries
        .iter()
        .map(|c| c.code.clone())
        .collect()
}

/// The bundled article is still shown, with Qatar selected.
fn assert_bundled_kept(harness: &App) {
    harness.get_by_label(article_atlas::BUNDLED_ARTICLE_NAME);
    let state = atlas(harness).state();
    assert_eq!(state.article.name, article_atlas::BUNDLED_ARTICLE_NAME);
    assert!(state.selection.is_some(), "the selection is kept");
    assert!(countries(harness).contains(&"QAT".to_string()));
}

#[test]
fn text_markdown_html_and_project_files_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app();

    let txt = write(dir.path(), "brief.txt", "Talks in Lima, Peru, went on.");
    open(&mut harness, &txt);
    harness.get_by_label("brief.txt");
    assert_eq!(countries(&harness), ["PER"]);

    let md = write(
        dir.path(),
        "notes.md",
        "# Andean talks\n\nTalks in *Quito*, [Ecuador](https://example.com),\nwent on.\n",
    );
    open(&mut harness, &md);
    harness.get_by_label("notes.md");
    assert_eq!(countries(&harness), ["ECU"]);
    assert_eq!(atlas(&harness).state().article.title.as_deref(), Some("Andean talks"));
    assert!(!atlas(&harness).state().analysis().document.text.contains("https"));

    let html = write(
        dir.path(),
        "page.html",
        "<!doctype html><html><head><title>Chile news</title><script>var x = 'Peru';</script></head>\
         <body><p>Protests in Santiago, Chile.</p></body></html>",
    );
    open(&mut harness, &html);
    harness.get_by_label("page.html");
    assert_eq!(countries(&harness), ["CHL"], "scripts are not read");

    let mut project = Project::new("Talks in Doha, Qatar.\nNepal too.".into(), Some("wire.txt".into()));
    project.selected = Some(PlaceRef::Country { code: "NPL".into() });
    project.view = Some(MapViewState {
        lon: 84.0,
        lat: 28.0,
        zoom: 5.0,
    });
    project.overrides = vec![Override::NotAPlace { start: 22, end: 27 }];
    let saved = dir.path().join("work.atlas.json");
    project.save(&saved).unwrap();
    open(&mut harness, &saved);
    harness.get_by_label("work.atlas.json");
    assert_eq!(countries(&harness), ["QAT"], "the project's correction is applied");
    let app = harness.state_mut().as_mut().unwrap();
    let (lon, lat, zoom) = app.map_mut().view();
    assert!((lon - 84.0).abs() < 1e-6 && (lat - 28.0).abs() < 1e-6 && (zoom - 5.0).abs() < 1e-6);
    assert_eq!(atlas(&harness).state().article.overrides.len(), 1);
    assert_eq!(atlas(&harness).state().article.source.as_deref(), Some("wire.txt"));
    assert!(atlas(&harness).state().error.is_none());
}

#[test]
fn bad_inputs_say_why_and_keep_the_open_article() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(PathBuf, &str)> = vec![
        (dir.path().join("missing.txt"), "no such file"),
        (dir.path().to_path_buf(), "is a directory"),
        (
            write(dir.path(), "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            "binary file",
        ),
        (write(dir.path(), "empty.txt", b""), "is empty"),
        (write(dir.path(), "blank.md", b"  \n\n \t\n"), "is empty"),
        (
            write(dir.path(), "broken.atlas.json", b"{ \"version\": 1, \"text\": "),
            "corrupt project file",
        ),
        (
            write(dir.path(), "future.atlas.json", br#"{ "version": 99, "text": "Peru" }"#),
            "newer version of Article Atlas",
        ),
    ];
    let mut harness = app();
    harness.get_by_label("Qatar").click();
    harness.run();
    for (path, why) in cases {
        open(&mut harness, &path);
        let error = atlas(&harness).state().error.clone().unwrap_or_default();
        assert!(error.contains(why), "{}: {error}", path.display());
        harness.get_by_label_contains(why);
        assert_bundled_kept(&harness);
        harness.get_by_label("Dismiss").click();
        harness.run();
        assert!(atlas(&harness).state().error.is_none());
    }
}

#[test]
fn invalid_utf8_opens_with_a_warning() {
    // Decided: bytes that are not UTF-8 (e.g. a Latin-1 file) are text in
    // an older encoding; they open read in the encoding they most likely
    // are in, with a warning in the status bar, rather than being refused.
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "latin1.txt",
        b"Talks in Lima, Per\xfa, went on. Peru agreed.",
    );
    // The test fonts may miss a glyph of a badly decoded file (the app draws a box).
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .allow_missing_glyphs()
        .build_ui_state(
            |ui, app: &mut Option<AtlasApp>| {
                app.get_or_insert_with(|| AtlasApp::new(ui.ctx(), Article::bundled(), Settings::default()))
                    .show(ui);
            },
            None,
        );
    open(&mut harness, &path);
    harness.get_by_label("latin1.txt");
    harness.get_by_label_contains("not valid UTF-8; read as windows-");
    assert!(atlas(&harness).state().analysis().document.text.contains("Perú"));
    assert_eq!(countries(&harness), ["PER"]);
}

#[test]
fn pasted_text_opens_unless_a_text_field_has_the_keyboard() {
    let mut harness = app();
    harness.event(Event::Paste("Talks in Lima, Peru, went on.".into()));
    harness.run();
    harness.get_by_label(article_atlas::app::PASTED_NAME);
    assert_eq!(countries(&harness), ["PER"]);
    assert_eq!(atlas(&harness).state().article.source.as_deref(), Some("clipboard"));

    harness.get_by_label("Filter").click();
    harness.run();
    harness.event(Event::Paste("Nepal".into()));
    harness.run();
    assert_eq!(countries(&harness), ["PER"], "pasting into the filter opens nothing");
    assert_eq!(harness.get_by_label("Filter").value().as_deref(), Some("Nepal"));
}

#[test]
fn pasting_nothing_but_spaces_keeps_the_article() {
    let mut harness = app();
    harness.get_by_label("Qatar").click();
    harness.run();
    harness.event(Event::Paste("   \n ".into()));
    harness.run();
    harness.get_by_label_contains("The pasted text: is empty");
    assert_bundled_kept(&harness);
}

#[derive(Debug)]
struct Dropped(PathBuf, Vec<u8>);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        Ok(self.1.clone())
    }
}

#[test]
fn a_dropped_file_opens_by_path_or_by_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "dropped.md", "# News\n\nTalks in Lima, Peru.");
    let mut harness = app();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path, Vec::new())));
    harness.run();
    harness.get_by_label("dropped.md");
    assert_eq!(countries(&harness), ["PER"]);
    // No file behind it (as from a browser): its bytes are read.
    let bytes = b"<html><body><p>Riots in Nairobi, Kenya.</p></body></html>".to_vec();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(PathBuf::from("kenya.html"), bytes)));
    harness.run();
    harness.get_by_label("kenya.html");
    assert_eq!(countries(&harness), ["KEN"]);
}

#[test]
fn recent_files_are_listed_newest_first_and_missing_ones_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "Talks in Lima, Peru.");
    let b = write(dir.path(), "b.txt", "Talks in Quito, Ecuador.");
    let mut harness = app();
    open(&mut harness, &a);
    open(&mut harness, &b);
    open(&mut harness, &a);
    let names: Vec<_> = atlas(&harness)
        .recent_files()
        .iter()
        .map(|p| p.file_name().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["a.txt", "b.txt"]);

    std::fs::remove_file(&b).unwrap();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open recent").click();
    harness.run();
    let missing = harness.get_by_label("b.txt (missing)");
    assert!(missing.accesskit_node().is_disabled());
    harness
        .get_by(|n| n.role() == Role::Button && n.label().as_deref() == Some("a.txt"))
        .click();
    harness.run();
    harness.get_by_label("a.txt");

    open(&mut harness, &b);
    harness.get_by_label_contains("removed from the recent files");
    assert_eq!(atlas(&harness).recent_files().len(), 1);
}

#[test]
fn a_project_saved_from_the_app_opens_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Talks in Ankara, Turkey, went on.\nTurkey\nMeanwhile the Emerald Isle sent envoys to Lima, Peru, and Greece.\n";
    let article = write(dir.path(), "talks.txt", text);
    let mut first = app();
    open(&mut first, &article);
    perform(&mut first, Action::Correct(Override::NotAPlace { start: 34, end: 40 }));
    let isle = text.find("Emerald Isle").unwrap();
    let ireland = PlaceRef::Country { code: "IRL".into() };
    perform(
        &mut first,
        Action::Correct(Override::MarkAs {
            start: isle,
            end: isle + "Emerald Isle".len(),
            place: ireland,
        }),
    );
    first.get_by_label("Peru").click();
    first.get_by_label("Dark").click();
    first.run();
    first.state_mut().as_mut().unwrap().map_mut().set_view(-40.0, 20.0, 3.5);
    first.run();
    let project = dir.path().join("talks.atlas.json");
    perform(&mut first, Action::SaveProjectTo(project.clone()));
    first.get_by_label_contains("Saved");
    assert!(atlas(&first).state().error.is_none());

    let mut second = app();
    open(&mut second, &project);
    let (a, b) = (atlas(&first).state(), atlas(&second).state());
    assert_eq!(a.analysis().mentions, b.analysis().mentions, "identical analysis");
    assert_eq!(a.analysis().document.text, b.analysis().document.text);
    assert_eq!(a.article.overrides, b.article.overrides);
    assert_eq!(a.selection, b.selection);
    assert_eq!(b.map_options.theme, article_atlas::map::MapTheme::Dark);
    assert_eq!(second.ctx.theme(), egui::Theme::Dark);
    let view_a = first.state_mut().as_mut().unwrap().map_mut().view();
    let view_b = second.state_mut().as_mut().unwrap().map_mut().view();
    assert!(
        (view_a.0 - view_b.0).abs() < 1e-9 && (view_a.1 - view_b.1).abs() < 1e-9 && (view_a.2 - view_b.2).abs() < 1e-9,
        "{view_a:?} {view_b:?}"
    );
    assert!(countries(&second).contains(&"IRL".to_string()));
    // Saved again to the same file without asking.
    perform(&mut second, Action::SaveProject);
    assert!(atlas(&second).state().error.is_none());
    assert!(Project::load(&project).is_ok());
}

#[test]
fn a_failed_save_says_why_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app();
    // The target is a directory: it cannot be replaced by a file.
    let target = dir.path().join("taken.atlas.json");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep.txt"), "old").unwrap();
    perform(&mut harness, Action::SaveProjectTo(target.clone()));
    harness.get_by_label_contains("Could not save the project");
    assert_eq!(std::fs::read_to_string(target.join("keep.txt")).unwrap(), "old");
    // A folder that does not exist.
    perform(
        &mut harness,
        Action::SaveProjectTo(dir.path().join("no/such/dir/x.atlas.json")),
    );
    harness.get_by_label_contains("cannot save");
    assert_eq!(
        atlas(&harness).state().article.name,
        article_atlas::BUNDLED_ARTICLE_NAME
    );
}

/// About 50 MB called `name`: `article` over and over (a long book).
fn book_of(dir: &Path, name: &str, article: &str) -> PathBuf {
    let copies = 50_000_000 / article.len() + 1;
    let mut text = String::with_capacity(copies * (article.len() + 1));
    for _ in 0..copies {
        text.push_str(article);
        text.push('\n');
    }
    write(dir, name, text)
}

/// The bundled article as a 50 MB book.
fn book(dir: &Path) -> PathBuf {
    book_of(dir, "book.txt", article_atlas::BUNDLED_ARTICLE)
}

#[test]
fn a_50_mb_book_is_analysed_while_the_window_keeps_answering() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path());
    let mut harness = app();
    harness.get_by_label("Qatar").click();
    harness.run();
    let started = Instant::now();
    let ctx = harness.ctx.clone();
    harness.state_mut().as_mut().unwrap().open_path(&ctx, &path);
    harness.step();
    assert!(atlas(&harness).is_busy(), "a book goes to the background");
    harness.get_by_label_contains("book.txt (51 MB)…");
    let mut frames = 0;
    let mut slowest = Duration::ZERO;
    let mut fractions = Vec::new();
    while atlas(&harness).is_busy() {
        assert!(started.elapsed() < Duration::from_secs(300), "the analysis finishes");
        let frame = Instant::now();
        harness.step();
        slowest = slowest.max(frame.elapsed());
        frames += 1;
        // The old article stays usable meanwhile.
        if atlas(&harness).is_busy() {
            assert_eq!(
                atlas(&harness).state().article.name,
                article_atlas::BUNDLED_ARTICLE_NAME
            );
            harness.get_by_label_contains("book.txt");
            if let Some(fraction) = atlas(&harness).state().busy.as_ref().and_then(|b| b.fraction) {
                fractions.push(fraction);
                harness.get_by_label("Analysis progress");
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let analysed = started.elapsed();
    let frame = Instant::now();
    harness.step();
    harness.step();
    let first_frames = frame.elapsed();
    eprintln!(
        "50 MB book: analysed in {analysed:?} (debug build) over {frames} frames, slowest frame {slowest:?}; \
         first two frames of the book {first_frames:?}"
    );
    assert!(frames >= 2, "frames were drawn while the book was analysed");
    assert!(!fractions.is_empty(), "a progress bar showed while the matcher scanned");
    assert!(
        fractions.windows(2).all(|w| w[0] <= w[1]) && fractions.iter().all(|f| (0.0..1.0).contains(f)),
        "{fractions:?}"
    );
    assert!(slowest < Duration::from_secs(1), "no frame froze: {slowest:?}");
    assert!(
        first_frames < Duration::from_secs(10),
        "the book is shown quickly: {first_frames:?}"
    );
    assert_eq!(atlas(&harness).state().article.name, "book.txt");
    harness.get_by_label("book.txt");
    assert!(atlas(&harness).state().busy.is_none());
}

#[test]
fn a_new_open_cancels_the_analysis_of_a_book() {
    let dir = tempfile::tempdir().unwrap();
    let path = book(dir.path());
    let small = write(dir.path(), "small.txt", "Talks in Lima, Peru.");
    let mut harness = app();
    let ctx = harness.ctx.clone();
    harness.state_mut().as_mut().unwrap().open_path(&ctx, &path);
    harness.step();
    assert!(atlas(&harness).is_busy());
    // A small file opens at once and the book's result is dropped when it comes.
    open(&mut harness, &small);
    harness.get_by_label("small.txt");
    assert!(!atlas(&harness).is_busy(), "the book's analysis was cancelled");
    // Once the cancelled book's thread has ended, the small file is still shown.
    harness.state_mut().as_mut().unwrap().join_background();
    harness.run();
    assert_eq!(atlas(&harness).state().article.name, "small.txt");
    // A second book replaces the first: only the newer result is shown.
    let other = book_of(dir.path(), "other-book.txt", "Talks in Lima, Peru, went on for days.");
    harness.state_mut().as_mut().unwrap().open_path(&ctx, &path);
    harness.state_mut().as_mut().unwrap().open_path(&ctx, &other);
    assert!(
        harness
            .state_mut()
            .as_mut()
            .unwrap()
            .wait_for_background(&ctx, Duration::from_secs(300))
    );
    harness.state_mut().as_mut().unwrap().join_background();
    harness.run();
    assert_eq!(atlas(&harness).state().article.name, "other-book.txt");
    assert_eq!(countries(&harness), ["PER"]);
    assert!(!atlas(&harness).is_busy());
}

#[test]
fn each_theme_survives_a_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    for theme in MapTheme::ALL {
        let mut first = app();
        perform(&mut first, Action::SetTheme(theme));
        let project = dir.path().join(format!("{}.atlas.json", theme.name()));
        perform(&mut first, Action::SaveProjectTo(project.clone()));
        assert!(atlas(&first).state().error.is_none());
        let mut second = app();
        open(&mut second, &project);
        assert_eq!(atlas(&second).state().map_options.theme, theme, "{theme:?}");
        let panels = if theme == MapTheme::Dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        };
        assert_eq!(second.ctx.theme(), panels, "{theme:?}");
    }
}
