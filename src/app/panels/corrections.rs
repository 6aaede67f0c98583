//! Correcting the detector by hand: the text view's context menu ("Not a
//! place", "Refers to…", "Mark as…"), selecting words in the text, the place
//! picker, and the Corrections window where each correction can be undone.
//!
//! Corrections are [`Override`]s kept with the article
//! ([`Article::overrides`](crate::article::Article::overrides)); the app analyses the
//! text again with them applied, so map, lists and passages follow at once.

use std::sync::OnceLock;

use egui::{Context, Galley, Rect, Response, ScrollArea, TextEdit, Ui, Window};

use super::highlight::mention_at;
use crate::analysis::{Analysis, Override};
use crate::app::Action;
use crate::app::AppState;
use crate::gazetteer::Gazetteer;
use crate::place::{Place, PlaceKind, PlaceRef};
use crate::text::Span;

/// What the place picker is choosing a place for.
#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    /// The detected mention at this span refers to another place.
    RefersTo {
        /// The mention's bytes.
        span: Span,
        /// Its words.
        words: String,
    },
    /// These words are a mention the detector missed.
    MarkAs {
        /// The words' bytes.
        span: Span,
        /// The words.
        words: String,
    },
}

impl Question {
    fn title(&self) -> String {
        match self {
            Question::RefersTo { words, .. } => format!("“{words}” refers to…"),
            Question::MarkAs { words, .. } => format!("Mark “{words}” as…"),
        }
    }

    fn answer(&self, place: PlaceRef) -> Override {
        match self {
            Question::RefersTo { span, .. } => Override::RefersTo {
                start: span.start,
                end: span.end,
                place,
            },
            Question::MarkAs { span, .. } => Override::MarkAs {
                start: span.start,
                end: span.end,
                place,
            },
        }
    }
}

/// A place the picker offers.
struct Candidate {
    label: String,
    lowercase: String,
    place: PlaceRef,
}

/// Every country, region and city of the built-in gazetteer, labelled.
fn candidates() -> &'static [Candidate] {
    static ALL: OnceLock<Vec<Candidate>> = OnceLock::new();
    ALL.get_or_init(|| {
        let g = Gazetteer::builtin();
        let mut all = Vec::new();
        let mut add = |label: String, name: &str, place| {
            all.push(Candidate {
                label,
                lowercase: name.to_lowercase(),
                place,
            });
        };
        let places = (0..g.countries.len())
            .map(Place::Country)
            .chain((0..g.regions.len()).map(Place::Region))
            .chain((0..g.cities.len()).map(Place::City));
        for place in places {
            let name = place.name(g);
            let label = match (place.kind(), place.country(g)) {
                (PlaceKind::City, Some(country)) => format!("{name}, {} (city)", g.countries[country].name),
                (kind, _) => format!("{name} ({})", kind.as_str()),
            };
            add(label, name, place.to_ref(g));
        }
        all
    })
}

/// The places whose name contains `query`: names starting with it first.
fn search(query: &str, limit: usize) -> Vec<&'static Candidate> {
    let query = query.trim().to_lowercase();
    let mut found: Vec<&Candidate> = candidates().iter().filter(|c| c.lowercase.contains(&query)).collect();
    found.sort_by_key(|c| !c.lowercase.starts_with(&query));
    found.truncate(limit);
    found
}

/// The corrections windows' memory.
#[derive(Default)]
pub struct CorrectionsUi {
    /// The Corrections window is shown.
    pub open: bool,
    /// The place picker, while choosing.
    picker: Option<Picker>,
}

struct Picker {
    question: Question,
    query: String,
    focus: bool,
}

impl CorrectionsUi {
    /// Open the place picker for `question`.
    pub fn ask(&mut self, question: Question) {
        self.picker = Some(Picker {
            question,
            query: String::new(),
            focus: true,
        });
    }

    /// Close the picker (a new article).
    pub fn reset(&mut self) {
        self.picker = None;
    }

