//! Which decided places lie near a point: items filed by square cells of
//! longitude and latitude, asked for everything within some kilometres.
//!
//! Written here rather than taken from an R-tree crate: the resolver adds a
//! few hundred points and asks thousands of "anything within 100 km?", so
//! a hash of cells whose size suits the distance asked is both simpler and
//! faster than a tree rebuilt as places are decided.

use rustc_hash::FxHashMap;
use std::ops::ControlFlow;

/// Kilometres in a degree of latitude, rounded down (on the sphere of the
/// distances, of radius 6,371 km, it is 111.195): cells reach a little further, never less far.
const KM_PER_DEGREE: f64 = 111.19;

/// Great-circle distance in km between two (longitude, latitude) points
/// (the resolution measures with [`Measure`]).
#[cfg(test)]
fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    distance_between(a, cos_latitude(a), &Placed::new(b))
}

/// The cosine of a point's latitude, as the distance works it out.
fn cos_latitude(at: (f64, f64)) -> f64 {
    at.1.to_radians().cos()
}

/// A point filed in a grid, with the cosine of its latitude worked out
/// once: each distance to it needs it, and the resolution measures from
/// candidate after candidate to the same few decided places (the C
/// library's cosine was a sixtieth of a collection's time).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Placed {
    /// Longitude and latitude in degrees.
    pub(super) at: (f64, f64),
    cos_lat: f64,
}

impl Placed {
    pub(super) fn new(at: (f64, f64)) -> Placed {
        Placed {
            at,
            cos_lat: cos_latitude(at),
        }
    }
}

/// Great-circle distance in km from `a` (longitude, latitude), whose
/// latitude's cosine is `cos_a`, to `b`.
fn distance_between(a: (f64, f64), cos_a: f64, b: &Placed) -> f64 {
    let (lon1, lat1, lon2, lat2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.at.0.to_radians(),
        b.at.1.to_radians(),
    );
    let h = ((lat2 - lat1) / 2.0).sin().powi(2) + cos_a * b.cos_lat * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Distances from one point to points filed in a grid, within `km`: the
/// point's latitude's cosine worked out once, when a first point is close
/// enough in latitude to be measured.
pub(super) struct Measure {
    from: (f64, f64),
    km: f64,
    cos_from: Option<f64>,
}

impl Measure {
    pub(super) fn from(at: (f64, f64), km: f64) -> Measure {
        Measure {
            from: at,
            km,
            cos_from: None,
        }
    }

    /// The distance in km to `b` if it is at most `km`. Points farther apart
    /// in latitude alone are turned away without trigonometry: the
    /// great-circle distance is at least the distance along the meridian,
    /// and [`KM_PER_DEGREE`] is rounded down (most points a cell search
    /// hands over are rows of cells away).
    pub(super) fn within(&mut self, b: &Placed) -> Option<f64> {
        if (self.from.1 - b.at.1).abs() * KM_PER_DEGREE > self.km {
            return None;
        }
        let cos_from = *self.cos_from.get_or_insert_with(|| cos_latitude(self.from));
        let d = distance_between(self.from, cos_from, b);
        (d <= self.km).then_some(d)
    }
}

/// Entries of a thread's [`cos_degrees`] memory.
const COS_KEPT: usize = 256;

thread_local! {
    /// The cosines [`cos_degrees`] worked out last, by their angle's bits.
    static COSINES: std::cell::RefCell<[(u64, f64); COS_KEPT]> =
        const { std::cell::RefCell::new([(u64::MAX, 0.0); COS_KEPT]) };
}

/// `x.to_radians().cos()`, remembered: a name's candidates are asked about
/// in round after round, each in three grids of the same reach, and the C
/// library's cosine was a sixtieth of a collection's time. The same
/// argument gives the same bits, so nothing a question finds changes.
fn cos_degrees(x: f64) -> f64 {
    let bits = x.to_bits();
    // (No entry's key: an empty entry's bits are a NaN's.)
    if x.is_nan() {
        return x.to_radians().cos();
    }
    // Fibonacci hashing: the top bits of the product mix every bit of the angle.
    let at = (bits.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - COS_KEPT.trailing_zeros())) as usize;
    COSINES.with_borrow_mut(|kept| {
        let (key, cos) = &mut kept[at];
        if *key != bits {
            (*key, *cos) = (bits, x.to_radians().cos());
        }
        *cos
    })
}

