//! The one typeface of pictures: Ubuntu Light, egui's default, so that the
//! PNG (drawn by egui), the SVG (which names it) and the PDF (which embeds
//! it) set the same words in the same space. Measured here with
//! `ttf-parser`, without an egui context, so that a picture can be laid out
//! anywhere (the command line, a test, a background thread).

use std::sync::OnceLock;

/// The font file (Ubuntu Font Licence 1.0, shipped with egui).
pub const FONT_DATA: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// The family name an SVG asks for, with fallbacks for machines without it.
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

/// Sizes of the typeface, per em.
pub struct FontMetrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
}

/// The picture font's metrics (parsed once).
pub fn metrics() -> &'static FontMetrics {
    static METRICS: OnceLock<FontMetrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let face = ttf_parser::Face::parse(FONT_DATA, 0).expect("egui's bundled font parses");
        let units_per_em = face.units_per_em() as f32;
        FontMetrics { face, units_per_em }
    })
}

impl FontMetrics {
    /// Width of `text` set at `size` points (advances; a character the font
    /// lacks counts as the width of an "n").
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let fallback = self.advance('n').unwrap_or(self.units_per_em / 2.0);
        let units: f32 = text.chars().map(|c| self.advance(c).unwrap_or(fallback)).sum();
        units * size / self.units_per_em
    }

    fn advance(&self, c: char) -> Option<f32> {
        let glyph = self.face.glyph_index(c)?;
        self.face.glyph_hor_advance(glyph).map(f32::from)
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
/// only the picture font, no system fonts, so that every machine sets the
/// same words in the same space.
pub fn usvg_options() -> resvg::usvg::Options<'static> {
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_font_data(FONT_DATA.to_vec());
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
    fn measures_as_egui_lays_out() {
        let ctx = egui::Context::default();
        let samples = [("Afghanistan", 13.5), ("United States", 24.0), ("Côte d’Ivoire", 11.5)];
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
    }
}
