//! Which places get a mark on the map, and the order their labels are
//! placed in: shared by the interactive map's pins, squares and labels and
//! by pictures.

use crate::analysis::Analysis;
use crate::place::{Place, PlaceKind, PlaceSummary};

/// At most this many towns and divisions get a mark and a label (the most
/// counted; a collection of thousands of articles names thousands of towns).
pub const MAX_LOCAL_MARKS: usize = 80;

/// The towns and divisions that get marks: all of them, or the
/// [`MAX_LOCAL_MARKS`] most counted (a town before a division it ties
/// with: it is the more exact), and the selection.
pub fn marked_locals(analysis: &Analysis, selected: Option<Place>) -> Vec<&PlaceSummary> {
    let mut local: Vec<&PlaceSummary> = analysis.cities.iter().chain(&analysis.divisions).collect();
    local.sort_by_key(|p| (std::cmp::Reverse(p.mentions), p.kind() == PlaceKind::Division));
    if local.len() > MAX_LOCAL_MARKS {
        let keep = |p: &&PlaceSummary| Some(p.place) == selected;
        let extra: Vec<&PlaceSummary> = local[MAX_LOCAL_MARKS..].iter().copied().filter(keep).collect();
        local.truncate(MAX_LOCAL_MARKS);
        local.extend(extra);
    }
    local
}

/// The places in the order their labels are placed (most important first,
/// so that crowding costs the least important): the selection, countries
/// by mentions, regions, then the towns and divisions that get marks.
pub fn label_order(analysis: &Analysis, selected: Option<Place>) -> Vec<&PlaceSummary> {
    let local = marked_locals(analysis, selected);
    let mut ordered: Vec<&PlaceSummary> = analysis
        .countries
        .iter()
        .chain(&analysis.regions)
        .chain(local)
        .collect();
    if let Some(i) = ordered.iter().position(|p| Some(p.place) == selected) {
        let first = ordered.remove(i);
        ordered.insert(0, first);
    }
    ordered
}
