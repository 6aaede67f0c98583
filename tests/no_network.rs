//! With the built-in basemap, nothing connects to the network: the `render`
//! command (which draws the whole map offscreen) and the desktop app driven
//! headless for many frames run under `strace -f -e trace=connect`, and any
//! `connect()` to an AF_INET or AF_INET6 address fails the test.
//!
//! A control run with the online layer (pointed at a closed port on
//! 127.0.0.1) must show such a connect, so a silent strace cannot pass.
//!
//! Needs `strace` (Debian: `apt-get install -y strace`) and permission to
//! trace, so the tests are ignored by a plain `cargo test` (which lists them
//! as ignored, with the reason) and run by `cargo test -- --include-ignored`,
//! as `.ci/run` does; there, a missing strace fails them.

#![cfg(target_os = "linux")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use article_atlas::map::TileLayer;
use article_atlas::map::tiles::TileServer;
use egui_kittest::kittest::Queryable as _;

/// Fail at once, saying what to install, when strace cannot be run.
fn require_strace() {
    let ok = Command::new("strace")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(ok, "these tests need strace: apt-get install -y strace");
}

/// Run `program args` under `strace -f -e trace=connect`; return the trace
/// and the program's standard output.
fn trace_connects(dir: &Path, program: &Path, args: &[&str]) -> (String, String) {
    let log = dir.join("strace.log");
    let out = Command::new("strace")
        .args(["-f", "-e", "trace=connect", "-o"])
        .arg(&log)
        .arg(program)
        .args(args)
        .env("NODEVICE_SELECT", "1")
        .output()
        .unwrap();
    let trace = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        out.status.success(),
        "{} {args:?} under strace failed: {}\n{}\ntrace:\n{trace}",
        program.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        trace.contains("+++ exited with 0 +++"),
        "strace did not trace the run:\n{trace}"
    );
    (trace, String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The traced connects to an internet (IPv4 or IPv6) address.
fn internet_connects(trace: &str) -> Vec<&str> {
    trace
        .lines()
        .filter(|l| l.contains("connect(") && l.contains("sa_family=AF_INET"))
        .collect()
}

/// The traced connects to local (Unix) sockets, for the record.
fn local_connects(trace: &str) -> usize {
    trace
        .lines()
        .filter(|l| l.contains("connect(") && l.contains("AF_UNIX"))
        .count()
}

/// Run this test binary's ignored helper test `name` alone, under strace.
fn trace_helper(dir: &Path, name: &str) -> String {
    let me: PathBuf = std::env::current_exe().unwrap();
    let (trace, stdout) = trace_connects(
        dir,
        &me,
        &["--ignored", "--exact", name, "--test-threads=1", "--nocapture"],
    );
    // The helper really ran, and passed (an unknown name would run nothing).
    assert!(
        stdout.contains(&format!("test {name} ... ok")) && stdout.contains("1 passed"),
        "{stdout}"
    );
    trace
}

#[test]
#[ignore = "needs strace (apt-get install -y strace); .ci/run runs it"]
fn rendering_a_picture_makes_no_connection() {
    require_strace();
    let dir = tempfile::tempdir().unwrap();
    let article = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/articles/costa-clarke-2024-isis-k.txt"
    );
    let png = dir.path().join("map.png");
    let (trace, _) = trace_connects(
        dir.path(),
        Path::new(env!("CARGO_BIN_EXE_article-atlas")),
        &[
            "render",
            article,
            "--output",
            png.to_str().unwrap(),
            "--width",
            "800",
            "--height",
            "500",
        ],
    );
    assert!(std::fs::metadata(&png).unwrap().len() > 1000, "no picture written");
    let bad = internet_connects(&trace);
    assert!(bad.is_empty(), "render connected to the network:\n{}", bad.join("\n"));
    eprintln!(
        "render: no internet connects ({} local socket connects)",
        local_connects(&trace)
    );
}

#[test]
#[ignore = "needs strace (apt-get install -y strace); .ci/run runs it"]
fn the_app_with_the_built_in_map_makes_no_connection() {
    require_strace();
    let dir = tempfile::tempdir().unwrap();
    let trace = trace_helper(dir.path(), "app_frames_for_strace");
    let bad = internet_connects(&trace);
    assert!(bad.is_empty(), "the app connected to the network:\n{}", bad.join("\n"));
    eprintln!(
        "app, built-in map: no internet connects ({} local socket connects)",
        local_connects(&trace)
    );
}

/// The control: the online layer does connect, and strace sees it (so the
/// test above cannot pass because strace missed walkers' threads).
#[test]
#[ignore = "needs strace (apt-get install -y strace); .ci/run runs it"]
fn the_online_layer_is_seen_connecting() {
    require_strace();
    let dir = tempfile::tempdir().unwrap();
    let trace = trace_helper(dir.path(), "online_frames_for_strace");
    let seen = internet_connects(&trace);
    assert!(
        seen.iter().any(|l| l.contains("127.0.0.1")),
        "no connect to 127.0.0.1 traced:\n{trace}"
    );
    assert!(
        seen.iter().all(|l| l.contains("127.0.0.1")),
        "connected elsewhere:\n{}",
        seen.join("\n")
    );
}

/// Helper run under strace: the app with the built-in map for 120 frames,
/// with a click on a marker and a zoom, as a user would.
#[test]
#[ignore = "run under strace by the_app_with_the_built_in_map_makes_no_connection"]
fn app_frames_for_strace() {
    let mut harness = common::app_with_tiles(TileLayer::BuiltIn, None);
    for frame in 0..120 {
        if frame == 20 {
            harness.get_by_label("Russia marker").click();
        }
        if frame == 40 {
            harness.state_mut().as_mut().unwrap().map_mut().zoom_by(2.0);
        }
        harness.step();
    }
    assert!(harness.state().as_ref().unwrap().state().selection.is_some());
    assert!(harness.state().as_ref().unwrap().state().map_status.is_none());
}

/// Helper run under strace: the online layer pointed at a closed port on
/// 127.0.0.1, until it gives up.
#[test]
#[ignore = "run under strace by the_online_layer_is_seen_connecting"]
fn online_frames_for_strace() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let server = TileServer {
        url_template: format!("http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"),
        attribution: "Test tiles",
    };
    let mut harness = common::app_with_tiles(TileLayer::OpenStreetMap, Some(server));
    let start = Instant::now();
    for frame in 0.. {
        harness.step();
        let given_up = harness.query_by_label_contains("Online tiles unavailable").is_some();
        if (frame >= 40 && given_up) || start.elapsed() > Duration::from_secs(20) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
