//! A collection project (`.atlas.json` with `"kind": "collection"`): the
//! list of articles (paths relative to the project's folder where they lie
//! under it), which are counted, each article's own corrections, the
//! filters, the comparison, what the map counts and how it looks. The
//! articles' texts stay in their files.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{MapViewState, PROJECT_VERSION, ProjectError, invalid_or_corrupt, parse_versioned};
use crate::analysis::Override;
use crate::cartography::ProjectionKind;
use crate::collection::Count;
use crate::map::MapTheme;
use crate::place::PlaceRef;
use crate::text::read_bytes;

/// The `kind` of a collection project.
pub const COLLECTION_KIND: &str = "collection";

/// One article of a saved collection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedMember {
    /// Its file (relative to the project's folder, or absolute).
    pub path: PathBuf,
    /// Counted on the map.
    #[serde(default = "yes")]
    pub checked: bool,
    /// Its corrections, in the order they were made.
    #[serde(default)]
    pub overrides: Vec<Override>,
}

fn yes() -> bool {
    true
}

/// The filters of a saved collection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedFilter {
    /// A word the articles must contain.
    pub word: String,
    /// The earliest date, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// The latest date, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Only articles naming this place.
    pub naming: Option<PlaceRef>,
}

/// A saved comparison: the positions of the articles on each side.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedCompare {
    /// Side A.
    pub a: Vec<usize>,
    /// Side B.
    pub b: Vec<usize>,
}

/// A saved collection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CollectionProject {
    /// The file format version.
    pub version: u32,
    /// Always [`COLLECTION_KIND`].
    pub kind: String,
    /// The collection's name.
    pub name: String,
    /// What was opened (folders and files).
    #[serde(default)]
    pub sources: Vec<PathBuf>,
    /// Its articles, in order.
    pub articles: Vec<SavedMember>,
    /// The filters.
    #[serde(default)]
    pub filter: SavedFilter,
    /// What the map counts.
    #[serde(default)]
    pub count: Count,
    /// The comparison, if one was made.
    #[serde(default)]
    pub compare: Option<SavedCompare>,
    /// The colour theme (an unknown name reads as none).
    #[serde(default, deserialize_with = "MapTheme::deserialize_lenient")]
    pub theme: Option<MapTheme>,
    /// The projection of pictures (an unknown name reads as none).
    #[serde(default, deserialize_with = "ProjectionKind::deserialize_lenient")]
    pub projection: Option<ProjectionKind>,
    /// The map view.
    #[serde(default)]
    pub view: Option<MapViewState>,
    /// The selected place.
    #[serde(default)]
    pub selected: Option<PlaceRef>,
}

impl CollectionProject {
    /// An empty collection project called `name`.
    pub fn new(name: String) -> CollectionProject {
        CollectionProject {
            version: PROJECT_VERSION,
            kind: COLLECTION_KIND.into(),
            name,
            sources: Vec::new(),
            articles: Vec::new(),
            filter: SavedFilter::default(),
            count: Count::default(),
            compare: None,
            theme: None,
            projection: None,
            view: None,
            selected: None,
        }
    }

