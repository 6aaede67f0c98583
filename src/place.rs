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

/// A place of the gazetteer: an index into one of its tables, as a `u32`
/// (8 bytes in all: a long article holds a million of them; see
/// [`Place::city_at`] and the other constructors from a `usize` index, and
/// [`Place::index`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// `Gazetteer::countries[i]`.
    Country(u32),
    /// `Gazetteer::regions[i]` (a continent or a group of countries).
    Region(u32),
    /// `Gazetteer::cities[i]`: a populated place.
    City(u32),
    /// `Gazetteer::divisions[i]`: a state, province, county, ...
    Division(u32),
}

/// A table index as a [`Place`] holds it (no gazetteer has 4 billion places).
fn narrow(i: usize) -> u32 {
    u32::try_from(i).expect("a gazetteer table index fits in 32 bits")
}

/// What kind of place a [`Place`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A country or territory.
    Country,
    /// A named region.
    Region,
    /// A populated place (a city, town or village).
    City,
    /// A division of a country: a state, province, oblast, county, ...
    Division,
}

impl PlaceKind {
    /// The lowercase name used in output ("country", "region", "city").
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
            PlaceKind::Division => "division",
        }
    }
}

impl Place {
    /// `Gazetteer::countries[i]`. (The tables' indices are kept as `u32`, so
    /// that a place is 8 bytes: a long article holds a million of them.)
    pub fn country_at(i: usize) -> Place {
        Place::Country(narrow(i))
    }

    /// `Gazetteer::regions[i]`.
    pub fn region_at(i: usize) -> Place {
        Place::Region(narrow(i))
    }

    /// `Gazetteer::cities[i]`.
    pub fn city_at(i: usize) -> Place {
        Place::City(narrow(i))
    }

    /// `Gazetteer::divisions[i]`.
    pub fn division_at(i: usize) -> Place {
        Place::Division(narrow(i))
    }

