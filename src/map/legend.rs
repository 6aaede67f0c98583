//! The legend (colour classes and marker sizes) in the bottom-left corner,
//! and the attribution in the bottom-right corner, always visible.

use egui::{Align2, FontId, Pos2, Rect, Response, Stroke, Ui, pos2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::choropleth::CLASS_LABELS;
use super::markers::marker_radius;
use super::scene::Scene;

/// Distance from the map's edges, in points.
const INSET: f32 = 8.0;

/// The legend and attribution overlays.
pub struct Legend<'a> {
    /// The frame.
    pub scene: &'a Scene<'a>,
}

/// Marker sizes shown in the legend for a largest count of `max`.
fn size_examples(max: usize) -> Vec<usize> {
    let mut counts = vec![1, max.div_ceil(4), max];
    counts.dedup();
    counts.retain(|&c| c >= 1);
    counts
}

impl Plugin for Legend<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let scene = self.scene;
        let palette = &scene.palette;
        let rect = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(rect);
        let small = FontId::proportional(11.0);

        // Attribution, bottom right.
        let galley = painter.layout_no_wrap(scene.attribution.clone(), small.clone(), palette.text);
        let text_rect = Align2::RIGHT_BOTTOM.anchor_size(rect.right_bottom() - vec2(INSET, INSET), galley.size());
        painter.rect_filled(text_rect.expand(3.0), 3.0, palette.halo);
        painter.galley(text_rect.min, galley, palette.text);

        if scene.analysis.countries.is_empty() {
            return;
        }
        // Legend, bottom left: title, five swatches, marker sizes.
        let swatch = vec2(22.0, 12.0);
        let examples = size_examples(scene.max_mentions);
        let biggest = marker_radius(scene.max_mentions, scene.max_mentions);
        let width = 5.0 * (swatch.x + 8.0) + 12.0;
        let height = 18.0 + swatch.y + 16.0 + 2.0 * biggest + 22.0;
        let frame = Rect::from_min_size(
            pos2(rect.left() + INSET, rect.bottom() - INSET - height),
            vec2(width, height),
        );
        painter.rect_filled(frame, 4.0, palette.halo);
        let mut y = frame.top() + 6.0;
        painter.text(
            pos2(frame.left() + 6.0, y),
            Align2::LEFT_TOP,
            "Mentions",
            small.clone(),
            palette.text,
        );
        y += 16.0;
        for (i, (color, label)) in palette.classes.iter().zip(CLASS_LABELS).enumerate() {
            let x = frame.left() + 6.0 + i as f32 * (swatch.x + 8.0);
            let cell = Rect::from_min_size(pos2(x, y), swatch);
            painter.rect_filled(cell, 2.0, *color);
            painter.text(
                cell.center_bottom() + vec2(0.0, 2.0),
                Align2::CENTER_TOP,
                label,
                small.clone(),
                palette.text,
            );
        }
        y += swatch.y + 18.0;
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
                small.clone(),
                palette.text,
            );
            x += 2.0 * r + 14.0;
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
