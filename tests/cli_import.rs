//! `article-atlas analyze` on HTML, Markdown, UTF-16 and project files.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn analyze(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-atlas"))
        .arg("analyze")
        .args(args)
        .output()
        .unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The JSON output of a successful run.
fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Country codes with their mention counts.
fn countries(v: &serde_json::Value) -> Vec<(String, u64)> {
    v["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["iso3"].as_str().unwrap().to_string(), c["mentions"].as_u64().unwrap()))
        .collect()
}

fn owned(pairs: &[(&str, u64)]) -> Vec<(String, u64)> {
    pairs.iter().map(|&(c, n)| (c.to_string(), n)).collect()
}

#[test]
fn html_files_are_stripped_before_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let page = write(
        dir.path(),
        "page.html",
        b"<html><head><title>Chad</title><script>var x = 'Peru';</script></head>\
          <body><nav>Europe</nav><p>Talks in <b>Doha</b>, Qatar.</p><p>Kenya&#8217;s view.</p></body></html>",
    );
    let v = json(&analyze(&[page.to_str().unwrap()]));
    assert_eq!(countries(&v), owned(&[("QAT", 2), ("KEN", 1)]));
    assert_eq!(v["regions"], serde_json::json!([]));
    let passages: Vec<&str> = v["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(passages, ["Talks in Doha, Qatar.", "Kenya\u{2019}s view."]);
}

#[test]
fn markdown_files_are_stripped_before_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let md = write(
        dir.path(),
        "notes.md",
        b"# Report\n\nEnvoys from [Oman](https://om.example/) and\n**Yemen** met.\n\n[oman]: https://ignored.example/Iran\n",
    );
    let out = analyze(&["--format", "csv", md.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(
        rows[0].starts_with("OMN,Oman,name,Oman,") && rows[0].ends_with(",Envoys from Oman and Yemen met."),
        "{csv}"
    );
    assert!(rows[1].starts_with("YEM,Yemen,name,Yemen,"), "{csv}");
}

#[test]
fn a_project_file_is_analysed_with_its_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Mom roasted a Turkey. France hosted talks in the Hexagon.";
    let hexagon = text.find("the Hexagon").unwrap();
    let project = serde_json::json!({
        "version": 1,
        "text": text,
        "source": "clipboard",
        "overrides": [
            {"action": "not_a_place", "start": 14, "end": 20},
            {"action": "mark_as", "start": hexagon, "end": hexagon + 11, "place": {"type": "country", "code": "FRA"}},
            {"action": "refers_to", "start": 0, "end": 3, "place": {"type": "country", "code": "USA"}}
        ],
        "view": {"lon": 2.0, "lat": 46.0, "zoom": 5.0}
    });
    let bytes = serde_json::to_vec(&project).unwrap();
    let plain = write(dir.path(), "talks.txt", text.as_bytes());
    assert_eq!(
        countries(&json(&analyze(&[plain.to_str().unwrap()]))),
        owned(&[("TUR", 1), ("FRA", 1)])
    );

    let path = write(dir.path(), "talks.atlas.json", &bytes);
    let out = analyze(&[path.to_str().unwrap()]);
    let v = json(&out);
    assert_eq!(countries(&v), owned(&[("FRA", 2)]));
    assert_eq!(
        v["countries"][0]["surfaces"],
        serde_json::json!(["France", "the Hexagon"])
    );
    // The override that matched nothing is a warning, on stderr and in the output.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("talks.atlas.json: correction 3: no place was detected at \"Mom\" (bytes 0..3) to correct"),
        "{stderr}"
    );
    assert_eq!(v["warnings"].as_array().unwrap().len(), 1);

    // Recognised by content too, whatever the name.
    let renamed = write(dir.path(), "talks.json", &bytes);
    assert_eq!(
        countries(&json(&analyze(&[renamed.to_str().unwrap()]))),
        owned(&[("FRA", 2)])
    );
}

#[test]
fn a_corrupt_or_newer_project_file_exits_2_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, words) in [
        (
            "broken.atlas.json",
            &b"{\"version\": 1, \"text\": \"Iran\",\n"[..],
            "corrupt project file: EOF while parsing",
        ),
        (
            "future.atlas.json",
            br#"{"version": 7, "text": "Iran"}"#,
            "made by a newer version of Article Atlas (project version 7, this app reads up to 1)",
        ),
        ("empty.atlas.json", b"{\"version\": 1}", "missing field `text`"),
    ] {
        let path = write(dir.path(), name, bytes);
        let out = analyze(&[path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}");
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("article-atlas: ") && err.contains(path.to_str().unwrap()) && err.contains(words),
            "{err}"
        );
    }
}

#[test]
fn utf16_files_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Talks in Doha, Qatar.\r\nSão Tomé and Príncipe watched.";
    for (name, bytes) in common::utf16_with_bom(text) {
        let path = write(dir.path(), name, &bytes);
        let out = analyze(&[path.to_str().unwrap()]);
        assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(countries(&json(&out)), owned(&[("QAT", 2), ("STP", 1)]), "{name}");
    }
}
