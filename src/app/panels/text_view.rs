//! The full article text, paragraph by paragraph, with every mention
//! highlighted. Clicking a highlighted name selects its place. Only the
//! paragraphs in view are laid out each frame, so long texts stay fast.

use egui::text::CCursor;
use egui::{Align, Align2, Color32, CursorIcon, Rect, Role, ScrollArea, Sense, TextStyle, Ui, WidgetInfo, vec2};

use super::corrections::Marking;
use super::highlight::{Highlighter, byte_at, mention_at};
use crate::analysis::Analysis;
use crate::app::{Action, AppState};
use crate::gazetteer::Gazetteer;
use crate::place::Place;
use crate::text::Span;

/// Width of the "¶N" column.
const GUTTER: f32 = 44.0;
/// Space between paragraphs.
const GAP: f32 = 8.0;
/// Texts longer than this (in bytes) have their paragraph heights estimated, not laid out.
const ESTIMATE_ABOVE: usize = 1 << 20;
/// How long a revealed sentence stays highlighted.
const FLASH_SECONDS: f64 = 1.6;

/// The text view's memory: paragraph positions at the current width, the
/// sentence to scroll to and the one being flashed, the words selected.
#[derive(Default)]
pub struct TextView {
    layout: Option<Layout>,
    /// A sentence to scroll to and flash next frame.
    reveal: Option<usize>,
    flash: Option<Flash>,
    /// Selected words and the context menu's mention (corrections.rs).
    marking: Marking,
}

/// Where each paragraph starts, for one wrap width.
struct Layout {
    wrap_width: f32,
    /// `tops[i]` is the y of paragraph `i` in the scrolled content;
    /// the last entry is the total height.
    tops: Vec<f32>,
}

/// A sentence highlighted for a moment after a jump to it.
#[derive(Clone, Copy)]
struct Flash {
    sentence: usize,
    since: f64,
}

impl TextView {
    /// Scroll to `sentence` and flash it, next time the view is drawn.
    pub fn reveal(&mut self, sentence: usize) {
        self.reveal = Some(sentence);
    }

    /// Draw the article; returns a click on a mention (selecting its country
    /// or region) and the corrections asked for in the context menu.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState) -> Vec<Action> {
        let now = ui.input(|i| i.time);
        let reveal = self.reveal.take();
        if let Some(sentence) = reveal {
            self.flash = Some(Flash { sentence, since: now });
        }
        let flash = self.flash_span(ui, state.analysis(), now);
        let mut clicked = None;
        let mut marking = std::mem::take(&mut self.marking);
        let mut actions = Vec::new();
        ScrollArea::vertical()
            .id_salt("article text")
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                let width = ui.available_width();
                let wrap_width = (width - GUTTER).max(60.0);
                let tops = self.tops(ui, state.analysis(), wrap_width);
                ui.set_height(tops.last().copied().unwrap_or(0.0));
                let origin = ui.max_rect().min;
                if let Some(sentence) = reveal {
                    let y = sentence_top(ui, state.analysis(), sentence, tops, wrap_width);
                    let target = Rect::from_min_size(origin + vec2(0.0, y - GAP), vec2(width, 1.0));
                    ui.scroll_to_rect(target, Some(Align::TOP));
                }
                let highlighter = Highlighter::new(ui, state);
                let first = tops.partition_point(|&top| top <= viewport.min.y).saturating_sub(1);
                let count = state.analysis().document.paragraphs.len();
                for p in (first..count).take_while(|&p| tops[p] <= viewport.max.y) {
                    let top_left = origin + vec2(0.0, tops[p]);
                    let marks = (&mut marking, &mut actions);
                    if let Some(pick) = paragraph(
                        ui,
                        &highlighter,
                        state.analysis(),
                        p,
                        top_left,
                        wrap_width,
                        flash,
                        marks,
                    ) {
                        clicked = Some(pick);
                    }
                }
            });
        self.marking = marking;
        actions.extend(clicked.map(|pick| Action::Select(Some(pick))));
        actions
    }

    /// The flashed sentence's span and its fading colour, if still flashing.
    fn flash_span(&mut self, ui: &Ui, analysis: &Analysis, now: f64) -> Option<(Span, Color32)> {
        let flash = self.flash?;
        let age = now - flash.since;
        let sentence = analysis.document.sentences.get(flash.sentence);
        if age > FLASH_SECONDS || sentence.is_none() {
            self.flash = None;
            return None;
        }
        ui.ctx().request_repaint();
        let strength = (1.0 - age / FLASH_SECONDS) as f32;
        let colour = super::highlight::Palette::new(ui.visuals().dark_mode).flash;
        Some((sentence?.span, colour.gamma_multiply(strength)))
    }

    /// Paragraph tops for `wrap_width`, laid out again only when it changes.
    fn tops(&mut self, ui: &Ui, analysis: &Analysis, wrap_width: f32) -> &[f32] {
        if self.layout.as_ref().is_none_or(|l| l.wrap_width != wrap_width) {
            let font = TextStyle::Body.resolve(ui.style());
            let colour = ui.visuals().text_color();
            let mut tops = Vec::with_capacity(analysis.document.paragraphs.len() + 1);
            let mut y = 0.0;
            // A book is too long to lay out at once: its paragraph heights
            // are estimated from their length (a little generously).
            let estimate = (analysis.document.text.len() > ESTIMATE_ABOVE).then(|| {
                let sample = "The quick brown fox jumps over the lazy dog, 1234567890.";
                let galley = ui.painter().layout_no_wrap(sample.into(), font.clone(), colour);
                (galley.size().x / sample.len() as f32 * 1.1, galley.size().y)
            });
            for p in &analysis.document.paragraphs {
                tops.push(y);
                let text = analysis.document.slice(p.span);
                y += match estimate {
                    Some((char_width, row_height)) => {
                        let rows = (text.chars().count() as f32 * char_width / wrap_width).ceil().max(1.0);
                        rows * row_height * 1.1
                    }
                    None => {
                        ui.painter()
                            .layout(text.to_string(), font.clone(), colour, wrap_width)
                            .size()
                            .y
                    }
                } + GAP;
            }
            tops.push(y);
            self.layout = Some(Layout { wrap_width, tops });
        }
        &self.layout.as_ref().expect("laid out above").tops
    }
}

