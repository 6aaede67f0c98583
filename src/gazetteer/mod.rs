//! The gazetteer: countries, regions, populated places (every place of at
//! least 1,000 people) and divisions (first-level divisions and counties)
//! with the names a text may use for them. Loaded from tables in
//! `data/gazetteer/` that are compiled into the binary (JSON for countries and
//! regions, tab-separated for the 170,000 places and 6,800 divisions), so the
//! app needs no files at run time.

mod cities;
pub(crate) mod packed;
mod records;

pub use cities::{Cities, City};
pub use records::{Country, Division, Feature, Region};

use std::collections::HashMap;
use std::sync::OnceLock;

/// Every place the matcher knows, with lookups by code.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Natural Earth admin-0 countries and territories.
    pub countries: Vec<Country>,
    /// Named regions (Europe, the Levant, ...).
    pub regions: Vec<Region>,
    /// Populated places of at least 1,000 people.
    pub cities: Cities,
    /// First-level divisions and counties.
    pub divisions: Vec<Division>,
    by_code: HashMap<String, usize>,
    by_region_id: HashMap<String, usize>,
    by_division_id: HashMap<String, usize>,
}

/// A gazetteer table that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A JSON table is not valid JSON of its schema.
    #[error("gazetteer table {table}: {source}")]
    Json {
        /// Which table.
        table: &'static str,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
    /// A line of a tab-separated table is not of its schema.
    #[error("gazetteer table {table}, line {line}: {problem}")]
    Line {
        /// Which table.
        table: &'static str,
        /// Line number (1-based).
        line: usize,
        /// What is wrong.
        problem: String,
    },
}

/// The fields of one line of a tab-separated table, with errors naming the line.
struct Fields<'a> {
    table: &'static str,
    line: usize,
    fields: std::str::Split<'a, char>,
}

impl<'a> Fields<'a> {
    fn error(&self, problem: String) -> GazetteerError {
        GazetteerError::Line {
            table: self.table,
            line: self.line,
            problem,
        }
    }

    fn text(&mut self, name: &str) -> Result<&'a str, GazetteerError> {
        self.fields
            .next()
            .ok_or_else(|| self.error(format!("no {name} column")))
    }

    fn number<T: std::str::FromStr>(&mut self, name: &str) -> Result<T, GazetteerError> {
        let text = self.text(name)?;
        text.parse()
            .map_err(|_| self.error(format!("{name} {text:?} is not a number")))
    }

    fn list(&mut self, name: &str) -> Result<Vec<String>, GazetteerError> {
        let text = self.text(name)?;
        Ok(text.split('|').filter(|v| !v.is_empty()).map(str::to_string).collect())
    }
}

/// The lines of a tab-separated table that hold data (not comments), numbered.
fn data_lines<'a>(table: &'static str, text: &'a str) -> impl Iterator<Item = Fields<'a>> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(move |(i, l)| Fields {
            table,
            line: i + 1,
            fields: l.split('\t'),
        })
}

