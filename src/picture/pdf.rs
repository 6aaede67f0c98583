//! A [`Scene`] as PDF: its SVG converted by `svg2pdf` (text stays text, in
//! the embedded picture font), placed on a page of the picture's size, with
//! the title and caption in the document's metadata (`pdf-writer`).

use std::collections::HashMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use svg2pdf::usvg;

use super::scene::Scene;
use super::svg::to_svg;
use crate::cartography::font::usvg_options;

/// The PDF of `scene`, one page of its size (1 point = 1 PDF point).
pub fn to_pdf(scene: &Scene) -> Result<Vec<u8>, String> {
    let svg = to_svg(scene);
    let tree = usvg::Tree::from_str(&svg, &usvg_options()).map_err(|e| format!("the picture's SVG: {e}"))?;
    let (chunk, svg_id) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
        .map_err(|e| format!("PDF conversion failed: {e}"))?;

    let mut alloc = Ref::new(1);
    let catalog_id = alloc.bump();
    let pages_id = alloc.bump();
    let page_id = alloc.bump();
    let content_id = alloc.bump();
    let info_id = alloc.bump();
    let mut renumbered = HashMap::new();
    let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
    let svg_id = renumbered
        .get(&svg_id)
        .copied()
        .ok_or("PDF conversion lost the picture")?;
    let svg_name = Name(b"Map");
    let (w, h) = (scene.size.x, scene.size.y);

    let mut pdf = Pdf::new();
    pdf.catalog(catalog_id).pages(pages_id);
    pdf.pages(pages_id).kids([page_id]).count(1);
    let mut page = pdf.page(page_id);
    page.media_box(Rect::new(0.0, 0.0, w, h));
    page.parent(pages_id);
    page.contents(content_id);
    page.resources().x_objects().pair(svg_name, svg_id);
    page.finish();
    let mut content = Content::new();
    content.transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(svg_name);
    pdf.stream(content_id, &content.finish());
    pdf.extend(&chunk);
    let mut info = pdf.document_info(info_id);
    if let Some(title) = &scene.title {
        info.title(TextStr(title));
    }
    info.subject(TextStr(&scene.caption));
    info.creator(TextStr("Article Atlas"));
    info.finish();
    Ok(pdf.finish())
}
