//! The document model: reading article bytes, normalising them, and cutting the
//! text into paragraphs and sentences (the passages that mentions point into).

mod document;
mod input;
mod runs;
mod sentences;

pub use document::{Document, Paragraph, Sentence, Span, line_cuts, parts_of};
pub use input::{InputError, decode_article, decode_article_as, read_article, read_bytes};
pub use runs::{is_alphanumeric, leading_run, trailing_run};
