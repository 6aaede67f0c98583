//! Hostile input files, through the real `article-atlas analyze` binary (and
//! the library where the binary cannot show it): each is either a clear error
//! or a correct result, in bounded time and memory, and never a panic.
//!
//! Peak memory of the child process is sampled from `/proc/<pid>/status`
//! (`VmHWM`, the resident high-water mark) while it runs, so these tests are
//! Linux-only. Sizes are kept small enough for a debug build on a 2-core CI
//! machine; the 1 GB one-line case was measured by hand with the release
//! binary (see `one_huge_line_is_analysed_in_linear_memory`).

#![cfg(target_os = "linux")]

mod common;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a run of the binary gave.
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    /// Peak resident memory seen, in KB (a lower bound of the true peak).
    peak_kb: u64,
    elapsed: Duration,
}

impl Run {
    /// The output as JSON, after checking the run succeeded.
    fn json(&self) -> serde_json::Value {
        assert_eq!(self.code, Some(0), "stderr: {}", self.stderr);
        serde_json::from_slice(&self.stdout).expect("valid JSON on stdout")
    }

    /// The ISO codes of the countries found, sorted.
    fn countries(&self) -> Vec<String> {
        let mut codes: Vec<String> = self.json()["countries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["iso3"].as_str().unwrap().to_string())
            .collect();
        codes.sort();
        codes
    }

    /// Check the run failed cleanly (exit code 2, one line naming `path`, no panic) and
    /// return the message.
    fn clear_error(&self, path: &Path) -> &str {
        assert_eq!(self.code, Some(2), "stderr: {}", self.stderr);
        assert!(self.stdout.is_empty());
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        assert!(self.stderr.starts_with("article-atlas: "), "{}", self.stderr);
        assert!(self.stderr.contains(&path.display().to_string()), "{}", self.stderr);
        assert_eq!(self.stderr.trim_end().lines().count(), 1, "{}", self.stderr);
        &self.stderr
    }
}

/// Peak resident memory of a running process, in KB.
fn vm_hwm_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Run `article-atlas analyze <path>` with a time limit, sampling its peak memory.
fn analyze(path: &Path) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("stdout");
    let err_path = dir.path().join("stderr");
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-atlas"))
        .arg("analyze")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).unwrap())
        .stderr(File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let mut peak_kb = 0;
    let status = loop {
        if let Some(kb) = vm_hwm_kb(child.id()) {
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{}: still running after 120 s", path.display());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.code(),
        stdout: std::fs::read(&out_path).unwrap(),
        stderr: std::fs::read_to_string(&err_path).unwrap(),
        peak_kb,
        elapsed: start.elapsed(),
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn mb(bytes: usize) -> u64 {
    bytes as u64 / 1000
}

#[test]
fn a_file_of_only_apostrophes_or_curly_quotes_finds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("apostrophes.txt", "'".repeat(1_000_000)),
        ("curly.txt", "\u{2019}\u{2018}\u{201C}\u{201D}".repeat(250_000)),
        ("mixed.txt", "'\u{2019}\n".repeat(200_000)),
    ] {
        let path = write(dir.path(), name, text.as_bytes());
        let run = analyze(&path);
        let v = run.json();
        assert_eq!(v["countries"], serde_json::json!([]), "{name}");
        assert_eq!(v["mentions"], serde_json::json!([]), "{name}");
        assert!(run.stderr.is_empty(), "{name}: {}", run.stderr);
        eprintln!("{name}: {:?}, peak {} KB", run.elapsed, run.peak_kb);
    }
}

#[test]
fn ten_million_tiny_paragraphs_finish_with_valid_output() {
    let dir = tempfile::tempdir().unwrap();
    // "a\n" × 10 M = 20 MB, and one real mention at the very end.
    let mut text = "a\n".repeat(10_000_000);
    text.push_str("Peru.\n");
    let path = write(dir.path(), "tiny.txt", text.as_bytes());
    let run = analyze(&path);
    assert_eq!(run.countries(), ["PER"]);
    let v = run.json();
    assert_eq!(v["passages"].as_array().unwrap().len(), 1);
    eprintln!(
        "10M paragraphs ({} KB): {:?}, peak {} KB",
        mb(text.len()),
        run.elapsed,
        run.peak_kb
    );
    // Measured: ~500 MB peak for the 20 MB input (about 48 bytes per
    // paragraph of bookkeeping); bounded, but 25× the input.
    assert!(run.peak_kb < 1_000_000, "peak {} KB", run.peak_kb);
}

/// One 50 MB line with a country at each end. The same case at 1 GB, measured
/// by hand with the release binary
/// (`/usr/bin/time -f "%e s %M KB" article-atlas analyze oneline.txt`):
/// 7.9 s, 1.96 GB peak (about twice the input), KEN and PER found.
#[test]
fn one_huge_line_is_analysed_in_linear_memory() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::with_capacity(50_600_100);
    text.push_str("Kenya ");
    for _ in 0..1_150_000 {
        text.push_str("the quick brown fox jumps over the lazy dog ");
    }
    text.push_str("Peru");
    let path = write(dir.path(), "line.txt", text.as_bytes());
    let run = analyze(&path);
    assert_eq!(run.countries(), ["KEN", "PER"]);
    let input_kb = mb(text.len());
    eprintln!("one {input_kb} KB line: {:?}, peak {} KB", run.elapsed, run.peak_kb);
    assert!(run.peak_kb < 4 * input_kb + 64_000, "peak {} KB", run.peak_kb);
}

