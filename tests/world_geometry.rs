//! The bundled world geometry: decoding, joins, antimeridian handling, fitting.

use article_atlas::gazetteer::Gazetteer;
use article_atlas::world::{World, WorldRect, country_extent, fit, project};

#[test]
fn coarse_world_has_every_country_joined_to_the_gazetteer() {
    let world = World::coarse();
    assert!(
        (170..=180).contains(&world.countries.len()),
        "{}",
        world.countries.len()
    );
    for shape in &world.countries {
        assert!(
            shape.gazetteer.is_some(),
            "{} ({}) is not in the gazetteer",
            shape.code,
            shape.name
        );
        assert!(!shape.mesh.indices.is_empty(), "{} has no triangles", shape.code);
    }
    let gazetteer = Gazetteer::builtin();
    let france = gazetteer.country_index("FRA").unwrap();
    assert_eq!(world.country(france).unwrap().code, "FRA");
}

#[test]
fn fine_world_has_every_coarse_country_and_more() {
    let fine = World::fine();
    assert!(fine.countries.len() > World::coarse().countries.len() + 50);
    assert!(fine.countries.iter().all(|c| c.gazetteer.is_some()));
    let singapore = Gazetteer::builtin().country_index("SGP").unwrap();
    assert!(fine.country(singapore).unwrap().contains_lon_lat(103.82, 1.35));
}

#[test]
fn france_contains_paris_and_not_london() {
    let france = World::coarse()
        .country(Gazetteer::builtin().country_index("FRA").unwrap())
        .unwrap();
    assert!(france.contains_lon_lat(2.35, 48.85));
    assert!(!france.contains_lon_lat(-0.13, 51.51));
    let at_paris = World::coarse().country_at(project(2.35, 48.85)).unwrap();
    assert_eq!(at_paris.code, "FRA");
}

#[test]
fn no_triangle_spans_half_the_world() {
    for world in [World::coarse(), World::fine()] {
        for code in ["RUS", "FJI", "USA", "NZL", "KIR"] {
            let Some(shape) = Gazetteer::builtin().country_index(code).and_then(|i| world.country(i)) else {
                continue;
            };
            for t in shape.mesh.triangles() {
                let min = t.iter().map(|p| p.x).fold(f32::MAX, f32::min);
                let max = t.iter().map(|p| p.x).fold(f32::MIN, f32::max);
                assert!(max - min < 0.5, "{code}: triangle {t:?} spans {}", max - min);
            }
        }
    }
}

#[test]
fn russia_is_whole_on_both_sides_of_the_antimeridian() {
    let russia = World::coarse()
        .country(Gazetteer::builtin().country_index("RUS").unwrap())
        .unwrap();
    assert!(russia.contains_lon_lat(37.6, 55.75), "Moscow");
    assert!(russia.contains_lon_lat(177.5, 64.7), "Anadyr, west of 180°");
    assert!(russia.contains_lon_lat(-175.0, 66.5), "Chukotka east of 180°");
    assert!(!russia.contains_lon_lat(-150.0, 64.8), "Alaska");
}

#[test]
fn antarctica_covers_the_south_edge_without_smearing_north() {
    let antarctica = World::coarse()
        .country(Gazetteer::builtin().country_index("ATA").unwrap())
        .unwrap();
    assert!(antarctica.contains_lon_lat(0.0, -85.0));
    assert!(antarctica.contains_lon_lat(179.9, -84.9));
    assert!(!antarctica.contains_lon_lat(0.0, -50.0));
    assert!(antarctica.bbox.min.y > project(0.0, -60.0).y);
}

#[test]
fn no_border_segment_jumps_across_the_map() {
    for line in &World::coarse().borders {
        assert!(line.bbox.max.x > 0.0 && line.bbox.min.x < 1.0, "{:?}", line.bbox);
        for pair in line.points.windows(2) {
            assert!((pair[1].x - pair[0].x).abs() < 0.5, "{pair:?}");
        }
    }
}

fn countries_extent(codes: &[&str]) -> Vec<WorldRect> {
    let gazetteer = Gazetteer::builtin();
    codes
        .iter()
        .map(|code| {
            let index = gazetteer.country_index(code).unwrap();
            let country = &gazetteer.countries[index];
            country_extent(
                project(country.lon, country.lat),
                World::coarse().country(index).map(|s| s.bbox),
            )
        })
        .collect()
}

#[test]
fn fitting_neighbours_zooms_closer_than_fitting_continents() {
    let screen = [1280.0, 800.0];
    let europe = fit(&countries_extent(&["FRA", "DEU"]), screen, 40.0, 0.0..=12.0).unwrap();
    let apart = fit(&countries_extent(&["USA", "CHN"]), screen, 40.0, 0.0..=12.0).unwrap();
    assert!(europe.zoom > apart.zoom, "{europe:?} vs {apart:?}");
    assert!((0.0..=15.0).contains(&europe.lon), "{europe:?}");
    assert!((40.0..=55.0).contains(&europe.lat), "{europe:?}");
}
