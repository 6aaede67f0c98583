//! Names on the map that never overlap: labels are placed in order of
//! importance (countries by mentions, then regions, then cities), each at
//! the first of eight spots around its mark that collides with no label
//! already placed, no mark, and stays inside the map; the rest are dropped.

use egui::text::{LayoutJob, TextFormat};
use egui::{Align2, Color32, FontId, Pos2, Rect, Response, Ui, Vec2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::divisions::SQUARE;
use super::draw::clickable_mark;
use super::markers::marker_radius;
use super::pins::pin_radius;
use super::scene::Scene;
use super::view::Viewport;
use crate::place::{Place, PlaceKind};

/// A label to place: its size and the mark it belongs to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    /// Centre of the mark.
    pub anchor: Pos2,
    /// Distance from the anchor to keep clear (the mark's radius plus a gap).
    pub gap: f32,
    /// Size of the label, background included.
    pub size: Vec2,
}

/// The spots tried for a label, best first: right, left, above, below, then
/// the four diagonals.
fn candidates(r: &LabelRequest) -> [Rect; 8] {
    let (a, g, s) = (r.anchor, r.gap, r.size);
    let d = g * std::f32::consts::FRAC_1_SQRT_2 + 1.0;
    let at = |align: Align2, pos: Pos2| align.anchor_size(pos, s);
    [
        at(Align2::LEFT_CENTER, a + vec2(g, 0.0)),
        at(Align2::RIGHT_CENTER, a - vec2(g, 0.0)),
        at(Align2::CENTER_BOTTOM, a - vec2(0.0, g)),
        at(Align2::CENTER_TOP, a + vec2(0.0, g)),
        at(Align2::LEFT_BOTTOM, a + vec2(d, -d)),
        at(Align2::LEFT_TOP, a + vec2(d, d)),
        at(Align2::RIGHT_BOTTOM, a + vec2(-d, -d)),
        at(Align2::RIGHT_TOP, a + vec2(-d, d)),
    ]
}

fn hits_circle(rect: &Rect, (center, radius): (Pos2, f32)) -> bool {
    rect.distance_sq_to_pos(center) < radius * radius
}

/// Place `requests` (most important first) inside `bounds`, avoiding each
/// other and the `obstacles` (circles: centre, radius). Returns each
/// label's rectangle, or `None` where no spot was free.
pub fn place_labels(requests: &[LabelRequest], obstacles: &[(Pos2, f32)], bounds: Rect) -> Vec<Option<Rect>> {
    place_labels_avoiding(requests, obstacles, &[], bounds)
}

/// [`place_labels`], also keeping out of the `reserved` rectangles (the
/// title, legend and attribution).
pub fn place_labels_avoiding(
    requests: &[LabelRequest],
    obstacles: &[(Pos2, f32)],
    reserved: &[Rect],
    bounds: Rect,
) -> Vec<Option<Rect>> {
    let mut placed: Vec<Rect> = reserved.to_vec();

    requests
        .iter()
        .map(|request| {
            let spot = candidates(request).into_iter().find(|c| {
                bounds.contains_rect(*c)
                    && !placed.iter().any(|p| p.intersects(*c))
                    && !obstacles.iter().any(|&o| hits_circle(c, o))
            });
            if let Some(spot) = spot {
                placed.push(spot);
            }
            spot
        })
        .collect()
}

/// Space around the text inside a label's background.
const PADDING: Vec2 = vec2(3.0, 1.0);

/// The names of mentioned countries, regions and cities.
pub struct Labels<'a> {
    /// The frame.
    pub scene: &'a Scene<'a>,
}

struct Label {
    request: LabelRequest,
    job: LayoutJob,
    pick: Place,
    name: String,
}

fn job(text: &str, size: f32, color: Color32, italics: bool) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.append(
        text,
        0.0,
        TextFormat {
            font_id: FontId::proportional(size),
            color,
            italics,
            ..Default::default()
        },
    );
    job
}