#[test]
fn utf8_mixed_with_latin1_is_a_warning_and_replacement_characters() {
    let dir = tempfile::tempdir().unwrap();
    // UTF-8 "Côte d’Ivoire", then Latin-1 "Perú" (0xFA) and "Chad".
    let mut bytes = "Côte d’Ivoire and ".as_bytes().to_vec();
    bytes.extend_from_slice(b"Per\xfa, then Chad and Mali.");
    let path = write(dir.path(), "mixed.txt", &bytes);
    let run = analyze(&path);
    let v = run.json();
    let warnings = v["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let warning = warnings[0].as_str().unwrap();
    assert!(warning.contains("not valid UTF-8; 1 invalid"), "{warning}");
    assert!(run.stderr.contains("warning: ") && run.stderr.contains("not valid UTF-8"));
    assert_eq!(run.countries(), ["CIV", "MLI", "TCD"]);
    // Offsets point into the decoded text, where the bad byte became U+FFFD.
    let text = "Côte d’Ivoire and Per\u{FFFD}, then Chad and Mali.";
    for m in v["mentions"].as_array().unwrap() {
        let (start, end) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], m["surface"].as_str().unwrap());
    }
}

#[test]
fn utf16_with_a_bom_is_decoded_in_either_byte_order() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Côte d’Ivoire\r\nPeru and Chad.";
    for (name, bytes) in common::utf16_with_bom(text) {
        let run = analyze(&write(dir.path(), name, &bytes));
        assert_eq!(run.countries(), ["CIV", "PER", "TCD"], "{name}");
        assert_eq!(run.json()["warnings"], serde_json::json!([]), "{name}");
    }
}

#[test]
fn a_symlink_loop_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let run = analyze(&a);
    let message = run.clear_error(&a);
    assert!(message.contains("cannot read"), "{message}");
    assert!(message.to_lowercase().contains("symbolic links"), "{message}");
}

#[test]
fn a_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = analyze(dir.path());
    assert!(run.clear_error(dir.path()).contains("is a directory"), "{}", run.stderr);
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone.txt");
    let run = analyze(&path);
    assert!(run.clear_error(&path).contains("no such file"), "{}", run.stderr);
}

/// "Deleted while being read": on Linux a file unlinked after it was opened
/// stays readable to the end, so that is not a failure at all. The honest
/// hostile case is a source that stops early: a FIFO whose writer sends half
/// an article, removes the FIFO and closes. The reader sees a normal end of
/// file and analyses what arrived (it cannot know more was meant to come);
/// it must neither hang nor fail nor panic.
#[test]
fn a_fifo_whose_writer_stops_early_gives_the_result_for_what_arrived() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("article.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            // Blocks until the reader opens the FIFO.
            let mut w = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
            w.write_all("Kenya sent envoys to Pe".as_bytes()).unwrap();
            std::fs::remove_file(&fifo).unwrap();
            // Dropping `w` closes the pipe mid-word: "Peru" never arrives.
        })
    };
    let run = analyze(&fifo);
    writer.join().unwrap();
    assert_eq!(run.countries(), ["KEN"]);
    assert!(run.elapsed < Duration::from_secs(30));
}

