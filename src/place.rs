//! Places: the one way the whole app names a country, region or city.
//!
//! A [`Place`] is an index into the [`Gazetteer`]: what a mention refers to,
//! what the user selects on the map or in a list, what a label or a pin
//! stands for. A [`PlaceSummary`] is what an analysis says about one place
//! (its mentions, passages and the words used); the command line, the place
//! lists, the map layers and the exports all read it. A [`PlaceRef`] names a
//! place by its code, for files that must outlive a gazetteer update
//! (projects, corrections); [`Place::to_ref`] and [`Place::from_ref`] are the
//! only conversions between the two.

use serde::{Deserialize, Serialize};

use crate::gazetteer::Gazetteer;

/// A place of the gazetteer: an index into one of its tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// `Gazetteer::countries[i]`.
    Country(usize),
    /// `Gazetteer::regions[i]` (a continent or a group of countries).
    Region(usize),
    /// `Gazetteer::cities[i]`.
    City(usize),
}

/// What kind of place a [`Place`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A country or territory.
    Country,
    /// A named region.
    Region,
    /// A city.
    City,
}

impl PlaceKind {
    /// The lowercase name used in output ("country", "region", "city").
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
        }
    }
}

impl Place {
    /// Its kind.
    pub fn kind(self) -> PlaceKind {
        match self {
            Place::Country(_) => PlaceKind::Country,
            Place::Region(_) => PlaceKind::Region,
            Place::City(_) => PlaceKind::City,
        }
    }

    /// Its index in its gazetteer table.
    pub fn index(self) -> usize {
        match self {
            Place::Country(i) | Place::Region(i) | Place::City(i) => i,
        }
    }

    /// The country it is (a country) or lies in (a city); `None` for a region.
    pub fn country(self, g: &Gazetteer) -> Option<usize> {
        match self {
            Place::Country(i) => Some(i),
            Place::Region(_) => None,
            Place::City(i) => Some(g.cities[i].country),
        }
    }

    /// Is `other` this place or inside it? A country holds its cities.
    pub fn holds(self, other: Place, g: &Gazetteer) -> bool {
        self == other || matches!(self, Place::Country(_)) && other.country(g) == self.country(g)
    }

    /// Its display name ("Afghanistan", "the Levant", "Kabul").
    pub fn name(self, g: &Gazetteer) -> &str {
        match self {
            Place::Country(i) => &g.countries[i].name,
            Place::Region(i) => &g.regions[i].name,
            Place::City(i) => &g.cities[i].name,
        }
    }

    /// Its code: ISO 3166 alpha-3 for a country ("AFG"), the id of a region
    /// ("levant"); a city has the code of its country.
    pub fn code(self, g: &Gazetteer) -> &str {
        match self {
            Place::Country(i) => &g.countries[i].code,
            Place::Region(i) => &g.regions[i].id,
            Place::City(i) => &g.cities[i].code,
        }
    }

    /// Where its mark goes: longitude and latitude.
    pub fn lon_lat(self, g: &Gazetteer) -> (f64, f64) {
        match self {
            Place::Country(i) => (g.countries[i].lon, g.countries[i].lat),
            Place::Region(i) => (g.regions[i].lon, g.regions[i].lat),
            Place::City(i) => (g.cities[i].lon, g.cities[i].lat),
        }
    }

    /// The place by code, for files.
    pub fn to_ref(self, g: &Gazetteer) -> PlaceRef {
        match self {
            Place::Country(i) => PlaceRef::Country {
                code: g.countries[i].code.clone(),
            },
            Place::Region(i) => PlaceRef::Region {
                id: g.regions[i].id.clone(),
            },
            Place::City(i) => PlaceRef::City {
                name: g.cities[i].name.clone(),
                code: g.cities[i].code.clone(),
            },
        }
    }

    /// The place `r` names in `g`; an unknown code is an error message.
    pub fn from_ref(r: &PlaceRef, g: &Gazetteer) -> Result<Place, String> {
        match r {
            PlaceRef::Country { code } => g
                .country_index(code)
                .map(Place::Country)
                .ok_or_else(|| format!("unknown country code \"{code}\"")),
            PlaceRef::Region { id } => g
                .region_index(id)
                .map(Place::Region)
                .ok_or_else(|| format!("unknown region \"{id}\"")),
            PlaceRef::City { name, code } => {
                if g.country_index(code).is_none() {
                    return Err(format!("unknown country code \"{code}\" for the city \"{name}\""));
                }
                g.cities
                    .iter()
                    .position(|c| &c.code == code && (&c.name == name || c.variants.contains(name)))
                    .map(Place::City)
                    .ok_or_else(|| format!("unknown city \"{name}\" ({code})"))
            }
        }
    }
}

/// A place named by code, as saved in project files and corrections.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum PlaceRef {
    /// A country by its code ("FRA").
    Country {
        /// `Country::code`.
        code: String,
    },
    /// A named region by its id ("levant").
    Region {
        /// `Region::id`.
        id: String,
    },
    /// A city by its name and its country's code ("Paris", "FRA").
    City {
        /// `City::name` (or one of its variants).
        name: String,
        /// `City::code`.
        code: String,
    },
}

/// What an analysis says about one mentioned place.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceSummary {
    /// The place.
    pub place: Place,
    /// Display name.
    pub name: String,
    /// [`Place::code`]: ISO alpha-3, a region's id, or a city's country.
    pub code: String,
    /// The country it is or lies in (`Gazetteer::countries` index); `None` for a region.
    pub country: Option<usize>,
    /// Longitude of its mark.
    pub lon: f64,
    /// Latitude of its mark.
    pub lat: f64,
    /// How many mentions (for a country, also those of its cities).
    pub mentions: usize,
    /// Passages (sentence indices) that mention it, in order.
    pub passages: Vec<usize>,
    /// The distinct words used for it, in order of first use ("Russian", "Moscow").
    pub surfaces: Vec<String>,
    /// Paragraph of its first mention.
    pub first_paragraph: usize,
}

impl PlaceSummary {
    /// Its kind.
    pub fn kind(&self) -> PlaceKind {
        self.place.kind()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_survives_the_trip_through_its_reference() {
        let g = Gazetteer::builtin();
        let places = (0..g.countries.len())
            .map(Place::Country)
            .chain((0..g.regions.len()).map(Place::Region))
            .chain((0..g.cities.len()).map(Place::City));
        for place in places {
            assert_eq!(Place::from_ref(&place.to_ref(g), g), Ok(place), "{place:?}");
        }
        let unknown = PlaceRef::City {
            name: "Atlantis".into(),
            code: "GRC".into(),
        };
        assert!(Place::from_ref(&unknown, g).unwrap_err().contains("Atlantis"));
    }

    #[test]
    fn a_country_holds_its_cities_and_nothing_else() {
        let g = Gazetteer::builtin();
        let qatar = Place::Country(g.country_index("QAT").unwrap());
        let doha = Place::City(g.cities.iter().position(|c| c.name == "Doha").unwrap());
        let kabul = Place::City(g.cities.iter().position(|c| c.name == "Kabul").unwrap());
        assert!(qatar.holds(doha, g) && qatar.holds(qatar, g));
        assert!(!qatar.holds(kabul, g) && !doha.holds(qatar, g));
        assert_eq!(doha.country(g), qatar.country(g));
        let gulf = Place::Region(g.region_index("gulf").unwrap_or(0));
        assert!(!qatar.holds(gulf, g) && gulf.country(g).is_none());
    }
}
