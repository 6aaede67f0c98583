//! The `.atlas.json` project file: an article's text with the corrections
//! made by hand and what the user was looking at, so work can be saved and
//! picked up again.
//!
//! [`open`] reads any file the user points at: a project file becomes a
//! [`Project`], anything else goes through [`import`] as an article. [`Project::save`] writes atomically: a failed save leaves the
//! previous file as it was.

pub mod collection;

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, Analyzer, Override, OverrideProblem};
use crate::cartography::ProjectionKind;
use crate::import::{Imported, import};
use crate::map::MapTheme;
use crate::picture::Note;
use crate::place::PlaceRef;
use crate::text::{Document, InputError, read_bytes};

/// The project file format version this build writes and the newest it reads.
pub const PROJECT_VERSION: u32 = 1;

/// The file name suffix of project files.
pub const PROJECT_SUFFIX: &str = ".atlas.json";

/// Where the map was looking.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapViewState {
    /// Longitude of the centre.
    pub lon: f64,
    /// Latitude of the centre.
    pub lat: f64,
    /// Zoom level.
    pub zoom: f64,
}

/// A saved piece of work: the article text, the corrections, and the view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// The file format version ([`PROJECT_VERSION`] when written by this build).
    pub version: u32,
    /// The article text the override spans point into, as imported.
    pub text: String,
    /// Where the text came from: the original path, or "clipboard".
    #[serde(default)]
    pub source: Option<String>,
    /// Corrections, in the order they were made.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// The article's title.
    #[serde(default)]
    pub title: Option<String>,
    /// The colour theme (saved by name; an unknown name reads as none).
    #[serde(default, deserialize_with = "MapTheme::deserialize_lenient")]
    pub theme: Option<MapTheme>,
    /// The selected place.
    #[serde(default)]
    pub selected: Option<PlaceRef>,
    /// The map view.
    #[serde(default)]
    pub view: Option<MapViewState>,
    /// The projection of pictures (saved by name; an unknown name reads as none).
    #[serde(default, deserialize_with = "ProjectionKind::deserialize_lenient")]
    pub projection: Option<ProjectionKind>,
    /// Notes on the map.
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// Why a project could not be opened or saved.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// The file could not be read (missing, a directory, binary, ...).
    #[error(transparent)]
    Input(#[from] InputError),
    /// The file is not valid JSON.
    #[error("{}: corrupt project file: {source}", path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// Where and how the JSON is broken.
        #[source]
        source: serde_json::Error,
    },
    /// The JSON does not have the project's fields (or has wrong types).
    #[error("{}: not a valid project file: {source}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Which field is missing or wrong, and where.
        #[source]
        source: serde_json::Error,
    },
    /// Written by a newer Article Atlas, in a format this build cannot read.
    #[error(
        "{}: made by a newer version of Article Atlas (project version {version}, this app reads up to {PROJECT_VERSION})",
        path.display()
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Its version.
        version: u64,
    },
    /// The project could not be written; any previous file is unchanged.
    #[error("{}: cannot save: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: io::Error,
    },
}

impl Project {
    /// A new project for `text` (as [`import`] produced it) from `source`.
    pub fn new(text: String, source: Option<String>) -> Project {
        Project {
            version: PROJECT_VERSION,
            text,
            source,
            overrides: Vec::new(),
            title: None,
            theme: None,
            selected: None,
            view: None,
            projection: None,
            notes: Vec::new(),
        }
    }

    /// Analyse the text with the overrides applied; problems are overrides
    /// that could not be applied.
    pub fn analyze(&self, analyzer: &Analyzer) -> (Analysis, Vec<OverrideProblem>) {
        analyzer.analyze_with_overrides(Document::new(self.text.clone()), &self.overrides)
    }

    /// Read the project file at `path`.
    pub fn load(path: &Path) -> Result<Project, ProjectError> {
        Project::from_bytes(&read_bytes(path)?, path)
    }

    /// Parse project file bytes; `origin` names the file in messages.
    pub fn from_bytes(bytes: &[u8], origin: &Path) -> Result<Project, ProjectError> {
        parse_versioned(bytes, origin)
    }

