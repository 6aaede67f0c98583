//! Corrections made by hand on top of the detector: "this is not a place",
//! "this refers to X", "this is a mention of X".
//!
//! An [`Override`] names a byte span of the document text and is applied in
//! order to the names the matcher found, before their places are decided
//! ([`Analyzer::analyze_with_overrides`]): a corrected place is evidence for
//! the rest of the article. A list of overrides is an edit history: dropping
//! its last element undoes the last correction. Overrides refer to places by code ([`PlaceRef`]), never by
//! gazetteer index, so they survive in project files across gazetteer updates.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::matcher::{Found, Reading};
use super::{Analysis, Analyzer, MentionKind, Watch, aggregate};
use crate::gazetteer::Gazetteer;
use crate::place::{Place, PlaceRef};
use crate::text::{Document, Span};

/// One correction, on the byte span `start..end` of the document text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Override {
    /// The mention at exactly this span is not a place: remove it.
    NotAPlace {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// The mention at exactly this span refers to `place`, not to what was
    /// detected.
    RefersTo {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
        /// The right place.
        place: PlaceRef,
    },
    /// These words (within one sentence) are a mention of `place` the
    /// detector missed; any mention overlapping them is replaced.
    MarkAs {
        /// First byte (moved back to a character boundary, past white space).
        start: usize,
        /// One past the last byte (moved forward to a character boundary).
        end: usize,
        /// The place meant.
        place: PlaceRef,
    },
}

impl Override {
    /// The span the override names.
    pub fn span(&self) -> Span {
        match *self {
            Override::NotAPlace { start, end }
            | Override::RefersTo { start, end, .. }
            | Override::MarkAs { start, end, .. } => Span { start, end },
        }
    }
}

/// An override that could not be applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverrideProblem {
    /// Its position in the override list.
    pub index: usize,
    /// What went wrong, for the user.
    pub message: String,
}

impl fmt::Display for OverrideProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "correction {}: {}", self.index + 1, self.message)
    }
}

impl std::error::Error for OverrideProblem {}

impl Analyzer {
    /// [`Analyzer::analyze`], then apply `overrides` in order. Overrides that
    /// cannot be applied (nothing at their span, an unknown code, a bad span)
    /// are skipped and returned as problems.
    pub fn analyze_with_overrides(
        &self,
        document: Document,
        overrides: &[Override],
    ) -> (Analysis, Vec<OverrideProblem>) {
        self.analyze_with_overrides_watched(document, overrides, &super::Unwatched)
            .expect("an unwatched analysis runs to the end")
    }

    /// [`Analyzer::analyze_with_overrides`] under a [`Watch`] that sees its
    /// progress and may stop it (then `None`).
    pub fn analyze_with_overrides_watched(
        &self,
        document: Document,
        overrides: &[Override],
        watch: &dyn Watch,
    ) -> Option<(Analysis, Vec<OverrideProblem>)> {
        let mut found = self.matcher.find_watched(&document, watch)?;
        let problems = apply(self.gazetteer, &document, &mut found, overrides);
        let mentions = self.mentions(&document, found);
        Some((aggregate::summarise(self.gazetteer, document, mentions), problems))
    }

    /// Each mentioned place of `document` with `overrides` applied, with its
    /// mentions and its own mentions, in the order of [`Analysis::places`]:
    /// the counts of [`Analyzer::analyze_with_overrides_watched`] without its
    /// passages and words (what a collection keeps of an article).
    pub fn count_with_overrides(
        &self,
        document: &Document,
        overrides: &[Override],
    ) -> (Vec<(Place, usize, usize)>, Vec<OverrideProblem>) {
        let mut found = self
            .matcher
            .find_watched(document, &super::Unwatched)
            .expect("an unwatched scan runs to the end");
        let problems = apply(self.gazetteer, document, &mut found, overrides);
        let mentions = self.mentions(document, found);
        (aggregate::counts(&mentions, self.gazetteer), problems)
    }
}

