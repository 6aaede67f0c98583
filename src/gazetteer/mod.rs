//! The gazetteer: countries, regions, cities and US states with the names a
//! text may use for them. Loaded from JSON tables in `data/gazetteer/` that are
//! compiled into the binary, so the app needs no files at run time.

mod records;

pub use records::{City, Country, Region, State};

use std::collections::HashMap;
use std::sync::OnceLock;

/// Every place the matcher knows, with lookups by code.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Natural Earth admin-0 countries and territories.
    pub countries: Vec<Country>,
    /// Named regions (Europe, the Levant, ...).
    pub regions: Vec<Region>,
    /// Capitals and large cities.
    pub cities: Vec<City>,
    /// US states (used for "Paris, Texas", "New Mexico", Georgia the state).
    pub states: Vec<State>,
    by_code: HashMap<String, usize>,
    by_region_id: HashMap<String, usize>,
}

/// A gazetteer table that could not be parsed, or that names an unknown country.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    /// A table is not valid JSON of its schema.
    #[error("gazetteer table {table}: {source}")]
    Json {
        /// Which table.
        table: &'static str,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
    /// A city names a country code no country has.
    #[error("gazetteer table cities: {city} names the unknown country code {code}")]
    UnknownCountry {
        /// The city.
        city: String,
        /// Its code.
        code: String,
    },
}

impl Gazetteer {
    /// Build a gazetteer from the four JSON tables (see `data/README.md` for
    /// their schema).
    pub fn from_json(countries: &str, regions: &str, cities: &str, states: &str) -> Result<Gazetteer, GazetteerError> {
        fn parse<T: serde::de::DeserializeOwned>(table: &'static str, json: &str) -> Result<T, GazetteerError> {
            serde_json::from_str(json).map_err(|source| GazetteerError::Json { table, source })
        }
        let mut g = Gazetteer {
            countries: parse("countries", countries)?,
            regions: parse("regions", regions)?,
            cities: parse("cities", cities)?,
            states: parse("states", states)?,
            ..Gazetteer::default()
        };
        g.by_code = g
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| (c.code.clone(), i))
            .collect();
        g.by_region_id = g.regions.iter().enumerate().map(|(i, r)| (r.id.clone(), i)).collect();
        for city in &mut g.cities {
            city.country = *g
                .by_code
                .get(&city.code)
                .ok_or_else(|| GazetteerError::UnknownCountry {
                    city: city.name.clone(),
                    code: city.code.clone(),
                })?;
        }
        Ok(g)
    }

    /// The gazetteer compiled into the binary from `data/gazetteer/`.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Gazetteer::from_json(
                include_str!("../../data/gazetteer/countries.json"),
                include_str!("../../data/gazetteer/regions.json"),
                include_str!("../../data/gazetteer/cities.json"),
                include_str!("../../data/gazetteer/states.json"),
            )
            .expect("the bundled gazetteer is valid JSON (checked by tests)")
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
}
