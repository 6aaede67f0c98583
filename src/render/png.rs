//! Encoding a picture as PNG.

use std::io::Write;

/// Encode `image` as an 8-bit RGBA PNG (alpha un-premultiplied).
pub fn encode_png(image: &egui::ColorImage, out: impl Write) -> Result<(), png::EncodingError> {
    let [w, h] = image.size;
    let mut encoder = png::Encoder::new(out, w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
    writer.write_image_data(&bytes)?;
    writer.finish()
}

/// Encode `image` as PNG bytes.
pub fn png_bytes(image: &egui::ColorImage) -> Result<Vec<u8>, png::EncodingError> {
    let mut buf = Vec::new();
    encode_png(image, &mut buf)?;
    Ok(buf)
}
