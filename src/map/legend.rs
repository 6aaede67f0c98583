//! The picture's overlays: the title at the top, the legend (colour
//! classes, marker sizes and the selection's passages) in the bottom-left
//! corner, and the attribution in the bottom-right corner. Each can be
//! switched off in [`crate::map::MapOptions`]; [`reserved`] tells the labels
//! where the overlays are so that no label hides under them.

use std::sync::Arc;

use egui::{Align2, FontId, Galley, Painter, Pos2, Rect, Response, Role, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::markers::marker_radius;
use super::scene::Scene;

/// Distance from the map's edges, in points.
const INSET: f32 = 8.0;

/// Size of the title text, in points.
pub const TITLE_SIZE: f32 = 24.0;

/// The legend and attribution overlays.
pub struct Legend<'a> {
    /// The frame.
    pub scene: &'a Scene<'a>,
}

/// `word` with a capital first letter ("mentions" → "Mentions").
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Marker sizes shown in the legend for a largest count of `max`.
fn size_examples(max: usize) -> Vec<usize> {
    let mut counts = vec![1, max.div_ceil(4), max];
    counts.dedup();
    counts.retain(|&c| c >= 1);
    counts
}

/// "France: 3 passages" for a selected country, region or city the article mentions.
fn selection_line(scene: &Scene<'_>) -> Option<String> {
    let place = scene.analysis.summary(scene.selected?)?;
    let (name, passages) = (&place.name, place.passages.len());
    let s = if passages == 1 { "" } else { "s" };
    Some(format!("{name}: {passages} passage{s}"))
}

/// Where each overlay goes this frame, with its laid-out text.
struct Layout {
    title: Option<(Rect, Arc<Galley>)>,
    attribution: Option<(Rect, Arc<Galley>)>,
    legend: Option<(Rect, Option<Arc<Galley>>)>,
}

const SWATCH: egui::Vec2 = vec2(26.0, 14.0);

fn small() -> FontId {
    FontId::proportional(12.5)
}

fn layout(scene: &Scene<'_>, painter: &Painter, rect: Rect) -> Layout {
    let palette = &scene.palette;
    let title = scene.title.map(|text| {
        let wrap = (rect.width() - 2.0 * INSET - 24.0).max(40.0);
        let galley = painter.layout(text.to_string(), FontId::proportional(TITLE_SIZE), palette.text, wrap);
        let frame =
            Align2::CENTER_TOP.anchor_size(rect.center_top() + vec2(0.0, INSET), galley.size() + vec2(20.0, 10.0));
        (frame, galley)
    });
    let attribution = scene.show_attribution.then(|| {
        let galley = painter.layout_no_wrap(scene.attribution.clone(), small(), palette.text);
        let text_rect = Align2::RIGHT_BOTTOM.anchor_size(rect.right_bottom() - vec2(INSET, INSET), galley.size());
        (text_rect.expand(3.0), galley)
    });
    let legend = (scene.show_legend && !scene.analysis.countries.is_empty()).then(|| {
        let note = selection_line(scene).map(|line| painter.layout_no_wrap(line, small(), palette.selected));
        let biggest = marker_radius(scene.max_mentions, scene.max_mentions);
        let mut width = 5.0 * scene.scale.column_width(12.5) + 12.0;
        // A comparison's legend has its three colours and no sizes.
        let sizes = if scene.categories.is_some() {
            0.0
        } else {
            2.0 * biggest + 24.0
        };
        let mut height = 20.0 + SWATCH.y + 18.0 + sizes;
        if let Some(note) = &note {
            width = width.max(note.size().x + 16.0);
            height += note.size().y + 6.0;
        }
        let frame = Rect::from_min_size(
            pos2(rect.left() + INSET, rect.bottom() - INSET - height),
            vec2(width, height),
        );
        (frame, note)
    });
    Layout {
        title,
        attribution,
        legend,
    }
}

/// The rectangles the overlays cover on a map drawn in `rect` (labels keep out of them).
pub fn reserved(scene: &Scene<'_>, painter: &Painter, rect: Rect) -> Vec<Rect> {
    let l = layout(scene, painter, rect);
    [l.title.map(|t| t.0), l.attribution.map(|a| a.0), l.legend.map(|g| g.0)]
        .into_iter()
        .flatten()
        .collect()
}

