//! Colours of the map: light, dark and print themes, each with the default
//! ColorBrewer OrRd mention scale or a colour-blind-safe viridis scale.

use egui::Color32;

use super::MapTheme;

/// Five classes of viridis (matplotlib's perceptually uniform scale, readable
/// with every common colour-vision deficiency and in greyscale), light to dark.
const VIRIDIS: [Color32; 5] = [
    Color32::from_rgb(0xfd, 0xe7, 0x25),
    Color32::from_rgb(0x5e, 0xc9, 0x62),
    Color32::from_rgb(0x21, 0x91, 0x8c),
    Color32::from_rgb(0x3b, 0x52, 0x8b),
    Color32::from_rgb(0x44, 0x01, 0x54),
];

/// Every colour the map layers use.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Sea (the background of the built-in basemap).
    pub ocean: Color32,
    /// Countries not mentioned.
    pub land: Color32,
    /// Borders and coasts.
    pub border: Color32,
    /// Mention classes, fewest to most (see [`crate::map::classes::mention_class`]).
    pub classes: [Color32; 5],
    /// Outline of the selected country, marker, pin or region.
    pub selected: Color32,
    /// Outline of the hovered country.
    pub hovered: Color32,
    /// Fill of the proportional markers.
    pub marker: Color32,
    /// Outline of markers and pins.
    pub marker_outline: Color32,
    /// City pins.
    pub city: Color32,
    /// Region marks and their names.
    pub region: Color32,
    /// Co-mention links.
    pub link: Color32,
    /// Label text.
    pub text: Color32,
    /// Background behind labels, the legend and the attribution.
    pub halo: Color32,
}

/// The colours of a comparison's classes: only in A (blue), only in B
/// (orange), in both (purple) — told apart with the common forms of colour blindness.
pub const COMPARE: [Color32; 3] = [
    Color32::from_rgb(0x1f, 0x78, 0xb4),
    Color32::from_rgb(0xff, 0x8c, 0x1a),
    Color32::from_rgb(0x7b, 0x4f, 0xa6),
];

impl Palette {
    /// This palette with the comparison's colours as its first three classes.
    pub fn compared(mut self) -> Palette {
        self.classes[..3].copy_from_slice(&COMPARE);
        self
    }

    /// The light or dark palette. `online` makes the data layers see-through
    /// so that the online tiles show beneath them.
    pub fn new(dark: bool, online: bool) -> Palette {
        Palette::for_theme(if dark { MapTheme::Dark } else { MapTheme::Light }, false, online)
    }

    /// The palette of `theme`; `colorblind` swaps the mention scale for
    /// viridis (and makes the markers neutral grey, apart from every class).
    pub fn for_theme(theme: MapTheme, colorblind: bool, online: bool) -> Palette {
        let dark = theme == MapTheme::Dark;
        let mut palette = Palette::base(dark, online);
        if theme == MapTheme::Print {
            palette.ocean = Color32::WHITE;
            palette.land = Color32::from_rgb(0xf2, 0xf2, 0xf2);
            palette.border = Color32::from_rgb(0x33, 0x33, 0x33);
            palette.text = Color32::BLACK;
            palette.halo = Color32::from_rgba_unmultiplied(0xff, 0xff, 0xff, 235);
            palette.marker_outline = Color32::from_rgb(0x22, 0x22, 0x22);
        }
        if colorblind {
            let mut classes = VIRIDIS;
            if dark {
                // Brighter means more on a dark map.
                classes.reverse();
            }
            palette.classes = if online {
                classes.map(|c| c.gamma_multiply(0.7))
            } else {
                classes
            };
            palette.marker = if dark {
                Color32::from_rgba_unmultiplied(0xee, 0xee, 0xee, 170)
            } else {
                Color32::from_rgba_unmultiplied(0x1e, 0x1e, 0x1e, 150)
            };
            palette.selected = Color32::from_rgb(0xe6, 0x61, 0x00);
        }
        palette
    }

    /// The default light or dark palette.
    fn base(dark: bool, online: bool) -> Palette {
        // ColorBrewer OrRd, light to dark (sequential, colour-blind safe).
        let classes = if dark {
            [
                Color32::from_rgb(0x7f, 0x3b, 0x2a),
                Color32::from_rgb(0xb3, 0x4a, 0x2a),
                Color32::from_rgb(0xe3, 0x6a, 0x33),
                Color32::from_rgb(0xfc, 0x8d, 0x59),
                Color32::from_rgb(0xfd, 0xcc, 0x8a),
            ]
        } else {
            [
                Color32::from_rgb(0xfd, 0xd4, 0x9e),
                Color32::from_rgb(0xfd, 0xbb, 0x84),
                Color32::from_rgb(0xfc, 0x8d, 0x59),
                Color32::from_rgb(0xe3, 0x4a, 0x33),
                Color32::from_rgb(0xb3, 0x00, 0x00),
            ]
        };
        let classes = if online {
            classes.map(|c| c.gamma_multiply(0.7))
        } else {
            classes
        };
        if dark {
            Palette {
                ocean: Color32::from_rgb(0x1b, 0x24, 0x31),
                land: Color32::from_rgb(0x3b, 0x40, 0x48),
                border: Color32::from_rgb(0x62, 0x69, 0x73),
                classes,
                selected: Color32::from_rgb(0x7f, 0xd4, 0xff),
                hovered: Color32::from_rgb(0xe8, 0xe8, 0xe8),
                marker: Color32::from_rgba_unmultiplied(0x6c, 0xa8, 0xe0, 190),
                marker_outline: Color32::from_rgb(0x10, 0x18, 0x22),
                city: Color32::from_rgb(0xf0, 0xf0, 0xf0),
                region: Color32::from_rgb(0xb9, 0xa7, 0xf0),
                link: Color32::from_rgba_unmultiplied(0xd8, 0xe6, 0xf5, 150),
                text: Color32::from_rgb(0xf0, 0xf0, 0xf0),
                halo: Color32::from_rgba_unmultiplied(0x14, 0x18, 0x20, 205),
            }
        } else {
            Palette {
                ocean: Color32::from_rgb(0xcd, 0xdf, 0xea),
                land: Color32::from_rgb(0xec, 0xea, 0xe4),
                border: Color32::from_rgb(0xa6, 0xa6, 0xa0),
                classes,
                selected: Color32::from_rgb(0x00, 0x4c, 0x99),
                hovered: Color32::from_rgb(0x30, 0x30, 0x30),
                marker: Color32::from_rgba_unmultiplied(0x25, 0x5f, 0x9e, 170),
                marker_outline: Color32::WHITE,
                city: Color32::from_rgb(0x22, 0x22, 0x22),
                region: Color32::from_rgb(0x5b, 0x3f, 0xa8),
                link: Color32::from_rgba_unmultiplied(0x27, 0x3a, 0x52, 140),
                text: Color32::from_rgb(0x1e, 0x1e, 0x1e),
                halo: Color32::from_rgba_unmultiplied(0xff, 0xff, 0xff, 210),
            }
        }
    }
}