    /// Every country, division and town called `name` (any of their
    /// spellings, ignoring case: "PARIS" is "Paris"), the most populous
    /// first: what else a name could mean. A scan, for the app's picker.
    pub fn all_called(g: &Gazetteer, name: &str) -> Vec<Place> {
        let name = name.trim();
        let lower = name.to_lowercase();
        let same = |spelling: &str| {
            spelling.len() == name.len() && (spelling.eq_ignore_ascii_case(name) || spelling.to_lowercase() == lower)
        };
        let mut found: Vec<Place> = g
            .countries
            .iter()
            .enumerate()
            .filter(|(_, c)| same(&c.name) || c.names.iter().any(|n| same(n)) || c.aliases.iter().any(|n| same(n)))
            .map(|(i, _)| Place::country_at(i))
            .collect();
        let mut local: Vec<Place> = g
            .divisions
            .iter()
            .enumerate()
            .filter(|(_, d)| same(&d.name) || d.variants.iter().any(|n| same(n)))
            .map(|(i, _)| Place::division_at(i))
            .chain(
                g.cities
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| same(c.name) || c.variants().any(same))
                    .map(|(i, _)| Place::city_at(i)),
            )
            .collect();
        local.sort_by_key(|p| std::cmp::Reverse(p.population(g)));
        found.extend(local);
        found
    }

    /// Its kind.
    pub fn kind(self) -> PlaceKind {
        match self {
            Place::Country(_) => PlaceKind::Country,
            Place::Region(_) => PlaceKind::Region,
            Place::City(_) => PlaceKind::City,
            Place::Division(_) => PlaceKind::Division,
        }
    }

    /// Its index in its gazetteer table.
    pub fn index(self) -> usize {
        match self {
            Place::Country(i) | Place::Region(i) | Place::City(i) | Place::Division(i) => i as usize,
        }
    }

    /// The country it is (a country) or lies in (a city, a division); `None`
    /// for a region.
    pub fn country(self, g: &Gazetteer) -> Option<usize> {
        match self {
            Place::Country(i) => Some(i as usize),
            Place::Region(_) => None,
            Place::City(i) => Some(g.cities.country(i as usize)),
            Place::Division(i) => Some(g.divisions[i as usize].country),
        }
    }

    /// The divisions it lies in, innermost first (a city's county and state,
    /// a county's state).
    pub fn divisions(self, g: &Gazetteer) -> impl Iterator<Item = usize> + '_ {
        let (first, second) = match self {
            Place::City(i) => {
                let (admin1, admin2) = g.cities.admins(i as usize);
                (admin2, admin1)
            }
            Place::Division(i) => (g.divisions[i as usize].parent, None),
            Place::Country(_) | Place::Region(_) => (None, None),
        };
        // A county's parent is also the city's admin1: no repeats.
        first
            .into_iter()
            .chain(second.filter(move |s| Some(*s) != first))
            .chain(
                first
                    .and_then(|d| g.divisions[d].parent)
                    .filter(move |p| Some(*p) != second),
            )
    }

    /// Is `other` this place or inside it? A country holds its divisions and
    /// cities, a division its counties and cities.
    pub fn holds(self, other: Place, g: &Gazetteer) -> bool {
        if self == other {
            return true;
        }
        match self {
            Place::Country(_) => other.country(g) == self.country(g),
            Place::Division(d) => other.divisions(g).any(|o| o == d as usize),
            Place::Region(_) | Place::City(_) => false,
        }
    }

    /// Its display name ("Afghanistan", "the Levant", "Kabul").
    pub fn name(self, g: &Gazetteer) -> &str {
        match self {
            Place::Country(i) => &g.countries[i as usize].name,
            Place::Region(i) => &g.regions[i as usize].name,
            Place::City(i) => g.cities.name(i as usize),
            Place::Division(i) => &g.divisions[i as usize].name,
        }
    }

    /// Its code: ISO 3166 alpha-3 for a country ("AFG"), the id of a region
    /// ("levant"); a city or a division has the code of its country.
    pub fn code(self, g: &Gazetteer) -> &str {
        match self {
            Place::Country(i) => &g.countries[i as usize].code,
            Place::Region(i) => &g.regions[i as usize].id,
            Place::City(i) => &g.countries[g.cities.country(i as usize)].code,
            Place::Division(i) => &g.divisions[i as usize].code,
        }
    }

    /// Its stable id: a country's code, a region's id, a city's GeoNames id,
    /// a division's id ("US.TX").
    pub fn id(self, g: &Gazetteer) -> String {
        match self {
            Place::Country(_) | Place::Region(_) => self.code(g).to_string(),
            Place::City(i) => g.cities.id(i as usize).to_string(),
            Place::Division(i) => g.divisions[i as usize].id.clone(),
        }
    }

    /// How many people live there (0 when unknown: countries and regions).
    pub fn population(self, g: &Gazetteer) -> u64 {
        match self {
            Place::City(i) => g.cities.population(i as usize),
            Place::Division(i) => g.divisions[i as usize].population,
            Place::Country(_) | Place::Region(_) => 0,
        }
    }

    /// Where its mark goes: longitude and latitude.
    pub fn lon_lat(self, g: &Gazetteer) -> (f64, f64) {
        match self {
            Place::Country(i) => (g.countries[i as usize].lon, g.countries[i as usize].lat),
            Place::Region(i) => (g.regions[i as usize].lon, g.regions[i as usize].lat),
            Place::City(i) => g.cities.lon_lat(i as usize),
            Place::Division(i) => (g.divisions[i as usize].lon, g.divisions[i as usize].lat),
        }
    }

    /// The place by code, for files.
    pub fn to_ref(self, g: &Gazetteer) -> PlaceRef {
        match self {
            Place::Country(i) => PlaceRef::Country {
                code: g.countries[i as usize].code.clone(),
            },
            Place::Region(i) => PlaceRef::Region {
                id: g.regions[i as usize].id.clone(),
            },
            Place::City(i) => PlaceRef::City {
                name: g.cities.name(i as usize).to_string(),
                code: self.code(g).to_string(),
                id: Some(g.cities.id(i as usize)),
            },
            Place::Division(i) => PlaceRef::Division {
                id: g.divisions[i as usize].id.clone(),
            },
        }
    }

    /// The place `r` names in `g`; an unknown code is an error message.
    pub fn from_ref(r: &PlaceRef, g: &Gazetteer) -> Result<Place, String> {
        match r {
            PlaceRef::Country { code } => g
                .country_index(code)
                .map(Place::country_at)
                .ok_or_else(|| format!("unknown country code \"{code}\"")),
            PlaceRef::Region { id } => g
                .region_index(id)
                .map(Place::region_at)
                .ok_or_else(|| format!("unknown region \"{id}\"")),
            PlaceRef::City { name, code, id } => {
                if let Some(i) = id.and_then(|id| g.city_index(id)) {
                    return Ok(Place::city_at(i));
                }
                let Some(country) = g.country_index(code) else {
                    return Err(format!("unknown country code \"{code}\" for the city \"{name}\""));
                };
                // Without its GeoNames id (older projects): the most populous of that name.
                let named = |c: &crate::gazetteer::City| c.country() == country && c.is_called(name);
                g.cities
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| named(c))
                    .max_by_key(|(_, c)| c.population)
                    .map(|(i, _)| Place::city_at(i))
                    .ok_or_else(|| format!("unknown city \"{name}\" ({code})"))
            }
            PlaceRef::Division { id } => g
                .division_index(id)
                .map(Place::division_at)
                .ok_or_else(|| format!("unknown division \"{id}\"")),
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
    /// A city by its GeoNames id, name and country's code ("Paris", "FRA").
    City {
        /// `City::name` (or one of its variants).
        name: String,
        /// `City::code`.
        code: String,
        /// `City::id`: the GeoNames id (older projects have none).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<i64>,
    },
    /// A division by its id ("US.TX").
    Division {
        /// `Division::id`.
        id: String,
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
    /// Mentions of the place itself, not of a place inside it ("Kabul"
    /// counts for Afghanistan's `mentions`, not its `own_mentions`).
    pub own_mentions: usize,
    /// Passages (sentence indices) that mention it, in order.
    pub passages: Vec<usize>,
    /// The distinct words used for it, in order of first use ("Russian", "Moscow").
    pub surfaces: Vec<String>,
    /// Paragraph of its first mention.
    pub first_paragraph: usize,
    /// Why its strongest mention refers to it (for a country, its own
    /// mentions': those of its places have theirs).
    pub reason: Reason,
}

impl PlaceSummary {
    /// The summary of `place` with the gazetteer's name, code, country and
    /// mark, and no counts yet.
    pub fn of(place: Place, g: &Gazetteer) -> PlaceSummary {
        let (lon, lat) = place.lon_lat(g);
        PlaceSummary {
            place,
            name: place.name(g).to_string(),
            code: place.code(g).to_string(),
            country: place.country(g),
            lon,
            lat,
            mentions: 0,
            own_mentions: 0,
            passages: Vec::new(),
            surfaces: Vec::new(),
            first_paragraph: 0,
            reason: Reason::Unambiguous,
        }
    }

    /// Its kind.
    pub fn kind(&self) -> PlaceKind {
        self.place.kind()
    }
}

/// Why a mention refers to its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The words name one place only (a country, a demonym, a region, or a
    /// country's name that no evidence moved).
    Unambiguous,
    /// Written with the place it lies in: "Paris, Texas" (the place after the comma).
    Qualifier(Place),
    /// Written after it as the place it lies in: "Texas" in "Paris, Texas" (the town).
    Qualifies(Place),
    /// The paragraph's dateline.
    Dateline,
    /// The article names the division or country it lies in.
    ArticleNames(Place),
    /// It lies near another place the article names.
    Near(Place),
    /// Written as a town's: with an institution only some countries' towns
    /// have ("Athens High School") or as a home town ("a Lebanon woman").
    Town,
    /// The largest (or capital) of the places of that name.
    Largest,
    /// Chosen by hand.
    Correction,
}

