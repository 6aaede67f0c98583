//! The built-in, offline basemap: ocean, land, borders.

use egui::layers::ShapeIdx;
use egui::{Response, Shape, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::draw::{MeshBuffer, append_thin_line, append_triangles, project_polyline};
use super::palette::Palette;
use super::view::Viewport;
use crate::world::{FINE_DETAIL_ZOOM, World};

/// Borders are thinned to about one point per this many screen points.
const BORDER_STEP: f32 = 1.5;

/// Paints the ocean over the whole map, every country in the land colour,
/// and the borders, into `slot`: a shape reserved before walkers drew its
/// tiles, so that online tiles cover the basemap (which shows wherever a
/// tile is missing).
pub struct Basemap<'a> {
    /// Where in the paint list the basemap goes (reserved with `Shape::Noop`).
    pub slot: ShapeIdx,
    /// Colours.
    pub palette: &'a Palette,
    /// Buffers reused across frames.
    pub buffers: &'a mut BasemapBuffers,
}

/// The basemap's meshes, kept across frames to avoid reallocating them.
#[derive(Default)]
pub struct BasemapBuffers {
    land: MeshBuffer,
    borders: MeshBuffer,
    points: Vec<egui::Pos2>,
}

impl Plugin for Basemap<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let view = Viewport::from_projector(projector);
        let zoom = projector.zoom();
        let world = World::for_zoom(zoom);
        if zoom >= FINE_DETAIL_ZOOM && World::fine_if_ready().is_none() {
            // Decoding on a background thread; look again soon.
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(150));
        }
        let buffers = self.buffers;
        let land = buffers.land.start();
        for country in &world.countries {
            for shift in view.copies(&country.bbox) {
                append_triangles(land, &country.mesh, &view, shift, self.palette.land);
            }
        }

        let width = if zoom < 3.0 { 0.7 } else { 1.0 };
        let borders = buffers.borders.start();
        for line in &world.borders {
            for shift in view.copies(&line.bbox) {
                project_polyline(line, &view, shift, BORDER_STEP, &mut buffers.points);
                append_thin_line(borders, &buffers.points, width, self.palette.border);
            }
        }
        let shapes = vec![
            Shape::rect_filled(view.rect, 0.0, self.palette.ocean),
            buffers.land.shape(),
            buffers.borders.shape(),
        ];
        ui.painter()
            .with_clip_rect(view.rect)
            .set(self.slot, Shape::Vec(shapes));
    }
}
