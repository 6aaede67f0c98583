//! The colour classes of a map's counts.
//!
//! For one article the scale is sequential with five classes that double:
//! 1, 2–3, 4–7, 8–15 and 16 or more mentions (a log₂ scale, so one article
//! with a hundred mentions of one country still shows the others apart, and
//! the colours mean the same counts in every article). A collection's counts
//! reach thousands: its classes grow geometrically up to the largest count.

/// What each colour class stands for, fewest mentions first, on a map
/// whose counts reach at most 16.
pub const CLASS_LABELS: [&str; 5] = ["1", "2–3", "4–7", "8–15", "16+"];

/// The colour class (0..=4) of a mention count: ⌊log₂ count⌋, capped at 4.
pub fn mention_class(mentions: usize) -> usize {
    (mentions.max(1).ilog2() as usize).min(4)
}

/// The five colour classes of a map whose largest count is `max`: doubling
/// (1, 2–3, 4–7, 8–15, 16+) when counts stay small, as in one article;
/// geometric steps up to the largest count when they do not, as in a
/// collection of thousands of articles (1, 6–39, 40–250, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClassScale {
    /// The least count of each class.
    lower: [usize; 5],
}

impl ClassScale {
    /// The scale for counts up to `max`.
    pub fn for_max(max: usize) -> ClassScale {
        if max <= 16 {
            return ClassScale {
                lower: [1, 2, 4, 8, 16],
            };
        }
        let mut lower = [1; 5];
        for k in 1..5 {
            let step = (max as f64).powf(k as f64 / 5.0).round() as usize;
            lower[k] = step.max(lower[k - 1] + 1);
        }
        ClassScale { lower }
    }

    /// The class (0..=4) of `count`.
    pub fn class(&self, count: usize) -> usize {
        self.lower.iter().rposition(|&l| count >= l).unwrap_or(0)
    }

    /// The width of a legend column (swatch and label) when labels are set
    /// at `size` points: room for the widest label.
    pub fn column_width(&self, size: f32) -> f32 {
        let widest = self
            .labels()
            .iter()
            .map(|l| crate::cartography::font::metrics().width(l, size))
            .fold(0.0, f32::max);
        (widest + 8.0).max(34.0)
    }

    /// What each class stands for: "1", "2–3", …, "16+".
    pub fn labels(&self) -> [String; 5] {
        std::array::from_fn(|k| {
            let low = self.lower[k];
            match self.lower.get(k + 1) {
                None => format!("{low}+"),
                Some(&next) if next == low + 1 => low.to_string(),
                Some(&next) => format!("{low}–{}", next - 1),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_double() {
        let classes: Vec<usize> = [1, 2, 3, 4, 7, 8, 15, 16, 500].map(mention_class).to_vec();
        assert_eq!(classes, [0, 1, 1, 2, 2, 3, 3, 4, 4]);
        assert_eq!(mention_class(0), 0);
        let small = ClassScale::for_max(16);
        assert_eq!(small.labels(), CLASS_LABELS.map(String::from));
        assert!(
            [1, 2, 3, 4, 7, 8, 15, 16]
                .iter()
                .all(|&m| small.class(m) == mention_class(m))
        );
        let large = ClassScale::for_max(10_000);
        assert_eq!(large.labels(), ["1–5", "6–39", "40–250", "251–1584", "1585+"]);
        assert_eq!((large.class(1), large.class(300), large.class(10_000)), (0, 3, 4));
    }
}
