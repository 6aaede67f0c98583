//! From an analysis to a [`Scene`]: the ocean and the world's countries in
//! the chosen projection, the choropleth, great-circle links, region rings,
//! markers, pins and division marks, every label (with leader lines where
//! the marks crowd), notes, and the title, legend, attribution and "Also
//! named" overlays.

use egui::{Align2, Color32, Pos2, Rect, Stroke, Vec2, pos2, vec2};

use super::scene::{Area, Item, Layer, LineStyle, PlacedLabel, Scene, Text};
use super::{PictureSpec, caption};
use crate::analysis::Analysis;
use crate::cartography::font::metrics;
use crate::cartography::geometry::{PlanePoint, project_line, project_polygon};
use crate::cartography::note::{NOTE_SIZE, Note};
use crate::cartography::{Frame, LabelRequest, ProjectionKind, ScreenProjection, centred_on, place_labels};
use crate::gazetteer::Gazetteer;
use crate::map::classes::ClassScale;
use crate::map::divisions::{SQUARE, division_shape};
use crate::map::labels::{LabelStyle, label_style};
use crate::map::links::co_mentions;
use crate::map::markers::marker_radius;
use crate::map::marks::{label_order, marked_locals};
use crate::map::palette::Palette;
use crate::map::pins::pin_radius;
use crate::map::regions::HALO_RADIUS;
use crate::map::{MapTheme, fit_extents};
use crate::place::PlaceSummary;
use crate::world::{CountryShape, World, unproject, world_size};

/// Distance of the overlays from the picture's edges, in points.
const INSET: f32 = 10.0;
/// Title size, in points.
pub const TITLE_SIZE: f32 = 24.0;
/// Subtitle, legend and attribution text size, in points.
const SMALL: f32 = 12.5;
/// Space between a label's text and the edge of its background.
const PADDING: Vec2 = vec2(3.0, 1.0);
/// Points kept free around the fitted places.
const FIT_MARGIN: f32 = 56.0;
/// Width of a co-mention link per shared passage, and its limit, in points.
const LINK_WIDTH: (f32, f32) = (1.25, 9.0);
/// Above this many points per radian the 1:50m shapes are drawn.
const FINE_SCALE: f64 = 700.0;

/// The colour behind a world that does not fill the picture (Equal Earth, the globe).
fn paper(theme: MapTheme) -> Color32 {
    match theme {
        MapTheme::Light => Color32::from_rgb(0xfa, 0xfa, 0xf7),
        MapTheme::Dark => Color32::from_rgb(0x12, 0x16, 0x1d),
        MapTheme::Print => Color32::WHITE,
    }
}

