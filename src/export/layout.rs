//! The layout of the JSON the app and `analyze` write: the top object's
//! members and the elements of its arrays one per line, everything deeper on
//! that line, as in
//!
//! ```json
//! {
//!   "schema": 2,
//!   "countries": [
//!     { "iso3": "AFG", "name": "Afghanistan", "mentions": 8, "passages": [6, 7, 23] },
//!     { "iso3": "PAK", "name": "Pakistan", "mentions": 4, "passages": [7, 9] }
//!   ]
//! }
//! ```
//!
//! A line per place, mention or passage reads well and diffs well, and is a
//! third of the bytes of serde_json's `PrettyFormatter`, which puts every
//! number of every passage list on a line of its own (a long article's JSON
//! spent more time in that layout than in its analysis). serde_json has no
//! such layout, so this is a small [`Formatter`] of our own.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

/// Containers this deep or shallower (the top object is 1) have their
/// members on lines of their own.
const BROKEN_DEPTH: usize = 2;

/// Write `value` in the layout of the module docs, then a line end.
pub fn write_lined<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    let mut serializer = serde_json::Serializer::with_formatter(&mut w, Lined::default());
    value.serialize(&mut serializer).map_err(io::Error::other)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// The [`Formatter`] of the module docs.
#[derive(Default)]
struct Lined {
    /// How deep the container being written is (0 outside any).
    depth: usize,
    /// Bit `d` is set once the container at depth `d` has a member.
    filled: u64,
}

impl Lined {
    fn broken(&self) -> bool {
        self.depth <= BROKEN_DEPTH
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        if self.depth < 64 {
            self.filled &= !(1 << self.depth);
        }
        w.write_all(bracket)
    }

    fn filled(&self) -> bool {
        self.depth < 64 && self.filled & (1 << self.depth) != 0
    }

    /// Before a member: a comma after the first, then a new line or a space.
    fn member<W: ?Sized + Write>(&mut self, w: &mut W, first: bool, object: bool) -> io::Result<()> {
        if self.depth < 64 {
            self.filled |= 1 << self.depth;
        }
        if !first {
            w.write_all(b",")?;
        }
        if self.broken() {
            w.write_all(b"\n")?;
            indent(w, self.depth)
        } else if !first || object {
            w.write_all(b" ")
        } else {
            Ok(())
        }
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8], object: bool) -> io::Result<()> {
        if self.filled() {
            if self.broken() {
                w.write_all(b"\n")?;
                indent(w, self.depth - 1)?;
            } else if object {
                w.write_all(b" ")?;
            }
        }
        self.depth -= 1;
        w.write_all(bracket)
    }
}

fn indent<W: ?Sized + Write>(w: &mut W, depth: usize) -> io::Result<()> {
    const SPACES: &[u8] = &[b' '; 64];
    let mut left = 2 * depth;
    while left > 0 {
        let n = left.min(SPACES.len());
        w.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
}

impl Formatter for Lined {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]", false)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.member(w, first, false)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}", true)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.member(w, first, true)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lined(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        write_lined(value, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn members_of_the_top_two_levels_get_lines_deeper_ones_share_them() {
        let value = serde_json::json!({
            "schema": 2,
            "warnings": [],
            "countries": [
                { "iso3": "AFG", "passages": [6, 7], "surfaces": ["Afghans"], "none": {} },
                { "iso3": "PAK", "passages": [], "deep": { "a": [1, { "b": null }] } }
            ],
            "empty": {}
        });
        assert_eq!(
            lined(&value),
            // (serde_json's maps sort their keys)
            r#"{
  "countries": [
    { "iso3": "AFG", "none": {}, "passages": [6, 7], "surfaces": ["Afghans"] },
    { "deep": { "a": [1, { "b": null }] }, "iso3": "PAK", "passages": [] }
  ],
  "empty": {},
  "schema": 2,
  "warnings": []
}
"#
        );
    }

    #[test]
    fn the_layout_is_json_of_the_same_value() {
        let value = serde_json::json!({
            "text": "A \"quoted\" line\nand a tab\t, a comma: [x] {y}",
            "list": [[1, 2], [], [[3]], { "k": [true, false] }],
            "n": -1.5e-7
        });
        let back: serde_json::Value = serde_json::from_str(&lined(&value)).unwrap();
        assert_eq!(back, value);
        assert_eq!(lined(&serde_json::json!([])), "[]\n");
        assert_eq!(lined(&serde_json::json!(7)), "7\n");
    }
}
