//! Proportional circles at each mentioned country's label point: area
//! proportional to the number of mentions.

use egui::{Rect, Response, Stroke, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::draw::clickable_mark;
use super::scene::Scene;
use super::tooltip;
use super::view::Viewport;

/// Radius of the most-mentioned country's marker, in points.
pub const MAX_RADIUS: f32 = 24.0;

/// No marker is smaller than this (so that it stays clickable); only counts
/// below (4/24)² ≈ 3% of the largest are affected.
pub const MIN_RADIUS: f32 = 4.0;

/// Marker radius for `mentions` when the most-mentioned country has
/// `max_mentions`: `MAX_RADIUS · √(mentions / max_mentions)`, so that the
/// area is proportional to the count, but at least [`MIN_RADIUS`].
pub fn marker_radius(mentions: usize, max_mentions: usize) -> f32 {
    let share = mentions as f32 / max_mentions.max(1) as f32;
    (MAX_RADIUS * share.sqrt()).max(MIN_RADIUS)
}

/// The proportional markers; each is a button labelled "{country} marker".
pub struct Markers<'a> {
    /// The frame.
    pub scene: &'a Scene<'a>,
}

impl Plugin for Markers<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let scene = self.scene;
        let palette = &scene.palette;
        let view = Viewport::from_projector(projector);
        let painter = ui.painter().with_clip_rect(view.rect);
        // Biggest first, so that smaller markers stay on top and clickable.
        for country in &scene.analysis.countries {
            let center = view.lon_lat_to_screen(country.lon, country.lat);
            let radius = marker_radius(country.mentions, scene.max_mentions);
            if !view.rect.expand(radius).contains(center) {
                continue;
            }
            let pick = country.place;
            let rect = Rect::from_center_size(center, Vec2::splat(2.0 * radius));
            let response = clickable_mark(ui, rect, pick, "marker", format!("{} marker", country.name));
            let highlighted = response.hovered() || scene.hovered_before == Some(pick);
            let outline = if highlighted {
                palette.hovered
            } else {
                palette.marker_outline
            };
            painter.circle(center, radius, palette.marker, Stroke::new(1.5, outline));
            if scene.selected == Some(pick) {
                painter.circle_stroke(center, radius + 2.5, Stroke::new(2.5, palette.selected));
            }
            scene.obstacles.borrow_mut().push((center, radius + 1.0));
            scene.picks.borrow_mut().record(pick, &response);
            response
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_ui(|ui| tooltip::place(ui, country));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radius_grows_with_mentions_and_area_is_proportional() {
        let radii: Vec<f32> = (1..=40).map(|m| marker_radius(m, 40)).collect();
        assert!(radii.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(marker_radius(40, 40), MAX_RADIUS);
        let (a, b) = (marker_radius(10, 40), marker_radius(40, 40));
        assert!(((b * b) / (a * a) - 4.0).abs() < 1e-4, "area ratio is the count ratio");
        assert_eq!(marker_radius(1, 1000), MIN_RADIUS);
        assert_eq!(marker_radius(0, 0), MIN_RADIUS);
    }
}
