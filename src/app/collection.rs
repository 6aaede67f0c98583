//! A collection open in the app: its articles, which are checked, the
//! filters, what the map counts, the comparison of two groups, and the
//! geography of the articles counted — as plain data, like [`super::AppState`].

use std::path::PathBuf;

use crate::collection::{Aggregate, Count, Day, Member, aggregate};
use crate::place::{Place, PlaceKind};

/// Which articles are shown in the list (and counted when checked).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// A word the article's text must contain (case-insensitive), when not empty.
    pub word: String,
    /// Articles whose text contains [`Filter::word`], by position, once searched.
    pub word_matches: Option<Vec<bool>>,
    /// The earliest date (articles with no date are kept out when a range is set).
    pub from: Option<Day>,
    /// The latest date.
    pub to: Option<Day>,
    /// Only articles that name this place.
    pub naming: Option<Place>,
}

/// The two sides of a comparison: each a set of articles, by position.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Compare {
    /// Articles of side A.
    pub a: Vec<bool>,
    /// Articles of side B.
    pub b: Vec<bool>,
}

/// Which side of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The first.
    A,
    /// The second.
    B,
}

/// Where a place stands in a comparison: the map's three classes.
pub const ONLY_A: usize = 1;
/// Named only in side B.
pub const ONLY_B: usize = 2;
/// Named on both sides.
pub const BOTH: usize = 4;

/// The legend's names of the comparison's classes, in class order.
pub const COMPARE_LABELS: [&str; 3] = ["Only in A", "Only in B", "In both"];

/// A collection open in the app.
#[derive(Clone, Debug)]
pub struct CollectionView {
    /// Its name: the folder's, or "N articles".
    pub name: String,
    /// What was opened (folders and files).
    pub sources: Vec<PathBuf>,
    /// Every article, in path order.
    pub members: Vec<Member>,
    /// Which articles are counted.
    pub checked: Vec<bool>,
    /// Which are shown.
    pub filter: Filter,
    /// What the map counts.
    pub count: Count,
    /// Two groups compared, when comparing.
    pub compare: Option<Compare>,
    /// The article open on its own, when one is (the single-article view).
    pub open_member: Option<usize>,
    /// The place selected in the collection view.
    pub selection: Option<Place>,
    /// The geography of the articles counted (or of the comparison).
    pub aggregate: Aggregate,
    /// The collection project it was opened from or last saved to.
    pub project_path: Option<PathBuf>,
    /// Each article's corrections as last opened or saved: anything else is unsaved work.
    pub saved_overrides: Vec<Vec<crate::analysis::Override>>,
}

impl CollectionView {
    /// A collection of `members`, all checked, counted by articles.
    pub fn new(name: String, sources: Vec<PathBuf>, members: Vec<Member>) -> CollectionView {
        let checked = vec![true; members.len()];
        let aggregate = aggregate(&members, &|_| true, Count::Articles);
        let saved_overrides = members.iter().map(|m| m.overrides.clone()).collect();
        let mut view = CollectionView {
            name,
            sources,
            members,
            checked,
            filter: Filter::default(),
            count: Count::Articles,
            compare: None,
            open_member: None,
            selection: None,
            aggregate,
            project_path: None,
            saved_overrides,
        };
        view.refresh();
        view
    }

    /// Are there corrections to its articles that were never saved?
    pub fn has_unsaved_work(&self) -> bool {
        self.members
            .iter()
            .zip(&self.saved_overrides)
            .any(|(m, saved)| m.overrides != *saved)
    }

