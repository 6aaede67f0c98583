//! Lines between countries mentioned in the same passage: great circles
//! between their markers (curves on the Mercator map, the shortest way on
//! the globe), as thick as the number of passages they share.

use egui::{Response, Shape, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::scene::Scene;
use super::view::Viewport;
use crate::analysis::Analysis;
use crate::cartography::geodesic::great_circle;
use crate::world::{WorldPoint, project};

/// Width of a link per shared passage, in points.
const WIDTH_PER_PASSAGE: f32 = 1.25;

/// Links are never wider than this, in points.
const MAX_WIDTH: f32 = 9.0;

/// A pair of mentioned countries and how many passages mention both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// Position in `Analysis::countries` of one country.
    pub a: usize,
    /// Position in `Analysis::countries` of the other.
    pub b: usize,
    /// Passages mentioning both.
    pub shared: usize,
}

/// Every pair of countries mentioned together in at least one passage.
pub fn co_mentions(analysis: &Analysis) -> Vec<Link> {
    let countries = &analysis.countries;
    let mut links = Vec::new();
    for a in 0..countries.len() {
        for b in a + 1..countries.len() {
            let shared = count_shared(&countries[a].passages, &countries[b].passages);
            if shared > 0 {
                links.push(Link { a, b, shared });
            }
        }
    }
    links
}

/// The great circle of `link` in world units, x continuous (it runs on
/// past the map's edge where it crosses the antimeridian).
pub fn arc(analysis: &Analysis, link: &Link) -> Vec<WorldPoint> {
    let (a, b) = (&analysis.countries[link.a], &analysis.countries[link.b]);
    let mut shift = 0.0;
    let mut previous: Option<f64> = None;
    great_circle([a.lon, a.lat], [b.lon, b.lat])
        .into_iter()
        .map(|[lon, lat]| {
            let p = project(lon, lat);
            if let Some(x) = previous {
                if p.x + shift - x > 0.5 {
                    shift -= 1.0;
                } else if p.x + shift - x < -0.5 {
                    shift += 1.0;
                }
            }
            previous = Some(p.x + shift);
            WorldPoint::new(p.x + shift, p.y)
        })
        .collect()
}

/// Size of the intersection of two sorted lists.
fn count_shared(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The co-mention lines.
pub struct Links<'a> {
    /// The frame.
    pub scene: &'a Scene<'a>,
    /// The pairs to draw (computed once per analysis).
    pub links: &'a [Link],
    /// Their great circles ([`arc`], computed once per analysis).
    pub arcs: &'a [Vec<WorldPoint>],
}

impl Plugin for Links<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let view = Viewport::from_projector(projector);
        let painter = ui.painter().with_clip_rect(view.rect);
        for (link, arc) in self.links.iter().zip(self.arcs) {
            let Some(first) = arc.first() else { continue };
            // The copy of the world whose start is nearest the centre.
            let shift = -(first.x - view.center.x).round();
            let points = arc
                .iter()
                .map(|p| view.to_screen(WorldPoint::new(p.x + shift, p.y)))
                .collect();
            let width = (WIDTH_PER_PASSAGE * link.shared as f32).min(MAX_WIDTH);
            painter.add(Shape::line(points, Stroke::new(width, self.scene.palette.link)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_passages_are_counted() {
        assert_eq!(count_shared(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(count_shared(&[], &[1]), 0);
    }

    #[test]
    fn a_link_across_the_pacific_runs_on_past_the_edge() {
        let analysis = crate::analysis::Analyzer::builtin().analyze_text("Japan and Mexico signed a deal.");
        let links = co_mentions(&analysis);
        assert_eq!(links.len(), 1);
        let arc = arc(&analysis, &links[0]);
        assert!(
            arc.windows(2).all(|w| (w[1].x - w[0].x).abs() < 0.1),
            "no jump across the map"
        );
        let xs: Vec<f64> = arc.iter().map(|p| p.x).collect();
        assert!(
            xs.iter().any(|&x| !(0.0..=1.0).contains(&x)),
            "crosses the antimeridian"
        );
    }

    #[test]
    fn the_bundled_article_links_iran_and_pakistan() {
        let analysis = crate::analysis::Analyzer::builtin().analyze_text(crate::BUNDLED_ARTICLE);
        let links = co_mentions(&analysis);
        let name = |i: usize| analysis.countries[i].code.as_str();
        assert!(links.iter().any(|l| {
            let pair = [name(l.a), name(l.b)];
            pair.contains(&"IRN") && pair.contains(&"PAK")
        }));
        assert!(links.iter().all(|l| l.shared > 0 && l.a < l.b));
    }
}
