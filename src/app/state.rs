//! [`AppState`]: what the app shows and what the user has chosen, as plain
//! data. Panels read it and ask for changes with [`Action`](super::Action)s;
//! only [`AtlasApp`](super::AtlasApp) changes it.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::article::Article;
use crate::cartography::ProjectionKind;
use crate::map::{MapOptions, MapTheme, TileLayer};
use crate::picture::{Note, PictureSpec};
use crate::place::Place;

/// Preferences remembered between runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The colours of the map and the panels.
    pub theme: MapTheme,
    /// The basemap.
    pub layer: TileLayer,
    /// Ask for files with the built-in dialog, not the desktop's.
    pub built_in_dialog: bool,
    /// The projection of pictures.
    pub projection: ProjectionKind,
}

/// The picture's settings that are not drawing options: the title the user
/// typed, the projection, the notes, and presentation mode.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PictureState {
    /// The projection of pictures (the interactive map is always Mercator).
    pub projection: ProjectionKind,
    /// Notes on the map of the open article.
    pub notes: Vec<Note>,
    /// The notes as last opened or saved: anything else is unsaved work.
    pub saved_notes: Vec<Note>,
    /// The note being edited, if any.
    pub editing_note: Option<usize>,
    /// The "Export picture" window is open.
    pub exporting: bool,
    /// Hide the title (shown by default).
    pub hide_title: bool,
    /// The title typed by the user, and the name of the article it was typed
    /// for; otherwise the article's own title ([`Article::title`]).
    pub custom_title: Option<(String, String)>,
    /// Presentation mode: panels hidden, the map full screen.
    pub presentation: bool,
}

impl PictureState {
    /// The title of the picture of `article`: the user's, if typed for it,
    /// else the article's own.
    pub fn title(&self, article: &Article) -> String {
        match &self.custom_title {
            Some((name, title)) if *name == article.name => title.clone(),
            _ => article.title(),
        }
    }
}

/// Work going on in the background, for the status bar.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Busy {
    /// "Analysing book.txt… 3 s".
    pub status: String,
    /// How far it got (0 to 1), when it reports it.
    pub fraction: Option<f32>,
}

/// Everything the panels read: the article, the selection, the map and
/// picture options, and the messages for the user.
pub struct AppState {
    /// The open article.
    pub article: Article,
    /// The selected country, region or city.
    pub selection: Option<Place>,
    /// What the pointer is over on the map.
    pub hovered: Option<Place>,
    /// How the map is drawn (its title comes from [`AppState::picture`]).
    pub map_options: MapOptions,
    /// The picture's title and presentation mode.
    pub picture: PictureState,
    /// The last error (e.g. a file that could not be opened), until dismissed.
    pub error: Option<String>,
    /// A passing message (e.g. "Saved …", "No places found"), until dismissed.
    pub notice: Option<String>,
    /// The map's latest word about its basemap.
    pub map_status: Option<String>,
    /// What is being done in the background, if anything.
    pub busy: Option<Busy>,
    /// Which file dialog is used, when it is not the desktop's.
    pub dialogs: Option<String>,
    /// The collection open, if any (its articles, filters and geography).
    pub collection: Option<super::collection::CollectionView>,
}

impl AppState {
    /// State for `article` with remembered `settings`.
    pub fn new(article: Article, settings: Settings) -> AppState {
        AppState {
            article,
            selection: None,
            hovered: None,
            map_options: MapOptions {
                theme: settings.theme,
                layer: settings.layer,
                ..MapOptions::default()
            },
            picture: PictureState {
                projection: settings.projection,
                ..PictureState::default()
            },
            error: None,
            notice: None,
            map_status: None,
            busy: None,
            dialogs: None,
            collection: None,
        }
    }

    /// The analysis of the open article.
    pub fn analysis(&self) -> &Analysis {
        &self.article.analysis
    }

    /// The collection, when it is shown (not one of its articles on its own).
    pub fn collection_shown(&self) -> Option<&super::collection::CollectionView> {
        self.collection.as_ref().filter(|c| c.open_member.is_none())
    }

    /// What the map shows: the collection's geography in the collection
    /// view, else the article's analysis; with the selection there.
    pub fn on_map(&self) -> (&Analysis, Option<Place>) {
        match self.collection_shown() {
            Some(c) => (&c.aggregate.analysis, c.selection),
            None => (&self.article.analysis, self.selection),
        }
    }