/// Lay out the picture of `analysis` described by `spec`.
pub fn build(analysis: &Analysis, spec: &PictureSpec) -> Scene {
    let g = Gazetteer::builtin();
    let palette = match spec.categories {
        Some(_) => Palette::for_theme(spec.theme, spec.colorblind, false).compared(),
        None => Palette::for_theme(spec.theme, spec.colorblind, false),
    };
    let bounds = Rect::from_min_size(Pos2::ZERO, spec.size);
    let max_mentions = analysis.countries.iter().map(|c| c.mentions).max().unwrap_or(1);
    let scale = ClassScale::for_max(max_mentions);

    let overlays = Overlays::lay_out(analysis, spec, &palette, bounds, max_mentions);
    let map_rect = Rect::from_min_max(pos2(0.0, overlays.top), bounds.max);
    let frame = frame_for(analysis, spec, map_rect);
    let world = if frame.scale >= FINE_SCALE {
        World::fine()
    } else {
        World::coarse()
    };
    // A shape's polygons on the picture (those that reach into it).
    let project_shape = |shape: &CountryShape| -> Vec<Vec<Vec<Pos2>>> {
        shape
            .geo
            .iter()
            .flat_map(|polygon| project_polygon(&polygon.rings, &frame.projection))
            .map(|polygon| polygon.into_iter().map(|ring| screen_ring(&frame, &ring)).collect())
            .filter(|polygon: &Vec<Vec<Pos2>>| touches(bounds, polygon))
            .collect()
    };

    let mut layers = Vec::new();
    layers.push(Layer {
        id: "ocean",
        items: vec![Item::Area(Area {
            id: Some("ocean".into()),
            title: None,
            polygons: vec![vec![world_outline(&frame, bounds)]],
            fill: palette.ocean,
            stroke: Stroke::new(0.8, palette.border),
        })],
    });
    if frame.projection.kind != ProjectionKind::Mercator {
        layers.push(graticule(&frame, palette.border.gamma_multiply(0.35)));
    }

    // Every country, mentioned ones in their class colour.
    let mut countries = Layer {
        id: "countries",
        items: Vec::new(),
    };
    let mut selected_outline = Vec::new();
    for shape in &world.countries {
        let summary = shape
            .gazetteer
            .and_then(|i| analysis.countries.iter().find(|c| c.place.index() == i));
        let polygons = project_shape(shape);
        if polygons.is_empty() {
            continue;
        }
        let fill = summary.map_or(palette.land, |c| palette.classes[scale.class(c.mentions)]);
        if summary.is_some_and(|c| spec.selected == Some(c.place)) {
            selected_outline = polygons.clone();
        }
        countries.items.push(Item::Area(Area {
            id: Some(shape.code.clone()),
            title: Some(summary.map_or_else(|| shape_name(shape, g), |c| c.name.clone())),
            polygons,
            fill,
            stroke: Stroke::new(0.6, palette.border),
        }));
    }
    if !selected_outline.is_empty() {
        countries.items.push(Item::Area(Area {
            id: Some("selected".into()),
            title: None,
            polygons: selected_outline,
            fill: Color32::TRANSPARENT,
            stroke: Stroke::new(2.5, palette.selected),
        }));
    }
    layers.push(countries);

    // US states the article names, as shapes.
    let accent = palette.region;
    let mut divisions = Layer {
        id: "divisions",
        items: Vec::new(),
    };
    // Towns and divisions with marks (the most counted, when there are many).
    let marked: std::collections::HashSet<crate::place::Place> =
        marked_locals(analysis, spec.selected).iter().map(|p| p.place).collect();
    for division in analysis.divisions.iter().filter(|d| marked.contains(&d.place)) {
        if let Some(shape) = division_shape(g, division.place) {
            let polygons = project_shape(shape);
            if !polygons.is_empty() {
                divisions.items.push(Item::Area(Area {
                    id: Some(division.code.clone() + "-" + &division.name),
                    title: Some(division.name.clone()),
                    polygons,
                    fill: Color32::from_rgba_unmultiplied(accent.r(), accent.g(), accent.b(), 46),
                    stroke: Stroke::new(1.2, accent),
                }));
            }
        }
    }
    layers.push(divisions);

    if spec.show_links {
        layers.push(links(analysis, &frame, &palette));
    }

    // Marks, and the circles labels keep clear of.
    let mut marks = Layer {
        id: "marks",
        items: Vec::new(),
    };
    let mut obstacles: Vec<(Pos2, f32)> = Vec::new();
    // Places on the far side of the globe: named in the "Also named" box.
    let mut hidden: Vec<&PlaceSummary> = Vec::new();
    let mut mark_points = Vec::new();

    let dashed = |color: Color32, width: f32| LineStyle {
        stroke: Stroke::new(width, color),
        dash: Some([5.0, 4.0]),
    };
    let solid = |color: Color32, width: f32| LineStyle {
        stroke: Stroke::new(width, color),
        dash: None,
    };
    for region in &analysis.regions {
        let Some(center) = frame.lon_lat_to_screen(region.lon, region.lat) else {
            hidden.push(region);
            continue;
        };
        mark_points.push((region.place, center));
        let strong = spec.selected == Some(region.place);
        marks.items.push(Item::Circle {
            center,
            radius: HALO_RADIUS,
            fill: Color32::from_rgba_unmultiplied(accent.r(), accent.g(), accent.b(), if strong { 60 } else { 32 }),
            style: dashed(accent, if strong { 2.0 } else { 1.2 }),
        });
        let d = 5.0;
        marks.items.push(Item::Area(Area {
            id: None,
            title: None,
            polygons: vec![vec![vec![
                center + vec2(0.0, -d),
                center + vec2(d, 0.0),
                center + vec2(0.0, d),
                center + vec2(-d, 0.0),
            ]]],
            fill: palette.halo,
            stroke: Stroke::new(1.5, accent),
        }));
        obstacles.push((center, d + 1.0));
    }
    for country in &analysis.countries {
        let Some(center) = frame.lon_lat_to_screen(country.lon, country.lat) else {
            hidden.push(country);
            continue;
        };
        mark_points.push((country.place, center));
        let radius = marker_radius(country.mentions, max_mentions);
        marks.items.push(Item::Circle {
            center,
            radius,
            fill: palette.marker,
            style: solid(palette.marker_outline, 1.5),
        });
        if spec.selected == Some(country.place) {
            marks.items.push(Item::Circle {
                center,
                radius: radius + 2.5,
                fill: Color32::TRANSPARENT,
                style: solid(palette.selected, 2.5),
            });
        }
        obstacles.push((center, radius + 1.0));
    }
    for division in analysis.divisions.iter().filter(|d| marked.contains(&d.place)) {
        let Some(center) = frame.lon_lat_to_screen(division.lon, division.lat) else {
            hidden.push(division);
            continue;
        };
        mark_points.push((division.place, center));
        let square = Rect::from_center_size(center, Vec2::splat(2.0 * SQUARE));
        marks.items.push(Item::Rect {
            rect: square,
            corner: 1.0,
            fill: palette.halo,
            stroke: Stroke::new(1.5, accent),
        });
        obstacles.push((center, SQUARE + 1.5));
    }
    for city in analysis.cities.iter().filter(|c| marked.contains(&c.place)) {
        let Some(center) = frame.lon_lat_to_screen(city.lon, city.lat) else {
            hidden.push(city);
            continue;
        };
        mark_points.push((city.place, center));
        let radius = pin_radius(city.mentions);
        marks.items.push(Item::Circle {
            center,
            radius,
            fill: palette.city,
            style: solid(palette.marker_outline, 1.5),
        });
        obstacles.push((center, radius + 1.5));
    }
    layers.push(marks);

    // Labels, most important first, in the styles of the map.
    let mut requests: Vec<(LabelRequest, &PlaceSummary, LabelStyle)> = Vec::new();
    for place in label_order(analysis, spec.selected) {
        let Some(&(_, center)) = mark_points.iter().find(|(p, _)| *p == place.place) else {
            continue;
        };
        let style = label_style(place, max_mentions);
        requests.push((
            request(center, style.gap, &place.name, style.size, style.italic),
            place,
            style,
        ));
    }
    let rank = |p: &PlaceSummary| {
        label_order(analysis, spec.selected)
            .iter()
            .position(|q| q.place == p.place)
    };
    // Notes are placed by hand: labels keep clear of them.
    let notes = notes_layer(&spec.notes, &frame, &palette);
    let mut reserved = overlays.rects.clone();
    reserved.extend(notes.1.iter().copied());
    let placements = place_labels(
        &requests.iter().map(|r| r.0).collect::<Vec<_>>(),
        &obstacles,
        &reserved,
        bounds.shrink(2.0),
        crate::cartography::placement::MAX_LEADER,
    );
    let mut leaders = Layer {
        id: "leaders",
        items: Vec::new(),
    };
    let mut labels = Layer {
        id: "labels",
        items: Vec::new(),
    };
    let mut placed = Vec::new();
    hidden.sort_by_key(|p| rank(p));
    let mut unplaced: Vec<String> = hidden.iter().map(|p| p.name.clone()).collect();
    for ((_, place, style), placement) in requests.iter().zip(placements) {
        let Some(placement) = placement else {
            unplaced.push(place.name.clone());
            continue;
        };
        if let Some([a, b]) = placement.leader {
            leaders.items.push(Item::Line {
                points: vec![a, b],
                style: solid(palette.text.gamma_multiply(0.7), 0.8),
            });
        }
        let selected = spec.selected == Some(place.place);
        labels.items.push(Item::Rect {
            rect: placement.rect,
            corner: 3.0,
            fill: palette.halo,
            stroke: if selected {
                Stroke::new(1.5, palette.selected)
            } else {
                Stroke::NONE
            },
        });
        labels.items.push(Item::Text(Text {
            pos: placement.rect.min + PADDING,
            text: place.name.clone(),
            size: style.size,
            color: if style.accent { palette.region } else { palette.text },
            italic: style.italic,
        }));
        placed.push(PlacedLabel {
            place: Some(place.place),
            name: place.name.clone(),
            rect: placement.rect,
            leader: placement.leader,
        });
    }
    layers.push(leaders);
    layers.push(labels);
    layers.push(notes.0);
    for (note, rect) in spec.notes.iter().zip(&notes.1) {
        placed.push(PlacedLabel {
            place: None,
            name: note.text.clone(),
            rect: *rect,
            leader: None,
        });
    }

    let (overlay_layer, overlay_rects) = overlays.draw(analysis, spec, &palette, bounds, max_mentions, &unplaced);
    layers.push(overlay_layer);

    Scene {
        size: spec.size,
        background: if frame.projection.kind == ProjectionKind::Mercator {
            palette.ocean
        } else {
            paper(spec.theme)
        },
        layers,
        title: spec.title.clone(),
        caption: caption::caption(analysis, spec.title.as_deref(), spec.unit),
        labels: placed,
        unplaced,
        overlays: overlay_rects,
        marks: mark_points,
        frame,
    }
}

