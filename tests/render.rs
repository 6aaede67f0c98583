//! `article-atlas render` as a user runs it: the PNG, SVG and PDF it writes
//! (size, opaque pixels, marker and ocean colours where the picture's
//! projection puts them, the caption inside each file) and its one-line errors.
//!
//! Pictures are rasterised on the CPU (resvg): no GPU needed. The one test
//! that draws with egui's wgpu renderer (the app's preview painter, checked
//! against the PNG file) needs a Vulkan driver, Mesa's software one on a
//! machine with no GPU: it is ignored by a plain `cargo test` and run by
//! `cargo test -- --include-ignored`, as `.ci/run` does.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use article_atlas::analysis::{Analysis, Analyzer};
use article_atlas::cartography::ScreenProjection;
use article_atlas::map::MapTheme;
use article_atlas::map::palette::Palette;
use article_atlas::picture::Scene;
use article_atlas::render::command::{RenderJob, prepare};
use clap::Parser;
use egui::Color32;

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/articles/costa-clarke-2024-isis-k.txt"
);

fn render(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_article-atlas"));
    cmd.arg("render").args(args);
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        if let Some(bytes) = stdin {
            input.write_all(bytes).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh folder for outputs.
fn folder() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// A decoded RGBA picture.
struct Png {
    width: usize,
    height: usize,
    rgba: Vec<u8>,
}

impl Png {
    fn read(path: &Path) -> Png {
        let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut rgba = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut rgba).unwrap();
        assert_eq!(info.color_type, png::ColorType::Rgba);
        assert_eq!(info.bit_depth, png::BitDepth::Eight);
        rgba.truncate(info.buffer_size());
        Png {
            width: info.width as usize,
            height: info.height as usize,
            rgba,
        }
    }

    fn at(&self, x: f32, y: f32) -> [u8; 4] {
        let (x, y) = (x.round() as usize, y.round() as usize);
        assert!(x < self.width && y < self.height, "({x}, {y}) is outside the picture");
        let i = (y * self.width + x) * 4;
        self.rgba[i..i + 4].try_into().unwrap()
    }
}

fn close(actual: [u8; 4], expected: Color32, tolerance: i32) -> bool {
    let e = [expected.r(), expected.g(), expected.b(), 255];
    actual
        .iter()
        .zip(e)
        .all(|(a, e)| (*a as i32 - e as i32).abs() <= tolerance)
}

/// `top` (premultiplied, possibly translucent) over opaque `bottom`.
fn over(top: Color32, bottom: Color32) -> Color32 {
    let k = (255 - top.a()) as f32 / 255.0;
    let mix = |t: u8, b: u8| (t as f32 + b as f32 * k).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(top.r(), bottom.r()),
        mix(top.g(), bottom.g()),
        mix(top.b(), bottom.b()),
    )
}

fn bundled() -> Analysis {
    Analyzer::builtin().analyze_text(article_atlas::BUNDLED_ARTICLE)
}

/// `render`'s arguments, parsed as the command line parses them.
#[derive(Parser)]
struct RenderArgs {
    #[command(flatten)]
    job: RenderJob,
}

/// The picture `render` lays out for `args` (as given after `render`).
fn scene_for(args: &[&str]) -> Scene {
    let job = RenderArgs::parse_from(std::iter::once("render").chain(args.iter().copied())).job;
    prepare(&job, &mut |_| {}).unwrap()
}

/// Where (`lon`, `lat`) is in the picture of `scene` drawn at `scale`.
fn pixel(scene: &Scene, scale: f32, lon: f64, lat: f64) -> (f32, f32) {
    let p = scene.frame.lon_lat_to_screen(lon, lat).expect("on the picture");
    (p.x * scale, p.y * scale)
}

/// The colour of a country's marker centre: the marker over the country's class fill.
fn marker_colour(analysis: &Analysis, palette: &Palette, code: &str) -> Color32 {
    let country = analysis.country(code).unwrap();
    let class = article_atlas::map::classes::mention_class(country.mentions);
    over(palette.marker, palette.classes[class])
}

/// The North Atlantic between the Americas and Europe: open sea inside
/// every picture fitted to the bundled article, in every projection.
const ATLANTIC: (f64, f64) = (-40.0, 33.0);

