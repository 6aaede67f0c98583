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
use crate::place::{Place, PlaceRef};
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

/// A place the picker can find: the place and its name in lower case.
struct Candidate {
    lowercase: Box<str>,
    place: Place,
}

/// Every country, region, division and town of the built-in gazetteer
/// (built the first time the picker opens).
fn candidates() -> &'static [Candidate] {
    static ALL: OnceLock<Vec<Candidate>> = OnceLock::new();
    ALL.get_or_init(|| {
        let g = Gazetteer::builtin();
        (0..g.countries.len())
            .map(Place::country_at)
            .chain((0..g.regions.len()).map(Place::region_at))
            .chain((0..g.divisions.len()).map(Place::division_at))
            .chain((0..g.cities.len()).map(Place::city_at))
            .map(|place| Candidate {
                lowercase: place.name(g).to_lowercase().into_boxed_str(),
                place,
            })
            .collect()
    })
}

/// How the picker shows a place: "Paris, Texas, United States (town of 24,171)",
/// "Rapides Parish, Louisiana, United States (parish)", "Greece (country)".
pub fn picker_label(place: Place) -> String {
    let g = Gazetteer::builtin();
    let name = place.name(g);
    let within: Vec<&str> = place
        .divisions(g)
        .filter(|&d| Place::division_at(d) != place)
        .map(|d| g.divisions[d].name.as_str())
        .collect();
    let country = match place {
        Place::City(_) | Place::Division(_) => place.country(g).map(|c| g.countries[c].name.as_str()),
        _ => None,
    };
    let mut label: Vec<&str> = vec![name];
    label.extend(within.iter().rev().take(1));
    label.extend(country);
    let what = match place {
        Place::City(_) => {
            let people = place.population(g);
            let kind = if people >= 100_000 { "city" } else { "town" };
            format!("{kind} of {}", thousands(people))
        }
        Place::Division(d) => g.divisions[d as usize].kind.clone(),
        _ => place.kind().as_str().to_string(),
    };
    format!("{} ({what})", label.join(", "))
}

/// 24171 → "24,171".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The places whose name contains `query`: names equal to it first, then
/// names starting with it, then the rest; the most populous first in each.
fn search(query: &str, limit: usize) -> Vec<Place> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let g = Gazetteer::builtin();
    let mut found: Vec<(u8, u64, Place)> = candidates()
        .iter()
        .filter(|c| c.lowercase.contains(query.as_str()))
        .map(|c| {
            let rank = if *c.lowercase == *query {
                0
            } else if c.lowercase.starts_with(query.as_str()) {
                1
            } else {
                2
            };
            // Countries and regions before places of the same rank.
            let size = match c.place {
                Place::Country(_) | Place::Region(_) => u64::MAX,
                p => p.population(g),
            };
            (rank, size, c.place)
        })
        .collect();
    found.sort_by_key(|&(rank, size, _)| (rank, std::cmp::Reverse(size)));
    found.into_iter().take(limit).map(|(_, _, p)| p).collect()
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
    /// For "Refers to…": the other places of the mention's name.
    same_name: Vec<Place>,
    /// The search results for `searched`.
    found: Vec<Place>,
    searched: String,
}

impl CorrectionsUi {
    /// Open the place picker for `question`.
    pub fn ask(&mut self, question: Question) {
        let same_name = match &question {
            Question::RefersTo { words, .. } => Place::all_called(Gazetteer::builtin(), words),
            Question::MarkAs { .. } => Vec::new(),
        };
        self.picker = Some(Picker {
            question,
            query: String::new(),
            focus: true,
            same_name,
            found: Vec::new(),
            searched: String::new(),
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
                    if !picker.same_name.is_empty() {
                        ui.label("Places of this name");
                        ScrollArea::vertical()
                            .id_salt("same name")
                            .max_height(200.0)
                            .show(ui, |ui| {
                                for &place in picker.same_name.iter().take(40) {
                                    if ui.button(picker_label(place)).clicked() {
                                        chosen = Some(place);
                                    }
                                }
                            });
                        ui.separator();
                    }
                    ui.horizontal(|ui| {
                        let label = ui.label("Search places");
                        let edit = ui.add(
                            TextEdit::singleline(&mut picker.query).hint_text("country, region, division or town"),
                        );
                        let edit = edit.labelled_by(label.id);
                        if picker.focus {
                            edit.request_focus();
                            picker.focus = false;
                        }
                    });
                    if picker.searched != picker.query {
                        picker.found = search(&picker.query, 60);
                        picker.searched = picker.query.clone();
                    }
                    ScrollArea::vertical()
                        .id_salt("search")
                        .max_height(320.0)
                        .show(ui, |ui| {
                            if picker.found.is_empty() && !picker.query.trim().is_empty() {
                                ui.weak("No place of that name.");
                            }
                            for &place in &picker.found {
                                if ui.button(picker_label(place)).clicked() {
                                    chosen = Some(place);
                                }
                            }
                        });
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            if let Some(place) = chosen {
                actions.push(Action::Correct(
                    picker.question.answer(place.to_ref(Gazetteer::builtin())),
                ));
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
    fn the_picker_finds_countries_regions_divisions_and_towns() {
        let labels = |q: &str, n: usize| -> Vec<String> { search(q, n).into_iter().map(picker_label).collect() };
        let found = labels("gree", 10);
        assert_eq!(found.first().map(String::as_str), Some("Greece (country)"), "{found:?}");
        let doha = labels("doha", 5);
        assert!(
            doha[0].starts_with("Doha, Qatar (city of"),
            "the capital before Doha, Haryana: {doha:?}"
        );
        let rapides = labels("rapides", 5);
        assert!(
            rapides.contains(&"Rapides Parish, Louisiana, United States (parish)".to_string()),
            "{rapides:?}"
        );
        assert!(
            labels("paris", 60)
                .iter()
                .any(|l| l.starts_with("Paris, Texas, United States (town of"))
        );
    }

    #[test]
    fn refers_to_offers_every_place_of_the_name_largest_first() {
        let g = Gazetteer::builtin();
        let paris: Vec<String> = Place::all_called(g, "PARIS").into_iter().map(picker_label).collect();
        assert!(
            paris[0].starts_with("Paris, Île-de-France, France (city of"),
            "{paris:?}"
        );
        assert!(
            paris.iter().any(|l| l.starts_with("Paris, Texas, United States")),
            "{paris:?}"
        );
        assert!(
            paris.iter().any(|l| l.starts_with("Paris, Ontario, Canada")),
            "{paris:?}"
        );
        let lebanon: Vec<Place> = Place::all_called(g, "Lebanon");
        assert_eq!(lebanon[0], Place::country_at(g.country_index("LBN").unwrap()));
        assert!(lebanon.len() > 5, "Lebanon, Indiana, Pennsylvania, Tennessee, ...");
    }

    #[test]
    fn big_numbers_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(24171), "24,171");
        assert_eq!(thousands(1450000), "1,450,000");
    }
}
