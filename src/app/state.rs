//! [`AppState`]: what the app shows and what the user has chosen, apart from
//! how it is drawn.

use serde::{Deserialize, Serialize};

use super::article::Article;
use crate::analysis::Analysis;
use crate::map::{MapOptions, TileLayer};
use crate::place::Place;

/// Preferences remembered between runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Dark theme.
    pub dark: bool,
    /// The basemap.
    pub layer: TileLayer,
}

/// A column the place lists can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Alphabetically by name.
    Name,
    /// By number of mentions.
    Mentions,
    /// By the paragraph of the first mention.
    FirstParagraph,
}

impl SortKey {
    /// The direction a column sorts in when first clicked.
    pub fn default_ascending(self) -> bool {
        self != SortKey::Mentions
    }
}

/// Sorting and filtering of the place lists.
#[derive(Clone, Debug, PartialEq)]
pub struct ListState {
    /// The column sorted by.
    pub sort: SortKey,
    /// Smallest first.
    pub ascending: bool,
    /// Only names containing this (case-insensitive) are listed.
    pub filter: String,
}

impl Default for ListState {
    fn default() -> Self {
        ListState {
            sort: SortKey::Mentions,
            ascending: false,
            filter: String::new(),
        }
    }
}

impl ListState {
    /// Sort by `key`; sorting by the current key again reverses the order.
    pub fn sort_by(&mut self, key: SortKey) {
        if self.sort == key {
            self.ascending = !self.ascending;
        } else {
            self.sort = key;
            self.ascending = key.default_ascending();
        }
    }

    /// Does `name` pass the filter?
    pub fn accepts(&self, name: &str) -> bool {
        let filter = self.filter.trim();
        filter.is_empty() || name.to_lowercase().contains(&filter.to_lowercase())
    }
}

/// Everything the panels read and change: the article, the selection, the
/// list and map options, and requests between panels.
pub struct AppState {
    /// The open article.
    pub article: Article,
    /// The selected country, region or city.
    pub selection: Option<Place>,
    /// What the pointer is over on the map.
    pub hovered: Option<Place>,
    /// Sorting and filtering of the place lists.
    pub list: ListState,
    /// How the map is drawn.
    pub map_options: MapOptions,
    /// A sentence the text view should scroll to and flash (set by the passages panel).
    pub reveal: Option<usize>,
    /// The last error (e.g. a file that could not be opened), until dismissed.
    pub error: Option<String>,
    /// The map's latest word about its basemap.
    pub map_status: Option<String>,
    /// What is being done in the background ("Analysing book.txt…"), if anything.
    pub busy: Option<String>,
    /// How far the background analysis got (0 to 1), when it reports it.
    pub busy_fraction: Option<f32>,
    /// A passing message (e.g. "Saved …", "No places found"), until dismissed.
    pub notice: Option<String>,
    /// Actions asked for by panels drawn after this frame's actions were
    /// carried out (e.g. the text view's context menu); done next frame.
    pub pending: Vec<super::Action>,
    /// The picture's title and presentation mode.
    pub picture: super::export::PictureState,
}

impl AppState {
    /// State for `article` with remembered `settings`.
    pub fn new(article: Article, settings: Settings) -> AppState {
        AppState {
            article,
            selection: None,
            hovered: None,
            list: ListState::default(),
            map_options: MapOptions {
                dark: settings.dark,
                layer: settings.layer,
                ..MapOptions::default()
            },
            reveal: None,
            error: None,
            map_status: None,
            busy: None,
            busy_fraction: None,
            notice: None,
            pending: Vec::new(),
            picture: Default::default(),
        }
    }

    /// The analysis of the open article.
    pub fn analysis(&self) -> &Analysis {
        &self.article.analysis
    }

    /// Show `article` instead of the current one, forgetting the selection.
    pub fn replace_article(&mut self, article: Article) {
        self.article = article;
        self.selection = None;
        self.hovered = None;
        self.reveal = None;
        self.error = None;
        self.notice = None;
    }

    /// The preferences to remember.
    pub fn settings(&self) -> Settings {
        Settings {
            dark: self.map_options.dark,
            layer: self.map_options.layer,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_by_the_same_column_twice_reverses_it() {
        let mut list = ListState::default();
        list.sort_by(SortKey::Name);
        assert!(list.ascending);
        list.sort_by(SortKey::Name);
        assert!(!list.ascending);
        list.sort_by(SortKey::Mentions);
        assert!(!list.ascending);
    }

    #[test]
    fn the_filter_ignores_case_and_surrounding_spaces() {
        let list = ListState {
            filter: " RU ".into(),
            ..ListState::default()
        };
        assert!(list.accepts("Russia"));
        assert!(!list.accepts("France"));
    }
}
