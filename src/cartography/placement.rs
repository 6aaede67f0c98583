//! Where each label goes: names that never overlap each other, the marks,
//! the leader lines or the overlays (title, legend, attribution).
//!
//! Labels are placed greedily in order of importance. Each first tries the
//! eight spots around its mark (right, left, above, below, then the
//! diagonals, after Imhof); when none is free, the nearest free spot on
//! rings of growing distance, joined to its mark by a **leader line** that
//! crosses no label. What is placed is kept in R-trees (`rstar`), so each
//! test is a lookup, not a scan. A label with no free spot within
//! [`MAX_LEADER`] points is returned as unplaced: the caller lists it
//! ("Also named: …"), never drops it silently.

use egui::{Align2, Pos2, Rect, Vec2, pos2, vec2};
use rstar::primitives::{GeomWithData, Line as SegmentGeometry, Rectangle};
use rstar::{AABB, RTree};

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

/// Where a label went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// The label's rectangle.
    pub rect: Rect,
    /// A line from the mark's edge to the label, when the label stands away from its mark.
    pub leader: Option<[Pos2; 2]>,
}

/// The farthest a label may stand from its mark in a picture, in points.
pub const MAX_LEADER: f32 = 260.0;

/// On the interactive map (which can be zoomed instead), labels stand at
/// most this far from their marks.
pub const MAP_LEADER: f32 = 90.0;

/// Distance between the rings tried for leader-line labels, in points.
const RING_STEP: f32 = 12.0;

/// Directions tried on each ring.
const DIRECTIONS: usize = 24;

/// Marks within this distance of a mark (points) make a crowd around it.
const CROWD_RADIUS: f32 = 24.0;

/// With this many other marks in its crowd, a label goes out on a leader
/// line at once: labels stuck to marks inside a crowd would wall in the
/// marks behind them.
const CROWD_SIZE: usize = 4;

