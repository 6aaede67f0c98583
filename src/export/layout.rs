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
//!
//! [`ObjectWriter`] writes an object member by member in the same layout (or
//! on one line), the elements of a long array in parts on every core: a
//! long article's mentions and passages are most of the time `analyze`
//! spends after its analysis.

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

/// Elements of an array written as one part.
const PART: usize = 512;
/// Room for a part's bytes up front: 512 mentions take about 85 KB, 512
/// passages 120 KB, and a part that outgrew its room was copied to a larger
/// one (a fifth of the memory copies of writing 20 MB of news's JSON).
const PART_BYTES: usize = 256 << 10;
/// Parts written at once: what is held in memory before it is written out
/// (a few thousand elements: a passage is at most its text).
const PARTS_AT_ONCE: usize = 8;

/// A JSON object written member by member: in the layout of the module docs
/// (`lined`), or on one line as `serde_json::to_writer` writes it. Ends with
/// a line end.
pub struct ObjectWriter<W: Write> {
    w: W,
    lined: bool,
    /// No member has been written yet.
    empty: bool,
}

impl<W: Write> ObjectWriter<W> {
    /// Open the object on `w`.
    pub fn new(mut w: W, lined: bool) -> io::Result<ObjectWriter<W>> {
        w.write_all(b"{")?;
        Ok(ObjectWriter { w, lined, empty: true })
    }

    fn key(&mut self, key: &str) -> io::Result<()> {
        if !self.empty {
            self.w.write_all(b",")?;
        }
        self.empty = false;
        if self.lined {
            self.w.write_all(b"\n  ")?;
        }
        serde_json::to_writer(&mut self.w, key).map_err(io::Error::other)?;
        self.w.write_all(if self.lined { b": " } else { b":" })
    }

    /// Write member `key` with `value`.
    pub fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> io::Result<()> {
        self.key(key)?;
        write_value(&mut self.w, value, self.lined, 1)
    }

    /// Write member `key`, an array of `len` elements, element `i` being
    /// `element(i)`: a long array's in parts on every core, in order.
    pub fn array<T, F>(&mut self, key: &str, len: usize, element: F) -> io::Result<()>
    where
        T: Serialize,
        F: Fn(usize) -> T + Sync,
    {
        self.array_with(key, len, |i, out, lined| write_value(out, &element(i), lined, 2))
    }

    /// [`ObjectWriter::array`] with element `i` written into a buffer by
    /// `write(i, buffer, lined)` (a [`super::line::Line`]).
    pub fn array_with<F>(&mut self, key: &str, len: usize, write: F) -> io::Result<()>
    where
        F: Fn(usize, &mut Vec<u8>, bool) -> io::Result<()> + Sync,
    {
        self.key(key)?;
        self.w.write_all(b"[")?;
        let lined = self.lined;
        if len <= PART {
            // Written out after each element: an element may be long (a passage that is a 50 MB line).
            let mut out = Vec::new();
            for i in 0..len {
                write_elements(&mut out, i..i + 1, &write, lined)?;
                self.w.write_all(&out)?;
                out.clear();
            }
        } else {
            use rayon::prelude::*;
            let parts = len.div_ceil(PART);
            for first in (0..parts).step_by(PARTS_AT_ONCE) {
                let written: Vec<io::Result<Vec<u8>>> = (first..(first + PARTS_AT_ONCE).min(parts))
                    .into_par_iter()
                    .map(|p| {
                        let mut out = Vec::with_capacity(PART_BYTES);
                        write_elements(&mut out, p * PART..((p + 1) * PART).min(len), &write, lined).map(|()| out)
                    })
                    .collect();
                for part in written {
                    self.w.write_all(&part?)?;
                }
            }
        }
        if lined && len > 0 {
            self.w.write_all(b"\n  ")?;
        }
        self.w.write_all(b"]")
    }

    /// Close the object and end the line; the writer back.
    pub fn end(mut self) -> io::Result<W> {
        if self.lined && !self.empty {
            self.w.write_all(b"\n")?;
        }
        self.w.write_all(b"}\n")?;
        Ok(self.w)
    }
}

/// Elements `range` of an array (element `i` written by `write`), each after
/// its separator.
fn write_elements(
    out: &mut Vec<u8>,
    range: std::ops::Range<usize>,
    write: &impl Fn(usize, &mut Vec<u8>, bool) -> io::Result<()>,
    lined: bool,
) -> io::Result<()> {
    for i in range {
        if i > 0 {
            out.push(b',');
        }
        if lined {
            out.extend_from_slice(b"\n    ");
        }
        write(i, out, lined)?;
    }
    Ok(())
}

/// `value` as a member (`depth` 1) or an element of a member (2) of the top
/// object: lined, or on one line.
pub(super) fn write_value<T: Serialize + ?Sized>(
    w: &mut impl Write,
    value: &T,
    lined: bool,
    depth: usize,
) -> io::Result<()> {
    if lined {
        let mut serializer = serde_json::Serializer::with_formatter(w, Lined { depth, filled: 0 });
        value.serialize(&mut serializer).map_err(io::Error::other)
    } else {
        serde_json::to_writer(w, value).map_err(io::Error::other)
    }
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
    fn an_object_written_member_by_member_is_the_object_serialised_whole() {
        // Long enough to be written in parts, in several rounds of parts.
        let long: Vec<serde_json::Value> = (0..PART * PARTS_AT_ONCE + 7)
            .map(|i| serde_json::json!({ "i": i, "text": format!("line \"{i}\"\n"), "list": [i, i + 1] }))
            .collect();
        let short = [1, 2, 3];
        let empty: [u8; 0] = [];
        let whole = serde_json::json!({ "schema": 2, "long": long, "short": short, "empty": empty });
        for lined in [true, false] {
            let mut o = ObjectWriter::new(Vec::new(), lined).unwrap();
            o.member("schema", &2).unwrap();
            o.array("long", long.len(), |i| &long[i]).unwrap();
            o.array("short", short.len(), |i| short[i]).unwrap();
            o.array("empty", 0, |i| empty[i]).unwrap();
            let written = String::from_utf8(o.end().unwrap()).unwrap();
            let expected = if lined {
                let mut out = Vec::new();
                write_lined(&Ordered(&whole), &mut out).unwrap();
                String::from_utf8(out).unwrap()
            } else {
                serde_json::to_string(&Ordered(&whole)).unwrap() + "\n"
            };
            assert_eq!(written, expected, "lined: {lined}");
        }
    }

    /// The members of an object in the order "schema", "long", "short", "empty".
    struct Ordered<'a>(&'a serde_json::Value);

    impl Serialize for Ordered<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = s.serialize_map(Some(4))?;
            for key in ["schema", "long", "short", "empty"] {
                map.serialize_entry(key, &self.0[key])?;
            }
            map.end()
        }
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
