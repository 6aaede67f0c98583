//! The towns of `data/gazetteer/places.tsv` as fixed-width binary records.
//!
//! Parsing 170,000 lines of text (ids, populations, coordinates) was a third
//! of the start-up. `build.rs` parses the table once, when the crate is
//! compiled (this file is compiled into it too), and the binary reads the
//! records as they are: numbers as little-endian bytes, names and spellings
//! as slices of one string area. A test checks that the records say exactly
//! what the text table says ([`super::Gazetteer::from_tables`]).
//!
//! Hand-written (std only) because the build script shares it; the layout:
//!
//! ```text
//! magic "ATLASCT1"; rows, country codes, feature codes, string bytes (u32 each)
//! codes:    (offset, length) of each country code, then of each feature code, in the strings
//! rows:     ROW bytes each: id i64, longitude f64, latitude f64, population u64,
//!           name offset u32, name length u32, spellings length u32 (they follow the name),
//!           admin1 u32, admin2 u32 (NONE: no division), country code u16, feature code u16
//! strings:  UTF-8
//! ```

const MAGIC: &[u8; 8] = b"ATLASCT1";
const HEADER: usize = 8 + 4 * 4;
const ROW: usize = 56;

/// No division.
pub const NONE: u32 = u32::MAX;

/// One town, as the text table has it (divisions as indices into the division table).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row<'a> {
    /// GeoNames id.
    pub id: i64,
    /// Display name.
    pub name: &'a str,
    /// Other spellings, `|`-separated.
    pub spellings: &'a str,
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// Population.
    pub population: u64,
    /// Country code ("FRA").
    pub country: &'a str,
    /// GeoNames feature code ("PPLA2").
    pub feature: &'a str,
    /// Index of the first-level division, or [`NONE`].
    pub admin1: u32,
    /// Index of the county, or [`NONE`].
    pub admin2: u32,
}

/// The records of `rows` (for `build.rs`).
#[allow(dead_code)]
pub fn pack<'a>(rows: impl IntoIterator<Item = Row<'a>>) -> Vec<u8> {
    let rows: Vec<Row<'a>> = rows.into_iter().collect();
    let mut strings: Vec<u8> = Vec::new();
    let mut codes: Vec<&str> = Vec::new();
    let mut features: Vec<&str> = Vec::new();
    let mut code_of = std::collections::HashMap::new();
    let mut feature_of = std::collections::HashMap::new();
    for r in &rows {
        code_of.entry(r.country).or_insert_with(|| {
            codes.push(r.country);
            codes.len() - 1
        });
        feature_of.entry(r.feature).or_insert_with(|| {
            features.push(r.feature);
            features.len() - 1
        });
    }
    let mut out = Vec::with_capacity(HEADER + 8 * (codes.len() + features.len()) + ROW * rows.len());
    out.extend_from_slice(MAGIC);
    let mut code_table = Vec::new();
    for s in codes.iter().chain(&features) {
        code_table.push((strings.len() as u32, s.len() as u32));
        strings.extend_from_slice(s.as_bytes());
    }
    let mut records = Vec::with_capacity(ROW * rows.len());
    for r in &rows {
        let at = strings.len() as u32;
        strings.extend_from_slice(r.name.as_bytes());
        strings.extend_from_slice(r.spellings.as_bytes());
        records.extend_from_slice(&r.id.to_le_bytes());
        records.extend_from_slice(&r.lon.to_bits().to_le_bytes());
        records.extend_from_slice(&r.lat.to_bits().to_le_bytes());
        records.extend_from_slice(&r.population.to_le_bytes());
        for n in [at, r.name.len() as u32, r.spellings.len() as u32, r.admin1, r.admin2] {
            records.extend_from_slice(&n.to_le_bytes());
        }
        records.extend_from_slice(&(code_of[r.country] as u16).to_le_bytes());
        records.extend_from_slice(&(feature_of[r.feature] as u16).to_le_bytes());
    }
    for n in [rows.len(), codes.len(), features.len(), strings.len()] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    for (at, len) in code_table {
        out.extend_from_slice(&at.to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes());
    }
    out.extend_from_slice(&records);
    out.extend_from_slice(&strings);
    out
}

/// Records made by [`pack`], read in place (by default, none).
#[allow(clippy::len_without_is_empty)]
#[derive(Default)]
pub struct Packed<'a> {
    rows: usize,
    codes: Vec<&'a str>,
    features: Vec<&'a str>,
    records: &'a [u8],
    strings: &'a str,
}

