//! Pictures a cartographer would sign: every place of the bundled article
//! labelled at every size in every projection, with no label over another
//! or over the overlays; Equal Earth keeps areas; the SVG and PDF keep
//! their labels as text.

use article_atlas::analysis::{Analysis, Analyzer};
use article_atlas::cartography::geometry::{project_polygon, ring_area};
use article_atlas::cartography::{Projection, ProjectionKind, ScreenProjection};
use article_atlas::picture::{Note, PictureSpec, Scene, build, pdf, svg};
use article_atlas::place::PlaceKind;
use article_atlas::world::World;
use egui::vec2;

fn bundled() -> Analysis {
    Analyzer::builtin().analyze_text(article_atlas::BUNDLED_ARTICLE)
}

fn spec(w: f32, h: f32, projection: ProjectionKind) -> PictureSpec {
    let mut spec = PictureSpec::new(vec2(w, h), projection);
    spec.title = Some("Costa Clarke 2024 ISIS-K".into());
    spec.subtitle = Some("The New York Times, March 31, 2024".into());
    spec
}

#[test]
fn every_place_of_the_bundled_article_is_labelled_and_no_label_overlaps() {
    let analysis = bundled();
    assert_eq!(
        (analysis.countries.len(), analysis.regions.len(), analysis.cities.len()),
        (17, 3, 3)
    );
    for (w, h) in [(1280.0, 720.0), (1920.0, 1080.0), (3840.0, 2160.0)] {
        for projection in ProjectionKind::ALL {
            let scene = build(&analysis, &spec(w, h, projection));
            let what = format!("{w}×{h} {projection:?}");
            // Every place has its label; on a globe, a place on the far side
            // cannot, and is named in the "Also named" box instead.
            for place in analysis.places() {
                let hidden = scene.frame.lon_lat_to_screen(place.lon, place.lat).is_none();
                let labelled = scene.labels.iter().any(|l| l.name == place.name);
                let listed = scene.unplaced.contains(&place.name);
                assert!(
                    (labelled && !listed) || (hidden && listed && projection == ProjectionKind::Globe),
                    "{what}: {} labelled {labelled}, listed {listed}, hidden {hidden}",
                    place.name
                );
            }
            let wanted = [PlaceKind::Country, PlaceKind::Region, PlaceKind::City];
            assert_eq!(analysis.places().filter(|p| wanted.contains(&p.kind())).count(), 23);
            let bounds = egui::Rect::from_min_size(egui::Pos2::ZERO, vec2(w, h));
            for (i, a) in scene.labels.iter().enumerate() {
                assert!(bounds.contains_rect(a.rect), "{what}: {} leaves the picture", a.name);
                for b in &scene.labels[i + 1..] {
                    assert!(!a.rect.intersects(b.rect), "{what}: {} overlaps {}", a.name, b.name);
                }
                for overlay in &scene.overlays {
                    assert!(!a.rect.intersects(*overlay), "{what}: {} under an overlay", a.name);
                }
            }
        }
    }
}

fn projected_area(code: &str, projection: &Projection) -> f64 {
    let shape = World::fine().countries.iter().find(|c| c.code == code).unwrap();
    shape
        .geo
        .iter()
        .flat_map(|p| project_polygon(&p.rings, projection))
        .map(|polygon| {
            let mut rings = polygon.iter();
            let outer = rings.next().map_or(0.0, |r| ring_area(r));
            outer - rings.map(|r| ring_area(r)).sum::<f64>()
        })
        .sum()
}

#[test]
fn equal_earth_keeps_the_ratio_of_areas_and_mercator_does_not() {
    // Greenland 2,166,086 km², Algeria 2,381,741 km² (CIA World Factbook).
    let truth = 2_166_086.0 / 2_381_741.0;
    let ee = Projection::new(ProjectionKind::EqualEarth, 0.0, 0.0);
    let ratio = projected_area("GRL", &ee) / projected_area("DZA", &ee);
    assert!(
        (ratio / truth - 1.0).abs() < 0.02,
        "Equal Earth: {ratio:.4} vs {truth:.4}"
    );
    let mercator = Projection::new(ProjectionKind::Mercator, 0.0, 0.0);
    let ratio = projected_area("GRL", &mercator) / projected_area("DZA", &mercator);
    assert!(ratio > 3.0 * truth, "Mercator inflates Greenland: {ratio:.2}");
    // On the unit sphere the whole Earth is 4π: Equal Earth's plane holds it all.
    let russia = projected_area("RUS", &ee) / (4.0 * std::f64::consts::PI) * 510_072_000.0;
    assert!((russia / 17_098_246.0 - 1.0).abs() < 0.02, "Russia: {russia:.0} km²");
}

