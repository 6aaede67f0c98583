//! "Export picture": a preview of the picture as it will be saved (in the
//! chosen projection), the format (PNG, SVG, PDF), the PNG's scale, the
//! projection, and the caption to use as alt text.

use egui::{Context, Sense, Window, vec2};

use crate::analysis::Analysis;
use crate::app::{Action, AppState};
use crate::cartography::ProjectionKind;
use crate::map::draw::clickable_mark;
use crate::picture::paint::{fitted_size, paint};
use crate::picture::{PictureFormat, Scene};
use crate::place::{Place, PlaceKind};

/// The export window's own memory: the format and scale chosen.
#[derive(Clone, Debug)]
pub struct ExportUi {
    format: PictureFormat,
    scale: u32,
}

impl Default for ExportUi {
    fn default() -> Self {
        ExportUi {
            format: PictureFormat::Png,
            scale: 2,
        }
    }
}

impl ExportUi {
    /// The window, while it is open; `scene` is the picture to preview.
    pub fn window(&mut self, ctx: &Context, state: &AppState, scene: &Scene) -> Vec<Action> {
        let mut actions = Vec::new();
        if !state.picture.exporting {
            return actions;
        }
        let mut open = true;
        Window::new("Export picture")
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                if let Some(place) = preview(ui, scene, &state.article.analysis, vec2(500.0, 300.0)) {
                    actions.push(Action::Select(Some(place)));
                }
                ui.horizontal(|ui| {
                    ui.label("Projection");
                    for projection in ProjectionKind::ALL {
                        if ui
                            .radio(state.picture.projection == projection, projection.label())
                            .clicked()
                        {
                            actions.push(Action::SetProjection(projection));
                        }
                    }
                });
                ui.horizontal(|ui| {
                    ui.label("Format");
                    for (format, label) in [
                        (PictureFormat::Png, "PNG"),
                        (PictureFormat::Svg, "SVG (labels as text)"),
                        (PictureFormat::Pdf, "PDF (labels as text)"),
                    ] {
                        ui.radio_value(&mut self.format, format, label);
                    }
                });
                ui.add_enabled_ui(self.format == PictureFormat::Png, |ui| {
                    ui.horizontal(|ui| {
                        ui.label("Scale");
                        for scale in [1, 2, 4] {
                            ui.radio_value(&mut self.scale, scale, format!("{scale}×"));
                        }
                        let [w, h] = [scene.size.x * self.scale as f32, scene.size.y * self.scale as f32];
                        ui.weak(format!("{w:.0} × {h:.0} px"));
                    });
                });
                ui.label("Caption (alt text, saved in the file)");
                ui.weak(&scene.caption);
                ui.horizontal(|ui| {
                    if ui.button("Save…").clicked() {
                        let scale = if self.format == PictureFormat::Png {
                            self.scale
                        } else {
                            1
                        };
                        actions.push(Action::ShowExport(false));
                        actions.push(Action::ExportPicture(self.format, scale));
                    }
                    if ui.button("Copy caption").clicked() {
                        actions.push(Action::CopyCaption);
                    }
                    if ui.button("Close").clicked() {
                        actions.push(Action::ShowExport(false));
                    }
                });
            });
        if !open {
            actions.push(Action::ShowExport(false));
        }
        actions
    }
}

/// Paint `scene` as large as fits in `available`, announced as "Picture
/// preview"; each place's mark is a button ("Russia marker"). Returns the
/// place clicked.
pub fn preview(ui: &mut egui::Ui, scene: &Scene, analysis: &Analysis, available: egui::Vec2) -> Option<Place> {
    let size = fitted_size(scene.size, available);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    paint(scene, ui.painter(), rect);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, format!("Picture preview: {}", scene.caption))
    });
    let scale = rect.width() / scene.size.x.max(1.0);
    let mut clicked = None;
    for &(place, at) in &scene.marks {
        let Some(summary) = analysis.summary(place) else {
            continue;
        };
        let kind = match summary.kind() {
            PlaceKind::Country => "marker",
            PlaceKind::Region => "region",
            PlaceKind::City => "pin",
            PlaceKind::Division => "division",
        };
        let target = egui::Rect::from_center_size(rect.min + at.to_vec2() * scale, vec2(14.0, 14.0));
        let mark = clickable_mark(ui, target, place, "preview", format!("{} {kind}", summary.name));
        if mark.clicked() {
            clicked = Some(place);
        }
        mark.on_hover_text(&summary.name);
    }
    clicked
}
