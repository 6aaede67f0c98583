//! `World::from_topojson` on arbitrary UTF-8.
#![no_main]

use article_atlas::gazetteer::Gazetteer;
use article_atlas::world::World;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|json: &str| {
    let _ = World::from_topojson(json, Gazetteer::builtin());
});
