//! Town pins: a dot at each mentioned town or city, larger the more it is
//! mentioned, a button labelled "{city} pin".

use egui::{Rect, Response, Stroke, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::draw::clickable_mark;
use super::scene::Scene;
use super::tooltip;
use super::view::Viewport;

/// Radius of a pin's dot for one mention, in points.
pub const PIN_RADIUS: f32 = 3.5;

/// Radius of a pin's dot for `mentions` mentions: one point more for each
/// doubling, at most four more.
pub fn pin_radius(mentions: usize) -> f32 {
    PIN_RADIUS + (mentions.max(1) as f32).log2().min(4.0)
}

/// Side of the square that takes a pin's clicks, in points.
const PIN_TARGET: f32 = 14.0;

/// The city pins.
pub struct Pins<'a> {
    /// The frame.
    pub scene: &'a Scene<'a>,
}

impl Plugin for Pins<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let scene = self.scene;
        let palette = &scene.palette;
        let view = Viewport::from_projector(projector);
        let painter = ui.painter().with_clip_rect(view.rect);
        let marked: std::collections::HashSet<crate::place::Place> =
            super::marks::marked_locals(scene.analysis, scene.selected)
                .iter()
                .map(|p| p.place)
                .collect();
        for city in scene.analysis.cities.iter().filter(|p| marked.contains(&p.place)) {
            let center = view.lon_lat_to_screen(city.lon, city.lat);
            if !view.rect.contains(center) {
                continue;
            }
            let pick = city.place;
            let rect = Rect::from_center_size(
                center,
                Vec2::splat(PIN_TARGET.max(2.0 * pin_radius(city.mentions) + 4.0)),
            );
            let response = clickable_mark(ui, rect, pick, "pin", format!("{} pin", city.name));
            let selected = scene.selected == Some(pick);
            let base = pin_radius(city.mentions);
            let radius = if response.hovered() || selected {
                base + 1.5
            } else {
                base
            };
            painter.circle(center, radius, palette.city, Stroke::new(1.5, palette.marker_outline));
            if selected {
                painter.circle_stroke(center, radius + 2.5, Stroke::new(2.0, palette.selected));
            }
            scene.obstacles.borrow_mut().push((center, radius + 1.5));
            scene.picks.borrow_mut().record(pick, &response);
            response
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_ui(|ui| tooltip::place(ui, city));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_grow_with_each_doubling_up_to_a_limit() {
        assert_eq!(pin_radius(0), PIN_RADIUS);
        assert_eq!(pin_radius(1), PIN_RADIUS);
        assert_eq!(pin_radius(2), PIN_RADIUS + 1.0);
        assert_eq!(pin_radius(8), PIN_RADIUS + 3.0);
        assert_eq!(pin_radius(1000), PIN_RADIUS + 4.0);
    }
}
