//! The picture of the map: [`MapView`] with its overlays (title, legend,
//! attribution) drawn in an offscreen egui context, exactly as the app's map
//! panel draws it. Both the app's "Export PNG" / "Copy image" and the
//! `article-atlas render` command come through [`render_picture`].

use egui::{ColorImage, Vec2};

use super::{Offscreen, RenderError, render_frame};
use crate::analysis::Analysis;
use crate::map::{MapOptions, MapView, fit_view};
use crate::place::Place;
use crate::world::{FINE_DETAIL_ZOOM, World};

/// The largest picture side, in pixels, after scaling (the GPU texture limit
/// wgpu guarantees everywhere).
pub const MAX_SIDE_PX: u32 = 8192;

/// What to draw.
#[derive(Clone, Debug)]
pub struct Picture<'a> {
    /// The analysis shown.
    pub analysis: &'a Analysis,
    /// Theme, layers and overlays.
    pub options: &'a MapOptions,
    /// The selected place (outlined; its passages in the legend).
    pub selected: Option<Place>,
    /// Size of the map in points.
    pub size: Vec2,
    /// Pixels per point: the picture is `size × scale` pixels.
    pub scale: f32,
    /// Centre longitude, latitude and zoom; `None` frames every mentioned
    /// country ([`fit_view`]).
    pub view: Option<(f64, f64, f64)>,
}

impl Picture<'_> {
    /// The picture's size in pixels.
    pub fn size_px(&self) -> [u32; 2] {
        [
            (self.size.x * self.scale).round().max(1.0) as u32,
            (self.size.y * self.scale).round().max(1.0) as u32,
        ]
    }

    /// The view drawn: [`Picture::view`] or the fit to the mentioned countries.
    pub fn view(&self) -> (f64, f64, f64) {
        self.view.unwrap_or_else(|| fit_view(self.analysis, self.size))
    }
}

/// Draw `picture` offscreen and return its pixels (opaque, `size_px`).
pub fn render_picture(offscreen: &mut Offscreen, picture: &Picture<'_>) -> Result<ColorImage, RenderError> {
    let [w, h] = picture.size_px();
    if w > MAX_SIDE_PX || h > MAX_SIDE_PX {
        return Err(RenderError::Gpu(format!(
            "a {w}×{h} px picture is larger than {MAX_SIDE_PX} px per side"
        )));
    }
    let ctx = egui::Context::default();
    ctx.set_visuals(if picture.options.theme.dark_panels() {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    });
    let view = picture.view();
    if view.2 >= FINE_DETAIL_ZOOM {
        // A picture waits for the detailed shapes the app loads in the background.
        World::fine();
    }
    let mut map = MapView::new(&ctx);
    map.hold_view(picture.analysis, view);
    render_frame(offscreen, &ctx, [w, h], picture.scale, |ui| {
        map.ui(ui, picture.analysis, picture.selected, picture.options);
    })
}
