//! `CollectionProject::from_bytes` (what opening a saved collection reads),
//! then the app's collection restored from it over articles of no places,
//! and the project made again from the collection and read back.
#![no_main]

use std::path::Path;

use article_atlas::app::collection::CollectionView;
use article_atlas::collection::{Digest, Member};
use article_atlas::project::collection::CollectionProject;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(project) = CollectionProject::from_bytes(data, Path::new("fuzz.atlas.json")) else {
        return;
    };
    let members = project
        .articles
        .iter()
        .map(|saved| Member {
            path: saved.path.clone(),
            title: "x".into(),
            date: None,
            bytes: 0,
            overrides: saved.overrides.clone(),
            digest: Ok(Digest::default()),
        })
        .collect();
    let mut view = CollectionView::new(project.name.clone(), project.sources.clone(), members);
    view.restore(&project);
    let again = view.project();
    let json = serde_json::to_vec(&again).expect("a collection project serialises");
    CollectionProject::from_bytes(&json, Path::new("again.atlas.json")).expect("and reads back");
});
