//! The one typeface of pictures: Ubuntu Light, egui's default, so that the
//! PNG (drawn by egui), the SVG (which names it) and the PDF (which embeds
//! it) set the same words in the same space. Measured here with
//! `ttf-parser`, without an egui context, so that a picture can be laid out
//! anywhere (the command line, a test, a background thread).
//!
//! Ubuntu Light lacks letters that 1,083 of the gazetteer's 177,000 place
//! names use ("Rafaḩ", "Ḩeşār-e Shāh", "Đà Nẵng"'s "ẵ"): each would have
//! been drawn as a box. Those letters come from DejaVu Sans
//! ([`FALLBACK_FONT_DATA`], a subset made by `scripts/make_fallback_font.py`),
//! second in every chain: the app's fonts ([`install`]), the PNG's and the
//! PDF's ([`usvg_options`]), the SVG's family list and the measurements.

use std::sync::OnceLock;

/// The font file (Ubuntu Font Licence 1.0, shipped with egui).
pub const FONT_DATA: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// The letters the picture font lacks (DejaVu Sans's accented Latin,
/// Greek, Cyrillic and Arabic; Bitstream Vera licence, see data/NOTICE).
pub const FALLBACK_FONT_DATA: &[u8] = include_bytes!("../../data/fonts/DejaVuSans-Fallback.ttf");

/// The name egui knows the fallback font by.
const FALLBACK_NAME: &str = "DejaVuSans-Fallback";

/// The family name an SVG asks for, with fallbacks for machines without it.
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'DejaVu Sans', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

/// Give the app's text the fallback font's letters (after egui's own fonts).
pub fn install(ctx: &egui::Context) {
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| egui::epaint::text::InsertFontFamily {
            family,
            priority: egui::epaint::text::FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(egui::epaint::text::FontInsert::new(
        FALLBACK_NAME,
        egui::FontData::from_static(FALLBACK_FONT_DATA),
        families,
    ));
}

/// One face and its size of em.
struct Face {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

impl Face {
    fn parse(data: &'static [u8]) -> Face {
        let face = ttf_parser::Face::parse(data, 0).expect("a bundled font parses");
        let units_per_em = face.units_per_em() as f32;
        Face { face, units_per_em }
    }

    /// The advance of `c` in ems, if the face has it.
    fn advance(&self, c: char) -> Option<f32> {
        let glyph = self.face.glyph_index(c)?;
        self.face
            .glyph_hor_advance(glyph)
            .map(|a| f32::from(a) / self.units_per_em)
    }
}

/// Sizes of the typeface, per em.
pub struct FontMetrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    fallback: Face,
}

/// The picture font's metrics (parsed once).
pub fn metrics() -> &'static FontMetrics {
    static METRICS: OnceLock<FontMetrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let Face { face, units_per_em } = Face::parse(FONT_DATA);
        FontMetrics {
            face,
            units_per_em,
            fallback: Face::parse(FALLBACK_FONT_DATA),
        }
    })
}

impl FontMetrics {
    /// Width of `text` set at `size` points (advances, from the fallback
    /// font where the picture font lacks a letter; a character neither has
    /// counts as the width of an "n").
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let n = self.advance('n').unwrap_or(0.5);
        let ems: f32 = text.chars().map(|c| self.advance(c).unwrap_or(n)).sum();
        ems * size
    }

    /// The advance of `c` in ems, from the first font that has it.
    fn advance(&self, c: char) -> Option<f32> {
        let own = self
            .face
            .glyph_index(c)
            .and_then(|g| self.face.glyph_hor_advance(g))
            .map(|a| f32::from(a) / self.units_per_em);
        own.or_else(|| self.fallback.advance(c))
    }

    /// The characters of `text` (other than white space) that neither font
    /// has: drawn as boxes.
    pub fn missing<'t>(&'t self, text: &'t str) -> impl Iterator<Item = char> + 't {
        let has = |c: char| self.face.glyph_index(c).is_some() || self.fallback.face.glyph_index(c).is_some();
        text.chars().filter(move |&c| !c.is_whitespace() && !has(c))
    }

    /// Distance from the top of a line to its baseline at `size` points.
    pub fn ascent(&self, size: f32) -> f32 {
        self.face.ascender() as f32 * size / self.units_per_em
    }

    /// Height of one line at `size` points (ascent, descent and line gap).
    pub fn line_height(&self, size: f32) -> f32 {
        let units = self.face.ascender() as f32 - self.face.descender() as f32 + self.face.line_gap() as f32;
        units * size / self.units_per_em
    }

    /// The text's size at `size` points: width and line height.
    pub fn size(&self, text: &str, size: f32) -> egui::Vec2 {
        egui::vec2(self.width(text, size), self.line_height(size))
    }
}

