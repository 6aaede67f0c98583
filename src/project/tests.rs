use super::*;
use crate::import::SourceFormat;

const TEXT: &str = "Turkey was on the menu in Ankara.\n\nParis, the capital of the Hexagon, watched France.";

fn sample() -> Project {
    let mut p = Project::new(TEXT.to_string(), Some("/tmp/menu.txt".into()));
    let hexagon = TEXT.find("the Hexagon").unwrap();
    p.overrides = vec![
        Override::NotAPlace { start: 0, end: 6 },
        Override::MarkAs {
            start: hexagon,
            end: hexagon + "the Hexagon".len(),
            place: PlaceRef::Country { code: "FRA".into() },
        },
    ];
    p.title = Some("Menu".into());
    p.theme = Some(crate::map::MapTheme::Dark);
    p.selected = Some(PlaceRef::City {
        name: "Paris".into(),
        code: "FRA".into(),
        id: None,
    });
    p.view = Some(MapViewState {
        lon: 2.5,
        lat: 46.25,
        zoom: 4.75,
    });
    p
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn save_then_load_gives_the_same_project_and_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("menu.atlas.json");
    let project = sample();
    project.save(&path).unwrap();
    let loaded = Project::load(&path).unwrap();
    assert_eq!(loaded, project);
    assert_eq!(loaded.view, project.view);

    let analyzer = Analyzer::builtin();
    let (a, problems) = project.analyze(analyzer);
    let (b, _) = loaded.analyze(analyzer);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!((a.mentions, a.countries, a.cities), (b.mentions, b.countries, b.cities));
    // The file is readable JSON with tagged overrides.
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["overrides"][1]["action"], "mark_as");
    assert_eq!(
        json["overrides"][1]["place"],
        serde_json::json!({"type": "country", "code": "FRA"})
    );
    assert_eq!(files_in(dir.path()), ["menu.atlas.json"]);
}

#[test]
fn a_save_failing_half_way_leaves_the_previous_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("menu.atlas.json");
    sample().save(&path).unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut changed = sample();
    changed.overrides.clear();
    changed.text.push_str(" And Chad.");
    let err = changed
        .save_with(&path, |file, bytes| {
            file.write_all(&bytes[..bytes.len() / 2])?;
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
    assert!(matches!(err, ProjectError::Write { .. }));
    assert!(
        err.to_string().contains("menu.atlas.json: cannot save: disk full"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(files_in(dir.path()), ["menu.atlas.json"]);

    // A save into a folder that does not exist fails cleanly too.
    let err = changed.save(&dir.path().join("nope/x.atlas.json")).unwrap_err();
    assert!(err.to_string().contains("cannot save"), "{err}");
}

#[test]
fn non_finite_view_is_dropped_rather_than_making_the_file_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.atlas.json");
    let mut p = sample();
    p.view = Some(MapViewState {
        lon: f64::NAN,
        lat: 0.0,
        zoom: 1.0,
    });
    p.save(&path).unwrap();
    assert_eq!(Project::load(&path).unwrap().view, None);
}

#[test]
fn load_errors_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let load = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        Project::load(&path).unwrap_err().to_string()
    };
    let missing = Project::load(&dir.path().join("gone.atlas.json")).unwrap_err();
    assert!(
        matches!(missing, ProjectError::Input(InputError::Missing(_))),
        "{missing}"
    );

    let e = load("bad.atlas.json", b"{\"version\": 1,\n \"text\": \"Iran\"");
    assert!(
        e.contains("bad.atlas.json: corrupt project file: EOF while parsing an object at line 2"),
        "{e}"
    );
    let e = load("new.atlas.json", br#"{"version": 7, "text": "Iran", "shapes": [1]}"#);
    assert!(
        e.ends_with(
            "new.atlas.json: made by a newer version of Article Atlas (project version 7, this app reads up to 1)"
        ),
        "{e}"
    );
    let e = load("half.atlas.json", br#"{"version": 1}"#);
    assert!(
        e.contains("half.atlas.json: not a valid project file: missing field `text`"),
        "{e}"
    );
    let e = load("typed.atlas.json", br#"{"version": 1, "text": 3}"#);
    assert!(
        e.contains("invalid type: integer `3`, expected a string at line 1"),
        "{e}"
    );
    let e = load(
        "o.atlas.json",
        br#"{"version": 1, "text": "", "overrides": [{"action": "guess"}]}"#,
    );
    assert!(e.contains("unknown variant `guess`"), "{e}");

    // Optional fields may be left out; a UTF-8 byte order mark is fine.
    let p = Project::from_bytes(b"\xEF\xBB\xBF{\"version\": 1, \"text\": \"Iran\"}", Path::new("m.json")).unwrap();
    assert_eq!(p, Project::new("Iran".into(), None));
}

#[test]
fn open_tells_projects_from_articles() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let by_name = write("a.ATLAS.json", br#"{"version": 1, "text": "Chad"}"#);
    assert!(matches!(open(&by_name).unwrap(), Opened::Project(p) if p.text == "Chad"));
    let by_content = write("export.json", br#" {"text": "Chad", "version": 1}"#);
    assert!(matches!(open(&by_content).unwrap(), Opened::Project(_)));
    let other_json = write("data.json", br#"{"text": "Chad"}"#);
    assert!(matches!(open(&other_json).unwrap(), Opened::Article(a) if a.format == SourceFormat::PlainText));
    let page = write("page.html", b"<p>Chad</p>");
    assert!(matches!(open(&page).unwrap(), Opened::Article(a) if a.text == "Chad"));
    let corrupt = write("c.atlas.json", b"Chad");
    assert!(matches!(open(&corrupt), Err(ProjectError::Corrupt { .. })));
}

#[test]
fn unknown_codes_in_a_project_are_problems_not_failures() {
    let mut p = Project::new("Iran and Iraq.".into(), None);
    p.overrides.push(Override::RefersTo {
        start: 0,
        end: 4,
        place: PlaceRef::Country { code: "XXX".into() },
    });
    let (analysis, problems) = p.analyze(Analyzer::builtin());
    assert_eq!(analysis.countries.len(), 2);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].to_string(), "correction 1: unknown country code \"XXX\"");
}