    /// Is `bytes` a collection project (a JSON object whose `kind` is "collection")?
    pub fn is_collection(bytes: &[u8]) -> bool {
        #[derive(Deserialize)]
        struct Probe {
            kind: Option<String>,
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
            && serde_json::from_slice::<Probe>(bytes).is_ok_and(|p| p.kind.as_deref() == Some(COLLECTION_KIND))
    }

    /// Read the collection project at `path`, its articles' paths made absolute.
    pub fn load(path: &Path) -> Result<CollectionProject, ProjectError> {
        let mut project = CollectionProject::from_bytes(&read_bytes(path)?, path)?;
        let folder = path.parent().unwrap_or(Path::new("."));
        for member in &mut project.articles {
            if member.path.is_relative() {
                member.path = folder.join(&member.path);
            }
        }
        for source in &mut project.sources {
            if source.is_relative() {
                *source = folder.join(&*source);
            }
        }
        Ok(project)
    }

    /// Parse collection project bytes; `origin` names the file in messages.
    pub fn from_bytes(bytes: &[u8], origin: &Path) -> Result<CollectionProject, ProjectError> {
        let project: CollectionProject = parse_versioned(bytes, origin)?;
        let fail = |message: String| invalid_or_corrupt(origin, serde::de::Error::custom(message));
        if project.kind != COLLECTION_KIND {
            return Err(fail(format!("kind {:?} is not a collection", project.kind)));
        }
        let n = project.articles.len();
        if let Some(c) = &project.compare
            && c.a.iter().chain(&c.b).any(|&i| i >= n)
        {
            return Err(fail(format!("the comparison names an article beyond the {n} listed")));
        }
        Ok(project)
    }

    /// Write it to `path` atomically, the articles under the project's folder
    /// by their relative paths (so that a folder moved with its project still opens).
    pub fn save(&self, path: &Path) -> Result<(), ProjectError> {
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let relative = |p: &PathBuf| {
            let absolute = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            let base = std::path::absolute(&folder).unwrap_or_else(|_| folder.clone());
            absolute.strip_prefix(&base).map_or(absolute.clone(), Path::to_path_buf)
        };
        let mut saved = self.clone();
        saved.articles.iter_mut().for_each(|m| m.path = relative(&m.path));
        saved.sources.iter_mut().for_each(|s| *s = relative(s));
        if saved
            .view
            .as_ref()
            .is_some_and(|v| ![v.lon, v.lat, v.zoom].iter().all(|x| x.is_finite()))
        {
            saved.view = None;
        }
        let mut bytes = serde_json::to_vec_pretty(&saved).map_err(|e| ProjectError::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other(e),
        })?;
        bytes.push(b'\n');
        crate::export::write_atomically(path, &bytes).map_err(|source| ProjectError::Write {
            path: path.to_path_buf(),
            source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Override;

    #[test]
    fn a_collection_round_trips_with_relative_paths_and_bad_files_are_clear_errors() {
        let dir = tempfile::tempdir().unwrap();
        let mut project = CollectionProject::new("Week 12".into());
        project.sources = vec![dir.path().join("news")];
        project.articles = vec![
            SavedMember {
                path: dir.path().join("news/a.txt"),
                checked: true,
                overrides: vec![Override::NotAPlace { start: 0, end: 6 }],
            },
            SavedMember {
                path: dir.path().join("news/b.txt"),
                checked: false,
                overrides: Vec::new(),
            },
        ];
        project.filter.word = "flood".into();
        project.filter.from = Some("2024-03-01".into());
        project.count = Count::Mentions;
        project.compare = Some(SavedCompare { a: vec![0], b: vec![1] });
        project.theme = Some(MapTheme::Print);
        project.projection = Some(ProjectionKind::Globe);
        let path = dir.path().join("week.atlas.json");
        project.save(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"news/a.txt\""), "relative paths: {text}");
        assert!(CollectionProject::is_collection(text.as_bytes()));
        assert_eq!(CollectionProject::load(&path).unwrap(), project);

        let bad = |json: &str| CollectionProject::from_bytes(json.as_bytes(), Path::new("x.atlas.json")).unwrap_err();
        assert!(bad("{").to_string().contains("corrupt"));
        assert!(
            bad(r#"{"version": 9, "kind": "collection"}"#)
                .to_string()
                .contains("newer version")
        );
        assert!(
            bad(r#"{"version": 1, "kind": "article", "name": "x", "articles": []}"#)
                .to_string()
                .contains("not a collection")
        );
        let beyond =
            r#"{"version": 1, "kind": "collection", "name": "x", "articles": [], "compare": {"a": [3], "b": []}}"#;
        assert!(bad(beyond).to_string().contains("beyond"));
    }
}
