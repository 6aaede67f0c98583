//! The record types of the gazetteer tables.

use serde::Deserialize;

/// A country or territory of Natural Earth's admin-0 set.
#[derive(Clone, Debug, Deserialize)]
pub struct Country {
    /// Stable 3-letter code: ISO 3166 alpha-3 where one exists (Kosovo: XKX).
    pub code: String,
    /// ISO 3166 alpha-2, or empty.
    #[serde(default)]
    pub iso2: String,
    /// Short English display name.
    pub name: String,
    /// Label point longitude (where the marker goes).
    pub lon: f64,
    /// Label point latitude.
    pub lat: f64,
    /// Official and short names.
    #[serde(default)]
    pub names: Vec<String>,
    /// Colloquial, former and abbreviated names ("Britain", "U.K.").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Adjectives and words for its people ("Afghan", "Afghans").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// The code the world geometry uses for it, where it differs from `code`.
    #[serde(default)]
    pub topo: Option<String>,
}

/// A named region: a continent or a group of countries.
#[derive(Clone, Debug, Deserialize)]
pub struct Region {
    /// Stable id ("levant").
    pub id: String,
    /// Display name ("the Levant").
    pub name: String,
    /// Names to match, without a leading "the".
    #[serde(default)]
    pub variants: Vec<String>,
    /// Adjectives ("Levantine").
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Codes of member countries.
    #[serde(default)]
    pub members: Vec<String>,
    /// Label point longitude.
    pub lon: f64,
    /// Label point latitude.
    pub lat: f64,
}

/// What kind of populated place a city is (GeoNames feature codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    /// The national capital (PPLC).
    Capital,
    /// The seat of a division at this level (PPLA = 1, PPLA2 = 2, ...).
    Seat(u8),
    /// A section of a larger place: a neighbourhood, a borough (PPLX).
    Section,
    /// Any other populated place.
    Other,
}

impl Feature {
    /// The feature of a GeoNames feature code.
    pub fn from_code(code: &str) -> Feature {
        match code {
            "PPLC" => Feature::Capital,
            "PPLX" => Feature::Section,
            "PPLA" | "PPLG" => Feature::Seat(1),
            _ => match code.strip_prefix("PPLA").and_then(|n| n.parse().ok()) {
                Some(level) => Feature::Seat(level),
                None => Feature::Other,
            },
        }
    }
}

/// A division of a country: a first-level one (a US state, a Canadian
/// province, a French région, a Ukrainian oblast, ...) or a county (US
/// counties, Louisiana parishes, Alaska boroughs, British and Irish counties).
#[derive(Clone, Debug)]
pub struct Division {
    /// Stable id: GeoNames-style `CC.admin1` ("US.TX", "UA.07"), a county's
    /// `CC.admin1.FIPS` or `CC.admin1.name`.
    pub id: String,
    /// Display name ("Texas", "Rapides Parish").
    pub name: String,
    /// Code of its country.
    pub code: String,
    /// `Gazetteer::countries` index of its country.
    pub country: usize,
    /// 1 for a first-level division, 2 for a county.
    pub level: u8,
    /// `Gazetteer::divisions` index of the division it lies in (a county's state).
    pub parent: Option<usize>,
    /// What it is called ("state", "province", "oblast", "county", "parish", ...).
    pub kind: String,
    /// People living in its places of at least 1,000.
    pub population: u64,
    /// Label point longitude.
    pub lon: f64,
    /// Label point latitude.
    pub lat: f64,
    /// Other spellings to match ("Kharkiv Oblast").
    pub variants: Vec<String>,
    /// Short forms that stand only after a place and a comma ("Ga.", "TX", "Ont.", "Qld").
    pub qualifiers: Vec<String>,
}
