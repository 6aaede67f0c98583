//! Writing an [`Analysis`](crate::analysis::Analysis) out: JSON, CSV (one row
//! per mention) and GeoJSON (one point feature per place); and a collection's
//! geography (JSON, GeoJSON, an article × country CSV matrix).

mod collection;
mod csv;
mod geojson;
mod json;
mod layout;
mod line;

pub use collection::{COLLECTION_SCHEMA, write_aggregate_geojson, write_aggregate_json, write_matrix_csv};
pub use csv::write_csv;
pub use geojson::write_geojson;
pub use json::{write_json, write_json_line};

use crate::analysis::{Analysis, Mention};
use crate::gazetteer::Gazetteer;

/// The output formats of `analyze` and of the app's data export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object (countries, regions, cities, mentions, passages).
    Json,
    /// One row per mention.
    Csv,
    /// A FeatureCollection of points.
    Geojson,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Geojson => "geojson",
        }
    }
}

/// Write `analysis` in `format`.
pub fn write(format: Format, analysis: &Analysis, g: &Gazetteer, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    match format {
        Format::Json => write_json(analysis, g, out),
        Format::Csv => write_csv(analysis, g, out),
        Format::Geojson => write_geojson(analysis, g, out),
    }
}

/// The code of the country (also for a city's mention) or the id of the
/// region a mention points to.
pub(crate) fn target_code<'g>(g: &'g Gazetteer, m: &Mention) -> &'g str {
    m.place
        .country(g)
        .map_or_else(|| m.place.code(g), |c| g.countries[c].code.as_str())
}

/// The name of the country or region a mention counts for.
pub(crate) fn target_name<'g>(g: &'g Gazetteer, m: &Mention) -> &'g str {
    m.place
        .country(g)
        .map_or_else(|| m.place.name(g), |c| g.countries[c].name.as_str())
}

/// The name of the city a mention names, if it names one.
pub(crate) fn city_name<'g>(g: &'g Gazetteer, m: &Mention) -> Option<&'g str> {
    matches!(m.place, crate::place::Place::City(_)).then(|| m.place.name(g))
}

/// Write `bytes` to `path` atomically: into a temporary file in the same
/// folder (`tempfile`), flushed to disk, then renamed over the target. A
/// failure at any step leaves an existing file at `path` untouched and
/// removes the temporary file.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, bytes, |file, bytes| file.write_all(bytes))
}

/// [`write_atomically`] with the step that fills the temporary file given
/// (tests use it to fail half-way).
pub(crate) fn write_atomically_with(
    path: &std::path::Path,
    bytes: &[u8],
    fill: impl FnOnce(&mut dyn std::io::Write, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    if path.file_name().is_none() {
        return Err(std::io::Error::other("not a file path"));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".atlas-").suffix(".tmp");
    // A file replaced keeps its permissions; a new one gets what any new file
    // of the user's would (read-write for all, less the umask), not the
    // owner-only mode of temporary files.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir)?;
    if let Ok(existing) = std::fs::metadata(path)
        && existing.is_file()
    {
        file.as_file().set_permissions(existing.permissions())?;
    }
    fill(file.as_file_mut(), bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map(drop).map_err(|e| e.error)
}

#[cfg(all(test, unix))]
mod permission_tests {
    use std::os::unix::fs::PermissionsExt;

    use super::write_atomically;

    fn mode(path: &std::path::Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_new_file_gets_the_users_usual_mode_and_a_replaced_one_keeps_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let usual = dir.path().join("usual.txt");
        std::fs::write(&usual, "x").unwrap();
        let new = dir.path().join("map.png");
        write_atomically(&new, b"png").unwrap();
        assert_eq!(mode(&new), mode(&usual), "as any new file (not owner-only)");

        std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&new, b"again").unwrap();
        assert_eq!(mode(&new), 0o640);
        assert_eq!(std::fs::read(&new).unwrap(), b"again");
    }
}
