//! Article text laid out with its mentions highlighted, and the reverse: which
//! mention lies under a point of the laid-out text.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Pos2, Ui, Vec2};

use crate::analysis::{Analysis, Mention};
use crate::app::AppState;
use crate::gazetteer::Gazetteer;
use crate::place::Place;
use crate::text::Span;

/// Background colours of highlighted text.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Any mention.
    pub mention: Color32,
    /// A mention of what the pointer is over on the map.
    pub hovered: Color32,
    /// A mention of the selection.
    pub selected: Color32,
    /// A sentence just jumped to.
    pub flash: Color32,
}

impl Palette {
    /// Colours that read well on `dark` or light panels.
    pub fn new(dark: bool) -> Palette {
        if dark {
            Palette {
                mention: Color32::from_rgb(58, 54, 36),
                hovered: Color32::from_rgb(92, 80, 32),
                selected: Color32::from_rgb(150, 96, 0),
                flash: Color32::from_rgb(30, 64, 110),
            }
        } else {
            Palette {
                mention: Color32::from_rgb(250, 240, 200),
                hovered: Color32::from_rgb(255, 222, 140),
                selected: Color32::from_rgb(255, 184, 40),
                flash: Color32::from_rgb(190, 220, 255),
            }
        }
    }
}

/// Builds layout jobs for stretches of the article, colouring each mention by
/// whether it refers to the selection or to the hovered place.
pub struct Highlighter<'a> {
    analysis: &'a Analysis,
    selection: Option<Place>,
    hovered: Option<Place>,
    palette: Palette,
    font: FontId,
    color: Color32,
}

impl<'a> Highlighter<'a> {
    /// A highlighter for the body text of `ui` and the selection in `state`.
    pub fn new(ui: &Ui, state: &'a AppState) -> Highlighter<'a> {
        Highlighter {
            hovered: state.hovered,
            ..Highlighter::for_analysis(ui, state.analysis(), state.selection)
        }
    }

    /// A highlighter for `analysis` (an article of a collection), `selection` marked.
    pub fn for_analysis(ui: &Ui, analysis: &'a Analysis, selection: Option<Place>) -> Highlighter<'a> {
        Highlighter {
            analysis,
            selection,
            hovered: None,
            palette: Palette::new(ui.visuals().dark_mode),
            font: egui::TextStyle::Body.resolve(ui.style()),
            color: ui.visuals().text_color(),
        }
    }

    /// Lay out the text of `range` wrapped at `wrap_width`, with mentions
    /// highlighted and the optional `flash` span given its own background.
    pub fn job(&self, range: Span, flash: Option<(Span, Color32)>, wrap_width: f32) -> LayoutJob {
        let mut job = LayoutJob::default();
        job.wrap.max_width = wrap_width;
        let mut pos = range.start;
        for m in mentions_in(self.analysis, range) {
            if m.span.start < pos {
                continue;
            }
            self.append_plain(&mut job, pos, m.span.start, flash);
            self.append(&mut job, m.span, self.background(m));
            pos = m.span.end;
        }
        self.append_plain(&mut job, pos, range.end, flash);
        job
    }

    fn background(&self, m: &Mention) -> Color32 {
        let g = Gazetteer::builtin();
        if self.selection.is_some_and(|p| m.refers_to(p, g)) {
            self.palette.selected
        } else if self.hovered.is_some_and(|p| m.refers_to(p, g)) {
            self.palette.hovered
        } else {
            self.palette.mention
        }
    }

    /// Append `start..end`, giving the part inside `flash` its background.
    fn append_plain(&self, job: &mut LayoutJob, start: usize, end: usize, flash: Option<(Span, Color32)>) {
        let (f, colour) = flash.unwrap_or((Span { start: end, end }, Color32::TRANSPARENT));
        let cuts = [start, f.start.clamp(start, end), f.end.clamp(start, end), end];
        for (i, pair) in cuts.windows(2).enumerate() {
            let background = if i == 1 { colour } else { Color32::TRANSPARENT };
            self.append(
                job,
                Span {
                    start: pair[0],
                    end: pair[1],
                },
                background,
            );
        }
    }

    fn append(&self, job: &mut LayoutJob, span: Span, background: Color32) {
        if span.start < span.end {
            let format = TextFormat {
                background,
                ..TextFormat::simple(self.font.clone(), self.color)
            };
            job.append(self.analysis.document.slice(span), 0.0, format);
        }
    }
}

/// The mentions lying entirely inside `range`, in text order.
pub fn mentions_in(analysis: &Analysis, range: Span) -> impl Iterator<Item = &Mention> {
    let first = analysis.mentions.partition_point(|m| m.span.start < range.start);
    analysis.mentions[first..]
        .iter()
        .take_while(move |m| m.span.start < range.end)
        .filter(move |m| m.span.end <= range.end)
}

/// The byte offset (into the galley's text) of the character under `pos`
/// (relative to the galley's top left), if the point is on a character.
pub fn byte_at(galley: &Galley, pos: Vec2) -> Option<usize> {
    let pos = Pos2::ZERO + pos;
    let mut chars_before = 0;
    let mut char_index = None;
    for row in &galley.rows {
        if row.rect().y_range().contains(pos.y) {
            let x = pos.x - row.pos.x;
            char_index = row
                .glyphs
                .iter()
                .position(|g| g.pos.x <= x && x < g.max_x())
                .map(|i| chars_before + i);
            break;
        }
        chars_before += row.glyphs.len() + usize::from(row.ends_with_newline);
    }
    galley.job.text.char_indices().nth(char_index?).map(|(byte, _)| byte)
}

/// The mention covering byte `pos` of the document, if any.
pub fn mention_at(analysis: &Analysis, pos: usize) -> Option<&Mention> {
    let after = analysis.mentions.partition_point(|m| m.span.start <= pos);
    analysis.mentions[..after].last().filter(|m| pos < m.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    #[test]
    fn mentions_in_a_range_are_those_inside_it() {
        let a = Article::from_text("t", "Iran won. Iraq lost.".into(), Vec::new()).analysis;
        let second = a.document.sentences[1].span;
        let found: Vec<&str> = mentions_in(&a, second).map(|m| a.surface(m)).collect();
        assert_eq!(found, ["Iraq"]);
        assert_eq!(mention_at(&a, second.start + 2).map(|m| a.surface(m)), Some("Iraq"));
        assert!(mention_at(&a, second.start + 5).is_none());
    }
}
