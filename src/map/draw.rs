//! Painting world-unit geometry on screen without tessellating it again:
//! triangle meshes are scaled and moved into a reused [`egui::Mesh`],
//! polylines are projected and thinned to about a point per screen point.

use std::sync::Arc;

use egui::{Color32, Mesh, Pos2, Rect, Response, Role, Sense, Shape, Stroke, Ui, WidgetInfo};

use super::view::Viewport;
use crate::place::Place;
use crate::world::{Polyline, TriangleMesh, WorldPoint};

/// A mesh buffer kept across frames: egui drops its copy of the `Arc` once
/// the frame is tessellated, so next frame the allocation is ours again.
#[derive(Default)]
pub struct MeshBuffer(Arc<Mesh>);

impl MeshBuffer {
    /// The buffer, emptied (reallocated only if egui still holds the last frame's).
    pub fn start(&mut self) -> &mut Mesh {
        if Arc::get_mut(&mut self.0).is_none() {
            self.0 = Arc::new(Mesh::default());
        }
        let mesh = Arc::make_mut(&mut self.0);
        mesh.clear();
        mesh
    }

    /// The shape to paint (shares the buffer with egui until the frame ends).
    pub fn shape(&self) -> Shape {
        Shape::Mesh(self.0.clone())
    }
}

/// Make `rect` a clickable mark for `pick`, announced to tests and screen
/// readers as a button called `label` ("Russia marker", "Kabul pin"). `kind`
/// keeps the ids of different marks of the same place apart.
pub fn clickable_mark(ui: &mut Ui, rect: Rect, pick: Place, kind: &str, label: String) -> Response {
    let response = ui.interact(rect, ui.scope_id().with((kind, pick)), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
    response
}

/// Append `triangles` (world units), drawn in `color`, shifted by `shift`
/// worlds, to `mesh` in screen points.
pub fn append_triangles(mesh: &mut Mesh, triangles: &TriangleMesh, view: &Viewport, shift: f64, color: Color32) {
    let (scale, offset) = view.affine(shift);
    let base = mesh.vertices.len() as u32;
    mesh.vertices
        .extend(triangles.vertices.iter().map(|&p| egui::epaint::Vertex {
            pos: Pos2::new(p.x * scale + offset.x, p.y * scale + offset.y),
            uv: egui::epaint::WHITE_UV,
            color,
        }));
    mesh.indices.extend(triangles.indices.iter().map(|i| base + i));
}

/// Project `line` (shifted by `shift` worlds) to screen points into `out`
/// (cleared first), skipping points closer than `min_step` points to the
/// last one kept.
pub fn project_polyline(line: &Polyline, view: &Viewport, shift: f64, min_step: f32, out: &mut Vec<Pos2>) {
    out.clear();
    let (scale, offset) = view.affine(shift);
    let last_index = line.points.len().saturating_sub(1);
    for (i, &p) in line.points.iter().enumerate() {
        let s = Pos2::new(p.x * scale + offset.x, p.y * scale + offset.y);
        match out.last() {
            Some(&last) if i != last_index && (s - last).length_sq() < min_step * min_step => {}
            _ => out.push(s),
        }
    }
}

/// Append a thin anti-aliased line through `points` (screen points) to
/// `mesh`: a "tent" three vertices wide (transparent, `color`, transparent),
/// reaching `width / 2 + 0.5` points to each side. Much cheaper than
/// tessellating a [`Shape::line`] for thousands of border points.
pub fn append_thin_line(mesh: &mut Mesh, points: &[Pos2], width: f32, color: Color32) {
    if points.len() < 2 {
        return;
    }
    let core = if width < 1.0 {
        color.gamma_multiply(width)
    } else {
        color
    };
    let reach = width * 0.5 + 0.5;
    let base = mesh.vertices.len() as u32;
    let direction = |a: Pos2, b: Pos2| (b - a).normalized();
    for (i, &p) in points.iter().enumerate() {
        let before = if i > 0 {
            direction(points[i - 1], p)
        } else {
            egui::Vec2::ZERO
        };
        let after = if i + 1 < points.len() {
            direction(p, points[i + 1])
        } else {
            egui::Vec2::ZERO
        };
        let along = before + after;
        let along = if along.length_sq() > 1e-6 {
            along.normalized()
        } else if before != egui::Vec2::ZERO {
            before
        } else {
            after
        };
        let normal = along.rot90() * reach;
        let vertex = |pos: Pos2, color: Color32| egui::epaint::Vertex {
            pos,
            uv: egui::epaint::WHITE_UV,
            color,
        };
        mesh.vertices.push(vertex(p, core));
        mesh.vertices.push(vertex(p + normal, Color32::TRANSPARENT));
        mesh.vertices.push(vertex(p - normal, Color32::TRANSPARENT));
    }
    for i in 0..points.len() as u32 - 1 {
        let (c, l, r) = (base + 3 * i, base + 3 * i + 1, base + 3 * i + 2);
        let (c2, l2, r2) = (c + 3, l + 3, r + 3);
        mesh.indices
            .extend_from_slice(&[c, l, l2, c, l2, c2, c, r, r2, c, r2, c2]);
    }
}

/// Closed outline shapes of a ring list (world units), on every copy on screen.
pub fn outline_shapes<'a>(
    rings: impl Iterator<Item = &'a Vec<WorldPoint>>,
    view: &Viewport,
    shifts: &[f64],
    stroke: Stroke,
) -> Vec<Shape> {
    let mut shapes = Vec::new();
    for ring in rings {
        for &shift in shifts {
            let points: Vec<Pos2> = ring
                .iter()
                .map(|p| view.to_screen(WorldPoint::new(p.x + shift, p.y)))
                .collect();
            shapes.push(Shape::closed_line(points, stroke));
        }
    }
    shapes
}
