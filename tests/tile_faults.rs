//! The online tile layer against tile servers that fail: one that refuses
//! connections, one that accepts and never answers, one that answers HTTP 200
//! with random bytes, and one that answers with bytes that are not HTTP.
//!
//! The servers run in this process on 127.0.0.1 (port 0), in threads that stop
//! by themselves; nothing else is contacted. The whole app runs headless
//! (egui_kittest) with the OpenStreetMap layer chosen but pointed at the
//! local server ([`MapView::set_tile_server`]). Through a few seconds of
//! frames: the built-in basemap is still drawn, frames stay fast, markers
//! still answer clicks, and the status bar says the tiles are unavailable.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use article_atlas::app::AtlasApp;
use article_atlas::gazetteer::Gazetteer;
use article_atlas::map::TileLayer;
use article_atlas::map::tiles::TileServer;
use article_atlas::place::Place;
use egui::Shape;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// How a fake tile server misbehaves.
#[derive(Clone, Copy, Debug)]
enum Fault {
    /// Nothing listens on the port.
    Refuse,
    /// Accept, read the request, never answer (until the server stops).
    Hang,
    /// `HTTP/1.1 200 OK` with random bytes as the "PNG".
    Garbage200,
    /// Random bytes instead of an HTTP response, then close.
    NotHttp,
}

/// A local server that stops by itself after its deadline or when dropped.
struct Server {
    url_template: String,
    connections: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Cheap deterministic random bytes (xorshift).
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// Start a server on 127.0.0.1 that fails as `fault` says, for at most 60 s.
fn serve(fault: Fault) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let url_template = format!("http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png");
    let connections = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    if let Fault::Refuse = fault {
        // Closing the listener leaves the port refusing connections.
        drop(listener);
        return Server {
            url_template,
            connections,
            stop,
            thread: None,
        };
    }
    listener.set_nonblocking(true).unwrap();
    let thread = {
        let (connections, stop) = (connections.clone(), stop.clone());
        std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(60);
            // Hung connections are kept open until the server stops.
            let mut held: Vec<TcpStream> = Vec::new();
            while !stop.load(Ordering::SeqCst) && Instant::now() < deadline {
                match listener.accept() {
                    Ok((mut stream, _)) => {
                        let n = connections.fetch_add(1, Ordering::SeqCst);
                        stream.set_nonblocking(false).unwrap();
                        stream.set_read_timeout(Some(Duration::from_millis(500))).unwrap();
                        let mut request = [0u8; 4096];
                        let _ = stream.read(&mut request);
                        match fault {
                            Fault::Hang => held.push(stream),
                            Fault::Garbage200 => {
                                let body = noise(n as u64 + 1, 3000);
                                let head = format!(
                                    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\n\r\n",
                                    body.len()
                                );
                                let _ = stream.write_all(head.as_bytes());
                                let _ = stream.write_all(&body);
                            }
                            Fault::NotHttp => {
                                let _ = stream.write_all(&noise(n as u64 + 7, 1000));
                            }
                            Fault::Refuse => unreachable!(),
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(e) => panic!("accept: {e}"),
                }
            }
        })
    };
    Server {
        url_template,
        connections,
        stop,
        thread: Some(thread),
    }
}

/// What a run of the app against a failing server showed.
struct Outcome {
    /// The status line at the end.
    status: Option<String>,
    /// Slowest frame after the first.
    max_frame: Duration,
    frames: usize,
    /// Vertices of the meshes painted in the last frame (the basemap's land and borders).
    vertices: usize,
    /// Connections the server saw.
    connections: usize,
    /// The selection after clicking the Russia marker.
    selection: Option<Place>,
}

/// Vertices of all meshes painted in the harness's last frame.
fn mesh_vertices(harness: &Harness<'_, Option<AtlasApp>>) -> usize {
    harness
        .output()
        .shapes
        .iter()
        .map(|clipped| match &clipped.shape {
            Shape::Mesh(mesh) => mesh.vertices.len(),
            _ => 0,
        })
        .sum()
}

