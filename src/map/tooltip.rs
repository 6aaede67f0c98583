//! The contents of the hover tooltips.

use crate::analysis::{CitySummary, CountrySummary, RegionSummary};

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A mentioned country: name, count, the words used for it.
pub fn country(ui: &mut egui::Ui, c: &CountrySummary) {
    ui.strong(&c.name);
    ui.label(format!("{} mention{}", c.mentions, plural(c.mentions)));
    if !c.surfaces.is_empty() {
        ui.label(format!("as {}", c.surfaces.join(", ")));
    }
}

/// A country the text does not mention.
pub fn unmentioned_country(ui: &mut egui::Ui, name: &str) {
    ui.strong(name);
    ui.weak("not mentioned");
}

/// A mentioned city.
pub fn city(ui: &mut egui::Ui, c: &CitySummary, country_name: &str) {
    ui.strong(format!("{} ({country_name})", c.name));
    ui.label(format!("{} mention{}", c.mentions, plural(c.mentions)));
}

/// A mentioned region.
pub fn region(ui: &mut egui::Ui, r: &RegionSummary) {
    ui.strong(&r.name);
    ui.label(format!("region, {} mention{}", r.mentions, plural(r.mentions)));
    if !r.surfaces.is_empty() {
        ui.label(format!("as {}", r.surfaces.join(", ")));
    }
}