    /// Draw the picker and the Corrections window; returns the corrections made.
    pub fn windows(&mut self, ctx: &Context, state: &AppState) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(picker) = &mut self.picker {
            let mut open = true;
            let mut chosen = None;
            let mut cancel = false;
            Window::new("Choose a place")
                .open(&mut open)
                .collapsible(false)
                .default_width(320.0)
                .show(ctx, |ui| {
                    ui.strong(picker.question.title());
                    ui.horizontal(|ui| {
                        let label = ui.label("Search places");
                        let edit = ui.add(TextEdit::singleline(&mut picker.query).hint_text("country, region or city"));
                        let edit = edit.labelled_by(label.id);
                        if picker.focus {
                            edit.request_focus();
                            picker.focus = false;
                        }
                    });
                    ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                        let found = search(&picker.query, 60);
                        if found.is_empty() {
                            ui.weak("No place of that name.");
                        }
                        for c in found {
                            if ui.button(&c.label).clicked() {
                                chosen = Some(c.place.clone());
                            }
                        }
                    });
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            if let Some(place) = chosen {
                actions.push(Action::Correct(picker.question.answer(place)));
                self.picker = None;
            } else if !open || cancel {
                self.picker = None;
            }
        }
        if self.open {
            let mut open = true;
            Window::new("Corrections")
                .open(&mut open)
                .default_width(360.0)
                .show(ctx, |ui| list_ui(ui, state, &mut actions));
            self.open &= open;
        }
        actions
    }
}

/// The corrections, each with an "Undo" button, and the ones that failed.
fn list_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let article = &state.article;
    if article.overrides.is_empty() {
        ui.weak(
            "No corrections yet. Right-click a highlighted place in the article text to correct it, \
             or select words (drag or double-click) and right-click to mark them as a place.",
        );
        return;
    }
    let text = &article.analysis.document.text;
    for (i, o) in article.overrides.iter().enumerate() {
        ui.horizontal(|ui| {
            if ui.button("Undo").on_hover_text("Remove this correction").clicked() {
                actions.push(Action::UndoCorrection(i));
            }
            ui.label(describe(o, text));
        });
        if let Some(problem) = article.problems.iter().find(|p| p.index == i) {
            ui.colored_label(ui.visuals().warn_fg_color, format!("Not applied: {}", problem.message));
        }
    }
}

/// "“Turkey”: not a place", "“the Hexagon” → France".
pub fn describe(o: &Override, text: &str) -> String {
    let span = o.span();
    let words = text.get(span.start..span.end).unwrap_or("?");
    let g = Gazetteer::builtin();
    let name = |place: &PlaceRef| match Place::from_ref(place, g) {
        Ok(place) => place.name(g).to_string(),
        Err(_) => match place {
            PlaceRef::Country { code } => code.clone(),
            PlaceRef::Region { id } => id.clone(),
            PlaceRef::City { name, .. } => name.clone(),
            PlaceRef::Division { id } => id.clone(),
        },
    };
    match o {
        Override::NotAPlace { .. } => format!("“{words}”: not a place"),
        Override::RefersTo { place, .. } => format!("“{words}” refers to {}", name(place)),
        Override::MarkAs { place, .. } => format!("“{words}” marked as {}", name(place)),
    }
}

/// What the text view remembers for corrections: selected words, and the
/// mention a context menu was opened on.
#[derive(Default)]
pub struct Marking {
    /// Words selected by dragging or double-clicking (document bytes).
    pub selection: Option<Span>,
    anchor: Option<usize>,
    menu_mention: Option<Span>,
}

/// The document byte under `pos` (screen), for a paragraph starting at byte
/// `start` laid out as `galley` at `text_rect`; the nearest character when
/// the point is between glyphs.
fn byte_under(galley: &Galley, text_rect: Rect, start: usize, pos: egui::Pos2) -> usize {
    let cursor = galley.cursor_from_pos(pos - text_rect.min);
    let text = &galley.job.text;
    let byte = text.char_indices().nth(cursor.index.0).map_or(text.len(), |(b, _)| b);
    start + byte
}

