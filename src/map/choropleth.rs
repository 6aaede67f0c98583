//! Mentioned countries filled by mention count (the classes of
//! [`super::classes`]), the selected and hovered countries outlined, and
//! picking a country by its filled shape.

use egui::{CursorIcon, Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::draw::{MeshBuffer, append_triangles, outline_shapes};
use super::scene::Scene;
use super::tooltip;
use super::view::Viewport;
use crate::place::Place;
use crate::world::{CountryShape, World};

/// The shape of `Gazetteer::countries[index]` at the detail for `zoom`,
/// or from the fine world (small countries missing at 1:110m) if it is ready.
pub fn country_shape(index: usize, zoom: f64) -> Option<&'static CountryShape> {
    World::for_zoom(zoom)
        .country(index)
        .or_else(|| World::fine_if_ready().and_then(|w| w.country(index)))
}

/// Fills and outlines of the mentioned countries.
pub struct Choropleth<'a> {
    /// The frame.
    pub scene: &'a Scene<'a>,
    /// The fill mesh, reused across frames.
    pub fills: &'a mut MeshBuffer,
}

impl Plugin for Choropleth<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _response: &Response, projector: &Projector, _memory: &MapMemory) {
        let scene = self.scene;
        let view = Viewport::from_projector(projector);
        let zoom = projector.zoom();
        let painter = ui.painter().with_clip_rect(view.rect);

        let mesh = self.fills.start();
        for country in &scene.analysis.countries {
            let Some(shape) = country_shape(country.place.index(), zoom) else {
                continue;
            };
            let color = scene.palette.classes[scene.scale.class(country.mentions)];
            for shift in view.copies(&shape.bbox) {
                append_triangles(mesh, &shape.mesh, &view, shift, color);
            }
        }
        painter.add(self.fills.shape());

        let outlined = [
            (scene.hovered_before, Stroke::new(1.5, scene.palette.hovered)),
            (scene.selected, Stroke::new(2.5, scene.palette.selected)),
        ];
        for (pick, stroke) in outlined {
            let Some(Place::Country(index)) = pick else { continue };
            let Some(shape) = country_shape(index as usize, zoom) else {
                continue;
            };
            let shifts: Vec<f64> = view.copies(&shape.bbox).collect();
            painter.extend(outline_shapes(shape.polygons.iter().flatten(), &view, &shifts, stroke));
        }
    }
}

/// Hover and click on a filled country, for the pointer position not
/// already taken by a marker, pin or region: any country shows a tooltip;
/// clicking a mentioned one picks it.
pub fn pick_filled_country(scene: &Scene, ui: &Ui, response: &Response, projector: &Projector) {
    if scene.picks.borrow().hovered.is_some() || response.dragged() {
        return;
    }
    let Some(pointer) = response.hover_pos() else { return };
    let view = Viewport::from_projector(projector);
    let Some(shape) = World::for_zoom(projector.zoom()).country_at(view.to_world(pointer)) else {
        return;
    };
    let Some(index) = shape.gazetteer else { return };
    let pick = Place::country_at(index);
    let mentioned = scene.analysis.summary(pick);
    scene.picks.borrow_mut().hovered = Some(pick);
    match mentioned {
        Some(country) => {
            ui.ctx().set_cursor_icon(CursorIcon::PointingHand);
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| tooltip::place(ui, country));
            if response.clicked() {
                scene.picks.borrow_mut().clicked = Some(pick);
            }
        }
        None => {
            let name = &crate::gazetteer::Gazetteer::builtin().countries[index].name;
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| tooltip::unmentioned_country(ui, name));
        }
    }
}
