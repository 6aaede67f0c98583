//! `article-atlas analyze` as a user runs it: formats, output files, errors.

use std::process::{Command, Output};

fn analyze(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_article-atlas"));
    cmd.arg("analyze").args(args);
    match stdin {
        Some(bytes) => {
            use std::io::Write;
            cmd.stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            let mut child = cmd.spawn().unwrap();
            child.stdin.take().unwrap().write_all(bytes).unwrap();
            child.wait_with_output().unwrap()
        }
        None => cmd.output().unwrap(),
    }
}

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/articles/costa-clarke-2024-isis-k.txt"
);

#[test]
fn json_has_the_documented_shape() {
    let out = analyze(&[ARTICLE], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let countries = v["countries"].as_array().unwrap();
    assert_eq!(countries.len(), 17);
    let rus = countries.iter().find(|c| c["iso3"] == "RUS").unwrap();
    assert_eq!(rus["mentions"], 4);
    assert_eq!(rus["surfaces"], serde_json::json!(["Russian", "Moscow"]));
    assert!(rus["lon"].as_f64().unwrap() > 30.0 && rus["lat"].as_f64().unwrap() > 45.0);
    assert_eq!(v["regions"][0]["id"], "europe");
    assert_eq!(v["cities"][0]["name"], "Moscow");
    let m = &v["mentions"][0];
    assert_eq!(
        (m["target"].as_str(), m["kind"].as_str(), m["surface"].as_str()),
        (Some("RUS"), Some("demonym"), Some("Russian"))
    );
    // Every passage index used by a country is listed with its text.
    let passages = v["passages"].as_array().unwrap();
    for p in rus["passages"].as_array().unwrap() {
        assert!(
            passages
                .iter()
                .any(|q| &q["index"] == p && q["text"].as_str().unwrap().contains("Moscow"))
        );
    }
}

#[test]
fn csv_and_geojson() {
    let out = analyze(&["--format", "csv", ARTICLE], None);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.starts_with("target,name,kind,surface,start,end,passage,paragraph,city,passage_text\n"));
    assert_eq!(csv.lines().count(), 1 + 50 + 3); // header, the 17 countries' 50 mentions, 3 region mentions
    let out = analyze(&["--format", "geojson", ARTICLE], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    assert_eq!(v["features"].as_array().unwrap().len(), 17 + 3 + 3);
}

#[test]
fn output_file_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.json");
    let out = analyze(&["--output", path.to_str().unwrap(), "-"], Some(b"Kabul and Doha."));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(v["countries"].as_array().unwrap().len(), 2);
}

#[test]
fn bad_inputs_exit_2_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("image.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let missing = dir.path().join("nope.txt");
    for (path, words) in [
        (missing.to_str().unwrap(), "no such file"),
        (dir.path().to_str().unwrap(), "is a directory"),
        (binary.to_str().unwrap(), "binary"),
    ] {
        let out = analyze(&[path], None);
        assert_eq!(out.status.code(), Some(2), "{path}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(path) && err.contains(words), "{err}");
    }
}

#[test]
fn empty_input_is_valid_with_no_countries_and_invalid_utf8_warns() {
    let out = analyze(&["-"], Some(b""));
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["countries"], serde_json::json!([]));
    let out = analyze(&["-"], Some(b"Iran \xff and Iraq"));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["countries"].as_array().unwrap().len(), 2);
}

#[test]
fn unwritable_output_path_is_a_clear_error() {
    let out = analyze(&["--output", "/nonexistent-dir/out.json", ARTICLE], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent-dir/out.json"));
}
