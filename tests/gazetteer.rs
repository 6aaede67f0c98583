//! The bundled data is complete and consistent.

use article_atlas::analysis::{Analyzer, Matcher, Rules};
use article_atlas::gazetteer::Gazetteer;

#[test]
fn every_table_loads_and_rules_resolve() {
    let g = Gazetteer::builtin();
    assert!(g.countries.len() >= 240, "{} countries", g.countries.len());
    assert!(g.regions.len() >= 17);
    assert!(g.cities.len() >= 150_000, "every place of 1,000 people");
    assert_eq!(
        g.divisions.iter().filter(|d| d.code == "USA" && d.level == 1).count(),
        51,
        "50 states and DC"
    );
    let matcher = Matcher::new(g, Rules::builtin().unwrap());
    assert_eq!(matcher.problems(), &[] as &[String]);
    assert!(matcher.pattern_count() > 2000);
}

#[test]
fn codes_are_unique_and_label_points_are_on_earth() {
    let g = Gazetteer::builtin();
    let mut codes: Vec<&str> = g.countries.iter().map(|c| c.code.as_str()).collect();
    codes.sort();
    let before = codes.len();
    codes.dedup();
    assert_eq!(before, codes.len(), "duplicate country codes");
    for c in &g.countries {
        assert!(
            (-180.0..=180.0).contains(&c.lon) && (-90.0..=90.0).contains(&c.lat),
            "{}",
            c.code
        );
    }
    let xkx = g.country("XKX").expect("Kosovo has code XKX");
    assert_eq!(xkx.name, "Kosovo");
    let fra = g.country("FRA").unwrap();
    assert!(
        fra.lon > -5.0 && fra.lon < 8.0 && fra.lat > 42.0 && fra.lat < 51.0,
        "France's label point is in metropolitan France"
    );
}

#[test]
fn required_regions_exist_with_known_members() {
    let g = Gazetteer::builtin();
    for id in [
        "europe",
        "asia",
        "africa",
        "middle_east",
        "levant",
        "southeast_asia",
        "south_asia",
        "central_asia",
        "latin_america",
        "north_america",
        "south_america",
        "central_america",
        "caribbean",
        "balkans",
        "caucasus",
        "gulf",
        "sahel",
        "scandinavia",
        "horn_of_africa",
    ] {
        let r = &g.regions[g.region_index(id).unwrap_or_else(|| panic!("missing region {id}"))];
        for m in &r.members {
            assert!(g.country(m).is_some(), "region {id} has unknown member {m}");
        }
    }
}

#[test]
fn capitals_of_the_bundled_article_countries() {
    let g = Gazetteer::builtin();
    for (city, code) in [
        ("Doha", "QAT"),
        ("Moscow", "RUS"),
        ("Kabul", "AFG"),
        ("Washington, D.C.", "USA"),
        ("Paris", "FRA"),
    ] {
        let c = g
            .cities
            .iter()
            .find(|c| c.name == city && c.capital())
            .unwrap_or_else(|| panic!("no capital {city}"));
        assert_eq!(g.countries[c.country()].code, code);
    }
    // The US capital is not spelt bare "Washington" (the government, a metonym).
    let dc = g.cities.iter().find(|c| c.name == "Washington, D.C.").unwrap();
    assert!(!dc.is_called("Washington"));
}

#[test]
fn analyzer_is_reusable_across_documents() {
    let analyzer = Analyzer::builtin();
    assert_eq!(analyzer.analyze_text("Kabul.").countries[0].code, "AFG");
    assert_eq!(analyzer.analyze_text("Lima.").countries[0].code, "PER");
}