/// `x.floor() as i32` without a call to the C library's `floor` (this
/// target's baseline has no rounding instruction, and every question asks
/// for a cell): the cast rounds toward zero and saturates.
fn floor_i32(x: f64) -> i32 {
    let t = x as i32;
    if f64::from(t) > x { t.saturating_sub(1) } else { t }
}

/// `x.ceil() as i32`, as [`floor_i32`].
fn ceil_i32(x: f64) -> i32 {
    let t = x as i32;
    if f64::from(t) < x { t.saturating_add(1) } else { t }
}

/// The end of a cell's items ([`Grid::items`]).
const NO_ITEM: u32 = u32::MAX;

/// Items filed by the cell of their point, cells `DEGREES` wide (a divisor of 360).
pub(super) struct Grid<T, const DEGREES: u16 = 1> {
    degrees: f64,
    /// Each filed cell's first and last item in `items`.
    cells: FxHashMap<(i32, i32), (u32, u32)>,
    /// Every item, with the next item of its cell ([`NO_ITEM`] after the
    /// last): a cell's items in the order filed, in one list rather than a
    /// list per cell (the rounds file a town per cell, and each list was an
    /// allocation).
    items: Vec<(T, u32)>,
    /// How many cells make a turn of longitude.
    columns: i32,
    /// A bit for each cell of the world, set when the cell holds items:
    /// most cells around a point are empty, and a bit says so faster than
    /// the hash map (empty until the first item).
    occupied: Vec<u64>,
}

impl<T, const DEGREES: u16> Grid<T, DEGREES> {
    /// An empty grid.
    pub(super) fn new() -> Self {
        Grid {
            degrees: f64::from(DEGREES),
            cells: FxHashMap::default(),
            items: Vec::new(),
            columns: 360 / i32::from(DEGREES),
            occupied: Vec::new(),
        }
    }

    /// The rows of cells from the South Pole's to the North Pole's:
    /// ⌊-90 / DEGREES⌋ ..= ⌊90 / DEGREES⌋.
    const ROWS: std::ops::RangeInclusive<i32> = {
        let d = DEGREES as i32;
        -((90 + d - 1) / d)..=90 / d
    };

    /// The bit of cell `(x, y)` in `occupied`, if the cell is on the globe.
    fn bit(&self, (x, y): (i32, i32)) -> Option<usize> {
        let south = *Self::ROWS.start();
        Self::ROWS
            .contains(&y)
            .then(|| ((y - south) * self.columns + x) as usize)
    }

    /// Does cell `(x, y)` hold items?
    fn is_occupied(&self, at: (i32, i32)) -> bool {
        self.bit(at)
            .is_some_and(|b| self.occupied.get(b / 64).is_some_and(|w| w & (1 << (b % 64)) != 0))
    }

    /// The cell of a point, its column wrapped so that 180°E is 180°W.
    fn cell(&self, (lon, lat): (f64, f64)) -> (i32, i32) {
        let x = floor_i32((lon + 180.0) / self.degrees);
        (x.rem_euclid(self.columns), floor_i32(lat / self.degrees))
    }

    /// File `item` at `point`.
    pub(super) fn insert(&mut self, point: (f64, f64), item: T) {
        let at = self.cell(point);
        if let Some(b) = self.bit(at) {
            if self.occupied.is_empty() {
                let rows = Self::ROWS.end() - Self::ROWS.start() + 1;
                let cells = (self.columns * rows) as usize;
                self.occupied = vec![0; cells.div_ceil(64)];
            }
            self.occupied[b / 64] |= 1 << (b % 64);
        }
        let k = u32::try_from(self.items.len()).expect("fewer than 4 billion items");
        self.items.push((item, NO_ITEM));
        match self.cells.entry(at) {
            std::collections::hash_map::Entry::Occupied(mut cell) => {
                let last = &mut cell.get_mut().1;
                self.items[*last as usize].1 = k;
                *last = k;
            }
            std::collections::hash_map::Entry::Vacant(cell) => {
                cell.insert((k, k));
            }
        }
    }