/// A label request for `name` at `size` points next to a mark at `center`.
fn request(center: Pos2, gap: f32, name: &str, size: f32, italic: bool) -> LabelRequest {
    let text = metrics().size(name, size);
    // Slanted text leans out a little to the right.
    let slant = if italic { size * 0.15 } else { 0.0 };
    LabelRequest {
        anchor: center,
        gap,
        size: text + vec2(slant + 1.0, 0.0) + 2.0 * PADDING,
    }
}

/// The gazetteer's name of an unmentioned country's shape (Natural Earth's when it has none).
fn shape_name(shape: &CountryShape, g: &Gazetteer) -> String {
    shape
        .gazetteer
        .map_or_else(|| shape.name.clone(), |i| g.countries[i].name.clone())
}

fn screen_ring(frame: &Frame, ring: &[PlanePoint]) -> Vec<Pos2> {
    ring.iter().map(|&p| frame.to_screen(p)).collect()
}

/// Whether any ring of `polygon` reaches into `bounds`.
fn touches(bounds: Rect, polygon: &[Vec<Pos2>]) -> bool {
    let Some(outer) = polygon.first() else { return false };
    let mut r = Rect::NOTHING;
    outer.iter().for_each(|&p| r.extend_with(p));
    r.intersects(bounds)
}