impl Reason {
    /// How strong the evidence is (to keep the strongest of a place's mentions).
    pub fn strength(self) -> u8 {
        match self {
            Reason::Correction => 7,
            Reason::Qualifier(_) | Reason::Qualifies(_) => 6,
            Reason::Dateline => 5,
            Reason::ArticleNames(Place::Division(_)) => 4,
            Reason::Near(_) | Reason::Town => 4,
            Reason::ArticleNames(_) => 3,
            Reason::Unambiguous => 2,
            Reason::Largest => 1,
        }
    }

    /// For the user: "qualifier: Texas", "dateline", "article names Louisiana",
    /// "near Cairns", "largest place of that name"; `None` for an unambiguous name.
    pub fn describe(self, g: &Gazetteer) -> Option<String> {
        self.describe_in_parts(g)
            .map(|(words, place)| format!("{words}{place}"))
    }

    /// [`Reason::describe`] as its words and the place they name ("qualifier: ",
    /// "Texas"; "dateline", ""), for a writer that needs no new string.
    pub fn describe_in_parts(self, g: &Gazetteer) -> Option<(&'static str, &str)> {
        Some(match self {
            Reason::Unambiguous => return None,
            Reason::Qualifier(p) => ("qualifier: ", p.name(g)),
            Reason::Qualifies(p) => ("qualifies ", p.name(g)),
            Reason::Dateline => ("dateline", ""),
            Reason::ArticleNames(p) => ("article names ", p.name(g)),
            Reason::Near(p) => ("near ", p.name(g)),
            Reason::Town => ("written as a town's name", ""),
            Reason::Largest => ("largest place of that name", ""),
            Reason::Correction => ("corrected by hand", ""),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_survives_the_trip_through_its_reference() {
        let g = Gazetteer::builtin();
        let places = (0..g.countries.len())
            .map(Place::country_at)
            .chain((0..g.regions.len()).map(Place::region_at))
            .chain((0..g.cities.len()).map(Place::city_at))
            .chain((0..g.divisions.len()).map(Place::division_at));
        for place in places {
            assert_eq!(Place::from_ref(&place.to_ref(g), g), Ok(place), "{place:?}");
        }
        let unknown = PlaceRef::City {
            name: "Atlantis".into(),
            code: "GRC".into(),
            id: None,
        };
        assert!(Place::from_ref(&unknown, g).unwrap_err().contains("Atlantis"));
    }

    #[test]
    fn divisions_hold_their_counties_and_towns() {
        let g = Gazetteer::builtin();
        let louisiana = Place::division_at(g.division_index("US.LA").unwrap());
        let rapides = Place::division_at(g.divisions.iter().position(|d| d.name == "Rapides Parish").unwrap());
        let alexandria = Place::city_at(
            g.cities
                .iter()
                .position(|c| c.name == "Alexandria" && c.admin1() == g.division_index("US.LA"))
                .unwrap(),
        );
        assert!(louisiana.holds(rapides, g) && louisiana.holds(alexandria, g) && rapides.holds(alexandria, g));
        assert!(!rapides.holds(louisiana, g));
        let usa = Place::country_at(g.country_index("USA").unwrap());
        assert!(usa.holds(rapides, g) && usa.holds(alexandria, g));
        assert_eq!(
            alexandria.divisions(g).collect::<Vec<_>>(),
            [rapides.index(), louisiana.index()]
        );
    }

    #[test]
    fn a_country_holds_its_cities_and_nothing_else() {
        let g = Gazetteer::builtin();
        let qatar = Place::country_at(g.country_index("QAT").unwrap());
        let capital = |name: &str| Place::city_at(g.cities.iter().position(|c| c.name == name && c.capital()).unwrap());
        let (doha, kabul) = (capital("Doha"), capital("Kabul"));
        assert!(qatar.holds(doha, g) && qatar.holds(qatar, g));
        assert!(!qatar.holds(kabul, g) && !doha.holds(qatar, g));
        assert_eq!(doha.country(g), qatar.country(g));
        let gulf = Place::region_at(g.region_index("gulf").unwrap_or(0));
        assert!(!qatar.holds(gulf, g) && gulf.country(g).is_none());
    }
}
