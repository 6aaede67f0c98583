//! A picture's [`Scene`] drawn offscreen by egui's renderer (the same
//! painter as the app's preview) for the PNG; and the one place where a
//! scene becomes the bytes of any picture format.

use egui::ColorImage;

use super::{Offscreen, RenderError, png_bytes_with_text, render_frame};
use crate::picture::paint::paint;
use crate::picture::{PictureFormat, Scene, pdf, svg};

/// The largest picture side, in pixels, after scaling (the GPU texture limit
/// wgpu guarantees everywhere).
pub const MAX_SIDE_PX: u32 = 8192;

/// The size in pixels of `scene` drawn at `scale` pixels per point.
pub fn size_px(scene: &Scene, scale: f32) -> [u32; 2] {
    [
        (scene.size.x * scale).round().max(1.0) as u32,
        (scene.size.y * scale).round().max(1.0) as u32,
    ]
}

/// Draw `scene` offscreen at `scale` pixels per point and return its pixels (opaque).
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

/// The bytes of `scene` in `format`: a PNG at `scale` (drawn by `renderer`,
/// made on first need and kept for the next picture), an SVG or a PDF. The
/// caption goes in each file as its description.
pub fn picture_bytes(
    scene: &Scene,
    format: PictureFormat,
    scale: f32,
    renderer: &mut Option<Offscreen>,
) -> Result<Vec<u8>, String> {
    match format {
        PictureFormat::Svg => Ok(svg::to_svg(scene).into_bytes()),
        PictureFormat::Pdf => pdf::to_pdf(scene),
        PictureFormat::Png => {
            if renderer.is_none() {
                *renderer = Some(Offscreen::new().map_err(|e| e.to_string())?);
            }
            let offscreen = renderer.as_mut().expect("made above");
            let image = render_scene(offscreen, scene, scale).map_err(|e| e.to_string())?;
            let mut text = vec![("Description", scene.caption.as_str())];
            if let Some(title) = &scene.title {
                text.push(("Title", title.as_str()));
            }
            text.push(("Software", "Article Atlas"));
            png_bytes_with_text(&image, &text).map_err(|e| format!("cannot encode PNG: {e}"))
        }
    }
}