/// The frame: the app's Mercator view when the spec holds one, else the
/// projection centred on and fitted to the article's places.
fn frame_for(analysis: &Analysis, spec: &PictureSpec, map_rect: Rect) -> Frame {
    let mut places = fit_points(analysis);
    if let (ProjectionKind::Mercator, Some((lon, lat, zoom))) = (spec.projection, spec.view) {
        // The corners of what the app shows at this zoom on a picture of this size.
        let scale = world_size(zoom);
        let center = crate::world::project(lon, lat);
        let (hw, hh) = (
            map_rect.width() as f64 / 2.0 / scale,
            map_rect.height() as f64 / 2.0 / scale,
        );
        places = [(-hw, -hh), (hw, hh)]
            .into_iter()
            .map(|(dx, dy)| {
                let (lon, lat) = unproject(crate::world::WorldPoint::new(center.x + dx, center.y + dy));
                [lon, lat]
            })
            .collect();
        let projection = crate::cartography::Projection::new(ProjectionKind::Mercator, lon, 0.0);
        return Frame::fit(projection, &places, map_rect, 0.0);
    }
    let projection = centred_on(spec.projection, &places);
    Frame::fit(projection, &places, map_rect, FIT_MARGIN)
}

/// Points (longitude, latitude) a picture of `analysis` must show: the
/// corners and middles of each extent the interactive map fits
/// ([`fit_extents`]: a country by its heartland, a local story by its places).
pub fn fit_points(analysis: &Analysis) -> Vec<[f64; 2]> {
    let mut points = Vec::new();
    for extent in fit_extents(analysis) {
        let (west, north) = unproject(extent.min);
        let (east, south) = unproject(extent.max);
        for fx in [0.0, 0.5, 1.0] {
            for fy in [0.0, 0.5, 1.0] {
                let lon = west + fx * (east - west);
                points.push([
                    crate::cartography::projection::wrap_lon(lon),
                    south + fy * (north - south),
                ]);
            }
        }
    }
    for r in &analysis.regions {
        points.push([r.lon, r.lat]);
    }
    points
}

