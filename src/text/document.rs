//! [`Document`]: normalised article text cut into paragraphs and sentences.

use serde::{Deserialize, Serialize};

/// A byte range `start..end` into the document text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Does this span contain the byte range `start..end` entirely?
    pub fn contains(&self, start: usize, end: usize) -> bool {
        self.start <= start && end <= self.end
    }
}

/// One paragraph: a non-blank line of the text, trimmed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Where it sits in the text.
    pub span: Span,
    /// Index of its first sentence in [`Document::sentences`].
    pub first_sentence: usize,
}

/// One sentence: the unit shown as a passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where it sits in the text.
    pub span: Span,
    /// Index of its paragraph in [`Document::paragraphs`].
    pub paragraph: usize,
}

/// Article text with its paragraph and sentence structure.
///
/// A line break ends a paragraph (as in the bundled article, whose byline lines
/// are short paragraphs of their own); blank lines are skipped. Sentences never
/// cross paragraphs and are in text order, so sentence indices are passage
/// indices.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The normalised text every span points into.
    pub text: String,
    /// Non-blank lines, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
}

/// Where to cut `text` into `parts` parts of about the same length, each
/// ending at a line end (no paragraph, sentence or name spans one): the
/// first cut is 0, the last the text's length.
pub fn line_cuts(text: &str, parts: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut cuts = vec![0];
    for k in 1..parts {
        let at = (k * text.len() / parts).max(*cuts.last().expect("a cut"));
        cuts.push(memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |p| at + p + 1));
    }
    cuts.push(text.len());
    cuts
}

/// A text at least twice this long is cut into paragraphs and sentences in
/// parts, on every core.
const PART: usize = 4 << 20;

/// How many parts to read a text of `len` bytes in, on every core, when a
/// text at least twice `part` long is worth reading in parts: 1 below that
/// or with one core, else parts of about half a megabyte (at most 256).
/// Each core takes the next part when done with one (read them with
/// `with_max_len(1)`), so that one that meets a denser stretch of the text
/// holds the others up for one small part at most: cut in one part per
/// core, 20 MB of news left one of two cores idle for a tenth of its scan.
pub fn parts_of(len: usize, part: usize) -> usize {
    if len < 2 * part || rayon::current_num_threads() < 2 {
        return 1;
    }
    (len >> 19).clamp(2, 256)
}

impl Document {
    /// Cut already-decoded text (see [`crate::text::decode_article`]) into
    /// paragraphs and sentences.
    pub fn new(text: String) -> Document {
        // One part per core: the cut is quick, and the parts' lists of a
        // long text, each a block of its own, go back once joined (lists of
        // many small parts stayed in the heap: 100 MB peaked 20 MB higher).
        let parts = (text.len() / PART).clamp(1, rayon::current_num_threads().max(1));
        let (paragraphs, sentences) = if parts == 1 {
            let (mut paragraphs, mut sentences) = cut(&text, 0..text.len());
            // Grown by doubling: a long text's lists would keep up to half
            // their room unused for as long as the document lives.
            paragraphs.shrink_to_fit();
            sentences.shrink_to_fit();
            (paragraphs, sentences)
        } else {
            use rayon::prelude::*;
            let parts: Vec<(Vec<Paragraph>, Vec<Sentence>)> = line_cuts(&text, parts)
                .par_windows(2)
                .map(|range| cut(&text, range[0]..range[1]))
                .collect();
            join(parts)
        };
        Document {
            text,
            paragraphs,
            sentences,
        }
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// Index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }
}

/// The paragraphs and sentences of the lines in `range` of `text` (which
/// starts at a line start and ends at a line end or the text's end),
/// numbered from 0.
fn cut(text: &str, range: std::ops::Range<usize>) -> (Vec<Paragraph>, Vec<Sentence>) {
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut local = Vec::new();
    let mut line_start = range.start;
    let bytes = &text.as_bytes()[..range.end];
    // (The line after a part's last line end is empty: skipped.)
    let ends = memchr::memchr_iter(b'\n', &bytes[range.start..])
        .map(|p| range.start + p)
        .chain(std::iter::once(range.end));
    for line_end in ends {
        let line = &text[line_start..line_end];
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let offset = line_start + (line.len() - line.trim_start().len());
            let paragraph = paragraphs.len();
            paragraphs.push(Paragraph {
                span: Span {
                    start: offset,
                    end: offset + trimmed.len(),
                },
                first_sentence: sentences.len(),
            });
            local.clear();
            super::sentences::split_sentences(trimmed, &mut local);
            sentences.extend(local.iter().map(|&(s, e)| Sentence {
                span: Span {
                    start: offset + s,
                    end: offset + e,
                },
                paragraph,
            }));
        }
        line_start = line_end + 1;
    }
    (paragraphs, sentences)
}

