//! Compiles the bundled gazetteer's towns into binary tables when the crate
//! is built, so that the program reads them instead of parsing and sorting
//! them at every start:
//!
//! - `cities.bin`: every town of `data/gazetteer/places.tsv` as a fixed-width
//!   record (`src/gazetteer/packed.rs`);
//! - `places.idx`: every spelling of every division and town, sorted and
//!   hashed for the matcher (`src/analysis/place_index.rs`).
//!
//! Both are written as they are read: the program reads them in place from
//! its own file, without unpacking or copying them. Both modules are compiled
//! here and into the crate, so the two sides share one definition; tests
//! check the tables against the text tables.

use std::collections::HashMap;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/analysis/place_index.rs"]
mod place_index;

#[allow(dead_code)]
#[path = "src/gazetteer/packed.rs"]
mod packed;

/// The data lines of a tab-separated table (not blank, not comments), numbered from 1.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn main() {
    for path in [
        "build.rs",
        "src/analysis/place_index.rs",
        "src/gazetteer/packed.rs",
        "data/gazetteer/places.tsv",
        "data/gazetteer/divisions.tsv",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let places = read("data/gazetteer/places.tsv");
    let divisions = read("data/gazetteer/divisions.tsv");

    // Divisions: their ids (a later line of the same id wins, as in the
    // gazetteer's own lookup) and spellings (name, then the `|` list).
    let mut division_index: HashMap<&str, u32> = HashMap::new();
    let mut division_spellings: Vec<Vec<&str>> = Vec::new();
    for (line, fields) in data_lines(&divisions) {
        let field = |i: usize| -> &str {
            fields
                .get(i)
                .copied()
                .unwrap_or_else(|| panic!("data/gazetteer/divisions.tsv line {line}: too few columns"))
        };
        division_index.insert(field(0), division_spellings.len() as u32);
        let mut spellings = vec![field(1)];
        spellings.extend(field(9).split('|').filter(|v| !v.is_empty()));
        division_spellings.push(spellings);
    }

    let mut rows = Vec::new();
    for (line, fields) in data_lines(&places) {
        let fail = |what: &str| -> ! { panic!("data/gazetteer/places.tsv line {line}: {what}") };
        let field = |i: usize| -> &str { fields.get(i).copied().unwrap_or_else(|| fail("too few columns")) };
        let division = |i: usize| -> u32 {
            match field(i) {
                "" => packed::NONE,
                id => *division_index.get(id).unwrap_or_else(|| fail("unknown division")),
            }
        };
        rows.push(packed::Row {
            id: field(0).parse().unwrap_or_else(|_| fail("bad geonameid")),
            name: field(1),
            country: field(2),
            admin1: division(3),
            admin2: division(4),
            feature: field(5),
            population: field(6).parse().unwrap_or_else(|_| fail("bad population")),
            lat: field(7).parse().unwrap_or_else(|_| fail("bad latitude")),
            lon: field(8).parse().unwrap_or_else(|_| fail("bad longitude")),
            spellings: field(9),
        });
    }

    let index = place_index::build(
        division_spellings
            .iter()
            .enumerate()
            .map(|(d, spellings)| (place_index::DIVISION | d as u32, spellings.clone()))
            .chain(rows.iter().enumerate().map(|(c, r)| {
                let spellings: Vec<&str> = std::iter::once(r.name)
                    .chain(r.spellings.split('|').filter(|v| !v.is_empty()))
                    .collect();
                (c as u32, spellings)
            })),
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // Not compressed: unpacking them (LZ4) took a twentieth of the
    // instructions of `analyze` on 20 MB of news, and the fresh memory they
    // filled; read in place, the program's file is 8.7 MB larger (60 MB).
    let write = |name: &str, bytes: &[u8]| std::fs::write(out.join(name), bytes).expect("write a packed table");
    write("places.idx", &index);
    write("cities.bin", &packed::pack(rows));
}