    /// The title the picture shows now (`None` when switched off).
    pub fn picture_title(&self) -> Option<String> {
        (!self.picture.hide_title).then(|| self.picture.title(&self.article))
    }

    /// The map options with this frame's title and notes (a collection's:
    /// its name, its count, its comparison's classes).
    pub fn drawing_options(&self) -> MapOptions {
        match self.collection_shown() {
            Some(c) => MapOptions {
                title: (!self.picture.hide_title).then(|| c.name.clone()),
                unit: if c.compare.is_some() {
                    "articles"
                } else {
                    c.count.unit()
                },
                categories: c.compare.is_some().then_some(super::collection::COMPARE_LABELS),
                ..self.map_options.clone()
            },
            None => MapOptions {
                title: self.picture_title(),
                notes: self.picture.notes.clone(),
                ..self.map_options.clone()
            },
        }
    }

    /// Are there corrections or notes that were never saved?
    pub fn has_unsaved_work(&self) -> bool {
        self.article.has_unsaved_work()
            || self.picture.notes != self.picture.saved_notes
            || self.collection.as_ref().is_some_and(|c| c.has_unsaved_work())
    }

    /// The picture of the open article at `size` points, as the menus set
    /// it; `view` is the interactive map's (for a Mercator picture of what it shows).
    pub fn picture_spec(&self, size: egui::Vec2, view: Option<(f64, f64, f64)>) -> PictureSpec {
        let options = &self.map_options;
        if let Some(c) = self.collection_shown() {
            let drawing = self.drawing_options();
            let days: Vec<crate::collection::Day> = (0..c.members.len())
                .filter(|&i| c.counted(i))
                .filter_map(|i| c.members[i].date)
                .collect();
            let subtitle = match (days.iter().min(), days.iter().max()) {
                (Some(a), Some(b)) if a == b => Some(a.to_string()),
                (Some(a), Some(b)) => Some(format!("{a} to {b}")),
                _ => None,
            };
            return PictureSpec {
                theme: options.theme,
                colorblind: options.colorblind,
                title: drawing.title,
                subtitle: subtitle.filter(|_| !self.picture.hide_title),
                show_legend: options.show_legend,
                show_attribution: options.show_attribution,
                show_links: options.show_links,
                selected: c.selection,
                unit: drawing.unit,
                categories: drawing.categories,
                view,
                ..PictureSpec::new(size, self.picture.projection)
            };
        }
        let title = self.picture_title();
        let subtitle = title
            .is_some()
            .then(|| crate::import::title::source_and_date(&self.article.analysis.document.text))
            .flatten();
        PictureSpec {
            theme: options.theme,
            colorblind: options.colorblind,
            title,
            subtitle,
            show_legend: options.show_legend,
            show_attribution: options.show_attribution,
            show_links: options.show_links,
            selected: self.selection,
            notes: self.picture.notes.clone(),
            view,
            ..PictureSpec::new(size, self.picture.projection)
        }
    }

    /// Show `article` instead of the current one, with its `notes`, forgetting the selection.
    pub fn replace_article(&mut self, article: Article, notes: Vec<Note>) {
        self.picture.saved_notes = notes.clone();
        self.picture.notes = notes;
        self.picture.editing_note = None;
        self.article = article;
        self.selection = None;
        self.hovered = None;
        self.error = None;
        self.notice = None;
    }

    /// The preferences of the map to remember (the app adds its own).
    pub fn settings(&self) -> Settings {
        Settings {
            theme: self.map_options.theme,
            layer: self.map_options.layer,
            built_in_dialog: false,
            projection: self.picture.projection,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_title_belongs_to_its_article() {
        let a = Article::from_text("a.txt", "Kabul Falls\nThe city fell.".into(), Vec::new());
        let b = Article::from_text("b.txt", "Doha Talks\nThey met.".into(), Vec::new());
        let mut state = AppState::new(a, Settings::default());
        assert_eq!(state.picture_title().as_deref(), Some("Kabul Falls"));
        state.picture.custom_title = Some(("a.txt".into(), "Mine".into()));
        assert_eq!(state.picture_title().as_deref(), Some("Mine"));
        state.replace_article(b, Vec::new());
        assert_eq!(state.picture_title().as_deref(), Some("Doha Talks"));
        state.picture.hide_title = true;
        assert_eq!(state.drawing_options().title, None);
    }
}
