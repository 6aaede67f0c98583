//! The picture controls: the toolbar's "Export PNG" and "Presentation"
//! buttons, the "Picture" menu (title, legend, attribution, theme, colour
//! scale, exports) and the File menu's export items. Each returns what the
//! user asked for; the app draws and saves the picture.

use egui::{Button, Ui};

use crate::app::action::shortcut_text;
use crate::app::{Action, AppState};
use crate::cartography::ProjectionKind;
use crate::export::Format;
use crate::map::MapTheme;
use crate::picture::PictureFormat;

/// The data formats of "Export data", with their menu labels.
pub const DATA_FORMATS: [(Format, &str); 3] = [
    (Format::Json, "Export data as JSON…"),
    (Format::Csv, "Export data as CSV…"),
    (Format::Geojson, "Export data as GeoJSON…"),
];

/// The toolbar's picture controls: "Export PNG", "Presentation" and the
/// "Picture" menu.
pub fn toolbar_ui(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let ctx = ui.ctx().clone();
    let hint = |action: &Action| shortcut_text(&ctx, action).map_or(String::new(), |k| format!(" ({k})"));
    if ui
        .button("Export PNG")
        .on_hover_text(format!("Save the map as a picture{}", hint(&PNG_1X)))
        .clicked()
    {
        actions.push(PNG_1X);
    }
    let presentation_hint = format!(
        "Show only the map, full screen{}; Esc leaves",
        hint(&Action::TogglePresentation)
    );
    if ui.button("Presentation").on_hover_text(presentation_hint).clicked() {
        actions.push(Action::Presentation(true));
    }
    // Stays open while toggling the overlays; closed by a click outside or an export.
    let config =
        egui::containers::menu::MenuConfig::new().close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    egui::containers::menu::MenuButton::new("Picture")
        .config(config)
        .ui(ui, |ui| actions.extend(picture_menu(ui, state)));
    actions
}

/// Export PNG at one pixel per point.
const PNG_1X: Action = Action::ExportPicture(PictureFormat::Png, 1);

/// The File menu's export items: "Export picture…", "Export PNG/SVG/PDF…",
/// "Copy image", "Copy caption", "Export data".
pub fn file_menu(ui: &mut Ui, actions: &mut Vec<Action>) {
    ui.separator();
    let ctx = ui.ctx().clone();
    let with_keys = |label: &str, action: &Action| {
        let mut button = Button::new(label);
        if let Some(keys) = shortcut_text(&ctx, action) {
            button = button.shortcut_text(keys);
        }
        button
    };
    if ui
        .add(with_keys("Export picture…", &Action::ShowExport(true)))
        .on_hover_text("Choose the format, size and projection, with a preview")
        .clicked()
    {
        actions.push(Action::ShowExport(true));
    }
    if ui
        .add(with_keys("Export PNG…", &PNG_1X))
        .on_hover_text("Save the map (without the panels) as a picture")
        .clicked()
    {
        actions.push(PNG_1X);
    }
    if ui
        .button("Export SVG…")
        .on_hover_text("Vector picture; labels stay text, countries are paths with their ISO3 id")
        .clicked()
    {
        actions.push(Action::ExportPicture(PictureFormat::Svg, 1));
    }
    if ui
        .button("Export PDF…")
        .on_hover_text("Vector picture; labels stay text in an embedded font")
        .clicked()
    {
        actions.push(Action::ExportPicture(PictureFormat::Pdf, 1));
    }
    if ui.button("Copy image").clicked() {
        actions.push(Action::CopyImage);
    }
    if ui
        .button("Copy caption")
        .on_hover_text("The picture's description, to paste as alt text")
        .clicked()
    {
        actions.push(Action::CopyCaption);
    }
    ui.menu_button("Export data", |ui| {
        for (format, label) in DATA_FORMATS {
            if ui.button(label).clicked() {
                actions.push(Action::ExportData(format));
                ui.close();
            }
        }
    });
}

/// The picture menu's contents: overlays, theme, exports.
pub fn picture_menu(ui: &mut Ui, state: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let options = &state.map_options;
    let mut show_title = !state.picture.hide_title;
    if ui.checkbox(&mut show_title, "Title").changed() {
        actions.push(Action::ShowTitle(show_title));
    }
    let mut title = state.picture.title(&state.article);
    let changed = ui
        .horizontal(|ui| {
            let label = ui.label("Title text");
            ui.add_enabled(show_title, egui::TextEdit::singleline(&mut title).desired_width(260.0))
                .labelled_by(label.id)
                .changed()
        })
        .inner;
    if changed {
        actions.push(Action::SetTitle(title));
    }
    let mut legend = options.show_legend;
    if ui.checkbox(&mut legend, "Legend").changed() {
        actions.push(Action::ShowLegend(legend));
    }
    let mut attribution = options.show_attribution;
    if ui.checkbox(&mut attribution, "Attribution").changed() {
        actions.push(Action::ShowAttribution(attribution));
    }
    ui.separator();
    for theme in MapTheme::ALL {
        let label = match theme {
            MapTheme::Light => "Light theme",
            MapTheme::Dark => "Dark theme",
            MapTheme::Print => "Print theme (white, dark borders)",
        };
        if ui.radio(options.theme == theme, label).clicked() {
            actions.push(Action::SetTheme(theme));
        }
    }
    let mut colorblind = options.colorblind;
    if ui
        .checkbox(&mut colorblind, "Colour-blind-safe scale (viridis)")
        .changed()
    {
        actions.push(Action::SetColorblind(colorblind));
    }
    ui.separator();
    ui.label("Projection of pictures");
    for projection in ProjectionKind::ALL {
        let label = match projection {
            ProjectionKind::EqualEarth => "Equal Earth (equal-area, for world maps)",
            ProjectionKind::Mercator => "Mercator (as the map)",
            ProjectionKind::Globe => "Globe (centred on the places)",
        };
        if ui.radio(state.picture.projection == projection, label).clicked() {
            actions.push(Action::SetProjection(projection));
        }
    }
    ui.separator();
    let mut export = None;
    if ui.button("Export picture…").clicked() {
        export = Some(Action::ShowExport(true));
    }
    for scale in [1, 2, 4] {
        if ui.button(format!("Export PNG {scale}×…")).clicked() {
            export = Some(Action::ExportPicture(PictureFormat::Png, scale));
        }
    }
    if ui.button("Export SVG…").clicked() {
        export = Some(Action::ExportPicture(PictureFormat::Svg, 1));
    }
    if ui.button("Export PDF…").clicked() {
        export = Some(Action::ExportPicture(PictureFormat::Pdf, 1));
    }
    if ui.button("Copy image").clicked() {
        export = Some(Action::CopyImage);
    }
    if ui.button("Copy caption").clicked() {
        export = Some(Action::CopyCaption);
    }
    ui.separator();
    for (format, label) in DATA_FORMATS {
        if ui.button(label).clicked() {
            export = Some(Action::ExportData(format));
        }
    }
    if let Some(export) = export {
        actions.push(export);
        ui.close();
    }
    actions
}
