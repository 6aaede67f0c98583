//! The left panel: the countries, regions and cities the article mentions,
//! sortable by each column and filtered by name. Clicking a row selects it.

use egui::{Align2, Color32, Rect, Role, ScrollArea, Sense, TextEdit, TextStyle, Ui, WidgetInfo, vec2};

use super::state::{AppState, ListState, SortKey};
use crate::analysis::Analysis;
use crate::gazetteer::Gazetteer;
use crate::place::Place;
use crate::place::{PlaceKind, PlaceSummary};

/// Width of the mentions column.
const MENTIONS_WIDTH: f32 = 64.0;
/// Width of the first-paragraph column.
const PARAGRAPH_WIDTH: f32 = 44.0;
/// Space inside a row.
const PAD: f32 = 4.0;
/// Width of the sort direction triangle.
const ARROW: f32 = 7.0;

/// One line of a place list.
struct Row {
    pick: Place,
    name: &'static str,
    /// Shown after the name, weaker (a city's country).
    detail: Option<&'static str>,
    mentions: usize,
    /// 0-based paragraph of the first mention.
    first_paragraph: usize,
}

/// Draw the filter box and the three lists.
pub fn ui(ui: &mut Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        let label = ui.label("Filter");
        ui.add(
            TextEdit::singleline(&mut state.list.filter)
                .hint_text("name")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    ui.add_space(4.0);
    let analysis = state.analysis();
    let totals = [analysis.countries.len(), analysis.regions.len(), analysis.cities.len()];
    let [countries, regions, cities] = rows(analysis, &state.list);
    ScrollArea::vertical()
        .id_salt("places")
        .auto_shrink(false)
        .show(ui, |ui| {
            table(ui, state, ("Countries", "Country", totals[0]), countries);
            table(ui, state, ("Regions", "Region", totals[1]), regions);
            table(ui, state, ("Cities", "City", totals[2]), cities);
        });
}

/// The rows of the three lists, filtered and sorted.
fn rows(analysis: &Analysis, list: &ListState) -> [Vec<Row>; 3] {
    let g = Gazetteer::builtin();
    let rows = |places: &[PlaceSummary]| -> Vec<Row> {
        let rows = places
            .iter()
            .map(|p| Row {
                pick: p.place,
                name: p.place.name(g),
                // A city is shown with its country.
                detail: match p.kind() {
                    PlaceKind::City => p.country.map(|c| g.countries[c].name.as_str()),
                    PlaceKind::Country | PlaceKind::Region => None,
                },
                mentions: p.mentions,
                first_paragraph: p.first_paragraph,
            })
            .collect();
        arrange(rows, list)
    };
    [
        rows(&analysis.countries),
        rows(&analysis.regions),
        rows(&analysis.cities),
    ]
}

/// Filter and sort `rows` (stable: ties keep the analysis order).
fn arrange(mut rows: Vec<Row>, list: &ListState) -> Vec<Row> {
    rows.retain(|r| list.accepts(r.name));
    rows.sort_by(|a, b| {
        let order = match list.sort {
            SortKey::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortKey::Mentions => a.mentions.cmp(&b.mentions),
            SortKey::FirstParagraph => a.first_paragraph.cmp(&b.first_paragraph),
        };
        if list.ascending { order } else { order.reverse() }
    });
    rows
}

/// One list (`title`, name `column` title, number of places before
/// filtering): a title, a header row of sort buttons, and the rows.
fn table(ui: &mut Ui, state: &mut AppState, (title, column, total): (&str, &str, usize), rows: Vec<Row>) {
    if total == 0 {
        return;
    }
    ui.add_space(6.0);
    ui.strong(format!("{title} ({total})"));
    header(ui, &mut state.list, column);
    if rows.is_empty() {
        ui.weak("No match for the filter.");
    }
    for row in &rows {
        let selected = state.selection == Some(row.pick);
        let hovered = state.hovered == Some(row.pick);
        if row_ui(ui, row, selected, hovered).clicked() {
            state.selection = if selected { None } else { Some(row.pick) };
        }
    }
}

/// Split a row rectangle into the name, mentions and paragraph columns.
fn columns(rect: Rect) -> [Rect; 3] {
    let paragraph = Rect::from_min_max(rect.right_top() - vec2(PARAGRAPH_WIDTH, 0.0), rect.max);
    let mentions = Rect::from_min_max(
        paragraph.left_top() - vec2(MENTIONS_WIDTH, 0.0),
        paragraph.left_bottom(),
    );
    let name = Rect::from_min_max(rect.min, mentions.left_bottom());
    [name, mentions, paragraph]
}

fn row_height(ui: &Ui) -> f32 {
    ui.text_style_height(&TextStyle::Body) + 2.0 * PAD
}

/// The clickable column titles; the sorted one shows its direction.
fn header(ui: &mut Ui, list: &mut ListState, column: &str) {
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), row_height(ui)), Sense::hover());
    let titles = [
        (column, SortKey::Name),
        ("Mentions", SortKey::Mentions),
        ("First ¶", SortKey::FirstParagraph),
    ];
    for ((title, key), cell) in titles.into_iter().zip(columns(rect)) {
        let id = ui.scope_id().with(("sort", column, title));
        let response = ui.interact(cell, id, Sense::click());
        let active = list.sort == key;
        response.widget_info(|| WidgetInfo::selected(Role::Button, true, active, format!("Sort by {title}")));
        let color = if response.hovered() {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        let font = TextStyle::Small.resolve(ui.style());
        let arrow_space = if active { ARROW + 4.0 } else { 0.0 };
        let title_rect = if key == SortKey::Name {
            let pos = cell.left_center() + vec2(PAD, 0.0);
            ui.painter().text(pos, Align2::LEFT_CENTER, title, font, color)
        } else {
            let pos = cell.right_center() - vec2(PAD + arrow_space, 0.0);
            ui.painter().text(pos, Align2::RIGHT_CENTER, title, font, color)
        };
        if active {
            let centre = title_rect.right_center() + vec2(4.0 + ARROW / 2.0, 0.0);
            sort_arrow(ui, centre, list.ascending, color);
        }
        if response
            .on_hover_text(format!("Sort by {}", title.to_lowercase()))
            .clicked()
        {
            list.sort_by(key);
        }
    }
}

