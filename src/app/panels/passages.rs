//! The right panel: every passage that mentions the selection, in article
//! order, with the mentions highlighted. Clicking one shows it in the text.

use egui::{Align2, Color32, CursorIcon, Response, Role, ScrollArea, Sense, TextStyle, Ui, WidgetInfo, vec2};

use super::highlight::Highlighter;
use crate::app::{Action, AppState};
use crate::gazetteer::Gazetteer;
use crate::place::Place;

/// The hint shown when nothing is selected.
pub const EMPTY_HINT: &str =
    "Click a country on the map, in the list or in the text to see the passages that mention it.";

/// Width of the "¶N" column.
const GUTTER: f32 = 40.0;
/// Space around a passage.
const PAD: f32 = 4.0;

/// Draw the passages of the selection (or a hint when there is none);
/// returns a passage clicked (to reveal in the text) or a country link clicked.
pub fn ui(ui: &mut Ui, state: &AppState) -> Option<Action> {
    let Some(pick) = state.selection else {
        ui.add_space(8.0);
        ui.weak(EMPTY_HINT);
        return None;
    };
    let g = Gazetteer::builtin();
    ui.heading(pick.name(g));
    let Some(info) = state.analysis().summary(pick) else {
        ui.weak("Not mentioned in this article.");
        return None;
    };
    let mut action = None;
    let passages = info.passages.clone();
    let summary = format!(
        "{} in {}",
        plural(info.mentions, "mention", "mentions"),
        plural(passages.len(), "passage", "passages")
    );
    // The words used, unless the name is the only one.
    let surfaces = if info.surfaces.iter().any(|s| *s != info.name) {
        info.surfaces.join(", ")
    } else {
        String::new()
    };
    match (pick, info.country) {
        (Place::City(_) | Place::Division(_), Some(country)) => {
            // "Town in Rapides Parish, Louisiana, United States" (the country a link).
            let kind = match pick {
                Place::Division(d) => capitalised(&g.divisions[d as usize].kind),
                _ if pick.population(g) >= 100_000 => "City".to_string(),
                _ => "Town".to_string(),
            };
            let within: Vec<&str> = pick
                .divisions(g)
                .filter(|&d| Place::division_at(d) != pick)
                .map(|d| g.divisions[d].name.as_str())
                .collect();
            let words = within
                .iter()
                .fold(format!("{kind} in"), |words, name| format!("{words} {name},"));
            ui.horizontal_wrapped(|ui| {
                ui.label(words);
                if ui.link(Place::country_at(country).name(g)).clicked() {
                    action = Some(Action::Select(Some(Place::country_at(country))));
                }
            });
        }
        (Place::Region(_), _) => {
            ui.label("Region");
        }
        _ => {}
    }
    // Why the text means this place and not another of its name.
    if let Some(why) = info.reason.describe(g) {
        ui.label(format!("Why here: {why}"));
    }
    ui.label(summary);
    if !surfaces.is_empty() {
        ui.weak(format!("As: {surfaces}"));
    }
    ui.separator();
    let mut clicked = None;
    ScrollArea::vertical()
        .id_salt(("passages", pick))
        .auto_shrink(false)
        .show(ui, |ui| {
            let highlighter = Highlighter::new(ui, state);
            for &sentence in &passages {
                if passage(ui, &highlighter, &state.analysis().document, sentence).clicked() {
                    clicked = Some(sentence);
                }
            }
        });
    clicked.map(Action::Reveal).or(action)
}

/// One sentence of `doc` with its paragraph number; its accessible label is its text.
pub fn passage(ui: &mut Ui, highlighter: &Highlighter<'_>, doc: &crate::text::Document, sentence: usize) -> Response {
    let s = doc.sentences[sentence];
    let width = ui.available_width();
    let galley = ui
        .painter()
        .layout_job(highlighter.job(s.span, None, (width - GUTTER - PAD).max(40.0)));
    let (rect, response) = ui.allocate_exact_size(vec2(width, galley.size().y + 2.0 * PAD), Sense::click());
    let text = doc.slice(s.span);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, text));
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        if response.hovered() {
            ui.painter()
                .rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
        }
        ui.painter().text(
            rect.left_top() + vec2(PAD, PAD),
            Align2::LEFT_TOP,
            format!("¶{}", s.paragraph + 1),
            TextStyle::Body.resolve(ui.style()),
            visuals.weak_text_color(),
        );
        ui.painter()
            .galley(rect.left_top() + vec2(GUTTER, PAD), galley, Color32::PLACEHOLDER);
    }
    ui.add_space(2.0);
    response
        .on_hover_cursor(CursorIcon::PointingHand)
        .on_hover_text("Show in the article")
}

/// "1 mention", "3 mentions".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `word` with its first letter in capitals ("parish" → "Parish").
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