    /// The items of the cell whose first item is `first`, in the order filed.
    fn cell_items(&self, first: u32) -> impl Iterator<Item = &T> + Clone + '_ {
        std::iter::successors(Some(first), |&k| {
            Some(self.items[k as usize].1).filter(|&n| n != NO_ITEM)
        })
        .map(|k| &self.items[k as usize].0)
    }

    /// The items filed in the cell of `point` itself, in the order filed.
    pub(super) fn at(&self, point: (f64, f64)) -> impl Iterator<Item = &T> + Clone + '_ {
        self.cells
            .get(&self.cell(point))
            .into_iter()
            .flat_map(|&(first, _)| self.cell_items(first))
    }

    /// Visit the items filed within `km` of `point`, and maybe a little
    /// further (the cells that reach covers), until `visit` breaks: its
    /// value, if it did. A visitor, not an iterator: the resolution asks
    /// this for every candidate in every round, and an iterator of the two
    /// ways to go round was a large value to build and hand back each time.
    pub(super) fn visit_around<B>(
        &self,
        point: (f64, f64),
        km: f64,
        mut visit: impl FnMut(&T) -> ControlFlow<B>,
    ) -> Option<B> {
        // An empty grid (no place decided yet) has nothing anywhere: no cells to work out.
        if self.cells.is_empty() {
            return None;
        }
        let (cx, cy) = self.cell(point);
        let span = self.degrees * KM_PER_DEGREE;
        let rows = ceil_i32(km / span);
        let columns = self.columns;
        // The columns either side of `cx` within reach (`columns`: all of
        // them). A degree of longitude shrinks towards the poles (400 km is
        // 4 degrees at the equator, 8 at 60°N): measured at the edge of the
        // reach nearest the pole (and a cell further). Over a pole the reach
        // goes round the world: every column once.
        let reach = point.1.abs() + km / KM_PER_DEGREE;
        let reach_columns = || {
            let far = reach + self.degrees;
            let cols = if far < 89.0 {
                ceil_i32(km / (span * cos_degrees(far)))
            } else {
                columns
            };
            if reach >= 90.0 || 2 * cols + 1 >= columns {
                columns
            } else {
                cols
            }
        };
        let mut items = |&(first, _): &(u32, u32)| {
            for item in self.cell_items(first) {
                if let ControlFlow::Break(b) = visit(item) {
                    return Some(b);
                }
            }
            None
        };
        // Few cells filed: walk them rather than ask for every cell around.
        // The columns are worked out (a cosine) only once a filed cell is
        // in a row within reach: most questions of a sparse grid have none.
        let mut walk = |mut cols: Option<i32>| {
            for (&(x, y), list) in &self.cells {
                if (y - cy).abs() > rows {
                    continue;
                }
                let cols = *cols.get_or_insert_with(reach_columns);
                // Columns apart, either way round the world (both in 0..columns).
                let apart = (x - cx).abs();
                let dx = apart.min(columns - apart);
                if dx <= cols
                    && let Some(b) = items(list)
                {
                    return Some(b);
                }
            }
            None
        };
        // A reach of more than 0 km asks at least three columns of cells.
        if km > 0.0 && self.cells.len() <= (3 * (2 * rows + 1)) as usize {
            return walk(None);
        }
        let cols = reach_columns();
        let (first, width) = if cols == columns {
            (0, columns)
        } else {
            (cx - cols, 2 * cols + 1)
        };
        let asked = (width * (2 * rows + 1)) as usize;
        if self.cells.len() <= asked {
            return walk(Some(cols));
        }
        for x in first..first + width {
            // Within a turn of `0..columns` either way.
            let x = if x < 0 {
                x + columns
            } else if x >= columns {
                x - columns
            } else {
                x
            };
            for dy in -rows..=rows {
                let k = (x, cy + dy);
                if self.is_occupied(k)
                    && let Some(list) = self.cells.get(&k)
                    && let Some(b) = items(list)
                {
                    return Some(b);
                }
            }
        }
        None
    }

    /// Forget every item.
    pub(super) fn clear(&mut self) {
        self.cells.clear();
        self.items.clear();
        self.occupied.fill(0);
    }
}

