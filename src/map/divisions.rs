//! Division marks: each mentioned state, province or county is a small
//! square at its centre, a button labelled "{division} division"; a US state
//! is also drawn as its shape (us-atlas), tinted and outlined, so that a
//! story about Louisiana shows Louisiana.

use egui::{Color32, Rect, Response, Shape, Stroke, Ui, Vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::draw::{MeshBuffer, append_triangles, clickable_mark, outline_shapes};
use super::scene::Scene;
use super::tooltip;
use super::view::Viewport;
use crate::gazetteer::Gazetteer;
use crate::place::Place;
use crate::world::{CountryShape, us_states};

/// Half the side of a division's square, in points.
pub const SQUARE: f32 = 4.0;

/// The shape of a division, where one is bundled (US states).
pub fn division_shape(g: &Gazetteer, place: Place) -> Option<&'static CountryShape> {
    let Place::Division(d) = place else { return None };
    let division = &g.divisions[d as usize];
    if division.level != 1 || division.code != "USA" {
        return None;
    }
    us_states().get(division.name.as_str())
}

/// The division marks.
pub struct Divisions<'a> {
    /// The frame.
    pub scene: &'a Scene<'a>,
    /// The fill mesh of state shapes, reused across frames.
    pub fills: &'a mut MeshBuffer,
}

impl Plugin for Divisions<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let scene = self.scene;
        let g = Gazetteer::builtin();
        let palette = &scene.palette;
        let view = Viewport::from_projector(projector);
        let painter = ui.painter().with_clip_rect(view.rect);
        let accent = palette.region;
        let tint = Color32::from_rgba_unmultiplied(accent.r(), accent.g(), accent.b(), 46);

        // Shapes first, under every mark.
        let mesh = self.fills.start();
        let mut outlines = Vec::new();
        let marked: std::collections::HashSet<crate::place::Place> =
            super::marks::marked_locals(scene.analysis, scene.selected)
                .iter()
                .map(|p| p.place)
                .collect();
        for division in scene.analysis.divisions.iter().filter(|p| marked.contains(&p.place)) {
            let Some(shape) = division_shape(g, division.place) else {
                continue;
            };
            let shifts: Vec<f64> = view.copies(&shape.bbox).collect();
            for &shift in &shifts {
                append_triangles(mesh, &shape.mesh, &view, shift, tint);
            }
            let strong = scene.selected == Some(division.place) || scene.hovered_before == Some(division.place);
            let stroke = Stroke::new(if strong { 2.5 } else { 1.2 }, accent);
            outlines.extend(outline_shapes(shape.polygons.iter().flatten(), &view, &shifts, stroke));
        }
        painter.add(self.fills.shape());
        painter.extend(outlines);

        for division in scene.analysis.divisions.iter().filter(|p| marked.contains(&p.place)) {
            let center = view.lon_lat_to_screen(division.lon, division.lat);
            if !view.rect.contains(center) {
                continue;
            }
            let pick = division.place;
            let rect = Rect::from_center_size(center, Vec2::splat(4.0 * SQUARE));
            let response = clickable_mark(ui, rect, pick, "division", format!("{} division", division.name));
            let strong = response.hovered() || scene.selected == Some(pick);
            let half = if strong { SQUARE + 1.5 } else { SQUARE };
            let square = Rect::from_center_size(center, Vec2::splat(2.0 * half));
            painter.add(Shape::rect_filled(square, 1.0, palette.halo));
            painter.rect_stroke(square, 1.0, Stroke::new(1.5, accent), egui::StrokeKind::Middle);
            if scene.selected == Some(pick) {
                painter.rect_stroke(
                    square.expand(2.5),
                    2.0,
                    Stroke::new(2.0, palette.selected),
                    egui::StrokeKind::Middle,
                );
            }
            scene.obstacles.borrow_mut().push((center, half + 1.5));
            scene.picks.borrow_mut().record(pick, &response);
            response
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_ui(|ui| tooltip::place(ui, division));
        }
    }
}
