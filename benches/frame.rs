//! One whole frame of the desktop app on the bundled article at 1920×1080,
//! headless: the egui pass (all panels and the map) plus tessellation, which
//! is the CPU work of a frame before the GPU sees it. Target: under 4 ms.
//! Cases: the first view (all mentioned countries), Europe at zoom 4 (1:110m
//! shapes) and Europe at zoom 5.5 (1:50m shapes).

use std::hint::black_box;

use article_atlas::app::{Article, AtlasApp, Settings};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, vec2};

/// Frames run before measuring, so fonts, galleys and map caches are built.
const WARM_UP_FRAMES: usize = 5;

/// Input for one frame of a 1920×1080 window at `time` seconds.
fn input(time: f64) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0))),
        time: Some(time),
        ..RawInput::default()
    }
}

/// Run and tessellate one frame; returns the number of meshes.
fn frame(ctx: &egui::Context, app: &mut AtlasApp, time: f64) -> usize {
    let mut output = ctx.run_ui(input(time), |ui| app.show(ui));
    let shapes = std::mem::take(&mut output.shapes);
    let meshes = ctx.tessellate(shapes, output.pixels_per_point);
    output.drop_without_applying_deltas();
    meshes.len()
}

fn bench_frames(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut app = AtlasApp::new(&ctx, Article::bundled(), Settings::default());
    let mut time = 0.0;
    let mut next_frame = |app: &mut AtlasApp| {
        time += 1.0 / 60.0;
        frame(&ctx, app, time)
    };
    for _ in 0..WARM_UP_FRAMES {
        next_frame(&mut app);
    }
    c.bench_function("frame/world", |b| b.iter(|| black_box(next_frame(&mut app))));

    app.map_mut().set_view(10.0, 50.0, 4.0);
    for _ in 0..WARM_UP_FRAMES {
        next_frame(&mut app);
    }
    c.bench_function("frame/europe", |b| b.iter(|| black_box(next_frame(&mut app))));

    // Closer in, the map draws the 1:50m shapes (decoded once, up front here).
    article_atlas::world::World::fine();
    app.map_mut().set_view(10.0, 50.0, 5.5);
    for _ in 0..WARM_UP_FRAMES {
        next_frame(&mut app);
    }
    c.bench_function("frame/europe_50m", |b| b.iter(|| black_box(next_frame(&mut app))));
}

criterion_group!(benches, bench_frames);
criterion_main!(benches);
