//! The left panel: the countries the article mentions, each with its towns
//! and divisions under it (a country row expands and collapses), and the
//! regions; sortable by each column and filtered by name. Clicking a row
//! selects it (or clears the selection when it is the selected row).

use std::collections::{HashMap, HashSet};

use egui::{Align2, Color32, Rect, Role, ScrollArea, Sense, TextEdit, TextStyle, Ui, WidgetInfo, vec2};

use crate::analysis::Analysis;
use crate::app::{Action, AppState};
use crate::gazetteer::Gazetteer;
use crate::place::{Place, PlaceSummary};

/// A column the place lists can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// Alphabetically by name.
    Name,
    /// By number of mentions.
    Mentions,
    /// By the paragraph of the first mention.
    FirstParagraph,
}

impl SortKey {
    /// The direction a column sorts in when first clicked.
    pub fn default_ascending(self) -> bool {
        self != SortKey::Mentions
    }
}

/// The panel's own memory: sorting and filtering of the place lists.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceList {
    /// The column sorted by.
    pub sort: SortKey,
    /// Smallest first.
    pub ascending: bool,
    /// Only names containing this (case-insensitive) are listed.
    pub filter: String,
    /// Countries whose places are hidden.
    pub collapsed: HashSet<Place>,
}

impl Default for PlaceList {
    fn default() -> Self {
        PlaceList {
            sort: SortKey::Mentions,
            ascending: false,
            filter: String::new(),
            collapsed: HashSet::new(),
        }
    }
}

impl PlaceList {
    /// Sort by `key`; sorting by the current key again reverses the order.
    pub fn sort_by(&mut self, key: SortKey) {
        if self.sort == key {
            self.ascending = !self.ascending;
        } else {
            self.sort = key;
            self.ascending = key.default_ascending();
        }
    }

    /// Does `name` pass the filter?
    pub fn accepts(&self, name: &str) -> bool {
        let filter = self.filter.trim();
        filter.is_empty() || name.to_lowercase().contains(&filter.to_lowercase())
    }

    /// Draw the filter box and the lists; returns the row clicked as a selection.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState) -> Option<Action> {
        ui.horizontal(|ui| {
            let label = ui.label("Filter");
            ui.add(
                TextEdit::singleline(&mut self.filter)
                    .hint_text("name")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
        ui.add_space(4.0);
        let analysis = state.analysis();
        let totals = [analysis.countries.len(), analysis.regions.len()];
        let (countries, regions) = self.rows(analysis);
        let mut action = None;
        ScrollArea::vertical()
            .id_salt("places")
            .auto_shrink(false)
            .show(ui, |ui| {
                for ((title, column), total, rows) in [
                    (("Countries", "Country"), totals[0], countries),
                    (("Regions", "Region"), totals[1], regions),
                ] {
                    if let Some(a) = self.table(ui, state, (title, column, total), rows) {
                        action = Some(a);
                    }
                }
            });
        action
    }

    /// The countries (each with its towns and divisions) and the regions,
    /// filtered and sorted. A country is listed when it or one of its places
    /// passes the filter; its places are listed when they pass it or it does.
    fn rows(&self, analysis: &Analysis) -> (Vec<Group>, Vec<Group>) {
        let g = Gazetteer::builtin();
        let row = |p: &PlaceSummary| Row {
            pick: p.place,
            name: p.place.name(g),
            detail: match p.place {
                // A town with its state or province, a division with its kind.
                Place::City(_) => p.place.divisions(g).last().map(|d| g.divisions[d].name.as_str()),
                Place::Division(d) => Some(g.divisions[d as usize].kind.as_str()),
                _ => None,
            },
            mentions: p.mentions,
            first_paragraph: p.first_paragraph,
        };
        let mut inside: HashMap<usize, Vec<Row>> = HashMap::new();
        for p in analysis.divisions.iter().chain(&analysis.cities) {
            if let Some(country) = p.country {
                inside.entry(country).or_default().push(row(p));
            }
        }
        let mut countries: Vec<Group> = analysis
            .countries
            .iter()
            .filter_map(|c| {
                let own = row(c);
                let places = inside.remove(&c.place.index()).unwrap_or_default();
                let places = if self.accepts(own.name) {
                    self.arrange(places, false)
                } else {
                    let places = self.arrange(places, true);
                    if places.is_empty() {
                        return None;
                    }
                    places
                };
                Some((own, places))
            })
            .collect();
        self.sort(&mut countries);
        let regions = self.arrange(analysis.regions.iter().map(row).collect(), true);
        (countries, regions.into_iter().map(|r| (r, Vec::new())).collect())
    }

    /// Sort `groups` by their first rows.
    fn sort(&self, groups: &mut [Group]) {
        groups.sort_by(|a, b| self.order(&a.0, &b.0));
    }

    fn order(&self, a: &Row, b: &Row) -> std::cmp::Ordering {
        let order = match self.sort {
            SortKey::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortKey::Mentions => a.mentions.cmp(&b.mentions),
            SortKey::FirstParagraph => a.first_paragraph.cmp(&b.first_paragraph),
        };
        if self.ascending { order } else { order.reverse() }
    }

    /// Sort `rows` (stable: ties keep the analysis order), keeping only those
    /// that pass the filter when `filter`.
    fn arrange(&self, mut rows: Vec<Row>, filter: bool) -> Vec<Row> {
        if filter {
            rows.retain(|r| self.accepts(r.name));
        }
        rows.sort_by(|a, b| self.order(a, b));
        rows
    }

    /// One list (`title`, name `column` title, number of places before
    /// filtering): a title, a header row of sort buttons, and the rows.
    fn table(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        (title, column, total): (&str, &str, usize),
        rows: Vec<Group>,
    ) -> Option<Action> {
        if total == 0 {
            return None;
        }
        ui.add_space(6.0);
        ui.strong(format!("{title} ({total})"));
        self.header(ui, column);
        if rows.is_empty() {
            ui.weak("No match for the filter.");
        }
        let g = Gazetteer::builtin();
        let mut action = None;
        for (row, places) in &rows {
            // The selection's country is open, so that the selected row shows.
            let holds_selection = state.selection.is_some_and(|s| s != row.pick && row.pick.holds(s, g));
            let open = holds_selection || !self.collapsed.contains(&row.pick);
            let expander = (!places.is_empty()).then_some(open);
            let (clicked, toggled) = row_ui(ui, row, 0, expander, state);
            if clicked {
                action = Some(Action::Select((state.selection != Some(row.pick)).then_some(row.pick)));
            }
            if toggled && !self.collapsed.remove(&row.pick) {
                self.collapsed.insert(row.pick);
            }
            if open {
                for place in places {
                    if row_ui(ui, place, 1, None, state).0 {
                        action = Some(Action::Select(
                            (state.selection != Some(place.pick)).then_some(place.pick),
                        ));
                    }
                }
            }
        }
        action
    }

    /// The clickable column titles; the sorted one shows its direction.
    fn header(&mut self, ui: &mut Ui, column: &str) {
        let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), row_height(ui)), Sense::hover());
        let titles = [
            (column, SortKey::Name),
            ("Mentions", SortKey::Mentions),
            ("First ¶", SortKey::FirstParagraph),
        ];
        for ((title, key), cell) in titles.into_iter().zip(columns(rect)) {
            let id = ui.scope_id().with(("sort", column, title));
            let response = ui.interact(cell, id, Sense::click());
            let active = self.sort == key;
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
                sort_arrow(ui, centre, self.ascending, color);
            }
            if response
                .on_hover_text(format!("Sort by {}", title.to_lowercase()))
                .clicked()
            {
                self.sort_by(key);
            }
        }
    }
}