    /// The collection as a project: its articles with their corrections and
    /// checks, the filters, the comparison and what the map counts.
    pub fn project(&self) -> crate::project::collection::CollectionProject {
        use crate::project::collection::{CollectionProject, SavedCompare, SavedFilter, SavedMember};
        let g = crate::gazetteer::Gazetteer::builtin();
        let mut project = CollectionProject::new(self.name.clone());
        project.sources = self.sources.clone();
        project.articles = self
            .members
            .iter()
            .zip(&self.checked)
            .map(|(m, &checked)| SavedMember {
                path: m.path.clone(),
                checked,
                overrides: m.overrides.clone(),
            })
            .collect();
        project.filter = SavedFilter {
            word: self.filter.word.clone(),
            from: self.filter.from.map(|d| d.to_string()),
            to: self.filter.to.map(|d| d.to_string()),
            naming: self.filter.naming.map(|p| p.to_ref(g)),
        };
        project.count = self.count;
        project.compare = self.compare.as_ref().map(|c| {
            let positions = |side: &Vec<bool>| (0..side.len()).filter(|&i| side[i]).collect();
            SavedCompare {
                a: positions(&c.a),
                b: positions(&c.b),
            }
        });
        project.selected = self.selection.map(|p| p.to_ref(g));
        project
    }

    /// Take the checks, filters, comparison, count and selection of a saved
    /// collection whose articles (in the same order) these members are.
    pub fn restore(&mut self, project: &crate::project::collection::CollectionProject) {
        let g = crate::gazetteer::Gazetteer::builtin();
        let n = self.members.len();
        for (i, saved) in project.articles.iter().enumerate().take(n) {
            self.checked[i] = saved.checked;
        }
        let f = &project.filter;
        self.filter = Filter {
            word: f.word.clone(),
            word_matches: None,
            from: f.from.as_deref().and_then(Day::parse),
            to: f.to.as_deref().and_then(Day::parse),
            naming: f.naming.as_ref().and_then(|r| Place::from_ref(r, g).ok()),
        };
        self.count = project.count;
        self.compare = project.compare.as_ref().map(|c| {
            let side = |positions: &Vec<usize>| {
                let mut set = vec![false; n];
                positions.iter().filter(|&&i| i < n).for_each(|&i| set[i] = true);
                set
            };
            Compare {
                a: side(&c.a),
                b: side(&c.b),
            }
        });
        self.selection = project.selected.as_ref().and_then(|r| Place::from_ref(r, g).ok());
        self.refresh();
    }

    /// Does article `i` pass the filters (and so appear in the list)?
    pub fn shown(&self, i: usize) -> bool {
        let f = &self.filter;
        let m = &self.members[i];
        let word = f.word.trim().is_empty() || f.word_matches.as_ref().is_none_or(|w| w.get(i) == Some(&true));
        let dated = match (f.from, f.to) {
            (None, None) => true,
            (from, to) => m
                .date
                .is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t)),
        };
        // A digest holds a country whenever the article names it or a place in it.
        let naming = f
            .naming
            .is_none_or(|p| m.digest.as_ref().is_ok_and(|d| d.tally(p).is_some()));
        word && dated && naming
    }

    /// Is article `i` counted on the map (shown and checked)?
    pub fn counted(&self, i: usize) -> bool {
        self.checked[i] && self.shown(i)
    }

    /// The positions of the articles shown, in order.
    pub fn shown_members(&self) -> Vec<usize> {
        (0..self.members.len()).filter(|&i| self.shown(i)).collect()
    }

    /// Lay out the geography again after the articles, filters, count or comparison changed.
    pub fn refresh(&mut self) {
        self.aggregate = match &self.compare {
            None => aggregate(&self.members, &|i| self.counted(i), self.count),
            Some(compare) => comparison(self, compare),
        };
    }

    /// The positions of the articles on the map (counted, or on a side of
    /// the comparison) that name `place` or a place inside it.
    pub fn naming(&self, place: Place) -> Vec<usize> {
        let on_map = |i: usize| match &self.compare {
            None => self.counted(i),
            Some(c) => (c.a[i] || c.b[i]) && self.shown(i),
        };
        (0..self.members.len())
            .filter(|&i| on_map(i))
            .filter(|&i| self.members[i].digest.as_ref().is_ok_and(|d| d.tally(place).is_some()))
            .collect()
    }

    /// How many articles could be read.
    pub fn readable(&self) -> usize {
        self.members.iter().filter(|m| m.digest.is_ok()).count()
    }
}

