//! A [`Scene`] drawn with egui's painter: the PNG (through the offscreen
//! renderer) and the app's picture preview. Filled shapes are triangulated
//! here (egui fills only convex polygons), once per paint.

use egui::epaint::{Mesh, PathStroke};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2};

use super::scene::{Item, LineStyle, Scene};

/// Paint `scene` into `rect` (scaled uniformly to its width).
pub fn paint(scene: &Scene, painter: &Painter, rect: Rect) {
    let scale = rect.width() / scene.size.x.max(1.0);
    let at = |p: Pos2| rect.min + (p.to_vec2() * scale);
    let painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    painter.rect_filled(rect, 0.0, scene.background);
    let scaled = |s: Stroke| Stroke::new(s.width * scale, s.color);
    let mut shapes: Vec<Shape> = Vec::new();
    for (_, item) in scene.items() {
        match item {
            Item::Area(area) => {
                for polygon in &area.polygons {
                    let rings: Vec<Vec<Pos2>> = polygon.iter().map(|r| r.iter().map(|&p| at(p)).collect()).collect();
                    if area.fill.a() > 0 {
                        shapes.push(Shape::mesh(fill_mesh(&rings, area.fill)));
                    }
                    if area.stroke.width > 0.0 && area.stroke.color.a() > 0 {
                        for ring in rings {
                            shapes.push(Shape::closed_line(ring, PathStroke::from(scaled(area.stroke))));
                        }
                    }
                }
            }
            Item::Line { points, style } => {
                let points: Vec<Pos2> = points.iter().map(|&p| at(p)).collect();
                line(&mut shapes, points, style, scale);
            }
            Item::Circle {
                center,
                radius,
                fill,
                style,
            } => {
                let (c, r) = (at(*center), radius * scale);
                if fill.a() > 0 {
                    shapes.push(Shape::circle_filled(c, r, *fill));
                }
                if style.dash.is_some() {
                    let ring: Vec<Pos2> = (0..=48)
                        .map(|i| {
                            let a = i as f32 / 48.0 * std::f32::consts::TAU;
                            c + r * vec2(a.cos(), a.sin())
                        })
                        .collect();
                    line(&mut shapes, ring, style, scale);
                } else if style.stroke.width > 0.0 {
                    shapes.push(Shape::circle_stroke(c, r, scaled(style.stroke)));
                }
            }
            Item::Rect {
                rect: r,
                corner,
                fill,
                stroke,
            } => {
                let r = Rect::from_min_max(at(r.min), at(r.max));
                shapes.push(Shape::rect_filled(r, corner * scale, *fill));
                if stroke.width > 0.0 {
                    shapes.push(Shape::rect_stroke(
                        r,
                        corner * scale,
                        scaled(*stroke),
                        egui::StrokeKind::Middle,
                    ));
                }
            }
            Item::Text(t) => {
                let mut job = LayoutJob::default();
                job.append(
                    &t.text,
                    0.0,
                    TextFormat {
                        font_id: FontId::proportional(t.size * scale),
                        color: t.color,
                        italics: t.italic,
                        ..Default::default()
                    },
                );
                let galley = painter.layout_job(job);
                shapes.push(Shape::galley(at(t.pos), galley, t.color));
            }
        }
    }
    painter.extend(shapes);
}

fn line(shapes: &mut Vec<Shape>, points: Vec<Pos2>, style: &LineStyle, scale: f32) {
    let stroke = Stroke::new(style.stroke.width * scale, style.stroke.color);
    match style.dash {
        Some([on, off]) => shapes.extend(Shape::dashed_line(&points, stroke, on * scale, off * scale)),
        None => shapes.push(Shape::line(points, stroke)),
    }
}

/// Triangles filling a polygon (outer ring, then holes); empty if earcut fails.
fn fill_mesh(rings: &[Vec<Pos2>], color: Color32) -> Mesh {
    let mut coords: Vec<f64> = Vec::new();
    let mut holes = Vec::new();
    for (i, ring) in rings.iter().enumerate() {
        if i > 0 {
            holes.push(coords.len() / 2);
        }
        coords.extend(ring.iter().flat_map(|p| [p.x as f64, p.y as f64]));
    }
    let mut mesh = Mesh::default();
    let Ok(triangles) = earcutr::earcut(&coords, &holes, 2) else {
        return mesh;
    };
    for c in coords.chunks_exact(2) {
        mesh.colored_vertex(pos2(c[0] as f32, c[1] as f32), color);
    }
    mesh.indices.extend(triangles.into_iter().map(|i| i as u32));
    mesh
}

/// The size a scene of `size` is drawn at to fit inside `available`, keeping its shape.
pub fn fitted_size(size: Vec2, available: Vec2) -> Vec2 {
    let scale = (available.x / size.x.max(1.0)).min(available.y / size.y.max(1.0));
    size * scale
}