impl<T, const DEGREES: u16> Default for Grid<T, DEGREES> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_distance_from_remembered_cosines_is_the_haversine_worked_out_whole() {
        let haversine = |a: (f64, f64), b: (f64, f64)| {
            let (lon1, lat1, lon2, lat2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
            let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
            2.0 * 6371.0 * h.sqrt().min(1.0).asin()
        };
        let points: Vec<(f64, f64)> = (0..400)
            .map(|k| (f64::from(k) * 0.9137 - 180.0, f64::from(k) * 0.4513 - 90.0))
            .collect();
        let mut measured = 0;
        for &a in &points {
            let mut measure = Measure::from(a, 25_000.0);
            for &b in points.iter().step_by(7) {
                let d = measure
                    .within(&Placed::new(b))
                    .expect("every point is within 25,000 km");
                assert_eq!(d.to_bits(), haversine(a, b).to_bits(), "{a:?} {b:?}");
                assert_eq!(d.to_bits(), distance_km(a, b).to_bits());
                measured += 1;
            }
        }
        assert_eq!(measured, 400 * 58);
    }

    #[test]
    fn a_remembered_cosine_is_the_one_worked_out() {
        // Angles that share entries, asked in turn and again.
        let angles: Vec<f64> = (0..20_000).map(|k| f64::from(k) * 0.0137 - 30.0).collect();
        for _ in 0..2 {
            for &x in angles.iter().chain(angles.iter().rev()) {
                assert_eq!(cos_degrees(x).to_bits(), x.to_radians().cos().to_bits(), "{x}");
            }
        }
        assert!(cos_degrees(f64::NAN).is_nan());
    }

    /// The items of `grid` within `km` of `point`, by their points.
    fn within<const D: u16>(grid: &Grid<(f64, f64), D>, point: (f64, f64), km: f64) -> Vec<(f64, f64)> {
        let mut found = Vec::new();
        grid.visit_around(point, km, |&p| {
            if distance_km(point, p) <= km {
                found.push(p);
            }
            ControlFlow::<()>::Continue(())
        });
        found
    }

    #[test]
    fn a_cell_gives_its_items_in_the_order_filed_however_the_cells_are_interleaved() {
        let mut grid: Grid<(f64, f64), 1> = Grid::new();
        let paris = [(2.1, 48.1), (2.9, 48.9), (2.5, 48.5)];
        let lyon = [(4.8, 45.7), (4.9, 45.8)];
        for (k, &p) in paris.iter().enumerate() {
            grid.insert(p, p);
            if let Some(&l) = lyon.get(k) {
                grid.insert(l, l);
            }
        }
        assert_eq!(grid.at((2.0, 48.0)).copied().collect::<Vec<_>>(), paris);
        assert_eq!(grid.at((4.5, 45.5)).copied().collect::<Vec<_>>(), lyon);
        assert_eq!(grid.at((10.0, 10.0)).count(), 0);
        // The walk around a point meets a cell's items in that order too.
        let mut met = Vec::new();
        grid.visit_around((2.5, 48.5), 50.0, |&p| {
            met.push(p);
            ControlFlow::<()>::Continue(())
        });
        assert_eq!(met, paris);
        grid.clear();
        assert_eq!(grid.at((2.0, 48.0)).count(), 0);
        grid.insert(lyon[1], lyon[1]);
        assert_eq!(grid.at((4.5, 45.5)).copied().collect::<Vec<_>>(), [lyon[1]]);
    }

    #[test]
    fn a_distance_within_reach_is_the_great_circle_distance_and_none_beyond() {
        // Pairs all over the globe, many just inside or outside the reach
        // in latitude alone (the shortcut's edge), at every longitude apart.
        let mut pairs = Vec::new();
        for lat in [-89.5, -60.0, -1.0, 0.0, 0.4, 35.0, 59.9, 89.9] {
            for dlat in [0.0, 0.3, 0.899, 0.8993, 0.9, 0.91, 1.0, 3.6, 3.598, 3.6, 4.0] {
                for dlon in [0.0, 0.5, 1.0, 179.9, -179.9, 359.0] {
                    for sign in [1.0, -1.0] {
                        let b_lat = f64::clamp(lat + sign * dlat, -90.0, 90.0);
                        pairs.push(((10.0, lat), (10.0 + dlon, b_lat)));
                    }
                }
            }
        }
        for km in [100.0, 400.0] {
            for &(a, b) in &pairs {
                let d = distance_km(a, b);
                let expected = (d <= km).then_some(d);
                let within = Measure::from(a, km).within(&Placed::new(b));
                assert_eq!(
                    within.map(f64::to_bits),
                    expected.map(f64::to_bits),
                    "{a:?} {b:?} within {km}"
                );
            }
        }
    }

