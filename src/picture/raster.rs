//! A [`Scene`] as pixels: its SVG rasterised by `resvg` (tiny-skia, on the
//! CPU), so that the PNG shows exactly what the SVG and PDF show, on any
//! machine, GPU or not, in a few tens of milliseconds.

use egui::ColorImage;

use super::scene::Scene;
use super::svg::to_svg;
use crate::cartography::font::usvg_options;

/// The largest picture side, in pixels, after scaling.
pub const MAX_SIDE_PX: u32 = 8192;

/// The size in pixels of `scene` drawn at `scale` pixels per point.
pub fn size_px(scene: &Scene, scale: f32) -> [u32; 2] {
    [
        (scene.size.x * scale).round().max(1.0) as u32,
        (scene.size.y * scale).round().max(1.0) as u32,
    ]
}

/// `scene` drawn at `scale` pixels per point.
pub fn rasterize(scene: &Scene, scale: f32) -> Result<ColorImage, String> {
    let [w, h] = size_px(scene, scale);
    if w > MAX_SIDE_PX || h > MAX_SIDE_PX {
        return Err(format!("a {w}×{h} px picture is larger than {MAX_SIDE_PX} px per side"));
    }
    let tree =
        resvg::usvg::Tree::from_str(&to_svg(scene), &usvg_options()).map_err(|e| format!("the picture's SVG: {e}"))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).ok_or_else(|| format!("cannot make a {w}×{h} px picture"))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(w as f32 / scene.size.x, h as f32 / scene.size.y),
        &mut pixmap.as_mut(),
    );
    Ok(ColorImage::from_rgba_premultiplied(
        [w as usize, h as usize],
        pixmap.data(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;
    use crate::cartography::ProjectionKind;
    use crate::picture::{PictureSpec, build};

    #[test]
    fn a_picture_is_rasterised_at_its_scale_and_opaque() {
        let analysis = Analyzer::builtin().analyze_text("Talks in Doha, Qatar.");
        let scene = build(
            &analysis,
            &PictureSpec::new(egui::vec2(320.0, 200.0), ProjectionKind::EqualEarth),
        );
        let image = rasterize(&scene, 2.0).unwrap();
        assert_eq!(image.size, [640, 400]);
        assert!(image.pixels.iter().all(|p| p.a() == 255));
        assert!(rasterize(&scene, 40.0).unwrap_err().contains("larger than 8192"));
    }
}
