//! `Project::from_bytes`, then analysing the loaded project with its
//! corrections (what opening a project file does).
#![no_main]

use std::path::Path;

use article_atlas::analysis::Analyzer;
use article_atlas::project::Project;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(project) = Project::from_bytes(data, Path::new("fuzz.atlas.json")) {
        let _ = project.analyze(Analyzer::builtin());
    }
});
