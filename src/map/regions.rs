//! Region marks: a translucent halo inside a dashed ring (regions are vague
//! areas, not borders), with a small diamond at the centre that is a button
//! labelled "{region} region".

use egui::{Color32, Pos2, Rect, Response, Shape, Stroke, Ui, Vec2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::draw::clickable_mark;
use super::scene::Scene;
use super::tooltip;
use super::view::Viewport;

/// Radius of a region's halo, in points.
pub const HALO_RADIUS: f32 = 34.0;

/// Half the diagonal of the centre diamond, in points.
const DIAMOND: f32 = 5.0;

/// The region marks.
pub struct Regions<'a> {
    /// The frame.
    pub scene: &'a Scene<'a>,
}

fn dashed_circle(center: Pos2, radius: f32, stroke: Stroke) -> Vec<Shape> {
    let points: Vec<Pos2> = (0..=48)
        .map(|i| {
            let a = i as f32 / 48.0 * std::f32::consts::TAU;
            center + radius * vec2(a.cos(), a.sin())
        })
        .collect();
    Shape::dashed_line(&points, stroke, 5.0, 4.0)
}

impl Plugin for Regions<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let scene = self.scene;
        let color = scene.palette.region;
        let view = Viewport::from_projector(projector);
        let painter = ui.painter().with_clip_rect(view.rect);
        for region in &scene.analysis.regions {
            let center = view.lon_lat_to_screen(region.lon, region.lat);
            if !view.rect.expand(HALO_RADIUS).contains(center) {
                continue;
            }
            let pick = region.place;
            let rect = Rect::from_center_size(center, Vec2::splat(3.0 * DIAMOND));
            let response = clickable_mark(ui, rect, pick, "region", format!("{} region", region.name));
            let strong = response.hovered() || scene.selected == Some(pick);
            let halo_alpha = if strong { 60 } else { 32 };
            painter.circle_filled(
                center,
                HALO_RADIUS,
                Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), halo_alpha),
            );
            painter.extend(dashed_circle(
                center,
                HALO_RADIUS,
                Stroke::new(if strong { 2.0 } else { 1.2 }, color),
            ));
            let diamond = [
                vec2(0.0, -DIAMOND),
                vec2(DIAMOND, 0.0),
                vec2(0.0, DIAMOND),
                vec2(-DIAMOND, 0.0),
            ]
            .map(|d| center + d)
            .to_vec();
            painter.add(Shape::convex_polygon(
                diamond,
                scene.palette.halo,
                Stroke::new(1.5, color),
            ));
            scene.obstacles.borrow_mut().push((center, DIAMOND + 1.0));
            scene.picks.borrow_mut().record(pick, &response);
            response
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_ui(|ui| tooltip::place(ui, region));
        }
    }
}
