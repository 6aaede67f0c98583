//! `import::import` with `.html` and `.md` origins (the first byte picks
//! which), then cutting the result into a `Document`.
#![no_main]

use std::path::Path;

use article_atlas::import::import;
use article_atlas::text::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let origin = if selector & 1 == 0 { "fuzz.html" } else { "fuzz.md" };
    if let Ok(imported) = import(rest.to_vec(), Path::new(origin)) {
        let _ = Document::new(imported.text);
    }
});