impl Plugin for Labels<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let scene = self.scene;
        let palette = &scene.palette;
        let view = Viewport::from_projector(projector);
        let painter = ui.painter().with_clip_rect(view.rect);
        let analysis = scene.analysis;

        // Countries by mentions, then regions, then towns and divisions by
        // mentions (a town before a division it ties with: it is the more exact).
        let mut local: Vec<&crate::place::PlaceSummary> = analysis.cities.iter().chain(&analysis.divisions).collect();
        local.sort_by_key(|p| (std::cmp::Reverse(p.mentions), p.kind() == PlaceKind::Division));
        let ordered = analysis.countries.iter().chain(&analysis.regions).chain(local);
        let labels = ordered.map(|p| {
            let (gap, size, color, italics) = match p.kind() {
                PlaceKind::Country => (
                    marker_radius(p.mentions, scene.max_mentions) + 3.0,
                    13.5,
                    palette.text,
                    false,
                ),
                PlaceKind::Region => (8.0, 12.5, palette.region, true),
                PlaceKind::City => (pin_radius(p.mentions) + 4.0, 11.5, palette.text, false),
                PlaceKind::Division => (SQUARE + 4.0, 12.0, palette.region, true),
            };
            Label {
                request: LabelRequest {
                    anchor: view.lon_lat_to_screen(p.lon, p.lat),
                    gap,
                    size: Vec2::ZERO,
                },
                job: job(&p.name, size, color, italics),
                pick: p.place,
                name: p.name.clone(),
            }
        });
        let mut labels: Vec<(Label, std::sync::Arc<egui::Galley>)> = labels
            .filter(|l| view.rect.expand(200.0).contains(l.request.anchor))
            .map(|mut l| {
                let galley = painter.layout_job(l.job.clone());
                l.request.size = galley.size() + 2.0 * PADDING;
                (l, galley)
            })
            .collect();
        // The selected place's label goes first, so it is never the one dropped.
        if let Some(i) = labels.iter().position(|(l, _)| Some(l.pick) == scene.selected) {
            let selected = labels.remove(i);
            labels.insert(0, selected);
        }
        let requests: Vec<LabelRequest> = labels.iter().map(|(l, _)| l.request).collect();
        let reserved = super::legend::reserved(scene, &painter, view.rect);
        let spots = place_labels_avoiding(&requests, &scene.obstacles.borrow(), &reserved, view.rect);

        for ((label, galley), spot) in labels.drain(..).zip(spots) {
            let Some(rect) = spot else { continue };
            let response = clickable_mark(ui, rect, label.pick, "label", format!("{} label", label.name));
            painter.rect_filled(rect, 3.0, palette.halo);
            if scene.selected == Some(label.pick) {
                painter.rect_stroke(
                    rect,
                    3.0,
                    egui::Stroke::new(1.5, palette.selected),
                    egui::StrokeKind::Outside,
                );
            }
            painter.galley(rect.min + PADDING, galley, palette.text);
            scene.picks.borrow_mut().record(label.pick, &response);
            response.on_hover_cursor(egui::CursorIcon::PointingHand);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn request(x: f32, y: f32) -> LabelRequest {
        LabelRequest {
            anchor: pos2(x, y),
            gap: 6.0,
            size: vec2(60.0, 14.0),
        }
    }

    #[test]
    fn placed_labels_never_overlap_and_the_first_is_kept() {
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0));
        // A crowd of marks around one spot: not all fit.
        let requests: Vec<LabelRequest> = (0..30)
            .map(|i| request(200.0 + (i % 6) as f32 * 7.0, 150.0 + (i / 6) as f32 * 6.0))
            .collect();
        let obstacles: Vec<(Pos2, f32)> = requests.iter().map(|r| (r.anchor, 3.0)).collect();
        let spots = place_labels(&requests, &obstacles, bounds);
        assert!(spots[0].is_some(), "the most important label is placed");
        let placed: Vec<Rect> = spots.iter().flatten().copied().collect();
        assert!(placed.len() < requests.len(), "some are dropped");
        for (i, a) in placed.iter().enumerate() {
            assert!(bounds.contains_rect(*a));
            for b in &placed[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
            }
            for &o in &obstacles {
                assert!(!hits_circle(a, o));
            }
        }
    }

    #[test]
    fn a_label_moves_to_the_left_at_the_right_edge() {
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0));
        let spot = place_labels(&[request(380.0, 150.0)], &[], bounds)[0].unwrap();
        assert!(spot.max.x <= 374.0, "{spot:?}");
    }
}