/// Options for reading the pictures' SVG (to rasterise it or make a PDF):
/// only the picture font and its fallback, no system fonts, so that every
/// machine sets the same words in the same space.
pub fn usvg_options() -> resvg::usvg::Options<'static> {
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_font_data(FONT_DATA.to_vec());
    // Loaded second: the picture font's family stays the default below, and
    // a letter it lacks is taken from the face that has it.
    fonts.load_font_data(FALLBACK_FONT_DATA.to_vec());
    let family = fonts
        .faces()
        .next()
        .and_then(|f| f.families.first().map(|(name, _)| name.clone()))
        .unwrap_or_else(|| "Ubuntu".into());
    fonts.set_sans_serif_family(family.clone());
    options.font_family = family;
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_place_name_has_its_letters_in_the_fonts() {
        let g = crate::gazetteer::Gazetteer::builtin();
        let fonts = metrics();
        let names = (0..g.cities.len())
            .map(|k| g.cities.name(k))
            .chain(g.divisions.iter().map(|d| d.name.as_str()))
            .chain(g.countries.iter().map(|c| c.name.as_str()));
        let lacking: Vec<(&str, Vec<char>)> = names
            .filter_map(|name| {
                let missing: Vec<char> = fonts.missing(name).collect();
                (!missing.is_empty()).then_some((name, missing))
            })
            .collect();
        assert!(
            lacking.is_empty(),
            "{} names lack letters: {:?}",
            lacking.len(),
            &lacking[..lacking.len().min(10)]
        );
        // The picture font alone lacked these.
        assert!(fonts.face.glyph_index('ḩ').is_none() && fonts.missing("Rafaḩ, Đà Nẵng, Ḩeşār").next().is_none());
        assert_eq!(fonts.missing("Rafa\u{10FFFD}h").collect::<Vec<_>>(), ['\u{10FFFD}']);
    }

    /// The glyphs a picture's SVG sets `text` in, as (glyph id, font family) pairs.
    fn glyphs_in_pictures(text: &str) -> Vec<(u16, String)> {
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="30" font-family="{FONT_FAMILY}" font-size="20">{text}</text></svg>"#
        );
        let tree = resvg::usvg::Tree::from_str(&svg, &usvg_options()).unwrap();
        let mut glyphs = Vec::new();
        fn walk(group: &resvg::usvg::Group, tree: &resvg::usvg::Tree, out: &mut Vec<(u16, String)>) {
            for node in group.children() {
                match node {
                    resvg::usvg::Node::Group(g) => walk(g, tree, out),
                    resvg::usvg::Node::Text(t) => {
                        for span in t.layouted() {
                            for glyph in &span.positioned_glyphs {
                                let family = tree
                                    .fontdb()
                                    .face(glyph.font)
                                    .and_then(|f| f.families.first().map(|(n, _)| n.clone()))
                                    .unwrap_or_default();
                                out.push((glyph.id.0, family));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        walk(tree.root(), &tree, &mut glyphs);
        glyphs
    }

    #[test]
    fn pictures_take_a_letter_the_picture_font_lacks_from_the_fallback() {
        let glyphs = glyphs_in_pictures("Rafaḩ");
        assert_eq!(glyphs.len(), 5, "{glyphs:?}");
        assert!(glyphs.iter().all(|(id, _)| *id != 0), "no box: {glyphs:?}");
        assert!(glyphs[..4].iter().all(|(_, family)| family == "Ubuntu"), "{glyphs:?}");
        assert_eq!(glyphs[4].1, "DejaVu Sans");
    }

    #[test]
    fn measures_as_egui_lays_out() {
        let ctx = egui::Context::default();
        install(&ctx);
        let samples = [
            ("Afghanistan", 13.5),
            ("United States", 24.0),
            ("Côte d’Ivoire", 11.5),
            ("Rafaḩ", 13.5),
            ("Đà Nẵng", 20.0),
        ];
        let mut sizes = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            for (text, size) in samples {
                let font = egui::FontId::proportional(size);
                sizes.push(
                    ui.painter()
                        .layout_no_wrap(text.to_string(), font, egui::Color32::BLACK)
                        .size(),
                );
            }
        });
        output.textures_delta.clear();
        for ((text, size), theirs) in samples.into_iter().zip(sizes) {
            let ours = metrics().size(text, size);
            assert!(
                (ours.x - theirs.x).abs() <= theirs.x * 0.04 + 1.0,
                "{text}: width {ours:?} vs egui's {theirs:?}"
            );
            assert!(
                (ours.y - theirs.y).abs() <= 2.0,
                "{text}: height {ours:?} vs egui's {theirs:?}"
            );
        }
        // The app's text has the letters: drawn, not boxes.
        let font = egui::FontId::proportional(13.5);
        assert!(ctx.fonts_mut(|f| f.has_glyphs(&font, "Rafaḩ Đà Nẵng")));
        let bare = egui::Context::default();
        bare.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
        assert!(!bare.fonts_mut(|f| f.has_glyph(&font, 'ḩ')), "egui's own fonts lack it");
    }
}
