//! Pictures out: the `render` command that writes a picture's scene
//! ([`crate::picture`]) as PNG, SVG or PDF, PNG encoding with text chunks,
//! and egui frames drawn offscreen through egui's wgpu renderer (to check
//! that the app's preview painter draws what the files show).

pub mod command;
mod offscreen;
pub mod picture;
mod png;

pub use offscreen::{Offscreen, RenderError};
pub use picture::{MAX_SIDE_PX, picture_bytes, render_scene};
pub use png::{encode_png, png_bytes, png_bytes_with_text};

/// Run one egui frame of `size_px` pixels at `pixels_per_point`, drawn by
/// `draw` on the whole screen, and render it.
pub fn render_frame(
    offscreen: &mut Offscreen,
    ctx: &egui::Context,
    size_px: [u32; 2],
    pixels_per_point: f32,
    mut draw: impl FnMut(&mut egui::Ui),
) -> Result<egui::ColorImage, RenderError> {
    let size_points = egui::vec2(size_px[0] as f32, size_px[1] as f32) / pixels_per_point;
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size_points)),
        ..Default::default()
    };
    // The scale must hold from this very frame: `Context::set_pixels_per_point`
    // only takes effect on the next one.
    input
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .native_pixels_per_point = Some(pixels_per_point);
    ctx.set_zoom_factor(1.0);
    let output = ctx.run_ui(input, |ui| draw(ui));
    offscreen.render(ctx, output, size_px)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[ignore = "needs a Vulkan driver, on a machine with no GPU Mesa's software one (apt-get install -y mesa-vulkan-drivers); .ci/run runs it"]
    fn renders_a_frame_to_pixels_and_png() {
        let mut off = match Offscreen::new() {
            Ok(o) => o,
            Err(e) => panic!("{e}"),
        };
        let ctx = egui::Context::default();
        let image = render_frame(&mut off, &ctx, [64, 48], 1.0, |ui| {
            ui.painter()
                .rect_filled(ui.max_rect(), 0.0, egui::Color32::from_rgb(200, 30, 40));
        })
        .unwrap();
        assert_eq!(image.size, [64, 48]);
        let px = image.pixels[24 * 64 + 32];
        assert_eq!(
            (px.r(), px.g(), px.b(), px.a()),
            (200, 30, 40, 255),
            "adapter {}",
            off.adapter
        );
        let png = png_bytes(&image).unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }
}
