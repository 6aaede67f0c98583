//! A [`Scene`] as SVG (with the `svg` crate): shapes as paths (countries
//! with their ISO3 code as `id`, so that a designer can restyle one), labels
//! as `<text>` in the picture font, the caption as `<title>` and `<desc>`.

use std::fmt::Write as _;

use egui::{Color32, Pos2, Stroke};
use svg::Document;
use svg::node::element::{Circle, Description, Group, Path, Rectangle, Text as SvgText, Title};

use super::scene::{Item, LineStyle, Scene};
use crate::cartography::font::{FONT_FAMILY, metrics};

/// The SVG document of `scene`.
pub fn to_svg(scene: &Scene) -> String {
    let (w, h) = (scene.size.x, scene.size.y);
    let mut doc = Document::new()
        .set("width", w)
        .set("height", h)
        .set("viewBox", (0, 0, w, h))
        .set("font-family", FONT_FAMILY)
        .add(Title::new(scene.title.clone().unwrap_or_else(|| "Map".into())))
        .add(Description::new().add(svg::node::Text::new(scene.caption.clone())))
        .add(
            Rectangle::new()
                .set("id", "background")
                .set("width", w)
                .set("height", h)
                .set("fill", hex(scene.background)),
        );
    for layer in &scene.layers {
        let mut group = Group::new().set("id", layer.id);
        for item in &layer.items {
            group = match item {
                Item::Area(area) => {
                    let mut d = String::new();
                    for ring in area.polygons.iter().flatten() {
                        ring_data(&mut d, ring, true);
                    }
                    let mut path = Path::new().set("d", d).set("fill-rule", "evenodd");
                    path = fill(path, area.fill);
                    path = stroke(path, area.stroke);
                    if let Some(id) = &area.id {
                        path = path.set("id", id.as_str());
                    }
                    if let Some(title) = &area.title {
                        path = path.add(Title::new(title.as_str()));
                    }
                    group.add(path)
                }
                Item::Line { points, style } => {
                    let mut d = String::new();
                    ring_data(&mut d, points, false);
                    group.add(line_style(Path::new().set("d", d).set("fill", "none"), style))
                }
                Item::Circle {
                    center,
                    radius,
                    fill: color,
                    style,
                } => {
                    let circle = Circle::new()
                        .set("cx", round(center.x))
                        .set("cy", round(center.y))
                        .set("r", round(*radius));
                    group.add(line_style(fill(circle, *color), style))
                }
                Item::Rect {
                    rect,
                    corner,
                    fill: color,
                    stroke: outline,
                } => {
                    let r = Rectangle::new()
                        .set("x", round(rect.min.x))
                        .set("y", round(rect.min.y))
                        .set("width", round(rect.width()))
                        .set("height", round(rect.height()))
                        .set("rx", round(*corner));
                    group.add(stroke(fill(r, *color), *outline))
                }
                Item::Text(t) => {
                    let baseline = t.pos.y + metrics().ascent(t.size);
                    let mut text = SvgText::new(t.text.as_str())
                        .set("x", round(t.pos.x))
                        .set("y", round(baseline))
                        .set("font-size", t.size);
                    text = fill(text, t.color);
                    if t.italic {
                        text = text.set("font-style", "italic");
                    }
                    group.add(text)
                }
            };
        }
        doc = doc.add(group);
    }
    doc.to_string()
}

/// A number with at most two decimals.
fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Append `points` as path data (`closed`: with a `Z`).
fn ring_data(d: &mut String, points: &[Pos2], closed: bool) {
    for (i, p) in points.iter().enumerate() {
        let _ = write!(d, "{}{},{}", if i == 0 { 'M' } else { 'L' }, round(p.x), round(p.y));
    }
    if closed && !points.is_empty() {
        d.push('Z');
    }
}

/// `#rrggbb` of a colour (its opacity goes in a separate attribute).
fn hex(c: Color32) -> String {
    let [r, g, b, _] = c.to_srgba_unmultiplied();
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn opacity(c: Color32) -> Option<f32> {
    let a = c.to_srgba_unmultiplied()[3];
    (a < 255).then(|| round(a as f32 / 255.0))
}

fn fill<T: svg::Node>(mut node: T, color: Color32) -> T {
    if color.a() == 0 {
        node.assign("fill", "none");
        return node;
    }
    node.assign("fill", hex(color));
    if let Some(o) = opacity(color) {
        node.assign("fill-opacity", o);
    }
    node
}

fn stroke<T: svg::Node>(mut node: T, s: Stroke) -> T {
    if s.width <= 0.0 || s.color.a() == 0 {
        return node;
    }
    node.assign("stroke", hex(s.color));
    node.assign("stroke-width", round(s.width));
    node.assign("stroke-linejoin", "round");
    if let Some(o) = opacity(s.color) {
        node.assign("stroke-opacity", o);
    }
    node
}

fn line_style<T: svg::Node>(node: T, style: &LineStyle) -> T {
    let mut node = stroke(node, style.stroke);
    if let Some([on, off]) = style.dash {
        node.assign("stroke-dasharray", format!("{on} {off}"));
    }
    node
}