/// Width of the mentions column.
const MENTIONS_WIDTH: f32 = 64.0;
/// Width of the first-paragraph column.
const PARAGRAPH_WIDTH: f32 = 44.0;
/// Space inside a row.
const PAD: f32 = 4.0;
/// Width of the sort direction triangle.
const ARROW: f32 = 7.0;

/// A row and the rows under it (a country and its places).
type Group = (Row, Vec<Row>);

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

/// A small triangle pointing up (ascending) or down, centred on `centre`.
fn sort_arrow(ui: &Ui, centre: egui::Pos2, ascending: bool, color: Color32) {
    let (w, h) = (ARROW / 2.0, ARROW / 2.0 * 0.9);
    let (tip, base) = if ascending { (-h, h) } else { (h, -h) };
    let points = vec![centre + vec2(0.0, tip), centre + vec2(w, base), centre + vec2(-w, base)];
    ui.painter()
        .add(egui::Shape::convex_polygon(points, color, egui::Stroke::NONE));
}

/// Indent of a place under its country, in points.
const INDENT: f32 = 16.0;

/// One place at `depth` (0 a country or region, 1 a place in a country):
/// an expand/collapse triangle when `expander` is `Some(open)`, the name (and
/// detail), mentions, first paragraph. Returns (row clicked, triangle clicked).
fn row_ui(ui: &mut Ui, row: &Row, depth: u8, expander: Option<bool>, state: &AppState) -> (bool, bool) {
    let selected = state.selection == Some(row.pick);
    let hovered = state.hovered == Some(row.pick);
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
        let indent = ARROW + PAD + f32::from(depth) * INDENT;
        let name_rect = clipped.text(
            name_cell.left_center() + vec2(PAD + indent, 0.0),
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
    let toggled = expander.is_some_and(|open| {
        let square = Rect::from_min_size(rect.min, vec2(ARROW + 2.0 * PAD, rect.height()));
        let id = ui.scope_id().with(("expand", row.pick));
        let toggle = ui.interact(square, id, Sense::click());
        let verb = if open { "Hide" } else { "Show" };
        toggle.widget_info(|| WidgetInfo::labeled(Role::Button, true, format!("{verb} places in {}", row.name)));
        let color = if toggle.hovered() {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        disclosure(ui, square.center(), open, color);
        toggle.on_hover_text(format!("{verb} its places")).clicked()
    });
    let clicked = response.on_hover_cursor(egui::CursorIcon::PointingHand).clicked() && !toggled;
    (clicked, toggled)
}

/// A small triangle pointing down (open) or right (closed), centred on `centre`.
fn disclosure(ui: &Ui, centre: egui::Pos2, open: bool, color: Color32) {
    let h = ARROW / 2.0;
    let points = if open {
        vec![
            centre + vec2(-h, -h * 0.6),
            centre + vec2(h, -h * 0.6),
            centre + vec2(0.0, h * 0.7),
        ]
    } else {
        vec![
            centre + vec2(-h * 0.6, -h),
            centre + vec2(-h * 0.6, h),
            centre + vec2(h * 0.7, 0.0),
        ]
    };
    ui.painter()
        .add(egui::Shape::convex_polygon(points, color, egui::Stroke::NONE));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_by_the_same_column_twice_reverses_it() {
        let mut list = PlaceList::default();
        list.sort_by(SortKey::Name);
        assert!(list.ascending);
        list.sort_by(SortKey::Name);
        assert!(!list.ascending);
        list.sort_by(SortKey::Mentions);
        assert!(!list.ascending);
    }

    #[test]
    fn the_filter_ignores_case_and_surrounding_spaces() {
        let list = PlaceList {
            filter: " RU ".into(),
            ..PlaceList::default()
        };
        assert!(list.accepts("Russia"));
        assert!(!list.accepts("France"));
    }
}