/// A file unlinked while the reader holds it open is read to the end (the
/// library's reader, holding the file open, then removing it).
#[test]
fn a_file_removed_while_open_is_still_read_whole() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.txt", b"Kenya and Peru");
    let mut file = File::open(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).unwrap();
    let (text, warnings) = article_atlas::text::decode_article(bytes, &path).unwrap();
    assert!(warnings.is_empty());
    let analysis = article_atlas::analysis::Analyzer::builtin().analyze_text(&text);
    let mut codes: Vec<&str> = analysis.countries.iter().map(|c| c.code.as_str()).collect();
    codes.sort();
    assert_eq!(codes, ["KEN", "PER"]);
    // And by path, once gone, it is a clear "no such file".
    let e = article_atlas::text::read_article(&path).unwrap_err();
    assert!(e.to_string().contains("no such file"), "{e}");
}

/// A sparse 3 GiB file costs nothing to make; the size limit is checked from
/// the file's metadata before reading, so it is refused at once.
#[test]
fn a_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = File::create(&path).unwrap();
    file.set_len(3 << 30).unwrap();
    drop(file);
    let run = analyze(&path);
    let message = run.clear_error(&path);
    assert!(message.contains("larger than the 2147 MB limit"), "{message}");
    assert!(message.contains("3221 MB"), "{message}");
    assert!(run.elapsed < Duration::from_secs(10), "{:?}", run.elapsed);
    assert!(run.peak_kb < 100_000, "peak {} KB", run.peak_kb);
    // The library says the same, without reading.
    let e = article_atlas::text::read_bytes(&path).unwrap_err();
    assert!(matches!(e, article_atlas::text::InputError::TooLarge { .. }), "{e}");
}

/// 100 MB of nested brackets in a project file: a clear error each time,
/// never a stack overflow. (serde_json skips an unknown field's value
/// without recursing, and the project's typed fields reject the first `[`
/// they do not expect, so its recursion limit of 128 is not even reached:
/// "corrupt project file: EOF while parsing a list" and "not a valid project
/// file: invalid type: sequence, expected ...".)
#[test]
fn a_project_file_of_deeply_nested_brackets_is_a_clear_error() {
    const DEPTH: usize = 100_000_000;
    let dir = tempfile::tempdir().unwrap();

    // Unclosed, under an unknown field.
    let mut unclosed = br#"{"version":1,"text":"Peru","extra":"#.to_vec();
    unclosed.resize(unclosed.len() + DEPTH, b'[');
    let path = write(dir.path(), "unclosed.atlas.json", &unclosed);
    drop(unclosed);
    let run = analyze(&path);
    assert!(
        run.clear_error(&path).contains("corrupt project file"),
        "{}",
        run.stderr
    );
    assert!(run.peak_kb < 600_000, "peak {} KB", run.peak_kb);

    // Nothing but brackets.
    let path = write(dir.path(), "brackets.atlas.json", &vec![b'['; DEPTH]);
    let run = analyze(&path);
    let message = run.clear_error(&path);
    assert!(message.contains("project file"), "{message}");

    // Closed, deep inside a known field: serde_json's recursion limit.
    let mut deep = br#"{"version":1,"text":"Peru","overrides":"#.to_vec();
    deep.resize(deep.len() + DEPTH / 2, b'[');
    deep.resize(deep.len() + DEPTH / 2, b']');
    deep.push(b'}');
    let path = write(dir.path(), "deep.atlas.json", &deep);
    drop(deep);
    let run = analyze(&path);
    let message = run.clear_error(&path);
    assert!(message.contains("project file"), "{message}");

    // The library, in-process (a stack overflow here would abort the test).
    let mut bytes = br#"{"version":1,"text":"Peru","overrides":"#.to_vec();
    bytes.resize(bytes.len() + 1_000_000, b'[');
    let e = article_atlas::project::Project::from_bytes(&bytes, Path::new("p.atlas.json")).unwrap_err();
    assert!(e.to_string().contains("p.atlas.json"), "{e}");
}