fn usvg_tree(svg: &str) -> resvg::usvg::Tree {
    let mut options = resvg::usvg::Options::default();
    options
        .fontdb_mut()
        .load_font_data(article_atlas::picture::font::FONT_DATA.to_vec());
    resvg::usvg::Tree::from_str(svg, &options).expect("the SVG parses")
}

#[test]
fn the_svg_keeps_labels_as_text_and_countries_as_paths_with_their_codes() {
    let analysis = bundled();
    let mut spec = spec(1920.0, 1080.0, ProjectionKind::EqualEarth);
    spec.notes.push(Note::new("Crocus City Hall & 22 March", 37.4, 55.8));
    let scene = build(&analysis, &spec);
    let svg = svg::to_svg(&scene);
    let tree = usvg_tree(&svg);
    assert_eq!(tree.size().width(), 1920.0);
    // The words of every <text> element (the svg crate puts them on a line of their own).
    let texts: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>').and_then(|(_, rest)| rest.split_once("</text>")))
        .map(|(words, _)| words.trim())
        .collect();
    for country in &analysis.countries {
        assert!(texts.contains(&country.name.as_str()), "no <text> for {}", country.name);
        assert!(
            tree.node_by_id(&country.code).is_some(),
            "no path with id {}",
            country.code
        );
    }
    // One path per country of the world map, each with its own id.
    let ids = svg.matches("<path").count();
    assert!(ids > 150, "{ids} paths");
    assert!(svg.contains("&amp; 22 March"), "the note, escaped");
    assert!(svg.contains(&format!("<desc>{}</desc>", scene.caption)));
}

#[test]
fn the_pdf_has_a_text_layer_with_every_country_and_the_caption_as_subject() {
    let analysis = bundled();
    let scene = build(&analysis, &spec(1280.0, 720.0, ProjectionKind::Globe));
    assert!(
        scene.labels.len() >= 15,
        "most of the places are on the globe's near side"
    );
    let bytes = pdf::to_pdf(&scene).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_extract::extract_text_from_mem(&bytes).expect("the PDF's text extracts");
    // pdf-extract puts a space between glyphs set one by one; the letters are the text.
    let letters: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for country in scene.labels.iter().filter(|l| l.place.is_some()) {
        let name: String = country.name.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            letters.contains(&name),
            "no {} in the PDF's text:\n{text}",
            country.name
        );
    }
    let document = lopdf::Document::load_mem(&bytes).unwrap();
    let info = document.trailer.get(b"Info").and_then(|r| r.as_reference()).unwrap();
    let info = document.get_dictionary(info).unwrap();
    let subject = info.get(b"Subject").unwrap().as_str().unwrap();
    assert!(String::from_utf8_lossy(subject).contains("United States") || subject.starts_with(&[0xfe, 0xff]));
}

#[test]
fn a_note_is_drawn_where_it_was_put_and_labels_keep_clear_of_it() {
    let analysis = bundled();
    let mut spec = spec(1280.0, 720.0, ProjectionKind::EqualEarth);
    let plain = build(&analysis, &spec);
    spec.notes.push(Note::new("ISIS-K attacks\nMarch 2024", 37.6, 55.75));
    let scene: Scene = build(&analysis, &spec);
    let note = scene
        .labels
        .iter()
        .find(|l| l.place.is_none())
        .expect("the note is placed");
    assert!(note.name.starts_with("ISIS-K attacks"));
    for label in scene.labels.iter().filter(|l| l.place.is_some()) {
        assert!(!label.rect.intersects(note.rect), "{} under the note", label.name);
    }
    assert_ne!(plain.labels.len(), scene.labels.len());
}

#[test]
#[ignore = "writes /tmp/atlas-*.{svg,pdf,png} for a look"]
fn write_samples() {
    let analysis = bundled();
    for projection in ProjectionKind::ALL {
        let scene = build(&analysis, &spec(1280.0, 720.0, projection));
        let name = format!("/tmp/atlas-{}", projection.name());
        let svg = svg::to_svg(&scene);
        std::fs::write(format!("{name}.svg"), &svg).unwrap();
        std::fs::write(format!("{name}.pdf"), pdf::to_pdf(&scene).unwrap()).unwrap();
        let tree = usvg_tree(&svg);
        let mut pixmap = resvg::tiny_skia::Pixmap::new(1280, 720).unwrap();
        resvg::render(&tree, resvg::tiny_skia::Transform::default(), &mut pixmap.as_mut());
        pixmap.save_png(format!("{name}-svg.png")).unwrap();
    }
}
