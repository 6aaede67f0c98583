//! The gazetteer's towns, read in place from their packed records.
//!
//! 170,000 towns copied into a list of records were 13 MB of fresh memory
//! at every start, each page zeroed by the kernel before it was written:
//! a third of the start-up's time on this machine, and memory the app held
//! for as long as it ran. The packed table compiled into the binary
//! (`packed.rs`) already holds every field, so [`Cities`] reads a town's
//! fields from its record when they are asked for; the binary's pages are
//! the file's own, read from the page cache, never zeroed.

use super::packed::{self, Packed};
use super::records::Feature;

/// A populated place of at least 1,000 people (GeoNames cities1000), as
/// [`Cities::get`] reads it from its record. Its strings point into the
/// table compiled into the binary.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct City {
    /// GeoNames id (negative for the few places added by hand).
    pub id: i64,
    /// Display name.
    pub name: &'static str,
    /// Other spellings to match, `|`-separated (see [`City::variants`]).
    pub spellings: &'static str,
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// Population (GeoNames).
    pub population: u64,
    /// Capital, division seat, section or other.
    pub feature: Feature,
    country: usize,
    admin1: Option<usize>,
    admin2: Option<usize>,
}

impl City {
    /// `Gazetteer::countries` index of its country.
    pub fn country(&self) -> usize {
        self.country
    }

    /// `Gazetteer::divisions` index of its first-level division, if known.
    pub fn admin1(&self) -> Option<usize> {
        self.admin1
    }

    /// `Gazetteer::divisions` index of its county, if known.
    pub fn admin2(&self) -> Option<usize> {
        self.admin2
    }

    /// Is it the national capital?
    pub fn capital(&self) -> bool {
        self.feature == Feature::Capital
    }

    /// Other spellings to match (the display name is matched too).
    pub fn variants(&self) -> impl Iterator<Item = &'static str> + use<> {
        self.spellings.split('|').filter(|v| !v.is_empty())
    }

    /// Is `name` its name or one of its spellings?
    pub fn is_called(&self, name: &str) -> bool {
        self.name == name || self.variants().any(|v| v == name)
    }
}

/// Why a packed table of towns cannot be read.
#[derive(Debug)]
pub(super) struct BadRow {
    /// The row (0-based; the table's header is `None`).
    pub row: Option<usize>,
    /// What is wrong.
    pub problem: String,
}

/// The towns of the gazetteer, by index: each read from its packed record
/// when asked for (see the module docs).
#[derive(Default)]
pub struct Cities {
    packed: Packed<'static>,
    /// The `Gazetteer::countries` index of each of the table's country codes.
    countries: Vec<usize>,
    /// The feature of each of the table's feature codes.
    features: Vec<Feature>,
}

impl Cities {
    /// The towns of a packed table; `country_index` finds a country code's
    /// country, `divisions` is how many divisions there are. Every row is
    /// checked here, so that reading one later cannot fail.
    pub(super) fn new(
        bytes: &'static [u8],
        country_index: impl Fn(&str) -> Option<usize>,
        divisions: usize,
    ) -> Result<Cities, BadRow> {
        let bad = |row: Option<usize>, problem: String| BadRow { row, problem };
        let packed = Packed::new(bytes).ok_or_else(|| bad(None, "not a packed table".into()))?;
        let countries = packed
            .codes()
            .iter()
            .map(|code| country_index(code).ok_or_else(|| bad(None, format!("unknown country code {code:?}"))))
            .collect::<Result<Vec<usize>, BadRow>>()?;
        let features = packed.features().iter().map(|f| Feature::from_code(f)).collect();
        let division = |d: u32| d == packed::NONE || (d as usize) < divisions;
        for i in 0..packed.len() {
            if packed.row_codes(i).is_none() {
                return Err(bad(Some(i), "strings or codes out of range".into()));
            }
            let (admin1, admin2) = packed.admins(i);
            if !(division(admin1) && division(admin2)) {
                return Err(bad(Some(i), "unknown division".into()));
            }
        }
        Ok(Cities {
            packed,
            countries,
            features,
        })
    }

    /// How many towns there are.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    /// Are there none?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Town `i`; panics if there is no such town, as indexing a list does.
    pub fn get(&self, i: usize) -> City {
        let (name, spellings) = self.packed.names(i).expect("rows are checked when read");
        let (lon, lat) = self.packed.lon_lat(i);
        let (admin1, admin2) = self.admins(i);
        City {
            id: self.packed.id(i),
            name,
            spellings,
            lon,
            lat,
            population: self.packed.population(i),
            feature: self.feature(i),
            country: self.country(i),
            admin1,
            admin2,
        }
    }

    /// Every town in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = City> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Town `i`'s display name.
    #[inline]
    pub fn name(&self, i: usize) -> &'static str {
        self.packed.name(i).expect("rows are checked when read")
    }

    /// Town `i`'s population.
    #[inline]
    pub fn population(&self, i: usize) -> u64 {
        self.packed.population(i)
    }

    /// Town `i`'s longitude and latitude.
    #[inline]
    pub fn lon_lat(&self, i: usize) -> (f64, f64) {
        self.packed.lon_lat(i)
    }

    /// Town `i`'s GeoNames id.
    #[inline]
    pub fn id(&self, i: usize) -> i64 {
        self.packed.id(i)
    }

    /// Town `i`'s feature.
    #[inline]
    pub fn feature(&self, i: usize) -> Feature {
        self.features[self.packed.code_numbers(i).1]
    }

    /// `Gazetteer::countries` index of town `i`'s country.
    #[inline]
    pub fn country(&self, i: usize) -> usize {
        self.countries[self.packed.code_numbers(i).0]
    }

    /// `Gazetteer::divisions` indices of town `i`'s first-level division and county.
    #[inline]
    pub fn admins(&self, i: usize) -> (Option<usize>, Option<usize>) {
        let some = |d: u32| (d != packed::NONE).then_some(d as usize);
        let (admin1, admin2) = self.packed.admins(i);
        (some(admin1), some(admin2))
    }
}

impl std::fmt::Debug for Cities {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cities({} towns)", self.len())
    }
}