/// The comparison's map: every place named on either side, its "mentions"
/// the class of [`ONLY_A`], [`ONLY_B`] or [`BOTH`] (so that the choropleth's
/// first three colours tell them apart).
fn comparison(view: &CollectionView, compare: &Compare) -> Aggregate {
    let side = |set: &Vec<bool>| aggregate(&view.members, &|i| set[i] && view.shown(i), Count::Articles);
    let (a, b) = (side(&compare.a), side(&compare.b));
    let mut both = aggregate(
        &view.members,
        &|i| (compare.a[i] || compare.b[i]) && view.shown(i),
        Count::Articles,
    );
    let classify = |p: &mut crate::place::PlaceSummary| {
        let (in_a, in_b) = (a.counts.contains_key(&p.place), b.counts.contains_key(&p.place));
        p.mentions = match (in_a, in_b) {
            (true, false) => ONLY_A,
            (false, true) => ONLY_B,
            _ => BOTH,
        };
    };
    let analysis = &mut both.analysis;
    for list in [
        &mut analysis.countries,
        &mut analysis.regions,
        &mut analysis.cities,
        &mut analysis.divisions,
    ] {
        list.iter_mut().for_each(classify);
        list.sort_by(|x, y| {
            x.mentions
                .cmp(&y.mentions)
                .then_with(|| x.name.cmp(&y.name))
                .then_with(|| x.place.cmp(&y.place))
        });
    }
    both
}

/// The kind of place a list row is, for the collection's place list.
pub fn kind_label(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Country => "Country",
        PlaceKind::Region => "Region",
        PlaceKind::City => "Town",
        PlaceKind::Division => "Division",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{Digest, Tally};
    use crate::gazetteer::Gazetteer;

    fn member(path: &str, date: Option<Day>, places: &[Place]) -> Member {
        Member {
            path: path.into(),
            title: path.into(),
            date,
            bytes: 10,
            overrides: Vec::new(),
            digest: Ok(Digest {
                places: places
                    .iter()
                    .map(|&place| Tally {
                        place,
                        mentions: 1,
                        own: 1,
                    })
                    .collect(),
                warnings: Vec::new(),
            }),
        }
    }

    #[test]
    fn filters_and_checks_decide_what_is_counted_and_a_comparison_classifies() {
        let g = Gazetteer::builtin();
        let country = |code: &str| Place::country_at(g.country_index(code).unwrap());
        let (fra, afg, ken) = (country("FRA"), country("AFG"), country("KEN"));
        let members = vec![
            member("a.txt", Day::new(2024, 3, 1), &[fra, afg]),
            member("b.txt", Day::new(2024, 3, 9), &[fra]),
            member("c.txt", None, &[ken]),
        ];
        let mut view = CollectionView::new("Week".into(), Vec::new(), members);
        assert_eq!(view.aggregate.analysis.country("FRA").unwrap().mentions, 2);

        view.checked[1] = false;
        view.refresh();
        assert_eq!(view.aggregate.analysis.country("FRA").unwrap().mentions, 1);

        view.checked[1] = true;
        view.filter.from = Day::new(2024, 3, 5);
        view.refresh();
        assert_eq!(view.shown_members(), [1], "a range keeps dated articles inside it");
        view.filter.from = None;
        view.filter.naming = Some(fra);
        assert_eq!(view.shown_members(), [0, 1]);
        view.filter.naming = None;

        view.compare = Some(Compare {
            a: vec![true, false, false],
            b: vec![false, true, true],
        });
        view.refresh();
        let class = |code: &str| view.aggregate.analysis.country(code).unwrap().mentions;
        assert_eq!((class("AFG"), class("KEN"), class("FRA")), (ONLY_A, ONLY_B, BOTH));
        assert_eq!(view.naming(fra), [0, 1]);
    }
}
