//! The geography of a collection: per place, how many of the chosen
//! articles name it and how many times in all, as an [`Analysis`] of
//! summaries that the map, the lists and pictures draw like one article's.

use rustc_hash::FxHashMap as HashMap;

use super::Member;
use crate::analysis::{Analysis, from_summaries};
use crate::gazetteer::Gazetteer;
use crate::place::{Place, PlaceKind, PlaceSummary};

/// What the map's colours and sizes count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Count {
    /// Articles that name the place.
    #[default]
    Articles,
    /// Mentions in all the articles.
    Mentions,
}

impl Count {
    /// The word for the counts: "articles" or "mentions".
    pub fn unit(self) -> &'static str {
        match self {
            Count::Articles => "articles",
            Count::Mentions => "mentions",
        }
    }
}

/// Both counts of one place over the articles chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceCounts {
    /// Articles naming it (or a place inside it).
    pub articles: usize,
    /// Mentions in them.
    pub mentions: usize,
    /// Articles naming the place itself.
    pub own_articles: usize,
    /// Positions in the collection of the articles naming it, in order.
    pub members: Vec<usize>,
}

/// The collection's geography.
#[derive(Clone, Debug)]
pub struct Aggregate {
    /// Every place named, as summaries: `mentions` is the chosen [`Count`],
    /// `own_mentions` the articles naming the place itself, `passages` the
    /// positions of the articles naming it.
    pub analysis: Analysis,
    /// Both counts of every place.
    pub counts: HashMap<Place, PlaceCounts>,
    /// What `analysis` counts.
    pub count: Count,
    /// How many articles were counted.
    pub articles: usize,
}

/// The geography of the `members` for which `chosen` holds (by position),
/// counted by `count`. Articles that could not be read count for nothing.
pub fn aggregate(members: &[Member], chosen: &dyn Fn(usize) -> bool, count: Count) -> Aggregate {
    let mut counts: HashMap<Place, PlaceCounts> = HashMap::default();
    let mut articles = 0;
    for (i, member) in members.iter().enumerate() {
        let Ok(digest) = &member.digest else { continue };
        if !chosen(i) {
            continue;
        }
        articles += 1;
        for tally in &digest.places {
            let c = counts.entry(tally.place).or_default();
            c.articles += 1;
            c.mentions += tally.mentions as usize;
            c.own_articles += usize::from(tally.own > 0);
            c.members.push(i);
        }
    }
    let g = Gazetteer::builtin();
    let mut lists: [Vec<PlaceSummary>; 4] = Default::default();
    for (&place, c) in &counts {
        let list = match place.kind() {
            PlaceKind::Country => 0,
            PlaceKind::Region => 1,
            PlaceKind::City => 2,
            PlaceKind::Division => 3,
        };
        lists[list].push(PlaceSummary {
            mentions: match count {
                Count::Articles => c.articles,
                Count::Mentions => c.mentions,
            },
            own_mentions: c.own_articles,
            passages: c.members.clone(),
            ..PlaceSummary::of(place, g)
        });
    }
    for list in &mut lists {
        // Ties by name, then by place: the same order whatever the order of the work.
        list.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.place.cmp(&b.place))
        });
    }
    let [countries, regions, cities, divisions] = lists;
    Aggregate {
        analysis: from_summaries(countries, regions, cities, divisions),
        counts,
        count,
        articles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collection::{Digest, Tally};

    fn member(places: &[(Place, u32, u32)]) -> Member {
        Member {
            path: "x.txt".into(),
            title: "X".into(),
            date: None,
            bytes: 1,
            overrides: Vec::new(),
            digest: Ok(Digest {
                places: places
                    .iter()
                    .map(|&(place, mentions, own)| Tally { place, mentions, own })
                    .collect(),
                warnings: Vec::new(),
            }),
        }
    }

    #[test]
    fn places_are_counted_by_articles_or_mentions_over_the_articles_chosen() {
        let g = Gazetteer::builtin();
        let (fra, afg) = (
            Place::country_at(g.country_index("FRA").unwrap()),
            Place::country_at(g.country_index("AFG").unwrap()),
        );
        let mut unreadable = member(&[]);
        unreadable.digest = Err("binary".into());
        let members = [
            member(&[(fra, 3, 3), (afg, 1, 0)]),
            member(&[(fra, 1, 1)]),
            unreadable,
            member(&[(afg, 5, 5)]),
        ];
        let all = aggregate(&members, &|_| true, Count::Articles);
        assert_eq!(all.articles, 3);
        assert_eq!(all.analysis.country("FRA").unwrap().mentions, 2);
        assert_eq!(all.analysis.country("AFG").unwrap().mentions, 2);
        assert_eq!(
            all.counts[&afg].own_articles, 1,
            "the first names only a place in Afghanistan"
        );
        assert_eq!(all.counts[&afg].members, [0, 3]);
        let by_mentions = aggregate(&members, &|_| true, Count::Mentions);
        assert_eq!(by_mentions.analysis.countries[0].code, "AFG", "6 mentions against 4");
        let first_two = aggregate(&members, &|i| i < 2, Count::Articles);
        assert_eq!(first_two.analysis.country("AFG").unwrap().mentions, 1);
        assert_eq!(first_two.analysis.countries[0].code, "FRA");
    }
}
