//! The map's colour themes, chosen in the app, on the command line
//! (`render --theme`) and saved in projects by name.

use serde::{Deserialize, Deserializer, Serialize};

/// The colours of the map (and of pictures made from it).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum MapTheme {
    /// Light land on a pale blue sea.
    #[default]
    Light,
    /// Dark land on a dark sea.
    Dark,
    /// For paper and projectors: white sea and land, dark borders.
    Print,
}

impl MapTheme {
    /// Every theme, in menu order.
    pub const ALL: [MapTheme; 3] = [MapTheme::Light, MapTheme::Dark, MapTheme::Print];

    /// The name used on the command line, in menus and in files (`light`, `dark`, `print`).
    pub fn name(self) -> &'static str {
        match self {
            MapTheme::Light => "light",
            MapTheme::Dark => "dark",
            MapTheme::Print => "print",
        }
    }

    /// The theme called `name` (case-insensitive).
    pub fn from_name(name: &str) -> Option<MapTheme> {
        MapTheme::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(name.trim()))
    }

    /// Are the app's panels dark with this theme? (Print is drawn on light panels.)
    pub fn dark_panels(self) -> bool {
        self == MapTheme::Dark
    }

    /// Read a theme saved by name, where an unknown name (a theme of a newer
    /// version, a hand-edited file) means no theme rather than a broken file.
    pub fn deserialize_lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<MapTheme>, D::Error> {
        let name: Option<String> = Option::deserialize(d)?;
        Ok(name.as_deref().and_then(MapTheme::from_name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_none() {
        for theme in MapTheme::ALL {
            assert_eq!(MapTheme::from_name(theme.name()), Some(theme));
            assert_eq!(serde_json::to_string(&theme).unwrap(), format!("\"{}\"", theme.name()));
        }
        #[derive(Deserialize)]
        struct Saved {
            #[serde(default, deserialize_with = "MapTheme::deserialize_lenient")]
            theme: Option<MapTheme>,
        }
        let read = |json: &str| serde_json::from_str::<Saved>(json).unwrap().theme;
        assert_eq!(read(r#"{"theme": "Print"}"#), Some(MapTheme::Print));
        assert_eq!(read(r#"{"theme": "sepia"}"#), None);
        assert_eq!(read(r#"{"theme": null}"#), None);
        assert_eq!(read("{}"), None);
    }
}
