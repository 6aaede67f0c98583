//! Where the map is looking: world units to screen points and back, zoom
//! limits, and keeping the centre inside the world.

use egui::{Pos2, Rect, Vec2, pos2};
use walkers::{MapMemory, Projector};

use crate::world::{WorldPoint, WorldRect, project, unproject, world_size};

/// The highest walkers zoom the map allows (country and city scale).
pub const MAX_ZOOM: f64 = 12.0;

/// Leave this many points free around fitted places (room for markers and labels).
pub const FIT_MARGIN: f64 = 48.0;

/// The highest zoom [`crate::map::MapView::fit_all`] picks (for a single small country).
pub const MAX_FIT_ZOOM: f64 = 6.0;

/// The lowest zoom for a map `width` points wide: the world is never
/// narrower than the map.
pub fn min_zoom(width: f32) -> f64 {
    crate::world::mercator::zoom_for_world_size(width.max(1.0) as f64).clamp(0.0, MAX_ZOOM)
}

/// The current frame's mapping between world units and screen points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// The map's rectangle on screen.
    pub rect: Rect,
    /// World point at the centre of `rect`.
    pub center: WorldPoint,
    /// Points per world unit (the world's width on screen).
    pub scale: f64,
}

impl Viewport {
    /// The viewport walkers draws this frame.
    pub fn from_projector(projector: &Projector) -> Viewport {
        let rect = projector.clip_rect();
        let center = projector.unproject(rect.center().to_vec2());
        Viewport {
            rect,
            center: project(center.x(), center.y()),
            scale: world_size(projector.zoom()),
        }
    }

    /// Screen position of a world point (no wrapping).
    pub fn to_screen(&self, p: WorldPoint) -> Pos2 {
        let c = self.rect.center();
        pos2(
            (c.x as f64 + (p.x - self.center.x) * self.scale) as f32,
            (c.y as f64 + (p.y - self.center.y) * self.scale) as f32,
        )
    }

    /// World point under a screen position.
    pub fn to_world(&self, pos: Pos2) -> WorldPoint {
        let c = self.rect.center();
        WorldPoint::new(
            self.center.x + (pos.x - c.x) as f64 / self.scale,
            self.center.y + (pos.y - c.y) as f64 / self.scale,
        )
    }

    /// The part of the world on screen (x unwrapped: may leave `[0, 1]`).
    pub fn visible(&self) -> WorldRect {
        WorldRect {
            min: self.to_world(self.rect.min),
            max: self.to_world(self.rect.max),
        }
    }

    /// Whole-world shifts (…, -1, 0, 1, …) at which `bbox` is on screen.
    pub fn copies(&self, bbox: &WorldRect) -> impl Iterator<Item = f64> + use<> {
        let visible = self.visible();
        let y_visible = bbox.min.y <= visible.max.y && visible.min.y <= bbox.max.y;
        let first = (visible.min.x - bbox.max.x).ceil() as i64;
        // Off screen vertically: no copy (an empty range).
        let last = if y_visible {
            (visible.max.x - bbox.min.x).floor() as i64
        } else {
            first - 1
        };
        (first..=last).map(|k| k as f64)
    }

    /// The copy of `p` (shifted by whole worlds) nearest the screen centre.
    pub fn nearest_copy(&self, p: WorldPoint) -> WorldPoint {
        WorldPoint::new(p.x - (p.x - self.center.x).round(), p.y)
    }

    /// Screen position of (`lon`, `lat`), using the copy of the world nearest the centre.
    pub fn lon_lat_to_screen(&self, lon: f64, lat: f64) -> Pos2 {
        self.to_screen(self.nearest_copy(project(lon, lat)))
    }

    /// Multiply-add that takes world units (f32) to screen points:
    /// `screen = world * scale + offset`, for a copy shifted by `shift` worlds.
    pub fn affine(&self, shift: f64) -> (f32, Vec2) {
        let c = self.rect.center();
        let offset = Vec2::new(
            (c.x as f64 - (self.center.x - shift) * self.scale) as f32,
            (c.y as f64 - self.center.y * self.scale) as f32,
        );
        (self.scale as f32, offset)
    }
}