/// The y of the row where `sentence` starts, in the scrolled content.
fn sentence_top(ui: &Ui, analysis: &Analysis, sentence: usize, tops: &[f32], wrap_width: f32) -> f32 {
    let doc = &analysis.document;
    let Some(s) = doc.sentences.get(sentence) else {
        return 0.0;
    };
    let paragraph = doc.paragraphs[s.paragraph].span;
    let text = doc.slice(paragraph);
    let galley = ui.painter().layout(
        text.to_string(),
        TextStyle::Body.resolve(ui.style()),
        Color32::PLACEHOLDER,
        wrap_width,
    );
    let chars = text[..s.span.start - paragraph.start].chars().count();
    tops[s.paragraph] + galley.pos_from_cursor(CCursor::new(chars)).top()
}

/// Draw paragraph `p` at `top_left`; returns the place whose mention was
/// clicked. Selection and the context menu go through `marks` (corrections.rs).
#[allow(clippy::too_many_arguments)]
fn paragraph(
    ui: &mut Ui,
    highlighter: &Highlighter<'_>,
    analysis: &Analysis,
    p: usize,
    top_left: egui::Pos2,
    wrap_width: f32,
    flash: Option<(Span, Color32)>,
    marks: (&mut Marking, &mut Vec<Action>),
) -> Option<Place> {
    let span = analysis.document.paragraphs[p].span;
    let selected = marks
        .0
        .selection
        .filter(|s| span.start <= s.start && s.end <= span.end)
        .map(|s| (s, ui.visuals().selection.bg_fill));
    let galley = ui
        .painter()
        .layout_job(highlighter.job(span, flash.or(selected), wrap_width));
    let text_rect = Rect::from_min_size(top_left + vec2(GUTTER, 0.0), galley.size());
    let response = ui.interact(text_rect, ui.scope_id().with(("paragraph", p)), Sense::click_and_drag());
    super::corrections::paragraph_input(ui, &response, &galley, text_rect, span, analysis, marks.0, marks.1);
    response.widget_info(|| WidgetInfo::labeled(Role::Paragraph, true, analysis.document.slice(span)));
    ui.painter().text(
        top_left + vec2(GUTTER - 10.0, 0.0),
        Align2::RIGHT_TOP,
        format!("¶{}", p + 1),
        TextStyle::Body.resolve(ui.style()),
        ui.visuals().weak_text_color(),
    );
    let under_pointer = response
        .hover_pos()
        .and_then(|pos| byte_at(&galley, pos - text_rect.min))
        .and_then(|byte| mention_at(analysis, span.start + byte));
    ui.painter().galley(text_rect.min, galley, Color32::PLACEHOLDER);
    let mention = under_pointer?;
    let g = Gazetteer::builtin();
    let pick = mention.selects(g);
    let response = response
        .on_hover_cursor(CursorIcon::PointingHand)
        .on_hover_text_at_pointer(pick.name(g));
    response.clicked().then_some(pick)
}