/// A small triangle pointing up (ascending) or down, centred on `centre`.
fn sort_arrow(ui: &Ui, centre: egui::Pos2, ascending: bool, color: Color32) {
    let (w, h) = (ARROW / 2.0, ARROW / 2.0 * 0.9);
    let (tip, base) = if ascending { (-h, h) } else { (h, -h) };
    let points = vec![centre + vec2(0.0, tip), centre + vec2(w, base), centre + vec2(-w, base)];
    ui.painter()
        .add(egui::Shape::convex_polygon(points, color, egui::Stroke::NONE));
}

/// One place: name (and detail), mentions, first paragraph.
fn row_ui(ui: &mut Ui, row: &Row, selected: bool, hovered: bool) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), row_height(ui)), Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, row.name));
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let (background, text) = if selected {
            (visuals.selection.bg_fill, visuals.strong_text_color())
        } else if hovered || response.hovered() {
            (visuals.widgets.hovered.weak_bg_fill, visuals.strong_text_color())
        } else {
            (Color32::TRANSPARENT, visuals.text_color())
        };
        let weak = visuals.weak_text_color();
        let painter = ui.painter();
        painter.rect_filled(rect, 3.0, background);
        let font = TextStyle::Body.resolve(ui.style());
        let [name_cell, mentions_cell, paragraph_cell] = columns(rect);
        let clipped = painter.with_clip_rect(name_cell.intersect(painter.clip_rect()));
        let name_rect = clipped.text(
            name_cell.left_center() + vec2(PAD, 0.0),
            Align2::LEFT_CENTER,
            row.name,
            font.clone(),
            text,
        );
        if let Some(detail) = row.detail {
            clipped.text(
                name_rect.right_center() + vec2(6.0, 0.0),
                Align2::LEFT_CENTER,
                detail,
                TextStyle::Small.resolve(ui.style()),
                weak,
            );
        }
        let right = |cell: Rect| cell.right_center() - vec2(PAD, 0.0);
        painter.text(
            right(mentions_cell),
            Align2::RIGHT_CENTER,
            row.mentions.to_string(),
            font.clone(),
            text,
        );
        painter.text(
            right(paragraph_cell),
            Align2::RIGHT_CENTER,
            format!("¶{}", row.first_paragraph + 1),
            font,
            weak,
        );
    }
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}