/// The spots tried for a label, best first: right, left, above, below, then
/// the four diagonals.
fn spots_around(r: &LabelRequest) -> [Rect; 8] {
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

/// A label of `size` whose side facing `direction` (unit vector from the
/// mark) touches `point`: the label lies beyond the point, seen from the mark.
fn beyond(point: Pos2, direction: Vec2, size: Vec2) -> Rect {
    // The anchor on the label's outline opposite the direction: a direction
    // to the right puts the label's left edge at the point, and so on.
    let x = if direction.x > 0.38 {
        egui::Align::Min
    } else if direction.x < -0.38 {
        egui::Align::Max
    } else {
        egui::Align::Center
    };
    let y = if direction.y > 0.38 {
        egui::Align::Min
    } else if direction.y < -0.38 {
        egui::Align::Max
    } else {
        egui::Align::Center
    };
    Align2([x, y]).anchor_size(point, size)
}

fn aabb(r: &Rect) -> AABB<[f32; 2]> {
    AABB::from_corners([r.min.x, r.min.y], [r.max.x, r.max.y])
}

fn hits_circle(rect: &Rect, (center, radius): (Pos2, f32)) -> bool {
    rect.distance_sq_to_pos(center) < radius * radius
}

/// Does the segment `a`–`b` pass through `rect` (shrunk by half a point, so
/// that touching is not crossing)?
pub fn segment_hits_rect(a: Pos2, b: Pos2, rect: &Rect) -> bool {
    let r = rect.shrink(0.5);
    if r.contains(a) || r.contains(b) {
        return true;
    }
    // Liang–Barsky clipping of the segment against the rectangle.
    let d = b - a;
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-d.x, a.x - r.min.x),
        (d.x, r.max.x - a.x),
        (-d.y, a.y - r.min.y),
        (d.y, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// A mark (centre, radius) filed under its bounding box.
type MarkEntry = GeomWithData<Rectangle<[f32; 2]>, (Pos2, f32)>;

/// What is already on the picture.
struct Taken {
    /// Placed labels and reserved overlays.
    rects: RTree<GeomWithData<Rectangle<[f32; 2]>, ()>>,
    /// Marks: circles by their bounding boxes.
    marks: RTree<MarkEntry>,
    /// Leader lines.
    leaders: RTree<SegmentGeometry<[f32; 2]>>,
}

impl Taken {
    fn rect_is_free(&self, c: &Rect) -> bool {
        let envelope = aabb(c);
        self.rects
            .locate_in_envelope_intersecting(&envelope)
            .all(|r| !Rect::from_min_max(r.geom().lower().into(), r.geom().upper().into()).intersects(*c))
            && self
                .marks
                .locate_in_envelope_intersecting(&envelope)
                .all(|m| !hits_circle(c, m.data))
            && self
                .leaders
                .locate_in_envelope_intersecting(&envelope)
                .all(|l| !segment_hits_rect(Pos2::from(l.from), Pos2::from(l.to), c))
    }

    fn leader_is_free(&self, a: Pos2, b: Pos2) -> bool {
        let envelope = AABB::from_corners([a.x.min(b.x), a.y.min(b.y)], [a.x.max(b.x), a.y.max(b.y)]);
        self.rects.locate_in_envelope_intersecting(&envelope).all(|r| {
            let rect = Rect::from_min_max(r.geom().lower().into(), r.geom().upper().into());
            !segment_hits_rect(a, b, &rect)
        })
    }

    fn take(&mut self, rect: Rect) {
        self.rects.insert(GeomWithData::new(
            Rectangle::from_corners([rect.min.x, rect.min.y], [rect.max.x, rect.max.y]),
            (),
        ));
    }
}

/// Place `requests` (most important first) inside `bounds`, keeping clear of
/// each other, of the marks `obstacles` (circles: centre, radius), of the
/// `reserved` rectangles and of the leader lines drawn, at most `reach`
/// points from their marks ([`MAX_LEADER`] in pictures). Returns each
/// label's placement, or `None` where no spot within reach was free.
pub fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[(Pos2, f32)],
    reserved: &[Rect],
    bounds: Rect,
    reach: f32,
) -> Vec<Option<Placement>> {
    let mut taken = Taken {
        rects: RTree::new(),
        marks: RTree::bulk_load(
            obstacles
                .iter()
                .map(|&(c, r)| {
                    GeomWithData::new(Rectangle::from_corners([c.x - r, c.y - r], [c.x + r, c.y + r]), (c, r))
                })
                .collect(),
        ),
        leaders: RTree::new(),
    };
    reserved.iter().for_each(|r| taken.take(*r));

    let mut out = Vec::with_capacity(requests.len());
    for request in requests {
        let (crowd, away) = crowd_around(request.anchor, &taken);
        let near = (crowd < CROWD_SIZE)
            .then(|| {
                spots_around(request)
                    .into_iter()
                    .find(|c| bounds.contains_rect(*c) && taken.rect_is_free(c))
            })
            .flatten()
            .map(|rect| Placement { rect, leader: None });
        let placement = near.or_else(|| with_leader(request, away, &taken, bounds, reach));
        if let Some(p) = placement {
            taken.take(p.rect);
            if let Some([a, b]) = p.leader {
                taken.leaders.insert(SegmentGeometry::new([a.x, a.y], [b.x, b.y]));
            }
        }
        out.push(placement);
    }
    out
}

/// How many other marks stand within [`CROWD_RADIUS`] of `anchor`, and the
/// angle pointing away from the marks around it (within three times that):
/// out of the crowd (0, to the right, with none).
fn crowd_around(anchor: Pos2, taken: &Taken) -> (usize, f32) {
    let r = 3.0 * CROWD_RADIUS;
    let envelope = AABB::from_corners([anchor.x - r, anchor.y - r], [anchor.x + r, anchor.y + r]);
    let (mut count, mut sum) = (0, Vec2::ZERO);
    for m in taken.marks.locate_in_envelope_intersecting(&envelope) {
        let d = m.data.0 - anchor;
        if d.length() > 0.5 && d.length() <= r {
            count += usize::from(d.length() <= CROWD_RADIUS);
            sum += d;
        }
    }
    let away = if sum.length() > 1e-3 { (-sum).angle() } else { 0.0 };
    (count, away)
}

/// The nearest free spot away from the mark, on rings of growing distance,
/// whose leader line crosses no label; `None` within `reach`. On each
/// ring the directions are tried from `away` (radians, away from the crowd)
/// outwards on both sides.
fn with_leader(request: &LabelRequest, away: f32, taken: &Taken, bounds: Rect, reach: f32) -> Option<Placement> {
    let mut distance = request.gap + RING_STEP;
    let step = std::f32::consts::TAU / DIRECTIONS as f32;
    while distance <= reach {
        for k in 0..DIRECTIONS {
            // 0, +1, -1, +2, -2, … steps from the way out of the crowd.
            let turn = (k as i32 + 1) / 2 * if k % 2 == 0 { -1 } else { 1 };
            let angle = away + turn as f32 * step;
            let direction = vec2(angle.cos(), angle.sin());
            let rect = beyond(request.anchor + direction * distance, direction, request.size);
            if !bounds.contains_rect(rect) || !taken.rect_is_free(&rect) {
                continue;
            }
            let start = request.anchor + direction * request.gap.max(1.0);
            let end = closest_point(&rect, request.anchor);
            if taken.leader_is_free(start, end) {
                return Some(Placement {
                    rect,
                    leader: Some([start, end]),
                });
            }
        }
        distance += RING_STEP;
    }
    None
}

/// The point of `rect` (its outline or inside) nearest `p`.
fn closest_point(rect: &Rect, p: Pos2) -> Pos2 {
    pos2(p.x.clamp(rect.min.x, rect.max.x), p.y.clamp(rect.min.y, rect.max.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(x: f32, y: f32) -> LabelRequest {
        LabelRequest {
            anchor: pos2(x, y),
            gap: 6.0,
            size: vec2(60.0, 14.0),
        }
    }

    fn check(placed: &[Placement], obstacles: &[(Pos2, f32)], reserved: &[Rect], bounds: Rect) {
        for (i, a) in placed.iter().enumerate() {
            assert!(bounds.contains_rect(a.rect));
            for b in &placed[i + 1..] {
                assert!(!a.rect.intersects(b.rect), "{a:?} overlaps {b:?}");
            }
            for r in reserved {
                assert!(!a.rect.intersects(*r));
            }
            for &o in obstacles {
                assert!(!hits_circle(&a.rect, o), "{a:?} covers a mark");
            }
            for b in placed {
                if let Some([s, e]) = b.leader {
                    assert!(
                        !segment_hits_rect(s, e, &a.rect) || std::ptr::eq(a, b),
                        "a leader crosses {a:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_crowd_is_labelled_with_leader_lines_and_nothing_overlaps() {
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0));
        // Twelve marks a few points apart, as the small countries of Europe on a world map.
        let requests: Vec<LabelRequest> = (0..12)
            .map(|i| request(400.0 + (i % 4) as f32 * 8.0, 300.0 + (i / 4) as f32 * 7.0))
            .collect();
        let obstacles: Vec<(Pos2, f32)> = requests.iter().map(|r| (r.anchor, 3.0)).collect();
        let reserved = [Rect::from_min_size(pos2(300.0, 200.0), vec2(60.0, 60.0))];
        let spots = place_labels(&requests, &obstacles, &reserved, bounds, MAX_LEADER);
        let missing: Vec<usize> = (0..spots.len()).filter(|&i| spots[i].is_none()).collect();
        assert!(missing.is_empty(), "every label placed: {missing:?} {spots:?}");
        let placed: Vec<Placement> = spots.into_iter().flatten().collect();
        assert!(
            placed.iter().any(|p| p.leader.is_some()),
            "the crowd needs leader lines"
        );
        for (p, r) in placed.iter().zip(&requests) {
            assert!(p.rect.distance_to_pos(r.anchor) <= MAX_LEADER + r.size.length());
        }
        check(&placed, &obstacles, &reserved, bounds);
    }

    #[test]
    fn a_label_moves_to_the_left_at_the_right_edge() {
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0));
        let spot = place_labels(&[request(380.0, 150.0)], &[], &[], bounds, MAX_LEADER)[0].unwrap();
        assert!(spot.rect.max.x <= 374.0 && spot.leader.is_none(), "{spot:?}");
    }

    #[test]
    fn a_label_with_no_room_is_reported_unplaced() {
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(100.0, 30.0));
        let full = [bounds];
        assert_eq!(
            place_labels(&[request(50.0, 15.0)], &[], &full, bounds, MAX_LEADER),
            [None]
        );
    }

    #[test]
    fn segments_and_rectangles() {
        let r = Rect::from_min_max(pos2(10.0, 10.0), pos2(20.0, 20.0));
        assert!(segment_hits_rect(pos2(0.0, 15.0), pos2(30.0, 15.0), &r));
        assert!(!segment_hits_rect(pos2(0.0, 0.0), pos2(30.0, 5.0), &r));
        assert!(
            segment_hits_rect(pos2(15.0, 15.0), pos2(40.0, 40.0), &r),
            "starts inside"
        );
        assert!(
            !segment_hits_rect(pos2(0.0, 10.0), pos2(30.0, 10.0), &r),
            "touching is not crossing"
        );
    }
}