/// The edge of the world in the picture: the Equal Earth outline, the
/// globe's disc, or (Mercator) the whole picture.
fn world_outline(frame: &Frame, bounds: Rect) -> Vec<Pos2> {
    let p = frame.projection;
    match p.kind {
        ProjectionKind::Mercator => {
            let [_, y0, _, y1] = crate::cartography::world_bounds(&p);
            let top = frame.to_screen([0.0, y1]).y.max(bounds.top());
            let bottom = frame.to_screen([0.0, y0]).y.min(bounds.bottom());
            vec![
                pos2(bounds.left(), top),
                pos2(bounds.right(), top),
                pos2(bounds.right(), bottom),
                pos2(bounds.left(), bottom),
            ]
        }
        ProjectionKind::EqualEarth => {
            let east = (0..=90).map(|i| [p.center_lon + 180.0, 90.0 - 2.0 * i as f64]);
            let west = (0..=90).map(|i| [p.center_lon - 180.0, -90.0 + 2.0 * i as f64]);
            east.chain(west)
                .filter_map(|[lon, lat]| {
                    // Just inside the seam, on the side each half belongs to.
                    let lon = if lon > p.center_lon { lon - 1e-9 } else { lon + 1e-9 };
                    frame.lon_lat_to_screen(lon, lat)
                })
                .collect()
        }
        ProjectionKind::Globe => (0..180)
            .map(|i| {
                let a = i as f64 / 180.0 * std::f64::consts::TAU;
                frame.to_screen([a.cos(), a.sin()])
            })
            .collect(),
    }
}

/// Meridians and parallels every 30°.
fn graticule(frame: &Frame, color: Color32) -> Layer {
    let mut items = Vec::new();
    let style = LineStyle {
        stroke: Stroke::new(0.5, color),
        dash: None,
    };
    let mut add = |line: Vec<[f64; 2]>| {
        for part in project_line(&line, &frame.projection) {
            items.push(Item::Line {
                points: screen_ring(frame, &part),
                style,
            });
        }
    };
    let c = frame.projection.center_lon;
    let (west, east) = (c - 180.0 + 1e-6, c + 180.0 - 1e-6);
    for k in -12..=12 {
        let lon = 30.0 * k as f64;
        let relative = crate::cartography::projection::relative_lon(lon, c);
        if relative.abs() < 180.0 - 1e-3 && (-180.0..180.0).contains(&lon) {
            add((0..=36).map(|i| [lon, -90.0 + 5.0 * i as f64]).collect());
        }
    }
    for k in -2..=2 {
        let lat = 30.0 * k as f64;
        add((0..=72)
            .map(|i| [west + (east - west) * i as f64 / 72.0, lat])
            .collect());
    }
    Layer { id: "graticule", items }
}