/// Drive the app against a server failing as `fault` for at least `frames`
/// frames (each step is 0.25 s of egui time), until the status bar says the
/// tiles are unavailable or 30 s have passed, then click the Russia marker.
fn run_against(fault: Fault, frames: usize) -> Outcome {
    let server = serve(fault);
    let tile_server = TileServer {
        url_template: server.url_template.clone(),
        attribution: "Test tiles",
    };
    let mut harness = common::app_with_tiles(TileLayer::OpenStreetMap, Some(tile_server));
    let started = Instant::now();
    let mut max_frame = Duration::ZERO;
    let mut count = 0;
    loop {
        let t = Instant::now();
        harness.step();
        if count > 0 {
            max_frame = max_frame.max(t.elapsed());
        }
        count += 1;
        let unavailable = harness.query_by_label_contains("Online tiles unavailable").is_some();
        if (count >= frames && unavailable) || started.elapsed() > Duration::from_secs(30) {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = harness.state().as_ref().unwrap().state().map_status.clone();
    let vertices = mesh_vertices(&harness);
    harness.get_by_label("Russia marker").click();
    harness.step();
    harness.step();
    let selection = harness.state().as_ref().unwrap().state().selection;
    let connections = server.connections.load(Ordering::SeqCst);
    // Dropping the app stops walkers' download thread and its connections.
    drop(harness);
    drop(server);
    Outcome {
        status,
        max_frame,
        frames: count,
        vertices,
        connections,
        selection,
    }
}

/// Run `f` in a thread and fail if it takes longer than `limit` (a frame that
/// blocked on the network would otherwise hang the test for ever).
fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(value) => {
            thread.join().unwrap();
            value
        }
        // The thread panicked before sending: report its panic.
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => match thread.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the thread sends before it ends"),
        },
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("the app did not finish within {limit:?}: a frame blocked?")
        }
    }
}

/// Basemap vertices with the built-in layer, for comparison.
fn built_in_vertices() -> usize {
    let mut harness = common::app_with_tiles(TileLayer::BuiltIn, None);
    harness.run_steps(3);
    mesh_vertices(&harness)
}

fn check(fault: Fault) {
    let baseline = within(Duration::from_secs(60), built_in_vertices);
    let out = within(Duration::from_secs(90), move || run_against(fault, 40));
    eprintln!(
        "{fault:?}: {} frames, max frame {:?}, {} connections, status {:?}, {} mesh vertices (built-in: {baseline})",
        out.frames, out.max_frame, out.connections, out.status, out.vertices
    );
    let status = out.status.as_deref().unwrap_or("");
    assert!(
        status.starts_with("Online tiles unavailable") && status.contains("built-in map"),
        "{fault:?}: status {status:?}"
    );
    if !matches!(fault, Fault::Refuse) {
        assert!(out.connections > 0, "{fault:?}: the server was never asked");
    }
    // The built-in basemap is still drawn beneath the missing tiles.
    assert!(
        out.vertices * 10 >= baseline * 9,
        "{fault:?}: {} mesh vertices, built-in layer draws {baseline}",
        out.vertices
    );
    // No frame waits for the network (generous for a debug build on a busy CI machine).
    assert!(
        out.max_frame < Duration::from_secs(2),
        "{fault:?}: max frame {:?}",
        out.max_frame
    );
    let russia = Gazetteer::builtin().country_index("RUS").unwrap();
    assert_eq!(out.selection, Some(Place::country_at(russia)), "{fault:?}");
}

#[test]
fn a_server_that_refuses_connections() {
    check(Fault::Refuse);
}

#[test]
fn a_server_that_never_answers() {
    check(Fault::Hang);
}

#[test]
fn a_server_that_answers_200_with_random_bytes() {
    check(Fault::Garbage200);
}

#[test]
fn a_server_that_does_not_speak_http() {
    check(Fault::NotHttp);
}