impl Gazetteer {
    /// Build a gazetteer from its four tables: countries and regions (JSON),
    /// places and divisions (tab-separated; see `data/README.md` for the schemas).
    pub fn from_tables(
        countries: &str,
        regions: &str,
        places: &str,
        divisions: &str,
    ) -> Result<Gazetteer, GazetteerError> {
        let g = Gazetteer::without_towns(countries, regions, divisions)?;
        let mut rows = Vec::new();
        for mut f in data_lines("places", places) {
            let id = f.number("geonameid")?;
            let name = f.text("name")?;
            let country = f.text("country")?;
            g.country_of(&f, country)?;
            let division = |f: &mut Fields<'_>, column| -> Result<u32, GazetteerError> {
                Ok(g.division_of(f, column)?.map_or(packed::NONE, |d| d as u32))
            };
            let admin1 = division(&mut f, "admin1")?;
            let admin2 = division(&mut f, "admin2")?;
            let feature = f.text("feature code")?;
            let population = f.number("population")?;
            let lat = f.number("latitude")?;
            let lon = f.number("longitude")?;
            let spellings = f.text("spellings")?;
            rows.push(packed::Row {
                id,
                name,
                spellings,
                lon,
                lat,
                population,
                country,
                feature,
                admin1,
                admin2,
            });
        }
        // Read like the built-in table, which lives as long as the program:
        // so does this one (a gazetteer is read once).
        let packed: &'static [u8] = Box::leak(packed::pack(rows).into_boxed_slice());
        g.with_towns(packed)
    }

    /// [`Gazetteer::from_tables`] with the places already packed into
    /// records by `build.rs` (see `packed.rs`): the same gazetteer, read
    /// without parsing 170,000 lines, and its towns read in place.
    fn from_packed(
        countries: &str,
        regions: &str,
        places: &'static [u8],
        divisions: &str,
    ) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::without_towns(countries, regions, divisions)?.with_towns(places)
    }

    /// This gazetteer with the towns of a packed table.
    fn with_towns(mut self, places: &'static [u8]) -> Result<Gazetteer, GazetteerError> {
        let cities = Cities::new(places, |code| self.country_index(code), self.divisions.len());
        self.cities = cities.map_err(|bad| GazetteerError::Line {
            table: "places (packed)",
            line: bad.row.map_or(0, |row| row + 1),
            problem: bad.problem,
        })?;
        Ok(self)
    }

    /// The countries, regions and divisions, with no towns yet.
    fn without_towns(countries: &str, regions: &str, divisions: &str) -> Result<Gazetteer, GazetteerError> {
        fn parse<T: serde::de::DeserializeOwned>(table: &'static str, json: &str) -> Result<T, GazetteerError> {
            serde_json::from_str(json).map_err(|source| GazetteerError::Json { table, source })
        }
        let mut g = Gazetteer {
            countries: parse("countries", countries)?,
            regions: parse("regions", regions)?,
            ..Gazetteer::default()
        };
        g.by_code = g
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), i))
            .collect();
        g.by_region_id = g.regions.iter().enumerate().map(|(i, r)| (r.id.clone(), i)).collect();
        let mut parents = Vec::new();
        for mut f in data_lines("divisions", divisions) {
            let id = f.text("id")?.to_string();
            let name = f.text("name")?.to_string();
            let code = f.text("country")?.to_string();
            let country = g.country_of(&f, &code)?;
            let level = f.number("level")?;
            parents.push((g.divisions.len(), f.text("parent")?.to_string(), f.line));
            let kind = f.text("kind")?.to_string();
            let population = f.number("population")?;
            let lat = f.number("latitude")?;
            let lon = f.number("longitude")?;
            let variants = f.list("spellings")?;
            let qualifiers = f.list("qualifiers")?;
            g.by_division_id.insert(id.clone(), g.divisions.len());
            g.divisions.push(Division {
                id,
                name,
                code,
                country,
                level,
                parent: None,
                kind,
                population,
                lon,
                lat,
                variants,
                qualifiers,
            });
        }
        for (i, parent, line) in parents {
            if !parent.is_empty() {
                let found = g.by_division_id.get(&parent).copied();
                g.divisions[i].parent = Some(found.ok_or_else(|| GazetteerError::Line {
                    table: "divisions",
                    line,
                    problem: format!("unknown parent division {parent:?}"),
                })?);
            }
        }
        Ok(g)
    }

    fn country_of(&self, f: &Fields<'_>, code: &str) -> Result<usize, GazetteerError> {
        self.country_index(code)
            .ok_or_else(|| f.error(format!("unknown country code {code:?}")))
    }

    fn division_of(&self, f: &mut Fields<'_>, column: &str) -> Result<Option<usize>, GazetteerError> {
        let id = f.text(column)?;
        if id.is_empty() {
            return Ok(None);
        }
        match self.by_division_id.get(id) {
            Some(&i) => Ok(Some(i)),
            None => Err(f.error(format!("unknown {column} division {id:?}"))),
        }
    }

    /// The gazetteer compiled into the binary from `data/gazetteer/` (its
    /// towns packed by `build.rs`).
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Gazetteer::from_packed(
                include_str!("../../data/gazetteer/countries.json"),
                include_str!("../../data/gazetteer/regions.json"),
                include_bytes!(concat!(env!("OUT_DIR"), "/cities.bin")),
                include_str!("../../data/gazetteer/divisions.tsv"),
            )
            .expect("the bundled gazetteer is valid (checked by tests)")
        })
    }

    /// Index of the country with this code (e.g. `"FRA"`).
    pub fn country_index(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// The country with this code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.country_index(code).map(|i| &self.countries[i])
    }

    /// Index of the region with this id (e.g. `"levant"`).
    pub fn region_index(&self, id: &str) -> Option<usize> {
        self.by_region_id.get(id).copied()
    }

    /// Index of the division with this id (e.g. `"US.TX"`).
    pub fn division_index(&self, id: &str) -> Option<usize> {
        self.by_division_id.get(id).copied()
    }

    /// Index of the place with this GeoNames id (a scan: for files, not for analysis).
    pub fn city_index(&self, geonameid: i64) -> Option<usize> {
        (0..self.cities.len()).position(|i| self.cities.id(i) == geonameid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_towns_are_the_text_table() {
        let text = Gazetteer::from_tables(
            include_str!("../../data/gazetteer/countries.json"),
            include_str!("../../data/gazetteer/regions.json"),
            include_str!("../../data/gazetteer/places.tsv"),
            include_str!("../../data/gazetteer/divisions.tsv"),
        )
        .unwrap();
        let packed = Gazetteer::builtin();
        assert_eq!(text.cities.len(), packed.cities.len());
        for (a, b) in text.cities.iter().zip(packed.cities.iter()) {
            assert_eq!(a, b);
            assert_eq!((a.lon.to_bits(), a.lat.to_bits()), (b.lon.to_bits(), b.lat.to_bits()));
        }
        assert_eq!(format!("{:?}", text.divisions), format!("{:?}", packed.divisions));
        assert_eq!(text.by_division_id, packed.by_division_id);
    }
}