/// The parts' paragraphs and sentences as one list each, renumbered.
fn join(parts: Vec<(Vec<Paragraph>, Vec<Sentence>)>) -> (Vec<Paragraph>, Vec<Sentence>) {
    // Each part's first paragraph's and first sentence's numbers in the whole.
    let before = |lengths: &mut dyn Iterator<Item = usize>| -> Vec<usize> {
        lengths
            .scan(0, |total, n| {
                let first = *total;
                *total += n;
                Some(first)
            })
            .collect()
    };
    let first_paragraph = before(&mut parts.iter().map(|p| p.0.len()));
    let first_sentence = before(&mut parts.iter().map(|p| p.1.len()));
    let (paragraphs, sentences): (Vec<_>, Vec<_>) = parts.into_iter().unzip();
    let (paragraphs, sentences) = rayon::join(
        || {
            crate::memory::join_parts(paragraphs, |k, para| Paragraph {
                first_sentence: para.first_sentence + first_sentence[k],
                ..para
            })
        },
        || {
            crate::memory::join_parts(sentences, |k, sentence| Sentence {
                paragraph: sentence.paragraph + first_paragraph[k],
                ..sentence
            })
        },
    );
    (paragraphs, sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_a_paragraph_and_blank_lines_are_skipped() {
        let doc = Document::new("Christopher P. Costa and\nThe New York Times\n\n  Iran won. Iraq lost.  \n".into());
        let paras: Vec<&str> = doc.paragraphs.iter().map(|p| doc.slice(p.span)).collect();
        assert_eq!(
            paras,
            ["Christopher P. Costa and", "The New York Times", "Iran won. Iraq lost."]
        );
        let sents: Vec<(&str, usize)> = doc.sentences.iter().map(|s| (doc.slice(s.span), s.paragraph)).collect();
        assert_eq!(
            sents,
            [
                ("Christopher P. Costa and", 0),
                ("The New York Times", 1),
                ("Iran won.", 2),
                ("Iraq lost.", 2)
            ]
        );
        assert_eq!(doc.paragraphs[2].first_sentence, 2);
    }

    #[test]
    fn sentence_at_finds_the_enclosing_sentence() {
        let doc = Document::new("Iran won. Iraq lost.".into());
        assert_eq!(doc.sentence_at(0), Some(0));
        assert_eq!(doc.sentence_at(11), Some(1));
        assert_eq!(doc.sentence_at(9), None); // the space between them
    }

    #[test]
    fn cuts_fall_after_line_ends() {
        assert_eq!(line_cuts("a\nb\nc\n", 2), [0, 4, 6]);
        assert_eq!(line_cuts("no line end", 3), [0, 11, 11, 11]);
    }

    #[test]
    fn a_long_text_cut_in_parts_is_cut_as_a_whole() {
        let mut text = String::new();
        let mut k = 0;
        while text.len() < 3 * PART {
            text.push_str(&format!(
                "Para {k}. Mr. Smith went to Washington. Did he?\n\n  Another line {k}!\n"
            ));
            k += 1;
        }
        text.push_str("The end, with no line end");
        let whole = cut(&text, 0..text.len());
        let doc = Document::new(text);
        assert!(doc.paragraphs.len() > 100_000);
        assert_eq!((doc.paragraphs, doc.sentences), whole);
    }

    #[test]
    fn empty_text_has_no_paragraphs() {
        let doc = Document::new(String::new());
        assert!(doc.paragraphs.is_empty() && doc.sentences.is_empty());
    }
}
