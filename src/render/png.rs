//! Encoding a picture as PNG.

use std::io::Write;

/// Encode `image` as an 8-bit RGBA PNG (alpha un-premultiplied), with
/// `text` as international text chunks (keyword, text): "Title",
/// "Description" (the alt text), …
pub fn encode_png(image: &egui::ColorImage, out: impl Write, text: &[(&str, &str)]) -> Result<(), png::EncodingError> {
    let [w, h] = image.size;
    let mut encoder = png::Encoder::new(out, w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    for (keyword, value) in text {
        encoder.add_itxt_chunk(keyword.to_string(), value.to_string())?;
    }
    let mut writer = encoder.write_header()?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
    writer.write_image_data(&bytes)?;
    writer.finish()
}

/// Encode `image` as PNG bytes.
pub fn png_bytes(image: &egui::ColorImage) -> Result<Vec<u8>, png::EncodingError> {
    png_bytes_with_text(image, &[])
}

/// Encode `image` as PNG bytes with text chunks (see [`encode_png`]).
pub fn png_bytes_with_text(image: &egui::ColorImage, text: &[(&str, &str)]) -> Result<Vec<u8>, png::EncodingError> {
    let mut buf = Vec::new();
    encode_png(image, &mut buf, text)?;
    Ok(buf)
}
