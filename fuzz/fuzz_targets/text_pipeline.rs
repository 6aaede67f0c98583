//! Bytes → `decode_article` → `Document` → analysis.
#![no_main]

use std::path::Path;

use article_atlas::analysis::Analyzer;
use article_atlas::text::{Document, decode_article};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((text, _warnings)) = decode_article(data.to_vec(), Path::new("fuzz.txt")) else {
        return;
    };
    let document = Document::new(text);
    // Walk the structure the app reads back.
    for sentence in &document.sentences {
        let _ = document.slice(sentence.span);
    }
    let analysis = Analyzer::builtin().analyze(document);
    for m in &analysis.mentions {
        let _ = analysis.surface(m);
    }
    let _ = analysis.passages();
});