fn check_markers_and_ocean(png: &Png, theme: MapTheme, scene: &Scene, scale: f32, sea: (f64, f64)) {
    let analysis = bundled();
    let palette = Palette::for_theme(theme, false, false);
    for code in ["FRA", "AFG"] {
        let c = analysis.country(code).unwrap();
        let (x, y) = pixel(scene, scale, c.lon, c.lat);
        let expected = marker_colour(&analysis, &palette, code);
        let actual = png.at(x, y);
        assert!(
            close(actual, expected, 6),
            "{code} at ({x}, {y}): {actual:?}, expected {expected:?}"
        );
    }
    // Open sea, no overlay.
    let (x, y) = pixel(scene, scale, sea.0, sea.1);
    let actual = png.at(x, y);
    assert!(
        close(actual, palette.ocean, 2),
        "ocean at ({x}, {y}): {actual:?}, expected {:?}",
        palette.ocean
    );
}

#[test]
fn the_default_picture_has_the_requested_size_and_colours() {
    let dir = folder();
    let out_path = dir.path().join("map.png");
    let out = render(&[ARTICLE, "--output", out_path.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let png = Png::read(&out_path);
    assert_eq!((png.width, png.height), (1920, 1080));
    assert!(png.rgba.chunks_exact(4).all(|p| p[3] == 255), "every pixel is opaque");
    check_markers_and_ocean(
        &png,
        MapTheme::Light,
        &scene_for(&[ARTICLE, "-o", "x.png"]),
        1.0,
        ATLANTIC,
    );
}

#[test]
fn scale_multiplies_the_pixels_and_themes_change_the_colours() {
    let dir = folder();
    for (theme, name, projection) in [
        (MapTheme::Dark, "dark", "mercator"),
        (MapTheme::Print, "print", "globe"),
    ] {
        let out_path = dir.path().join(format!("{name}.png"));
        let args = [
            ARTICLE,
            "-o",
            out_path.to_str().unwrap(),
            "--width",
            "800",
            "--height",
            "500",
            "--scale",
            "2",
            "--theme",
            name,
            "--projection",
            projection,
            "--select",
            "afg",
            "--title",
            "ISIS-K",
            "--no-legend",
        ];
        let out = render(&args, None);
        assert!(out.status.success(), "{}", stderr(&out));
        let png = Png::read(&out_path);
        assert_eq!((png.width, png.height), (1600, 1000));
        assert!(png.rgba.chunks_exact(4).all(|p| p[3] == 255));
        check_markers_and_ocean(&png, theme, &scene_for(&args), 2.0, ATLANTIC);
    }
}

/// Render the bundled article at 1920×1080 with `flags`; the decoded picture.
fn render_bundled(dir: &Path, name: &str, flags: &[&str]) -> Png {
    let out_path = dir.join(name);
    let mut args = vec![ARTICLE, "-o", out_path.to_str().unwrap()];
    args.extend_from_slice(flags);
    let out = render(&args, None);
    assert!(out.status.success(), "{flags:?}: {}", stderr(&out));
    Png::read(&out_path)
}

/// How far apart two colours are (the largest channel difference).
fn distance(actual: [u8; 4], expected: Color32) -> i32 {
    let e = [expected.r(), expected.g(), expected.b()];
    (0..3).map(|i| (actual[i] as i32 - e[i] as i32).abs()).max().unwrap()
}

#[test]
fn title_select_and_legend_flags_change_what_is_drawn() {
    let dir = folder();
    let palette = Palette::for_theme(MapTheme::Light, false, false);
    let plain = render_bundled(dir.path(), "plain.png", &[]);
    let bare = render_bundled(dir.path(), "bare.png", &["--no-title", "--no-legend"]);
    let short = render_bundled(
        dir.path(),
        "short.png",
        &["--title", "ISIS-K", "--subtitle", "", "--select", "afg"],
    );
    let (w, h) = (1920.0, 1080.0);
    // Where nothing is drawn over the map, the bare picture shows what lies beneath.
    let same = |a: &Png, b: &Png, x: f32, y: f32| distance(a.at(x, y), rgb(b.at(x, y))) <= 2;

    // The legend's box sits in the bottom-left corner.
    let legend_corner = (14.0, h - 14.0);
    assert!(!same(&plain, &bare, legend_corner.0, legend_corner.1), "legend drawn");
    let brightness = |p: [u8; 4]| p[..3].iter().map(|&c| c as i32).sum::<i32>();
    assert!(
        brightness(plain.at(legend_corner.0, legend_corner.1))
            > brightness(bare.at(legend_corner.0, legend_corner.1)) + 30,
        "on its light box"
    );

    // The title's box hangs from the top centre; the default title ("Costa
    // Clarke 2024 ISIS-K", over "The New York Times, March 31, 2024") is
    // wider than "ISIS-K" alone.
    let top = 14.0;
    assert!(!same(&plain, &bare, w / 2.0, top), "title drawn");
    assert!(!same(&plain, &bare, w / 2.0 - 100.0, top), "a wide default title");
    assert!(same(&short, &bare, w / 2.0 - 100.0, top), "--title ISIS-K is narrow");
    assert!(!same(&short, &bare, w / 2.0, top), "--title ISIS-K is drawn");

    // The selection ring just outside Afghanistan's marker (west of it:
    // Kabul's pin is to the east).
    let analysis = bundled();
    let afg = analysis.country("AFG").unwrap();
    let (x, y) = pixel(
        &scene_for(&[ARTICLE, "-o", "x.png", "--select", "afg"]),
        1.0,
        afg.lon,
        afg.lat,
    );
    let max = analysis.countries.iter().map(|c| c.mentions).max().unwrap();
    let radius = article_atlas::map::markers::marker_radius(afg.mentions, max);
    let ring = |png: &Png| {
        (1..=8)
            .map(|d| distance(png.at(x - radius - d as f32, y), palette.selected))
            .min()
            .unwrap()
    };
    assert!(ring(&short) < 30, "--select afg rings Afghanistan");
    assert!(ring(&plain) > 60, "no ring unselected");
}

fn rgb(p: [u8; 4]) -> Color32 {
    Color32::from_rgb(p[0], p[1], p[2])
}

#[test]
fn a_project_is_drawn_in_its_saved_theme() {
    let dir = folder();
    let text = std::fs::read_to_string(ARTICLE).unwrap();
    for theme in MapTheme::ALL {
        let mut project = article_atlas::project::Project::new(text.clone(), None);
        project.theme = Some(theme);
        let path = dir.path().join(format!("{}.atlas.json", theme.name()));
        project.save(&path).unwrap();
        let out_path = dir.path().join(format!("{}-project.png", theme.name()));
        let out = render(&[path.to_str().unwrap(), "-o", out_path.to_str().unwrap()], None);
        assert!(out.status.success(), "{}", stderr(&out));
        let png = Png::read(&out_path);
        let scene = scene_for(&[path.to_str().unwrap(), "-o", "x.png"]);
        check_markers_and_ocean(&png, theme, &scene, 1.0, ATLANTIC);
    }
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let dir = folder();
    let out_path = dir.path().join("stdin.png");
    let text = std::fs::read(ARTICLE).unwrap();
    let out = render(
        &[
            "-",
            "--output",
            out_path.to_str().unwrap(),
            "--width",
            "1280",
            "--height",
            "800",
        ],
        Some(&text),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let png = Png::read(&out_path);
    assert_eq!((png.width, png.height), (1280, 800));
    // Standard input is titled after its name, narrow as the article's own.
    let scene = scene_for(&[ARTICLE, "-o", "x.png", "--width", "1280", "--height", "800"]);
    check_markers_and_ocean(&png, MapTheme::Light, &scene, 1.0, ATLANTIC);
}

#[test]
fn an_absurd_size_is_capped_with_a_warning() {
    let dir = folder();
    let out_path = dir.path().join("wide.png");
    let out = render(
        &[
            ARTICLE,
            "-o",
            out_path.to_str().unwrap(),
            "--width",
            "100000",
            "--height",
            "120",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("capped to 8192×120 px"), "{}", stderr(&out));
    let png = Png::read(&out_path);
    assert_eq!((png.width, png.height), (8192, 120));
}

/// Runs `render` with `args` (after the article and an output in a fresh
/// folder) and checks that it fails with one line containing `message`, writing nothing.
fn fails(args: &[&str], output: Option<PathBuf>, message: &str) {
    let dir = folder();
    let out_path = output.unwrap_or_else(|| dir.path().join("x.png"));
    let mut all = vec![ARTICLE, "-o", out_path.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = render(&all, None);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains(message), "{args:?}: {err}");
    assert!(!out_path.is_file() || out_path.ends_with("existing.png"));
}

#[test]
fn bad_requests_fail_with_one_clear_line() {
    fails(
        &[],
        Some(PathBuf::from("/nonexistent-folder/map.png")),
        "does not exist",
    );
    fails(&["--width", "0"], None, "at least 1");
    fails(&["--scale", "0"], None, "invalid scale");
    fails(
        &["--theme", "neon"],
        None,
        "invalid value 'neon' for '--theme <THEME>' (use light, dark, print)",
    );
    fails(&["--select", "XYZ"], None, "unknown country code \"XYZ\"");
    fails(&["--select", "BRA"], None, "Brazil is not mentioned");
    let dir = folder();
    fails(&[], Some(dir.path().to_path_buf()), "is a folder");
}

#[test]
fn a_missing_article_is_one_line() {
    let dir = folder();
    let out_path = dir.path().join("x.png");
    let out = render(&["/no/such/article.txt", "-o", out_path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).trim_end().lines().count(), 1, "{}", stderr(&out));
    assert!(!out_path.exists());
}

/// The text chunks (keyword, text) of a PNG file.
fn png_text(path: &Path) -> Vec<(String, String)> {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    info.utf8_text
        .iter()
        .map(|t| (t.keyword.clone(), t.get_text().unwrap()))
        .chain(
            info.uncompressed_latin1_text
                .iter()
                .map(|t| (t.keyword.clone(), t.text.clone())),
        )
        .collect()
}

#[test]
fn svg_and_pdf_are_chosen_by_the_extension_and_the_caption_is_printed() {
    let dir = folder();
    let svg_path = dir.path().join("map.svg");
    let out = render(
        &[
            ARTICLE,
            "-o",
            svg_path.to_str().unwrap(),
            "--caption",
            "--projection",
            "globe",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let caption = String::from_utf8(out.stdout).unwrap();
    assert!(
        caption.starts_with("Countries named in ‘Costa Clarke 2024 ISIS-K’: United States (16 mentions)"),
        "{caption}"
    );
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains(r#"id="AFG""#));
    assert!(
        svg.contains(&format!("<desc>{}</desc>", caption.trim())),
        "the caption is the SVG's description"
    );
    assert!(
        svg.contains("The New York Times, March 31, 2024"),
        "the subtitle: source and date"
    );

    let pdf_path = dir.path().join("map.PDF");
    let out = render(&[ARTICLE, "-o", pdf_path.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "no caption unless asked");
    assert!(std::fs::read(&pdf_path).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn the_png_describes_itself() {
    let dir = folder();
    let png_path = dir.path().join("map.png");
    let out = render(
        &[
            ARTICLE,
            "-o",
            png_path.to_str().unwrap(),
            "--width",
            "960",
            "--height",
            "540",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = png_text(&png_path);
    let value = |key: &str| text.iter().find(|(k, _)| k == key).map(|(_, t)| t.as_str());
    assert!(
        value("Description").is_some_and(|d| d.starts_with("Countries named in ‘Costa Clarke 2024 ISIS-K’")),
        "{text:?}"
    );
    assert_eq!(value("Title"), Some("Costa Clarke 2024 ISIS-K"));
}

#[test]
#[ignore = "needs a Vulkan driver, on a machine with no GPU Mesa's software one (apt-get install -y mesa-vulkan-drivers); .ci/run runs it"]
fn the_apps_preview_painter_draws_what_the_files_show() {
    let dir = folder();
    let png_path = dir.path().join("map.png");
    let args = [
        ARTICLE,
        "-o",
        png_path.to_str().unwrap(),
        "--width",
        "960",
        "--height",
        "540",
    ];
    let out = render(&args, None);
    assert!(out.status.success(), "{}", stderr(&out));
    let file = Png::read(&png_path);

    // The same scene painted by egui (as the app's preview and presentation
    // mode do) through its wgpu renderer: the same picture, but for
    // anti-aliasing and text rendering.
    let scene = scene_for(&args);
    let mut offscreen = article_atlas::render::Offscreen::new().unwrap();
    let painted = article_atlas::render::render_scene(&mut offscreen, &scene, 1.0).unwrap();
    assert_eq!(painted.size, [960, 540]);
    let (mut agree, mut total) = (0usize, 0usize);
    for (a, b) in file.rgba.chunks_exact(4).zip(&painted.pixels) {
        total += 1;
        let b = b.to_srgba_unmultiplied();
        let d = (0..3).map(|i| (a[i] as i32 - b[i] as i32).abs()).max().unwrap();
        if d <= 24 {
            agree += 1;
        }
    }
    let share = agree as f64 / total as f64;
    assert!(share > 0.97, "only {:.1}% of the pixels agree", share * 100.0);
}