impl crate::cartography::ScreenProjection for Viewport {
    /// The walkers map shows every point (on the copy of the world nearest the centre).
    fn lon_lat_to_screen(&self, lon: f64, lat: f64) -> Option<Pos2> {
        Some(Viewport::lon_lat_to_screen(self, lon, lat))
    }
}

/// Keep the view sensible after walkers handled this frame's gestures:
/// zoom within [`min_zoom`]`..=`[`MAX_ZOOM`], the centre's longitude in
/// `[-180, 180)` (when not being dragged, so the jump by one world is
/// invisible), and no empty band beyond the poles when the world is taller
/// than the map. Returns whether anything changed.
pub fn constrain(memory: &mut MapMemory, rect: Rect, dragging: bool) -> bool {
    let mut changed = false;
    let zoom = memory.zoom().clamp(min_zoom(rect.width()), MAX_ZOOM);
    if zoom != memory.zoom() && memory.set_zoom(zoom).is_ok() {
        changed = true;
    }
    let Some(center) = memory.detached() else {
        return changed;
    };
    let scale = world_size(zoom);
    let mut p = project(center.x(), center.y());
    let half_height = rect.height() as f64 / 2.0 / scale;
    p.y = if half_height >= 0.5 {
        0.5
    } else {
        p.y.clamp(half_height, 1.0 - half_height)
    };
    if !dragging {
        p.x = p.x.rem_euclid(1.0);
    }
    let (lon, lat) = unproject(p);
    let lon = if dragging { center.x() } else { lon };
    if (lon - center.x()).abs() > 1e-9 || (lat - center.y()).abs() > 1e-9 {
        memory.center_at(walkers::lon_lat(lon, lat));
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewport() -> Viewport {
        Viewport {
            rect: Rect::from_min_size(pos2(10.0, 20.0), Vec2::new(800.0, 600.0)),
            center: WorldPoint::new(0.5, 0.5),
            scale: 1024.0,
        }
    }

    #[test]
    fn screen_and_world_round_trip() {
        let v = viewport();
        let p = WorldPoint::new(0.6, 0.45);
        let back = v.to_world(v.to_screen(p));
        assert!((back.x - p.x).abs() < 1e-6 && (back.y - p.y).abs() < 1e-6);
        let (scale, offset) = v.affine(0.0);
        let s = pos2(0.6, 0.45) * scale + offset;
        assert!((s - v.to_screen(p)).length() < 1e-3);
    }

    #[test]
    fn copies_cover_what_is_on_screen() {
        let mut v = viewport();
        v.center = WorldPoint::new(0.95, 0.5);
        let near_date_line = WorldRect::from_point(WorldPoint::new(0.02, 0.5));
        assert_eq!(v.copies(&near_date_line).collect::<Vec<_>>(), [1.0]);
        assert_eq!(v.nearest_copy(WorldPoint::new(0.02, 0.5)).x, 1.02);
        let off_screen = WorldRect::from_point(WorldPoint::new(0.5, 0.5));
        assert_eq!(v.copies(&off_screen).count(), 0);
    }

    #[test]
    fn constrain_clamps_zoom_and_wraps_longitude() {
        let mut memory = MapMemory::default();
        memory.center_at(walkers::lon_lat(200.0, 89.0));
        memory.set_zoom(0.5).unwrap();
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(1024.0, 600.0));
        assert!(constrain(&mut memory, rect, false));
        assert_eq!(memory.zoom(), 2.0);
        let center = memory.detached().unwrap();
        assert!((center.x() + 160.0).abs() < 1e-6, "{center:?}");
        assert!(center.y() < 80.0);
        assert!(!constrain(&mut memory, rect, false));
    }
}
