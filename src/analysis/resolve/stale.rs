//! Which open names a round of [`super::resolve`] must rank again.
//!
//! Each round ranks the candidates of every name still open by their
//! support in the evidence ([`super::Evidence::support_at`]), yet decides
//! only a few names, and a name's ranking can change only where the
//! evidence changed: a country or division newly named, a place newly
//! decided within [`super::REGION_KM`] of a candidate, a name closed whose
//! candidates lay near them (they supported each other) or in the same
//! division. The resolution notes what its decisions change ([`Changes`]);
//! the names whose candidates that touches are ranked again ([`Stale`]),
//! the others keep the outcome of their last ranking.

use std::ops::ControlFlow;

use super::Slot;
use crate::analysis::nearness::Grid;
use crate::place::Place;

/// What decisions changed in the evidence since the open names were last
/// ranked: filled by [`super::Evidence`] as it learns, emptied by [`Stale::mark`].
#[derive(Default)]
pub(super) struct Changes {
    /// Countries newly named.
    pub(super) countries: Vec<usize>,
    /// Divisions newly named (or holding a newly decided place), and the
    /// divisions of a closed name's candidates (which counted towards them).
    pub(super) divisions: Vec<usize>,
    /// Points, each with how far from it a candidate's support may change.
    pub(super) points: Vec<((f64, f64), f64)>,
}

impl Changes {
    /// Forget every change noted.
    pub(super) fn clear(&mut self) {
        self.countries.clear();
        self.divisions.clear();
        self.points.clear();
    }
}

/// Which open names (by their place in the list of open names) must be
/// ranked again; once few things change at a time, the names filed by what
/// their candidates lie in and near ([`Index`]).
pub(super) struct Stale {
    /// Must the name be ranked again?
    stale: Vec<bool>,
    index: Option<Index>,
}

/// The open names filed by what their candidates lie in and near.
struct Index {
    /// (country, name) for each candidate's country, sorted.
    by_country: Vec<(u32, u32)>,
    /// (division, name) for each division a candidate lies in or is, sorted.
    by_division: Vec<(u32, u32)>,
    /// Each city candidate's name, by the candidate's point (items are not
    /// measured from: a cell within reach is near enough).
    by_point: Grid<u32, 4>,
}

impl Index {
    /// The names of `open` (slots of `slots`) not yet decided.
    fn new(open: &[usize], slots: &[Slot]) -> Index {
        let (mut by_country, mut by_division, mut by_point) = (Vec::new(), Vec::new(), Grid::new());
        for (k, &s) in open.iter().enumerate() {
            let slot = &slots[s];
            if slot.chosen.is_some() {
                continue;
            }
            // A slot number fits in `u32` (see `resolve`), and so does its place among the open.
            let k = k as u32;
            for (&place, worth) in slot.words.candidates.iter().zip(slot.words.worth.iter()) {
                let spot = &worth.spot;
                if let Some(country) = spot.country() {
                    by_country.push((country as u32, k));
                }
                by_division.extend(spot.divisions().map(|d| (d as u32, k)));
                match place {
                    Place::Division(d) => by_division.push((d, k)),
                    Place::City(_) => by_point.insert(spot.at, k),
                    _ => {}
                }
            }
        }
        by_country.sort_unstable();
        by_division.sort_unstable();
        Index {
            by_country,
            by_division,
            by_point,
        }
    }

    /// Mark in `stale` every name whose candidates `changes` touch.
    fn mark(&self, changes: &Changes, stale: &mut [bool]) {
        let mut mark_run = |list: &[(u32, u32)], key: usize| {
            let Ok(key) = u32::try_from(key) else { return };
            let from = list.partition_point(|&(x, _)| x < key);
            for &(_, k) in list[from..].iter().take_while(|&&(x, _)| x == key) {
                stale[k as usize] = true;
            }
        };
        for &c in &changes.countries {
            mark_run(&self.by_country, c);
        }
        for &d in &changes.divisions {
            mark_run(&self.by_division, d);
        }
        for &(at, km) in &changes.points {
            // Every name with a candidate in a cell within reach (a
            // kilometre further than asked: the support measures from the
            // candidate, this from the change).
            self.by_point.visit_around(at, km + 1.0, |&k| {
                stale[k as usize] = true;
                ControlFlow::<()>::Continue(())
            });
        }
    }
}

/// More changes than undecided names over this, and every name is ranked
/// again: looking up each change would cost more. (On a 100 MB collection,
/// 1 and 4 came within 0.2% of each other's instructions.)
const MANY: usize = 1;

impl Stale {
    /// For the names `open`, every one stale: none is ranked yet.
    pub(super) fn new(open: usize) -> Stale {
        Stale {
            stale: vec![true; open],
            index: None,
        }
    }

    /// Must open name `k` be ranked? Asking answers for this round: it is
    /// not stale again until [`Stale::mark`] finds a change near it.
    pub(super) fn take(&mut self, k: usize) -> bool {
        std::mem::replace(&mut self.stale[k], false)
    }

    /// Mark stale every name of `open` (slots of `slots`) whose candidates
    /// `changes` touch, or every name when they are many; the changes forgotten.
    pub(super) fn mark(&mut self, changes: &mut Changes, open: &[usize], slots: &[Slot]) {
        let count = changes.countries.len() + changes.divisions.len() + changes.points.len();
        if count == 0 {
            return;
        }
        let undecided = open.iter().filter(|&&s| slots[s].chosen.is_none()).count();
        if count * MANY > undecided {
            self.stale.fill(true);
        } else {
            self.index
                .get_or_insert_with(|| Index::new(open, slots))
                .mark(changes, &mut self.stale);
        }
        changes.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::{Changes, Grid, Index, Stale};

    #[test]
    fn a_change_marks_only_the_names_whose_candidates_it_touches() {
        // Three open names: Springfield and Decatur (Illinois, 60 km apart),
        // and Paris (France).
        let mut index = Index {
            by_country: vec![(0, 0), (0, 1), (1, 2)],
            by_division: vec![(7, 0), (7, 1)],
            by_point: Grid::new(),
        };
        index.by_point.insert((-89.65, 39.80), 0);
        index.by_point.insert((-88.95, 39.84), 1);
        index.by_point.insert((2.35, 48.86), 2);
        let marked = |changes: Changes| {
            let mut stale = vec![false; 3];
            index.mark(&changes, &mut stale);
            stale
        };
        let near_springfield = Changes {
            points: vec![((-89.6, 39.7), 100.0)],
            ..Changes::default()
        };
        assert_eq!(marked(near_springfield), [true, true, false]);
        let france = Changes {
            countries: vec![1],
            ..Changes::default()
        };
        assert_eq!(marked(france), [false, false, true]);
        let illinois = Changes {
            divisions: vec![7, 8],
            ..Changes::default()
        };
        assert_eq!(marked(illinois), [true, true, false]);
        // Tokyo is far from every candidate; no country or division of theirs.
        let elsewhere = Changes {
            countries: vec![2],
            divisions: vec![9],
            points: vec![((139.69, 35.69), 400.0)],
        };
        assert_eq!(marked(elsewhere), [false, false, false]);
    }

    #[test]
    fn a_name_is_ranked_once_until_marked_again() {
        let mut stale = Stale::new(2);
        assert!(
            stale.take(0) && stale.take(1),
            "every name is ranked in the first round"
        );
        assert!(!stale.take(0) && !stale.take(1), "then none until something changes");
        stale.stale[1] = true;
        assert!(!stale.take(0) && stale.take(1));
    }
}
