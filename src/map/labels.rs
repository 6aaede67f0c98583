//! Names on the map that never overlap: labels are placed in order of
//! importance (the selection, countries by mentions, regions, then towns and
//! divisions) by [`crate::cartography::placement`], as in pictures: beside
//! the mark when there is room, else on a leader line. A label that finds no
//! room within reach of its mark is left out at this zoom (zoom in to see it).

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Response, Stroke, Ui, Vec2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::divisions::SQUARE;
use super::draw::clickable_mark;
use super::markers::marker_radius;
use super::marks::label_order;
use super::pins::pin_radius;
use super::scene::Scene;
use super::view::Viewport;
use crate::cartography::{LabelRequest, place_labels};
use crate::place::{Place, PlaceKind, PlaceSummary};

/// How a place's label looks, on the map and in pictures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelStyle {
    /// Text size in points.
    pub size: f32,
    /// Slanted (regions and divisions, as on atlases).
    pub italic: bool,
    /// In the accent colour of regions and divisions (else the text colour).
    pub accent: bool,
    /// Distance from the mark's centre to keep clear: its radius and a gap.
    pub gap: f32,
}

/// The label style of `p` when the most-mentioned country has `max_mentions`.
pub fn label_style(p: &PlaceSummary, max_mentions: usize) -> LabelStyle {
    let (size, italic, gap) = match p.kind() {
        PlaceKind::Country => (13.5, false, marker_radius(p.mentions, max_mentions) + 3.0),
        PlaceKind::Region => (12.5, true, 8.0),
        PlaceKind::City => (11.5, false, pin_radius(p.mentions) + 4.0),
        PlaceKind::Division => (12.0, true, SQUARE + 4.0),
    };
    LabelStyle {
        size,
        italic,
        accent: italic,
        gap,
    }
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

        let labels = label_order(analysis, scene.selected).into_iter().map(|p| {
            let style = label_style(p, scene.max_mentions);
            let color = if style.accent { palette.region } else { palette.text };
            Label {
                request: LabelRequest {
                    anchor: view.lon_lat_to_screen(p.lon, p.lat),
                    gap: style.gap,
                    size: Vec2::ZERO,
                },
                job: job(&p.name, style.size, color, style.italic),
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
        let requests: Vec<LabelRequest> = labels.iter().map(|(l, _)| l.request).collect();
        let mut reserved = super::legend::reserved(scene, &painter, view.rect);
        reserved.extend(scene.note_boxes.borrow().iter().copied());
        let spots = place_labels(
            &requests,
            &scene.obstacles.borrow(),
            &reserved,
            view.rect,
            crate::cartography::placement::MAP_LEADER,
        );

        for ((label, galley), spot) in labels.drain(..).zip(spots) {
            let Some(placement) = spot else { continue };
            let rect = placement.rect;
            if let Some(leader) = placement.leader {
                painter.line_segment(leader, Stroke::new(0.8, palette.text.gamma_multiply(0.7)));
            }
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
