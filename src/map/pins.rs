//! City pins: a dot at each mentioned city, a button labelled "{city} pin".

use egui::{Rect, Response, Stroke, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::draw::clickable_mark;
use super::scene::Scene;
use super::tooltip;
use super::view::Viewport;

/// Radius of a pin's dot, in points.
pub const PIN_RADIUS: f32 = 3.5;

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
        for city in &scene.analysis.cities {
            let center = view.lon_lat_to_screen(city.lon, city.lat);
            if !view.rect.contains(center) {
                continue;
            }
            let pick = city.place;
            let rect = Rect::from_center_size(center, Vec2::splat(PIN_TARGET));
            let response = clickable_mark(ui, rect, pick, "pin", format!("{} pin", city.name));
            let selected = scene.selected == Some(pick);
            let radius = if response.hovered() || selected {
                PIN_RADIUS + 1.5
            } else {
                PIN_RADIUS
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
