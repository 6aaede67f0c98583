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

/// A capital or large city.
#[derive(Clone, Debug, Deserialize)]
pub struct City {
    /// Display name.
    pub name: String,
    /// Code of its country.
    pub code: String,
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// Population (GeoNames).
    #[serde(default)]
    pub population: u64,
    /// Is it the national capital?
    #[serde(default)]
    pub capital: bool,
    /// Spellings to match.
    #[serde(default)]
    pub variants: Vec<String>,
    /// `Gazetteer::countries` index of its country (resolved from `code` on load).
    #[serde(skip)]
    pub country: usize,
}

/// A first-level subdivision (US states), matched so that "New Mexico" and
/// "Paris, Texas" resolve to the right country.
#[derive(Clone, Debug, Deserialize)]
pub struct State {
    /// Display name.
    pub name: String,
    /// Code of its country.
    pub code: String,
    /// Spellings to match.
    #[serde(default)]
    pub variants: Vec<String>,
    /// Postal and AP abbreviations ("TX", "Tex.").
    #[serde(default)]
    pub abbreviations: Vec<String>,
}