/// Widen `start..end` of `text` to whole words within `bounds`.
fn whole_words(text: &str, bounds: Span, start: usize, end: usize) -> Span {
    let word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    let before = &text[bounds.start..start];
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| word(c))
        .last()
        .map_or(start, |(i, _)| bounds.start + i);
    let after = &text[end..bounds.end];
    let end = end
        + after
            .char_indices()
            .find(|&(_, c)| !word(c))
            .map_or(after.len(), |(i, _)| i);
    Span { start, end }
}

/// Selection by dragging and double-clicking, and the context menu, for one
/// paragraph (`span`) of the text view.
#[allow(clippy::too_many_arguments)]
pub fn paragraph_input(
    ui: &Ui,
    response: &Response,
    galley: &Galley,
    text_rect: Rect,
    span: Span,
    analysis: &Analysis,
    marking: &mut Marking,
    actions: &mut Vec<Action>,
) {
    let text = analysis.document.text.as_str();
    let at = |pos| byte_under(galley, text_rect, span.start, pos);
    if response.drag_started() {
        marking.anchor = ui.input(|i| i.pointer.press_origin()).map(at);
    }
    if response.dragged()
        && let (Some(anchor), Some(pos)) = (marking.anchor, ui.input(|i| i.pointer.interact_pos()))
    {
        let here = at(pos);
        let (a, b) = (anchor.min(here), anchor.max(here));
        marking.selection = Some(whole_words(text, span, a, b)).filter(|s| s.start < s.end);
    }
    if response.double_clicked() {
        if let Some(pos) = response.interact_pointer_pos() {
            let here = at(pos);
            marking.selection = Some(whole_words(text, span, here, here)).filter(|s| s.start < s.end);
        }
    } else if response.clicked() {
        marking.selection = None;
    }
    if response.secondary_clicked() {
        marking.menu_mention = response
            .interact_pointer_pos()
            .and_then(|pos| mention_at(analysis, at(pos)))
            .map(|m| m.span);
    }
    response.context_menu(|ui| menu(ui, analysis, span, marking, actions));
}

/// The context menu of a paragraph.
fn menu(ui: &mut Ui, analysis: &Analysis, paragraph: Span, marking: &Marking, actions: &mut Vec<Action>) {
    let inside = |s: &Span| paragraph.start <= s.start && s.end <= paragraph.end;
    let mention = marking
        .menu_mention
        .filter(inside)
        .and_then(|s| analysis.mentions.iter().find(|m| m.span == s));
    let mut offered = false;
    if let Some(m) = mention {
        let words = analysis.document.slice(m.span).to_string();
        let g = Gazetteer::builtin();
        ui.weak(format!("“{words}”: {}", m.selects(g).name(g)));
        if ui.button("Not a place").clicked() {
            actions.push(Action::Correct(Override::NotAPlace {
                start: m.span.start,
                end: m.span.end,
            }));
        }
        if ui.button("Refers to…").clicked() {
            actions.push(Action::AskPlace(Question::RefersTo { span: m.span, words }));
        }
        offered = true;
    }
    if let Some(selection) = marking.selection.filter(inside) {
        let words = analysis.document.slice(selection).to_string();
        if ui
            .button("Mark as…")
            .on_hover_text(format!("Mark “{words}” as a place"))
            .clicked()
        {
            actions.push(Action::AskPlace(Question::MarkAs { span: selection, words }));
        }
        offered = true;
    }
    if !offered {
        ui.weak("Right-click a highlighted place to correct it, or select words (drag or double-click) to mark them as a place.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selections_grow_to_whole_words() {
        let text = "Talks in Ankara went on.";
        let all = Span {
            start: 0,
            end: text.len(),
        };
        let s = whole_words(text, all, 10, 12);
        assert_eq!(&text[s.start..s.end], "Ankara");
        let s = whole_words(text, all, 2, 11);
        assert_eq!(&text[s.start..s.end], "Talks in Ankara");
    }

    #[test]
    fn the_picker_finds_countries_regions_and_cities() {
        let found: Vec<&str> = search("gree", 10).iter().map(|c| c.label.as_str()).collect();
        assert_eq!(found.first(), Some(&"Greece (country)"), "{found:?}");
        assert!(search("doha", 5).iter().any(|c| c.label.starts_with("Doha, Qatar")));
    }
}
