//! Laying out and writing the bundled article's picture at 1920×1080, with
//! no GPU: the scene (projection, clipping, every label placed), its SVG and
//! its PDF, in each projection. The whole `render` process adds start-up
//! (reading the gazetteer) and, for PNG, the offscreen renderer.

use std::hint::black_box;

use article_atlas::analysis::Analyzer;
use article_atlas::cartography::ProjectionKind;
use article_atlas::picture::{PictureSpec, build, pdf, svg};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::vec2;

fn pictures(c: &mut Criterion) {
    let analysis = Analyzer::builtin().analyze_text(article_atlas::BUNDLED_ARTICLE);
    let mut group = c.benchmark_group("picture 1920x1080");
    for projection in ProjectionKind::ALL {
        let mut spec = PictureSpec::new(vec2(1920.0, 1080.0), projection);
        spec.title = Some("Costa Clarke 2024 ISIS-K".into());
        group.bench_function(format!("layout {}", projection.name()), |b| {
            b.iter(|| black_box(build(&analysis, &spec)))
        });
    }
    let scene = build(
        &analysis,
        &PictureSpec::new(vec2(1920.0, 1080.0), ProjectionKind::EqualEarth),
    );
    group.bench_function("svg equal-earth", |b| b.iter(|| black_box(svg::to_svg(&scene))));
    group.sample_size(20);
    group.bench_function("pdf equal-earth", |b| {
        b.iter(|| black_box(pdf::to_pdf(&scene).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, pictures);
criterion_main!(benches);