/// Make `rect` findable by `label` (accessibility, tests) without taking clicks.
fn describe(ui: &Ui, rect: Rect, salt: &str, label: String) {
    let response = ui.interact(rect, ui.scope_id().with(salt), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, label.clone()));
}

impl Plugin for Legend<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let scene = self.scene;
        let palette = &scene.palette;
        let rect = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(rect);
        let Layout {
            title,
            attribution,
            legend,
        } = layout(scene, &painter, rect);

        if let Some((frame, galley)) = title {
            painter.rect_filled(frame, 5.0, palette.halo);
            let text = Align2::CENTER_CENTER.anchor_size(frame.center(), galley.size());
            painter.galley(text.min, galley, palette.text);
            describe(
                ui,
                frame,
                "map title",
                format!("Map title: {}", scene.title.unwrap_or("")),
            );
        }

        if let Some((frame, galley)) = attribution {
            painter.rect_filled(frame, 3.0, palette.halo);
            painter.galley(frame.min + vec2(3.0, 3.0), galley, palette.text);
            describe(
                ui,
                frame,
                "map attribution",
                format!("Attribution: {}", scene.attribution),
            );
        }

        let Some((frame, note)) = legend else { return };
        // Legend, bottom left: title, five swatches, marker sizes, selection.
        let examples = size_examples(scene.max_mentions);
        let biggest = marker_radius(scene.max_mentions, scene.max_mentions);
        painter.rect_filled(frame, 4.0, palette.halo);
        describe(ui, frame, "map legend", "Map legend".to_string());
        let mut y = frame.top() + 6.0;
        painter.text(
            pos2(frame.left() + 6.0, y),
            Align2::LEFT_TOP,
            capitalised(scene.unit),
            small(),
            palette.text,
        );
        y += 18.0;
        if let Some(categories) = scene.categories {
            // A comparison: three named colours, no sizes.
            for (i, (color, label)) in palette.classes.iter().zip(categories).enumerate() {
                let x = frame.left() + 6.0 + i as f32 * (frame.width() - 12.0) / 3.0;
                let cell = Rect::from_min_size(pos2(x, y), SWATCH);
                painter.rect_filled(cell, 2.0, *color);
                painter.text(
                    cell.left_bottom() + vec2(0.0, 2.0),
                    Align2::LEFT_TOP,
                    label,
                    small(),
                    palette.text,
                );
            }
            return;
        }
        for (i, (color, label)) in palette.classes.iter().zip(scene.scale.labels()).enumerate() {
            let column = scene.scale.column_width(12.5);
            let x = frame.left() + 6.0 + i as f32 * column + (column - SWATCH.x - 8.0) / 2.0;
            let cell = Rect::from_min_size(pos2(x, y), SWATCH);
            painter.rect_filled(cell, 2.0, *color);
            painter.text(
                cell.center_bottom() + vec2(0.0, 2.0),
                Align2::CENTER_TOP,
                label,
                small(),
                palette.text,
            );
        }
        y += SWATCH.y + 20.0;
        let baseline = y + 2.0 * biggest;
        let mut x = frame.left() + 8.0;
        for count in examples {
            let r = marker_radius(count, scene.max_mentions);
            let center: Pos2 = pos2(x + r, baseline - r);
            painter.circle(center, r, palette.marker, Stroke::new(1.0, palette.marker_outline));
            painter.text(
                pos2(center.x, baseline + 2.0),
                Align2::CENTER_TOP,
                count.to_string(),
                small(),
                palette.text,
            );
            x += 2.0 * r + 14.0;
        }
        if let Some(note) = note {
            let top = baseline + 22.0;
            describe(
                ui,
                Rect::from_min_size(pos2(frame.left() + 8.0, top), note.size()),
                "map legend selection",
                format!("Legend: {}", note.text()),
            );
            painter.galley(pos2(frame.left() + 8.0, top), note, palette.selected);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_examples_are_distinct_and_end_at_the_maximum() {
        assert_eq!(size_examples(40), [1, 10, 40]);
        assert_eq!(size_examples(1), [1]);
        assert_eq!(size_examples(3), [1, 3]);
    }
}