/// Apply `overrides` to the names found (in text order, and kept so).
fn apply(g: &Gazetteer, doc: &Document, mentions: &mut Vec<Found>, overrides: &[Override]) -> Vec<OverrideProblem> {
    let mut problems = Vec::new();
    // No corrections: the names keep the passages the matcher gave them.
    if overrides.is_empty() {
        return problems;
    }
    for (index, o) in overrides.iter().enumerate() {
        if let Err(message) = apply_one(g, doc, mentions, o) {
            problems.push(OverrideProblem { index, message });
        }
    }
    // Passages as the matcher assigns them: the first sentence ending after
    // the mention's start.
    let mut sentence = 0;
    for m in mentions.iter_mut() {
        while sentence < doc.sentences.len() && doc.sentences[sentence].span.end <= m.span.start {
            sentence += 1;
        }
        m.passage = sentence;
    }
    problems
}

fn apply_one(g: &Gazetteer, doc: &Document, mentions: &mut Vec<Found>, o: &Override) -> Result<(), String> {
    let span = o.span();
    let nothing_there = || format!("no place was detected at {} to correct", describe(doc, span));
    match o {
        Override::NotAPlace { .. } => {
            let before = mentions.len();
            mentions.retain(|m| m.span != span);
            if mentions.len() == before {
                return Err(nothing_there());
            }
        }
        Override::RefersTo { place, .. } => {
            let place = Place::from_ref(place, g)?;
            let mut found = false;
            for m in mentions.iter_mut().filter(|m| m.span == span) {
                m.reading = Reading::Corrected(place, kind_for(g, place, doc.slice(span)));
                found = true;
            }
            if !found {
                return Err(nothing_there());
            }
        }
        Override::MarkAs { place, .. } => {
            let place = Place::from_ref(place, g)?;
            let span = snap(doc, span)?;
            mentions.retain(|m| m.span.end <= span.start || span.end <= m.span.start);
            let at = mentions.partition_point(|m| m.span.start < span.start);
            mentions.insert(
                at,
                Found {
                    span,
                    passage: 0, // set by `apply`
                    reading: Reading::Corrected(place, kind_for(g, place, doc.slice(span))),
                },
            );
        }
    }
    Ok(())
}

/// A span for display: the words in quotes, and the byte range.
fn describe(doc: &Document, span: Span) -> String {
    match doc.text.get(span.start..span.end) {
        Some(words) if !words.is_empty() => format!("\"{words}\" (bytes {}..{})", span.start, span.end),
        _ => format!("bytes {}..{}", span.start, span.end),
    }
}

/// Check a hand-made span: inside the text, widened to character boundaries,
/// trimmed of white space, not empty and inside one sentence.
fn snap(doc: &Document, span: Span) -> Result<Span, String> {
    let text = doc.text.as_str();
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "bytes {}..{} are not a span of the text ({} bytes long)",
            span.start,
            span.end,
            text.len()
        ));
    }
    let mut start = span.start;
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end;
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let words = &text[start..end];
    let start = start + (words.len() - words.trim_start().len());
    let end = start + words.trim().len();
    if start == end {
        return Err(format!("{} holds no words to mark", describe(doc, span)));
    }
    let inside_one_sentence = doc.sentence_at(start).is_some_and(|s| end <= doc.sentences[s].span.end);
    if !inside_one_sentence {
        return Err(format!(
            "{} crosses a sentence boundary",
            describe(doc, Span { start, end })
        ));
    }
    Ok(Span { start, end })
}

/// How `surface` refers to the place: a city or region by kind; a country
/// by name, by demonym, or else as an alias ("the Hexagon").
fn kind_for(g: &Gazetteer, place: Place, surface: &str) -> MentionKind {
    let i = match place {
        Place::Country(i) => i,
        Place::Region(_) => return MentionKind::Region,
        Place::City(_) => return MentionKind::City,
        Place::Division(_) => return MentionKind::Division,
    };
    let c = &g.countries[i as usize];
    let words = surface.to_lowercase();
    let words = words.strip_prefix("the ").unwrap_or(&words);
    let same = |s: &String| s.to_lowercase() == words;
    if same(&c.name) || c.names.iter().any(same) {
        MentionKind::Name
    } else if c.demonyms.iter().any(same) {
        MentionKind::Demonym
    } else {
        MentionKind::Alias
    }
}
