//! The one place where a picture's [`Scene`] becomes the bytes of a file
//! (PNG, SVG or PDF); and the scene drawn by egui's renderer offscreen,
//! which shows that the app's preview painter draws what the files show.

use egui::ColorImage;

use super::{Offscreen, RenderError, png_bytes_with_text, render_frame};
use crate::picture::paint::paint;
use crate::picture::raster::{rasterize, size_px};
use crate::picture::{PictureFormat, Scene, pdf, svg};

pub use crate::picture::raster::MAX_SIDE_PX;

/// The bytes of `scene` in `format` (a PNG at `scale` pixels per point).
/// The caption goes in each file as its description, the title as its title.
pub fn picture_bytes(scene: &Scene, format: PictureFormat, scale: f32) -> Result<Vec<u8>, String> {
    match format {
        PictureFormat::Svg => Ok(svg::to_svg(scene).into_bytes()),
        PictureFormat::Pdf => pdf::to_pdf(scene),
        PictureFormat::Png => {
            let image = rasterize(scene, scale)?;
            let mut text = vec![("Description", scene.caption.as_str())];
            if let Some(title) = &scene.title {
                text.push(("Title", title.as_str()));
            }
            text.push(("Software", "Article Atlas"));
            png_bytes_with_text(&image, &text).map_err(|e| format!("cannot encode PNG: {e}"))
        }
    }
}

/// `scene` painted by the app's preview painter ([`paint`]) through egui's
/// wgpu renderer offscreen, at `scale` pixels per point (opaque pixels).
pub fn render_scene(offscreen: &mut Offscreen, scene: &Scene, scale: f32) -> Result<ColorImage, RenderError> {
    let [w, h] = size_px(scene, scale);
    if w > MAX_SIDE_PX || h > MAX_SIDE_PX {
        return Err(RenderError::Gpu(format!(
            "a {w}×{h} px picture is larger than {MAX_SIDE_PX} px per side"
        )));
    }
    let ctx = egui::Context::default();
    render_frame(offscreen, &ctx, [w, h], scale, |ui| {
        paint(scene, ui.painter(), ui.max_rect());
    })
}
