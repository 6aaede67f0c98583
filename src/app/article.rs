//! An article opened in the app: its name, where it came from, the
//! corrections made by hand, and its analysis with them applied.

use std::path::PathBuf;

use crate::analysis::{Analysis, Analyzer, Override, OverrideProblem, Unwatched, Watch};
use crate::text::Document;

/// An analysed article and the name it is shown under.
pub struct Article {
    /// File name shown in the status bar and the window title.
    pub name: String,
    /// Where the text came from: a path, or "clipboard" (saved in projects).
    pub source: Option<String>,
    /// Its title (from the HTML `<title>`, a Markdown heading, the first line...).
    pub title: Option<String>,
    /// The project file it was opened from or last saved to.
    pub project_path: Option<PathBuf>,
    /// Corrections made by hand, in order; [`Article::analysis`] has them applied.
    pub overrides: Vec<Override>,
    /// Corrections that could not be applied, and why.
    pub problems: Vec<OverrideProblem>,
    /// Everything found in it.
    pub analysis: Analysis,
}

impl Article {
    /// The article bundled with the app.
    pub fn bundled() -> Article {
        let mut article = Article::from_text(
            crate::BUNDLED_ARTICLE_NAME,
            crate::BUNDLED_ARTICLE.to_string(),
            Vec::new(),
        );
        article.title = Some(crate::BUNDLED_ARTICLE_TITLE.to_string());
        article
    }

    /// Analyse `text` (already decoded) as the article called `name`.
    pub fn from_text(name: impl Into<String>, text: String, warnings: Vec<String>) -> Article {
        Article::analysed(name.into(), text, warnings, Vec::new())
    }

    /// Analyse `text` with `overrides` applied.
    pub(super) fn analysed(name: String, text: String, warnings: Vec<String>, overrides: Vec<Override>) -> Article {
        Article::analysed_watched(name, text, warnings, overrides, &Unwatched)
            .expect("an unwatched analysis runs to the end")
    }

    /// [`Article::analysed`] under `watch`, which sees the progress and may
    /// stop it (then `None`).
    fn analysed_watched(
        name: String,
        text: String,
        warnings: Vec<String>,
        overrides: Vec<Override>,
        watch: &dyn Watch,
    ) -> Option<Article> {
        let (mut analysis, problems) =
            Analyzer::builtin().analyze_with_overrides_watched(Document::new(text), &overrides, watch)?;
        analysis.warnings = warnings;
        Some(Article {
            name,
            source: None,
            title: None,
            project_path: None,
            overrides,
            problems,
            analysis,
        })
    }

    /// This article analysed again with `overrides` in place of its own.
    pub fn with_overrides(&self, overrides: Vec<Override>) -> Article {
        self.draft().analyse(overrides)
    }

    /// Everything but the analysis, to analyse again (e.g. on another thread).
    pub(super) fn draft(&self) -> Draft {
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
pub(super) struct Draft {
    pub name: String,
    pub source: Option<String>,
    pub title: Option<String>,
    pub project_path: Option<PathBuf>,
    pub warnings: Vec<String>,
    pub text: String,
}

impl Draft {
    /// Analyse the text with `overrides` applied.
    pub fn analyse(self, overrides: Vec<Override>) -> Article {
        self.analyse_watched(overrides, &Unwatched)
            .expect("an unwatched analysis runs to the end")
    }

    /// [`Draft::analyse`] under `watch` (progress, cancellation); `None` when stopped.
    pub fn analyse_watched(self, overrides: Vec<Override>, watch: &dyn Watch) -> Option<Article> {
        let mut article = Article::analysed_watched(self.name, self.text, self.warnings, overrides, watch)?;
        article.source = self.source;
        article.title = self.title;
        article.project_path = self.project_path;
        Some(article)
    }
}
