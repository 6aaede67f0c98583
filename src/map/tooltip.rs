//! The contents of the hover tooltips.

use crate::gazetteer::Gazetteer;
use crate::place::{PlaceKind, PlaceSummary};

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A mentioned place: its name (a city with its country), how often it is
/// mentioned, and the words used for it when they are not just its name.
pub fn place(ui: &mut egui::Ui, p: &PlaceSummary) {
    let g = Gazetteer::builtin();
    match (p.kind(), p.country) {
        (PlaceKind::City | PlaceKind::Division, Some(country)) => {
            ui.strong(format!("{} ({})", p.name, g.countries[country].name))
        }
        _ => ui.strong(&p.name),
    };
    let count = format!("{} mention{}", p.mentions, plural(p.mentions));
    ui.label(match p.place {
        crate::place::Place::Region(_) => format!("region, {count}"),
        crate::place::Place::Division(d) => format!("{}, {count}", g.divisions[d as usize].kind),
        _ => count,
    });
    if let Some(why) = p.reason.describe(g) {
        ui.weak(why);
    }
    if p.surfaces.iter().any(|s| *s != p.name) {
        ui.label(format!("as {}", p.surfaces.join(", ")));
    }
}

/// A country the text does not mention.
pub fn unmentioned_country(ui: &mut egui::Ui, name: &str) {
    ui.strong(name);
    ui.weak("not mentioned");
}
