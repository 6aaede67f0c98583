//! The date of an article, from the date line at its head ("March 31,
//! 2024", "31 March 2024", "Sunday, Mar. 31, 2024", "2024-03-31"), as a
//! calendar day that sorts and compares: enough to filter a collection by
//! date range. Written here: the forms are few and English, and a date
//! crate would parse one format string at a time.

use serde::{Deserialize, Serialize};

use crate::import::title::MONTHS;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    // The name or an abbreviation of it: "Mar", "Sept".
    MONTHS.iter().position(|m| m.starts_with(&w)).map(|i| i as u8 + 1)
}

impl Day {
    /// The day `text` names, if it names one (month names in English, or ISO `YYYY-MM-DD`).
    pub fn parse(text: &str) -> Option<Day> {
        let words: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        // ISO 8601: 2024-03-31 (also 2024/03/31).
        for w in &words {
            let parts: Vec<&str> = w.split(['-', '/']).collect();
            if parts.len() == 3 && parts[0].len() == 4 {
                let (y, m, d) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
                return Day::new(y, m, d);
            }
        }
        let number = |w: &str| -> Option<u32> {
            let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
            digits.parse().ok()
        };
        let (mut m, mut d, mut y) = (None, None, None);
        for w in &words {
            if let Some(found) = month(w).filter(|_| m.is_none()) {
                m = Some(found);
            } else if let Some(n) = number(w) {
                if n >= 1000 && y.is_none() {
                    y = Some(n as i32);
                } else if (1..=31).contains(&n) && d.is_none() {
                    d = Some(n as u8);
                }
            }
        }
        Day::new(y?, m?, d?)
    }

    /// The day if it exists on the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(Day { year, month, day })
    }
}

impl std::fmt::Display for Day {
    /// ISO 8601: `2024-03-31`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_dates_in_their_usual_forms() {
        let day = Day::new(2024, 3, 31);
        for text in [
            "March 31, 2024",
            "31 March 2024",
            "Sunday, Mar. 31, 2024",
            "2024-03-31",
            "Updated 31st March 2024",
        ] {
            assert_eq!(Day::parse(text), day, "{text}");
        }
        assert_eq!(
            Day::parse("May 5, 2023").map(|d| d.to_string()).as_deref(),
            Some("2023-05-05")
        );
        assert_eq!(Day::parse("February 30, 2024"), None, "no such day");
        assert_eq!(Day::parse("The New York Times"), None);
        assert!(Day::parse("Jan 2, 2020") < Day::parse("December 1, 2020"));
    }
}
