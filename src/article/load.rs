//! Opening any input as an [`Article`]: read the bytes, import them (text,
//! Markdown, HTML, a project file), analyse, and collect the warnings. No GUI:
//! `analyze`, `render` and the app all come through here.

use std::path::{Path, PathBuf};

use super::{Article, Draft};
use crate::analysis::{Override, Watch};
use crate::cartography::ProjectionKind;
use crate::map::MapTheme;
use crate::picture::Note;
use crate::place::PlaceRef;
use crate::project::{self, MapViewState, Opened};
use crate::text::read_bytes;

/// The name pasted text is shown under.
pub const PASTED_NAME: &str = "Pasted text";

/// An opened input: the analysed article and, for a project, what the user
/// was looking at when it was saved.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The analysed article.
    pub article: Article,
    /// The file read, if the input was a file.
    pub path: Option<PathBuf>,
    /// The selection saved in a project.
    pub selected: Option<PlaceRef>,
    /// The map view saved in a project.
    pub view: Option<MapViewState>,
    /// The theme saved in a project.
    pub theme: Option<MapTheme>,
    /// The picture projection saved in a project.
    pub projection: Option<ProjectionKind>,
    /// The notes saved in a project.
    pub notes: Vec<Note>,
}

/// The name a path is shown under: its file name.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        return "standard input".into();
    }
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// The message of a load stopped by its watch.
pub const CANCELLED: &str = "cancelled";

/// Read, import and analyse the file at `path` (`-` is standard input; any
/// format [`project::open`] reads). `watch` sees the stages and the
/// analysis's progress, and may stop it ([`CANCELLED`]).
pub fn load_path(path: &Path, watch: &dyn Watch) -> Result<Loaded, String> {
    watch.stage("Reading");
    let bytes = read_bytes(path).map_err(|e| e.to_string())?;
    let mut loaded = load_bytes(bytes, path, watch)?;
    loaded.path = Some(path.to_path_buf());
    Ok(loaded)
}

/// An input read and imported, not yet analysed: the article's draft and
/// what a project saved with it.
struct Opening {
    draft: Draft,
    overrides: Vec<Override>,
    selected: Option<PlaceRef>,
    view: Option<MapViewState>,
    theme: Option<MapTheme>,
    projection: Option<ProjectionKind>,
    notes: Vec<Note>,
}

/// Import the bytes of a file called `origin`: an article, or a project with its saved state.
fn open_draft(bytes: Vec<u8>, origin: &Path) -> Result<Opening, String> {
    let opened = project::open_bytes(bytes, origin).map_err(|e| e.to_string())?;
    let name = display_name(origin);
    Ok(match opened {
        Opened::Article(imported) => Opening {
            draft: Draft {
                name,
                source: (origin != Path::new("-")).then(|| origin.display().to_string()),
                title: imported.title,
                project_path: None,
                warnings: imported.warnings,
                text: imported.text,
            },
            overrides: Vec::new(),
            selected: None,
            view: None,
            theme: None,
            projection: None,
            notes: Vec::new(),
        },
        Opened::Collection(c) => {
            return Err(format!(
                "{}: a collection of {} articles (open it in the app: article-atlas {})",
                origin.display(),
                c.articles.len(),
                origin.display()
            ));
        }
        Opened::Project(p) => Opening {
            draft: Draft {
                name,
                source: p.source,
                title: p.title,
                project_path: Some(origin.to_path_buf()),
                warnings: Vec::new(),
                text: p.text,
            },
            overrides: p.overrides,
            selected: p.selected,
            view: p.view,
            theme: p.theme,
            projection: p.projection,
            notes: p.notes,
        },
    })
}

/// Read and import the file at `path` without analysing it: its draft and
/// the corrections a project saved with it (a collection's member).
pub fn draft_path(path: &Path) -> Result<(Draft, Vec<Override>), String> {
    let bytes = read_bytes(path).map_err(|e| e.to_string())?;
    let opening = open_draft(bytes, path)?;
    Ok((opening.draft, opening.overrides))
}

/// Import and analyse the bytes of a file called `origin` (dropped on the
/// window, or read by [`load_path`]).
pub fn load_bytes(bytes: Vec<u8>, origin: &Path, watch: &dyn Watch) -> Result<Loaded, String> {
    let check = || {
        if watch.cancelled() {
            Err(CANCELLED.to_string())
        } else {
            Ok(())
        }
    };
    check()?;
    watch.stage("Importing");
    let opening = open_draft(bytes, origin)?;
    check()?;
    watch.stage("Analysing");
    let article = opening
        .draft
        .analyse_watched(opening.overrides, watch)
        .ok_or(CANCELLED)?;
    Ok(Loaded {
        article,
        path: None,
        selected: opening.selected,
        view: opening.view,
        theme: opening.theme,
        projection: opening.projection,
        notes: opening.notes,
    })
}

/// Analyse pasted text (HTML is recognised and stripped; anything else is plain text).
pub fn load_text(text: String, watch: &dyn Watch) -> Result<Loaded, String> {
    let mut loaded = load_bytes(text.into_bytes(), Path::new(PASTED_NAME), watch)
        .map_err(|e| e.replace(PASTED_NAME, "The pasted text"))?;
    loaded.article.source = Some("clipboard".into());
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Unwatched;
    use crate::project::Project;

    #[test]
    fn a_project_brings_its_corrections_selection_view_and_theme() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.atlas.json");
        let mut project = Project::new("Turkey and Iran met.".into(), Some("wire.txt".into()));
        project.overrides = vec![crate::analysis::Override::NotAPlace { start: 0, end: 6 }];
        project.theme = Some(MapTheme::Print);
        project.save(&path).unwrap();
        let loaded = load_path(&path, &Unwatched).unwrap();
        assert_eq!(loaded.theme, Some(MapTheme::Print));
        assert_eq!(loaded.article.project_path.as_deref(), Some(path.as_path()));
        assert_eq!(loaded.article.source.as_deref(), Some("wire.txt"));
        assert_eq!(loaded.article.analysis.countries.len(), 1, "Turkey is corrected away");
        assert!(!loaded.article.has_unsaved_work());
    }

    #[test]
    fn a_cancelled_load_stops_with_cancelled() {
        struct Stop;
        impl Watch for Stop {
            fn proceed(&self, _: f32) -> bool {
                false
            }
            fn cancelled(&self) -> bool {
                true
            }
        }
        let e = load_bytes(b"Iran".to_vec(), Path::new("a.txt"), &Stop).unwrap_err();
        assert_eq!(e, CANCELLED);
    }

    #[test]
    fn pasted_text_is_named_and_sourced_as_pasted() {
        let loaded = load_text("Talks in Doha.".into(), &Unwatched).unwrap();
        assert_eq!(loaded.article.name, PASTED_NAME);
        assert_eq!(loaded.article.source.as_deref(), Some("clipboard"));
        assert!(
            load_text("\0".into(), &Unwatched)
                .unwrap_err()
                .starts_with("The pasted text")
        );
    }
}