/// Great circles between countries named in the same passage.
fn links(analysis: &Analysis, frame: &Frame, palette: &Palette) -> Layer {
    let mut items = Vec::new();
    for link in co_mentions(analysis) {
        let (a, b) = (&analysis.countries[link.a], &analysis.countries[link.b]);
        let width = (LINK_WIDTH.0 * link.shared as f32).min(LINK_WIDTH.1);
        let line = crate::cartography::geodesic::great_circle([a.lon, a.lat], [b.lon, b.lat]);
        for part in project_line(&line, &frame.projection) {
            items.push(Item::Line {
                points: screen_ring(frame, &part),
                style: LineStyle {
                    stroke: Stroke::new(width, palette.link),
                    dash: None,
                },
            });
        }
    }
    Layer { id: "links", items }
}

/// The notes (a box with its text, a leader line to its point) and their boxes.
fn notes_layer(notes: &[Note], frame: &Frame, palette: &Palette) -> (Layer, Vec<Rect>) {
    let mut items = Vec::new();
    let mut rects = Vec::new();
    for note in notes {
        let Some(anchor) = frame.lon_lat_to_screen(note.lon, note.lat) else {
            continue;
        };
        let rect = note.rect(anchor);
        let end = pos2(
            anchor.x.clamp(rect.left(), rect.right()),
            anchor.y.clamp(rect.top(), rect.bottom()),
        );
        items.push(Item::Line {
            points: vec![anchor, end],
            style: LineStyle {
                stroke: Stroke::new(1.2, palette.text),
                dash: None,
            },
        });
        items.push(Item::Circle {
            center: anchor,
            radius: 2.5,
            fill: palette.text,
            style: LineStyle {
                stroke: Stroke::NONE,
                dash: None,
            },
        });
        items.push(Item::Rect {
            rect,
            corner: 4.0,
            fill: palette.halo,
            stroke: Stroke::new(1.0, palette.text),
        });
        for (i, line) in note.lines().enumerate() {
            items.push(Item::Text(Text {
                pos: Note::text_origin(rect) + vec2(0.0, i as f32 * metrics().line_height(NOTE_SIZE)),
                text: line.to_string(),
                size: NOTE_SIZE,
                color: palette.text,
                italic: false,
            }));
        }
        rects.push(rect);
    }
    (Layer { id: "notes", items }, rects)
}

/// Where the title, legend and attribution go.
struct Overlays {
    /// Their rectangles (labels keep clear).
    rects: Vec<Rect>,
    /// The map starts below the title band.
    top: f32,
}

/// Size of a legend swatch.
const SWATCH: Vec2 = vec2(26.0, 14.0);

/// Marker sizes shown in the legend for a largest count of `max`.
fn size_examples(max: usize) -> Vec<usize> {
    let mut counts = vec![1, max.div_ceil(4), max];
    counts.dedup();
    counts.retain(|&c| c >= 1);
    counts
}