    #[test]
    fn rounding_by_casts_is_the_library_s() {
        let values = [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.0,
            -1.0,
            1.5,
            -1.5,
            179.999,
            -179.999,
            359.9999999,
            -89.99,
            1e-300,
            -1e-300,
            2147483646.5,
            2147483647.0,
            2147483648.5,
            -2147483647.5,
            -2147483648.0,
            -2147483649.5,
            3e9,
            -3e9,
            f64::MAX,
            f64::MIN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for x in values {
            assert_eq!(floor_i32(x), x.floor() as i32, "floor {x}");
            assert_eq!(ceil_i32(x), x.ceil() as i32, "ceil {x}");
        }
    }

    #[test]
    fn an_empty_or_cleared_grid_has_nothing_around_any_point() {
        let mut grid: Grid<(f64, f64), 1> = Grid::new();
        for point in [(0.0, 0.0), (179.9, 89.9), (-180.0, -90.0)] {
            assert_eq!(within(&grid, point, 20_000.0), []);
        }
        grid.insert((2.35, 48.86), (2.35, 48.86));
        assert_eq!(within(&grid, (2.3, 48.8), 50.0), [(2.35, 48.86)]);
        grid.clear();
        assert_eq!(within(&grid, (2.3, 48.8), 50.0), []);
    }

    #[test]
    fn far_north_a_neighbour_several_degrees_of_longitude_away_is_found() {
        // Stockholm and Helsinki: about 400 km apart at 60°N, 7 degrees of longitude.
        let (stockholm, helsinki) = ((18.07, 59.33), (24.94, 60.17));
        let mut fine: Grid<_, 1> = Grid::new();
        let mut wide: Grid<_, 4> = Grid::new();
        fine.insert(stockholm, stockholm);
        wide.insert(stockholm, stockholm);
        assert_eq!(within(&fine, helsinki, 420.0), [stockholm]);
        assert_eq!(within(&wide, helsinki, 420.0), [stockholm]);
        assert!(within(&fine, helsinki, 300.0).is_empty());
    }

    #[test]
    fn neighbours_across_the_antimeridian_are_found() {
        let suva = (178.44, -18.14);
        let mut fine: Grid<_, 1> = Grid::new();
        let mut wide: Grid<_, 4> = Grid::new();
        fine.insert(suva, suva);
        wide.insert(suva, suva);
        assert_eq!(within(&fine, (-179.5, -18.14), 400.0), [suva]);
        assert_eq!(within(&wide, (-179.5, -18.14), 400.0), [suva]);
        assert_eq!(fine.cell((180.0, 0.0)), fine.cell((-180.0, 0.0)));
        // Many cells filed on both sides (so they are asked for, cell by
        // cell): what is found is what measuring every point finds.
        let points: Vec<(f64, f64)> = (0..60)
            .flat_map(|x| (0..12).map(move |y| (f64::from(x) * 0.5 + 165.25, f64::from(y) * 0.5 - 20.0)))
            .map(|(lon, lat): (f64, f64)| (if lon > 180.0 { lon - 360.0 } else { lon }, lat))
            .collect();
        for &p in &points {
            fine.insert(p, p);
            wide.insert(p, p);
        }
        for at in [(-179.5, -18.14), (179.9, -15.0), (-175.2, -19.0), (170.0, -17.0)] {
            let mut all: Vec<_> = points
                .iter()
                .copied()
                .filter(|&p| distance_km(at, p) <= 150.0)
                .collect();
            all.push(suva);
            all.retain(|&p| distance_km(at, p) <= 150.0);
            all.sort_by(|a, b| a.partial_cmp(b).unwrap());
            for mut found in [within(&fine, at, 150.0), within(&wide, at, 150.0)] {
                found.sort_by(|a, b| a.partial_cmp(b).unwrap());
                assert_eq!(found, all, "within 150 km of {at:?}");
            }
        }
    }

    #[test]
    fn a_visit_stops_where_the_visitor_breaks() {
        for many in [false, true] {
            let mut grid: Grid<_> = Grid::new();
            let points: Vec<(f64, f64)> = if many {
                (0..30)
                    .flat_map(|x| (0..30).map(move |y| (f64::from(x) + 0.5, f64::from(y) + 0.5)))
                    .collect()
            } else {
                vec![(10.5, 10.5), (11.5, 10.5), (10.5, 11.5)]
            };
            for &p in &points {
                grid.insert(p, p);
            }
            let mut seen = 0;
            let found = grid.visit_around((10.5, 10.5), 120.0, |&p| {
                seen += 1;
                ControlFlow::Break(p)
            });
            assert!(found.is_some_and(|p| points.contains(&p)), "{found:?}");
            let mut all = 0;
            grid.visit_around((10.5, 10.5), 120.0, |_| {
                all += 1;
                ControlFlow::<()>::Continue(())
            });
            assert_eq!((seen, all >= 3), (1, true), "stopped after {seen} of {all}");
        }
    }

    #[test]
    fn many_cells_are_asked_for_and_few_walked_with_the_same_answer() {
        let mut grid: Grid<_> = Grid::new();
        // A 40 by 40 degree field of points: more cells than a query asks for.
        for x in 0..40 {
            for y in 0..40 {
                grid.insert(
                    (f64::from(x) + 0.5, f64::from(y) + 0.5),
                    (f64::from(x) + 0.5, f64::from(y) + 0.5),
                );
            }
        }
        let found = within(&grid, (20.5, 20.5), 120.0);
        assert_eq!(found.len(), 5, "{found:?}");
        let mut few: Grid<_> = Grid::new();
        for p in &found {
            few.insert(*p, *p);
        }
        assert_eq!(within(&few, (20.5, 20.5), 120.0).len(), 5);
        assert_eq!(few.at((20.2, 20.9)).copied().collect::<Vec<_>>(), [(20.5, 20.5)]);
        few.clear();
        assert!(within(&few, (20.5, 20.5), 120.0).is_empty());
    }

    #[test]
    fn the_poles_and_a_cleared_grid_are_asked_safely() {
        let mut grid: Grid<_, 4> = Grid::new();
        for x in 0..90 {
            let p = (f64::from(x) * 4.0 - 178.0, 89.9);
            grid.insert(p, p);
        }
        grid.insert((0.0, 90.0), (0.0, 90.0));
        grid.insert((0.0, -90.0), (0.0, -90.0));
        // Near the pole the reach goes round the world: every column once.
        assert_eq!(within(&grid, (10.0, 89.0), 200.0).len(), 91);
        assert_eq!(within(&grid, (0.0, -89.5), 100.0), [(0.0, -90.0)]);
        grid.clear();
        assert!(within(&grid, (10.0, 89.0), 200.0).is_empty());
        // Near the South Pole with more cells filed than a query asks for
        // (so they are asked for, cell by cell; a 4-degree row starts at
        // 92°S): what is found is what measuring every point finds.
        let mut points = vec![(0.0, -90.0)];
        points.extend((0..90).map(|x| (f64::from(x) * 4.0 - 178.0, -89.0)));
        // Cells filled all over the world, so that there are more than asked for.
        points.extend(
            (0..90).flat_map(|x| (-20..20).map(move |y| (f64::from(x) * 4.0 - 178.0, f64::from(y) * 4.0 + 2.0))),
        );
        for &p in &points {
            grid.insert(p, p);
        }
        for (at, km) in [((2.0, -89.5), 60.0), ((-120.0, -88.9), 30.0), ((179.0, -89.9), 15.0)] {
            let mut found = within(&grid, at, km);
            let mut all: Vec<_> = points.iter().copied().filter(|&p| distance_km(at, p) <= km).collect();
            found.sort_by(|a, b| a.partial_cmp(b).unwrap());
            all.sort_by(|a, b| a.partial_cmp(b).unwrap());
            assert!(!all.is_empty());
            assert_eq!(found, all, "within {km} km of {at:?}");
        }
    }
}
