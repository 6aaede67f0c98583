//! `analyze` and `render` over a collection, as a user runs them: a folder
//! of articles of our own (and one unreadable file) as JSON lines, as one
//! aggregate object, as an article × country matrix, and as a picture.

use std::path::Path;
use std::process::{Command, Output};

fn atlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-atlas"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Three short news items in a folder (one in a sub-folder) and a binary file.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("later");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(
        dir.path().join("a-talks.txt"),
        "Talks in Doha\nMarch 2, 2024\nEnvoys from France and Qatar met in Doha. French officials spoke.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b-floods.md"),
        "# Floods\n\nFloods hit Pakistan; France sent aid to the Pakistani authorities.\n",
    )
    .unwrap();
    std::fs::write(
        sub.join("c-summit.html"),
        "<title>Summit</title><p>Leaders of Kenya met in Nairobi.</p>",
    )
    .unwrap();
    std::fs::write(dir.path().join("d-broken.txt"), b"\x00\x00\x00binary").unwrap();
    dir
}

#[test]
fn a_folder_is_one_json_line_per_article_with_the_unreadable_one_explained() {
    let dir = folder();
    let out = atlas(&["analyze", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    let name = |v: &serde_json::Value| {
        Path::new(v["path"].as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let names: Vec<String> = lines.iter().map(name).collect();
    assert_eq!(names, ["a-talks.txt", "b-floods.md", "d-broken.txt", "c-summit.html"]);
    let codes = |v: &serde_json::Value| -> Vec<String> {
        v["countries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["iso3"].as_str().unwrap().to_string())
            .collect()
    };
    // Doha twice (in the headline too) and Qatar: three mentions of Qatar, two of France.
    assert_eq!(codes(&lines[0]), ["QAT", "FRA"]);
    assert_eq!(lines[0]["schema"], 2);
    assert!(lines[2]["error"].as_str().unwrap().contains("binary"));
    assert_eq!(codes(&lines[3]), ["KEN"]);
    assert!(stderr(&out).contains("d-broken.txt"), "{}", stderr(&out));
}

#[test]
fn aggregate_counts_articles_and_mentions_per_place() {
    let dir = folder();
    let out = atlas(&["analyze", "--aggregate", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["read"], 3);
    assert_eq!(v["unreadable"], 1);
    let place = |id: &str| {
        v["places"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("no {id} in {}", v["places"]))
            .clone()
    };
    let france = place("FRA");
    assert_eq!(
        (france["articles"].as_u64(), france["mentions"].as_u64()),
        (Some(2), Some(3))
    );
    assert_eq!(place("PAK")["articles"], 1);
    assert_eq!(place("KEN")["articles"], 1);
    assert_eq!(v["places"][0]["id"], "FRA", "most-named first");
    let talks = &v["articles"][0];
    assert_eq!(talks["title"], "Talks in Doha");
    assert_eq!(talks["date"], "2024-03-02");
    assert_eq!(talks["countries"], serde_json::json!(["QAT", "FRA"]));
}

#[test]
fn csv_is_an_article_by_country_matrix() {
    let dir = folder();
    let a = dir.path().join("a-talks.txt");
    let b = dir.path().join("b-floods.md");
    let out = atlas(&["analyze", "--format", "csv", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "path,title,date,error,FRA,PAK,QAT");
    assert!(rows[1].ends_with(",Talks in Doha,2024-03-02,,2,0,3"), "{}", rows[1]);
    assert!(rows[2].ends_with(",Floods,,,1,2,0"), "{}", rows[2]);
}

#[test]
fn a_collection_of_nothing_readable_fails_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.txt"), b"\x00binary").unwrap();
    let out = atlas(&["analyze", "--aggregate", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("none of the 1 files could be read"),
        "{}",
        stderr(&out)
    );
    let empty = tempfile::tempdir().unwrap();
    let out = atlas(&["analyze", empty.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is a directory with no articles"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn render_draws_the_collection_counted_in_articles() {
    let dir = folder();
    let svg = dir.path().join("week.svg");
    let out = atlas(&[
        "render",
        dir.path().to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
        "--caption",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let caption = String::from_utf8(out.stdout).unwrap();
    let folder_name = dir.path().file_name().unwrap().to_string_lossy();
    assert!(
        caption.starts_with(&format!(
            "Countries named in ‘{folder_name} (3 articles)’: France (2 articles)"
        )),
        "{caption}"
    );
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains(r#"id="KEN""#) && text.contains("Articles"),
        "the legend counts articles"
    );
}