impl Overlays {
    fn title_lines(spec: &PictureSpec) -> Vec<(String, f32)> {
        let mut lines = Vec::new();
        if let Some(title) = spec.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            lines.push((title.to_string(), TITLE_SIZE));
        }
        if let Some(sub) = spec.subtitle.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            lines.push((sub.to_string(), SMALL + 1.0));
        }
        lines
    }

    fn title_rect(spec: &PictureSpec, bounds: Rect) -> Option<Rect> {
        let lines = Overlays::title_lines(spec);
        if lines.is_empty() {
            return None;
        }
        let width = lines
            .iter()
            .map(|(t, s)| metrics().width(t, *s))
            .fold(0.0, f32::max)
            .min(bounds.width() - 2.0 * INSET - 20.0);
        let height: f32 = lines.iter().map(|(_, s)| metrics().line_height(*s)).sum();
        Some(Align2::CENTER_TOP.anchor_size(
            bounds.center_top() + vec2(0.0, INSET),
            vec2(width + 20.0, height + 10.0),
        ))
    }

    fn legend_rect(analysis: &Analysis, spec: &PictureSpec, bounds: Rect, max_mentions: usize) -> Option<Rect> {
        (spec.show_legend && !analysis.countries.is_empty()).then(|| {
            let biggest = marker_radius(max_mentions, max_mentions);
            let width = 5.0 * ClassScale::for_max(max_mentions).column_width(SMALL) + 12.0;
            // A comparison's legend has its three colours and no sizes.
            let sizes = if spec.categories.is_some() {
                0.0
            } else {
                2.0 * biggest + 24.0
            };
            let height = 22.0 + SWATCH.y + 20.0 + sizes;
            Rect::from_min_size(
                pos2(bounds.left() + INSET, bounds.bottom() - INSET - height),
                vec2(width, height),
            )
        })
    }

    fn attribution_text() -> &'static str {
        "Natural Earth · GeoNames"
    }

    fn attribution_rect(spec: &PictureSpec, bounds: Rect) -> Option<Rect> {
        spec.show_attribution.then(|| {
            let size = metrics().size(Overlays::attribution_text(), SMALL) + vec2(6.0, 4.0);
            Align2::RIGHT_BOTTOM.anchor_size(bounds.right_bottom() - vec2(INSET, INSET), size)
        })
    }

    fn lay_out(analysis: &Analysis, spec: &PictureSpec, _palette: &Palette, bounds: Rect, max: usize) -> Overlays {
        let title = Overlays::title_rect(spec, bounds);
        let rects: Vec<Rect> = [
            title,
            Overlays::legend_rect(analysis, spec, bounds, max),
            Overlays::attribution_rect(spec, bounds),
        ]
        .into_iter()
        .flatten()
        .collect();
        // A title wider than half the picture gets a band of its own above the map.
        let top = match title {
            Some(t) if t.width() > bounds.width() * 0.5 => t.bottom() + 4.0,
            _ => 0.0,
        };
        Overlays { rects, top }
    }

    /// Draw the overlays; `unplaced` names go in an "Also named" box above the legend.
    fn draw(
        &self,
        analysis: &Analysis,
        spec: &PictureSpec,
        palette: &Palette,
        bounds: Rect,
        max: usize,
        unplaced: &[String],
    ) -> (Layer, Vec<Rect>) {
        let mut items = Vec::new();
        let mut rects = self.rects.clone();
        let text = |pos: Pos2, text: &str, size: f32, color: Color32| {
            Item::Text(Text {
                pos,
                text: text.to_string(),
                size,
                color,
                italic: false,
            })
        };
        let halo = |rect: Rect, corner: f32| Item::Rect {
            rect,
            corner,
            fill: palette.halo,
            stroke: Stroke::NONE,
        };
        if let Some(frame) = Overlays::title_rect(spec, bounds) {
            items.push(halo(frame, 5.0));
            let mut y = frame.top() + 5.0;
            for (line, size) in Overlays::title_lines(spec) {
                let w = metrics().width(&line, size);
                items.push(text(pos2(frame.center().x - w / 2.0, y), &line, size, palette.text));
                y += metrics().line_height(size);
            }
        }
        if let Some(frame) = Overlays::attribution_rect(spec, bounds) {
            items.push(halo(frame, 3.0));
            items.push(text(
                frame.min + vec2(3.0, 2.0),
                Overlays::attribution_text(),
                SMALL,
                palette.text,
            ));
        }
        let legend = Overlays::legend_rect(analysis, spec, bounds, max);
        if let Some(frame) = legend {
            items.push(halo(frame, 4.0));
            let mut y = frame.top() + 6.0;
            let heading = crate::map::legend::capitalised(spec.unit);
            items.push(text(pos2(frame.left() + 6.0, y), &heading, SMALL, palette.text));
            y += 18.0;
            let categories = spec.categories.unwrap_or_default();
            for (i, (color, label)) in palette.classes.iter().zip(categories).enumerate() {
                // A comparison: three named colours, no sizes.
                let x = frame.left() + 6.0 + i as f32 * (frame.width() - 12.0) / 3.0;
                let cell = Rect::from_min_size(pos2(x, y), SWATCH);
                items.push(Item::Rect {
                    rect: cell,
                    corner: 2.0,
                    fill: *color,
                    stroke: Stroke::NONE,
                });
                items.push(text(pos2(cell.left(), cell.bottom() + 2.0), label, SMALL, palette.text));
            }
            let numbered = if spec.categories.is_some() { 0 } else { 5 };
            let labels = ClassScale::for_max(max).labels();
            for (i, (color, label)) in palette.classes.iter().zip(&labels).take(numbered).enumerate() {
                let column = ClassScale::for_max(max).column_width(SMALL);
                let x = frame.left() + 6.0 + i as f32 * column + (column - SWATCH.x - 8.0) / 2.0;
                let cell = Rect::from_min_size(pos2(x, y), SWATCH);
                items.push(Item::Rect {
                    rect: cell,
                    corner: 2.0,
                    fill: *color,
                    stroke: Stroke::NONE,
                });
                let w = metrics().width(label, SMALL);
                items.push(text(
                    pos2(cell.center().x - w / 2.0, cell.bottom() + 2.0),
                    label,
                    SMALL,
                    palette.text,
                ));
            }
            y += SWATCH.y + 20.0;
            let biggest = marker_radius(max, max);
            let baseline = y + 2.0 * biggest;
            let mut x = frame.left() + 8.0;
            let sizes = if spec.categories.is_some() {
                Vec::new()
            } else {
                size_examples(max)
            };
            for count in sizes {
                let r = marker_radius(count, max);
                let center = pos2(x + r, baseline - r);
                items.push(Item::Circle {
                    center,
                    radius: r,
                    fill: palette.marker,
                    style: LineStyle {
                        stroke: Stroke::new(1.0, palette.marker_outline),
                        dash: None,
                    },
                });
                let label = count.to_string();
                let w = metrics().width(&label, SMALL);
                items.push(text(
                    pos2(center.x - w / 2.0, baseline + 2.0),
                    &label,
                    SMALL,
                    palette.text,
                ));
                x += 2.0 * r + 14.0;
            }
        }
        if !unplaced.is_empty() {
            // At most a dozen names, then how many more.
            const NAMES: usize = 12;
            let shown = unplaced.iter().take(NAMES).cloned().collect::<Vec<_>>().join(", ");
            let line = match unplaced.len().saturating_sub(NAMES) {
                0 => format!("Also named: {shown}"),
                more => format!("Also named: {shown} and {more} more"),
            };
            let size = metrics().size(&line, SMALL) + vec2(12.0, 8.0);
            let bottom = legend.map_or(bounds.bottom() - INSET, |l| l.top() - 6.0);
            let frame = Rect::from_min_size(pos2(bounds.left() + INSET, bottom - size.y), size);
            items.push(halo(frame, 4.0));
            items.push(text(frame.min + vec2(6.0, 4.0), &line, SMALL, palette.text));
            rects.push(frame);
        }
        (Layer { id: "overlays", items }, rects)
    }
}