impl<'a> Packed<'a> {
    /// Read records made by [`pack`]; `None` if they are not.
    pub fn new(bytes: &'a [u8]) -> Option<Packed<'a>> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return None;
        }
        let n = |i: usize| u32::from_le_bytes(bytes[8 + 4 * i..12 + 4 * i].try_into().expect("four bytes")) as usize;
        let (rows, codes, features, strings) = (n(0), n(1), n(2), n(3));
        let table = HEADER;
        let records = table + 8 * (codes + features);
        let text = records + ROW * rows;
        if bytes.len() != text + strings {
            return None;
        }
        let strings = simdutf8::basic::from_utf8(&bytes[text..]).ok()?;
        let entry = |i: usize| -> Option<&'a str> {
            let at = table + 8 * i;
            let from = u32::from_le_bytes(bytes[at..at + 4].try_into().ok()?) as usize;
            let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().ok()?) as usize;
            strings.get(from..from.checked_add(len)?)
        };
        Some(Packed {
            rows,
            codes: (0..codes).map(entry).collect::<Option<_>>()?,
            features: (codes..codes + features).map(entry).collect::<Option<_>>()?,
            records: &bytes[records..text],
            strings,
        })
    }

    /// How many rows there are.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// The country codes the rows use, by their number ([`Packed::row_codes`]).
    pub fn codes(&self) -> &[&'a str] {
        &self.codes
    }

    /// The feature codes the rows use, by their number.
    pub fn features(&self) -> &[&'a str] {
        &self.features
    }

    /// Row `i` with its country and feature codes as numbers (see
    /// [`Packed::codes`], [`Packed::features`]); `None` if its strings or
    /// codes are out of range.
    pub fn row_codes(&self, i: usize) -> Option<(Row<'a>, usize, usize)> {
        let (code, feature) = self.code_numbers(i);
        let (name, spellings) = self.names(i)?;
        let (lon, lat) = self.lon_lat(i);
        let (admin1, admin2) = self.admins(i);
        let row = Row {
            id: self.id(i),
            lon,
            lat,
            population: self.population(i),
            name,
            spellings,
            admin1,
            admin2,
            country: self.codes.get(code)?,
            feature: self.features.get(feature)?,
        };
        Some((row, code, feature))
    }

    /// The bytes of row `i` from `at`, `N` of them.
    #[inline]
    fn field<const N: usize>(&self, i: usize, at: usize) -> [u8; N] {
        let from = ROW * i + at;
        self.records[from..from + N].try_into().expect("a field within its row")
    }

    /// Row `i`'s GeoNames id.
    #[inline]
    pub fn id(&self, i: usize) -> i64 {
        i64::from_le_bytes(self.field(i, 0))
    }

    /// Row `i`'s longitude and latitude.
    #[inline]
    pub fn lon_lat(&self, i: usize) -> (f64, f64) {
        (
            f64::from_le_bytes(self.field(i, 8)),
            f64::from_le_bytes(self.field(i, 16)),
        )
    }

    /// Row `i`'s population.
    #[inline]
    pub fn population(&self, i: usize) -> u64 {
        u64::from_le_bytes(self.field(i, 24))
    }

    /// Row `i`'s name and spellings; `None` if they are out of range.
    pub fn names(&self, i: usize) -> Option<(&'a str, &'a str)> {
        let (at, name_len) = self.name_at(i);
        let spell_len = u32::from_le_bytes(self.field(i, 40)) as usize;
        Some((
            self.name(i)?,
            self.strings.get(at + name_len..at + name_len + spell_len)?,
        ))
    }

    /// Row `i`'s name; `None` if it is out of range.
    #[inline]
    pub fn name(&self, i: usize) -> Option<&'a str> {
        let (at, len) = self.name_at(i);
        self.strings.get(at..at + len)
    }

    /// Where row `i`'s name starts in the strings, and its length.
    #[inline]
    fn name_at(&self, i: usize) -> (usize, usize) {
        let u32_at = |at: usize| u32::from_le_bytes(self.field(i, at)) as usize;
        (u32_at(32), u32_at(36))
    }

    /// Row `i`'s first-level division and county ([`NONE`]: none).
    #[inline]
    pub fn admins(&self, i: usize) -> (u32, u32) {
        (
            u32::from_le_bytes(self.field(i, 44)),
            u32::from_le_bytes(self.field(i, 48)),
        )
    }

    /// Row `i`'s country and feature codes as numbers (see [`Packed::codes`],
    /// [`Packed::features`]).
    #[inline]
    pub fn code_numbers(&self, i: usize) -> (usize, usize) {
        (
            usize::from(u16::from_le_bytes(self.field(i, 52))),
            usize::from(u16::from_le_bytes(self.field(i, 54))),
        )
    }
}
