//! An article opened in the app: its name and its analysis.

use std::path::Path;

use crate::analysis::{Analysis, Analyzer};
use crate::text::{Document, read_article};

/// An analysed article and the name it is shown under.
pub struct Article {
    /// File name shown in the status bar and the window title.
    pub name: String,
    /// Everything found in it.
    pub analysis: Analysis,
}

impl Article {
    /// The article bundled with the app.
    pub fn bundled() -> Article {
        Article::from_text(
            crate::BUNDLED_ARTICLE_NAME,
            crate::BUNDLED_ARTICLE.to_string(),
            Vec::new(),
        )
    }

    /// Read and analyse the file at `path`; the error is a message for the user.
    pub fn open(path: &Path) -> Result<Article, String> {
        let (text, warnings) = read_article(path).map_err(|e| e.to_string())?;
        let name = path
            .file_name()
            .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        Ok(Article::from_text(name, text, warnings))
    }

    /// Analyse `text` (already decoded) as the article called `name`.
    pub fn from_text(name: impl Into<String>, text: String, warnings: Vec<String>) -> Article {
        let mut analysis = Analyzer::builtin().analyze(Document::new(text));
        analysis.warnings = warnings;
        Article {
            name: name.into(),
            analysis,
        }
    }
}
