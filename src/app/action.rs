//! [`Action`]: everything a panel, a menu, a key or a dialog can ask the
//! app to do, and [`KEYMAP`], the one table of keyboard shortcuts (the menus
//! show their hints from it).
//!
//! Panels never change the app's state themselves: they return actions, and
//! [`AtlasApp`](super::AtlasApp) carries each out in one exhaustive `match`,
//! so a new action that nothing handles does not compile.

use std::path::PathBuf;

use egui::{Context, Key, KeyboardShortcut, Modifiers, Vec2, vec2};

use super::collection::Side;
use super::panels::corrections::Question;
use crate::analysis::Override;
use crate::cartography::ProjectionKind;
use crate::collection::{Count, Day};
use crate::export::Format;
use crate::map::{MapTheme, TileLayer};
use crate::picture::PictureFormat;
use crate::place::Place;

/// Something the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    // Files and projects.
    /// Ask for an article (or project) with a file dialog, and open it.
    Open,
    /// Ask for a project file with a file dialog, and open it.
    OpenProject,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open these bytes (a dropped file) under this name.
    OpenBytes(Vec<u8>, String),
    /// Open this (pasted) text as a new article.
    OpenText(String),
    /// Open the clipboard's text as a new article.
    NewFromClipboard,
    /// Save the project to its file, or ask where.
    SaveProject,
    /// Ask where to save the project, and save it.
    SaveProjectAs,
    /// Save the project to this file.
    SaveProjectTo(PathBuf),
    /// Forget the recent files.
    ClearRecent,
    /// Ask for files with the built-in dialog (`true`) or the desktop's.
    UseBuiltInDialog(bool),
    /// Close the window (asked by the window's close button).
    Quit,
    /// The answer to "Save the corrections first?".
    Unsaved(UnsavedAnswer),

    // Collections.
    /// Open these files and folders together as a collection.
    OpenMany(Vec<PathBuf>),
    /// Ask for a folder of articles with a dialog, and open it as a collection.
    OpenFolder,
    /// Count (`true`) or leave out the collection's article at this position.
    CheckArticle(usize, bool),
    /// Count or leave out every article the filters show.
    CheckShown(bool),
    /// Show only the articles whose text contains this word (empty: all).
    FilterWord(String),
    /// Show only the articles dated within this range (`None`: open-ended).
    FilterDates(Option<Day>, Option<Day>),
    /// Show only the articles that name this place (`None`: all).
    FilterNaming(Option<Place>),
    /// Colour and size places by the articles naming them, or by mentions.
    CountBy(Count),
    /// Open the collection's article at this position on its own.
    OpenMember(usize),
    /// Back from an article to its collection.
    BackToCollection,
    /// Close the collection and show its first article.
    CloseCollection,
    /// Start (`true`) or stop comparing two groups of articles.
    Compare(bool),
    /// Put the article at this position on (`true`) or off a side of the comparison.
    CompareSide(usize, Side, bool),

    // What is shown.
    /// Select a place (`None`: nothing).
    Select(Option<Place>),
    /// Scroll the article text to this sentence and flash it.
    Reveal(usize),
    /// Frame every mentioned place.
    FitAll,
    /// Zoom in (positive) or out by this many levels.
    Zoom(f64),
    /// Move the map by this screen offset.
    Pan(Vec2),
    /// Esc: leave presentation mode, else clear the selection.
    Back,
    /// Hide the error line.
    DismissError,
    /// Hide the notice line.
    DismissNotice,

    // How the map and the picture look.
    /// Draw the map and the panels with this theme.
    SetTheme(MapTheme),
    /// Draw this basemap.
    SetLayer(TileLayer),
    /// Draw lines between places named in the same passage.
    ShowLinks(bool),
    /// Draw the picture's title.
    ShowTitle(bool),
    /// Use this title for the open article's picture.
    SetTitle(String),
    /// Draw the legend.
    ShowLegend(bool),
    /// Draw the attribution.
    ShowAttribution(bool),
    /// Use the colour-blind-safe scale.
    SetColorblind(bool),
    /// Enter (`true`) or leave presentation mode.
    Presentation(bool),
    /// Enter or leave presentation mode.
    TogglePresentation,
    /// Draw pictures (the preview, presentation mode, exports) in this projection.
    SetProjection(ProjectionKind),
    /// Add a note at this longitude and latitude, and edit it.
    AddNote(f64, f64),
    /// Edit the note at this position (`None`: stop editing).
    EditNote(Option<usize>),
    /// Give the note at this position this text.
    SetNoteText(usize, String),
    /// Move the box of the note at this position to this offset from its point.
    MoveNote(usize, [f32; 2]),
    /// Delete the note at this position.
    DeleteNote(usize),

    // Corrections.
    /// Add a correction of the detector.
    Correct(Override),
    /// Remove the correction at this position.
    UndoCorrection(usize),
    /// Remove the last correction.
    UndoLastCorrection,
    /// Ask which place some words refer to (opens the place picker).
    AskPlace(Question),
    /// Show or hide the Corrections window.
    ToggleCorrections,

    // Pictures and data out.
    /// Show (`true`) or close the "Export picture" window with its preview.
    ShowExport(bool),
    /// Ask where to save the map picture in this format (PNG: at this many pixels per point).
    ExportPicture(PictureFormat, u32),
    /// Save the map picture to this file in this format (PNG: at this many pixels per point).
    WritePicture(PathBuf, PictureFormat, u32),
    /// Put the map picture on the clipboard.
    CopyImage,
    /// Put the picture's caption (its alt text) on the clipboard.
    CopyCaption,
    /// Ask where to save the analysis in this format.
    ExportData(Format),
    /// Save the analysis to this file in this format.
    WriteData(PathBuf, Format),
}