    /// The project as pretty-printed JSON. A map view with non-finite numbers
    /// (which JSON cannot hold) is left out.
    fn to_json(&self) -> serde_json::Result<Vec<u8>> {
        let finite = |v: &MapViewState| [v.lon, v.lat, v.zoom].iter().all(|x| x.is_finite());
        let mut bytes = if self.view.as_ref().is_none_or(finite) {
            serde_json::to_vec_pretty(self)?
        } else {
            serde_json::to_vec_pretty(&Project {
                view: None,
                ..self.clone()
            })?
        };
        bytes.push(b'\n');
        Ok(bytes)
    }

    /// Write the project to `path` atomically: the previous file stays as it
    /// was if anything fails.
    pub fn save(&self, path: &Path) -> Result<(), ProjectError> {
        self.save_with(path, |file, bytes| file.write_all(bytes))
    }

    /// [`Project::save`] with the step that writes the bytes into the
    /// temporary file given, so tests can make it fail half-way.
    pub(crate) fn save_with(
        &self,
        path: &Path,
        fill: impl FnOnce(&mut dyn io::Write, &[u8]) -> io::Result<()>,
    ) -> Result<(), ProjectError> {
        self.to_json()
            .map_err(io::Error::other)
            .and_then(|bytes| crate::export::write_atomically_with(path, &bytes, fill))
            .map_err(|source| ProjectError::Write {
                path: path.to_path_buf(),
                source,
            })
    }
}

/// Read a project file of any kind: the version first (a newer file may
/// not fit this build's fields), then the fields; JSON that is broken is
/// [`ProjectError::Corrupt`], JSON of the wrong shape [`ProjectError::Invalid`].
pub(crate) fn parse_versioned<T: serde::de::DeserializeOwned>(bytes: &[u8], origin: &Path) -> Result<T, ProjectError> {
    #[derive(Deserialize)]
    struct Version {
        version: Option<u64>,
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let path = origin.to_path_buf();
    let version = serde_json::from_slice::<Version>(bytes)
        .map_err(|e| invalid_or_corrupt(&path, e))?
        .version;
    if let Some(version) = version.filter(|&v| v > u64::from(PROJECT_VERSION)) {
        return Err(ProjectError::TooNew { path, version });
    }
    serde_json::from_slice(bytes).map_err(|e| invalid_or_corrupt(&path, e))
}

/// A JSON error as [`ProjectError::Invalid`] (wrong fields) or [`ProjectError::Corrupt`] (not JSON).
pub(crate) fn invalid_or_corrupt(path: &Path, source: serde_json::Error) -> ProjectError {
    let path = path.to_path_buf();
    match source.classify() {
        serde_json::error::Category::Data => ProjectError::Invalid { path, source },
        _ => ProjectError::Corrupt { path, source },
    }
}

/// What a file turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Opened {
    /// An article (text, Markdown or HTML), ready to analyse.
    Article(Imported),
    /// A saved project.
    Project(Project),
    /// A saved collection.
    Collection(collection::CollectionProject),
}

/// Open the file at `path` (`-` means standard input): a project file
/// ([`is_project`]) is loaded, anything else imported as an article.
pub fn open(path: &Path) -> Result<Opened, ProjectError> {
    open_bytes(read_bytes(path)?, path)
}

/// [`open`] for bytes already read (e.g. dropped on the window); `origin`
/// names them and its extension picks the format.
pub fn open_bytes(bytes: Vec<u8>, origin: &Path) -> Result<Opened, ProjectError> {
    if collection::CollectionProject::is_collection(&bytes) {
        collection::CollectionProject::from_bytes(&bytes, origin).map(Opened::Collection)
    } else if is_project(origin, &bytes) {
        Project::from_bytes(&bytes, origin).map(Opened::Project)
    } else {
        Ok(Opened::Article(import(bytes, origin)?))
    }
}

/// Is this a project file? Yes when its name ends in [`PROJECT_SUFFIX`], or
/// when it is a JSON object with `version` and `text` fields.
pub fn is_project(origin: &Path, bytes: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(rename = "version")]
        _version: serde::de::IgnoredAny,
        #[serde(rename = "text")]
        _text: serde::de::IgnoredAny,
    }
    let named = origin
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(PROJECT_SUFFIX));
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    named
        || (bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
            && serde_json::from_slice::<Probe>(bytes).is_ok())
}

#[cfg(test)]
mod tests;
