//! An article opened for analysis: its name, where it came from, its title,
//! the corrections made by hand, and its analysis with them applied.
//!
//! [`load`] turns any input (a file, dropped bytes, pasted text, a project)
//! into an [`Article`]; the command line (`analyze`, `render`) and the app all
//! open inputs through it, so an article has the same text, title and
//! warnings wherever it is opened.

pub mod load;

use std::path::PathBuf;

use crate::analysis::{Analysis, Analyzer, Override, OverrideProblem, Unwatched, Watch};
use crate::text::Document;

pub use load::{Loaded, load_bytes, load_path, load_text};

/// An analysed article and the name it is shown under.
#[derive(Clone, Debug)]
pub struct Article {
    /// File name shown in the status bar and the window title.
    pub name: String,
    /// Where the text came from: a path, or "clipboard" (saved in projects).
    pub source: Option<String>,
    /// Its title, when the input has one (see [`crate::import::title`]); [`Article::title`]
    /// falls back to one made from the file name.
    pub title: Option<String>,
    /// The project file it was opened from or last saved to.
    pub project_path: Option<PathBuf>,
    /// Corrections made by hand, in order; [`Article::analysis`] has them applied.
    pub overrides: Vec<Override>,
    /// The corrections as last opened or saved: anything else is unsaved work.
    pub saved_overrides: Vec<Override>,
    /// Corrections that could not be applied, and why.
    pub problems: Vec<OverrideProblem>,
    /// Everything found in it.
    pub analysis: Analysis,
}

impl Article {
    /// The article bundled with the app, opened as its file would be.
    pub fn bundled() -> Article {
        load_bytes(
            crate::BUNDLED_ARTICLE.as_bytes().to_vec(),
            std::path::Path::new(crate::BUNDLED_ARTICLE_NAME),
            &Unwatched,
        )
        .expect("the bundled article is text")
        .article
    }

    /// Analyse `text` (already decoded plain text) as the article called `name`.
    pub fn from_text(name: impl Into<String>, text: String, warnings: Vec<String>) -> Article {
        Draft {
            name: name.into(),
            source: None,
            title: crate::import::title::headline(&text),
            project_path: None,
            warnings,
            text,
        }
        .analyse(Vec::new())
    }

    /// The title to show: its own, else one made from its name.
    pub fn title(&self) -> String {
        self.title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| crate::import::title::from_file_name(&self.name, &self.analysis.document.text))
    }

    /// Are there corrections that were never saved?
    pub fn has_unsaved_work(&self) -> bool {
        self.overrides != self.saved_overrides
    }

    /// This article analysed again with `overrides` in place of its own.
    pub fn with_overrides(&self, overrides: Vec<Override>) -> Article {
        let mut article = self.draft().analyse(overrides);
        article.saved_overrides = self.saved_overrides.clone();
        article
    }

    /// Everything but the analysis, to analyse again (e.g. on another thread).
    pub fn draft(&self) -> Draft {
        Draft {
            name: self.name.clone(),
            source: self.source.clone(),
            title: self.title.clone(),
            project_path: self.project_path.clone(),
            warnings: self.analysis.warnings.clone(),
            text: self.analysis.document.text.clone(),
        }
    }
}

/// An article before analysis: its text and what is known about it.
#[derive(Clone, Debug)]
pub struct Draft {
    /// See [`Article::name`].
    pub name: String,
    /// See [`Article::source`].
    pub source: Option<String>,
    /// See [`Article::title`].
    pub title: Option<String>,
    /// See [`Article::project_path`].
    pub project_path: Option<PathBuf>,
    /// Problems met while reading it (e.g. replaced invalid UTF-8).
    pub warnings: Vec<String>,
    /// The text to analyse.
    pub text: String,
}

impl Draft {
    /// Analyse the text with `overrides` applied (also taken as the saved ones).
    pub fn analyse(self, overrides: Vec<Override>) -> Article {
        self.analyse_watched(overrides, &Unwatched)
            .expect("an unwatched analysis runs to the end")
    }

    /// [`Draft::analyse`] under `watch` (progress, cancellation); `None` when stopped.
    pub fn analyse_watched(self, overrides: Vec<Override>, watch: &dyn Watch) -> Option<Article> {
        let document = Document::new(self.text);
        let (mut analysis, problems) =
            Analyzer::builtin().analyze_with_overrides_watched(document, &overrides, watch)?;
        analysis.warnings = self.warnings;
        Some(Article {
            name: self.name,
            source: self.source,
            title: self.title,
            project_path: self.project_path,
            saved_overrides: overrides.clone(),
            overrides,
            problems,
            analysis,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrections_are_unsaved_work_until_saved() {
        let article = Article::from_text("a.txt", "Turkey and Iran.".into(), Vec::new());
        assert!(!article.has_unsaved_work());
        let corrected = article.with_overrides(vec![Override::NotAPlace { start: 0, end: 6 }]);
        assert!(corrected.has_unsaved_work());
        assert_eq!(corrected.analysis.countries.len(), 1);
        let undone = corrected.with_overrides(Vec::new());
        assert!(!undone.has_unsaved_work(), "undoing back to the saved state is clean");
    }

    #[test]
    fn the_bundled_article_opens_like_its_file() {
        let bundled = Article::bundled();
        let opened = load_bytes(
            crate::BUNDLED_ARTICLE.as_bytes().to_vec(),
            std::path::Path::new("elsewhere/costa-clarke-2024-isis-k.txt"),
            &Unwatched,
        )
        .unwrap()
        .article;
        assert_eq!(bundled.name, opened.name);
        assert_eq!(bundled.title(), opened.title());
        assert_eq!(bundled.analysis.countries.len(), 17);
    }
}