impl Action {
    /// Does it put another article in place of the open one (or close the
    /// window), so that unsaved corrections would be lost?
    pub fn replaces_article(&self) -> bool {
        matches!(
            self,
            Action::OpenPath(_) | Action::OpenBytes(..) | Action::OpenText(_) | Action::OpenMany(_) | Action::Quit
        )
    }
}

/// The answers to "Save the corrections first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    /// Save the project, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Do not go on.
    Cancel,
}

/// A keyboard shortcut and what it does.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    /// The keys.
    pub keys: KeyboardShortcut,
    /// What they ask for.
    pub action: Action,
    /// Also while a text field has the keyboard (plain keys then belong to the field).
    pub while_typing: bool,
}

const fn binding(modifiers: Modifiers, key: Key, action: Action, while_typing: bool) -> Binding {
    Binding {
        keys: KeyboardShortcut::new(modifiers, key),
        action,
        while_typing,
    }
}

const COMMAND_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// How far one arrow key press moves the map, in points.
const PAN_STEP: f32 = 80.0;

/// Every keyboard shortcut. A shortcut with more modifiers comes before the
/// same key with fewer (egui ignores extra Shift when matching).
pub static KEYMAP: [Binding; 16] = [
    binding(Modifiers::COMMAND, Key::O, Action::Open, true),
    binding(COMMAND_SHIFT, Key::S, Action::SaveProjectAs, true),
    binding(Modifiers::COMMAND, Key::S, Action::SaveProject, true),
    binding(COMMAND_SHIFT, Key::E, Action::ShowExport(true), true),
    binding(
        Modifiers::COMMAND,
        Key::E,
        Action::ExportPicture(PictureFormat::Png, 1),
        true,
    ),
    binding(Modifiers::COMMAND, Key::Z, Action::UndoLastCorrection, false),
    binding(Modifiers::NONE, Key::F11, Action::TogglePresentation, true),
    binding(Modifiers::NONE, Key::Escape, Action::Back, true),
    // Arrows move the view the way they point: the map slides the other way.
    binding(Modifiers::NONE, Key::ArrowLeft, Action::Pan(vec2(PAN_STEP, 0.0)), false),
    binding(
        Modifiers::NONE,
        Key::ArrowRight,
        Action::Pan(vec2(-PAN_STEP, 0.0)),
        false,
    ),
    binding(Modifiers::NONE, Key::ArrowUp, Action::Pan(vec2(0.0, PAN_STEP)), false),
    binding(
        Modifiers::NONE,
        Key::ArrowDown,
        Action::Pan(vec2(0.0, -PAN_STEP)),
        false,
    ),
    binding(Modifiers::NONE, Key::Plus, Action::Zoom(1.0), false),
    binding(Modifiers::NONE, Key::Equals, Action::Zoom(1.0), false),
    binding(Modifiers::NONE, Key::Minus, Action::Zoom(-1.0), false),
    binding(Modifiers::COMMAND, Key::V, Action::NewFromClipboard, false),
];

/// The actions of the keys pressed this frame (the keys are used up).
pub fn pressed(ctx: &Context) -> Vec<Action> {
    let typing = ctx.text_edit_focused();
    ctx.input_mut(|i| {
        KEYMAP
            .iter()
            .filter(|b| b.while_typing || !typing)
            // Ctrl+V arrives as a paste event, which the workbench reads.
            .filter(|b| b.action != Action::NewFromClipboard)
            // Esc also closes menus and leaves text fields: it is seen, not used up.
            .filter(|b| match b.keys.logical_key {
                Key::Escape => i.key_pressed(Key::Escape),
                _ => i.consume_shortcut(&b.keys),
            })
            .map(|b| b.action.clone())
            .collect()
    })
}

/// The shortcut of `action` as the menus show it ("Ctrl+S"), if it has one.
pub fn shortcut_text(ctx: &Context, action: &Action) -> Option<String> {
    KEYMAP
        .iter()
        .find(|b| b.action == *action)
        .map(|b| ctx.format_shortcut(&b.keys))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_bindings_share_keys() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in &KEYMAP[i + 1..] {
                assert_ne!(a.keys, b.keys, "{:?} and {:?}", a.action, b.action);
            }
        }
    }

    #[test]
    fn a_shortcut_with_shift_comes_before_the_same_key_without() {
        let save_as = KEYMAP.iter().position(|b| b.action == Action::SaveProjectAs).unwrap();
        let save = KEYMAP.iter().position(|b| b.action == Action::SaveProject).unwrap();
        assert!(save_as < save);
    }

    #[test]
    fn menus_find_the_hint_of_an_action() {
        let ctx = Context::default();
        assert!(shortcut_text(&ctx, &Action::SaveProject).unwrap().contains('S'));
        assert_eq!(shortcut_text(&ctx, &Action::FitAll), None);
    }
}
