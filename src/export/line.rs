//! One element of a long JSON array (a mention, a passage) written straight
//! into bytes, in the layout of [`super::layout`]: `{ "a": 1, "b": "x" }`,
//! or `{"a":1,"b":"x"}` on one line.
//!
//! Why not serde_json here: it escapes a string a byte at a time and calls
//! its formatter around every member. On 20 MB of news (92,160 mentions,
//! 59,565 passages, 29 MB of JSON) that was a fifth of the instructions of
//! the whole `analyze` process. Strings are escaped by `json-escape-simd`
//! (the escaping kernel of sonic-rs, the same bytes as serde_json: checked by
//! tests), numbers written by `itoa`; the few members of these elements are
//! written here in order.

/// Strings longer than this are escaped in pieces: the escaper reserves six
/// bytes per byte of its input up front.
const PIECE: usize = 4096;

/// A JSON object being written member by member into `out`.
pub struct Line<'o> {
    out: &'o mut Vec<u8>,
    lined: bool,
    empty: bool,
}

impl<'o> Line<'o> {
    /// Open an object: members on one line after a space (`lined`), or packed.
    pub fn open(out: &'o mut Vec<u8>, lined: bool) -> Line<'o> {
        out.push(b'{');
        Line {
            out,
            lined,
            empty: true,
        }
    }

    #[inline(always)]
    fn key(&mut self, key: &str) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        if self.lined {
            self.out.push(b' ');
        }
        // Keys are this module's callers' names: nothing to escape.
        debug_assert!(!key.bytes().any(needs_escape), "{key}");
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(if self.lined { b"\": " } else { b"\":" });
    }

    /// Member `key` with a string value.
    #[inline(always)]
    pub fn str(mut self, key: &str, value: &str) -> Self {
        self.key(key);
        string(value, self.out);
        self
    }

    /// Member `key` with a string value, left out when `None`.
    #[inline(always)]
    pub fn some_str(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.str(key, value),
            None => self,
        }
    }

    /// Member `key` with a string value written in two parts, left out when `None`.
    #[inline(always)]
    pub fn some_str_of_two(mut self, key: &str, value: Option<(&str, &str)>) -> Self {
        if let Some((first, second)) = value {
            self.key(key);
            string(first, self.out);
            // One string: the first part's closing quote and the second's opening one dropped.
            self.out.pop();
            let at = self.out.len();
            string(second, self.out);
            self.out.remove(at);
        }
        self
    }

    /// Member `key` with a whole number.
    #[inline(always)]
    pub fn uint(mut self, key: &str, value: usize) -> Self {
        self.key(key);
        self.out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
        self
    }

    /// Close the object.
    pub fn close(self) {
        if self.lined && !self.empty {
            self.out.push(b' ');
        }
        self.out.push(b'}');
    }
}

/// Strings this short are looked over here: most have nothing to escape,
/// and the escaper's setup costs more than they do.
const SHORT: usize = 64;

/// Does JSON write this byte of a string escaped?
#[inline(always)]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Does any byte of `bytes` need escaping? Eight bytes at a time.
fn any_needs_escape(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte of `w` is below `n` (at most 0x80): the classic test, exact for
    // the lowest such byte (a borrow only leaves one), so never wrong about
    // whether there is one.
    let has_less = |w: u64, n: u64| w.wrapping_sub(n * ONES) & !w & HIGH != 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let quote = w ^ (u64::from(b'"') * ONES);
        let backslash = w ^ (u64::from(b'\\') * ONES);
        if has_less(w, 0x20) || has_less(quote, 1) || has_less(backslash, 1) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| needs_escape(b))
}

/// `value` as a JSON string, quotes included, appended to `out`.
pub fn string(value: &str, out: &mut Vec<u8>) {
    if value.len() <= SHORT && !any_needs_escape(value.as_bytes()) {
        out.reserve(value.len() + 2);
        out.push(b'"');
        out.extend_from_slice(value.as_bytes());
        out.push(b'"');
        return;
    }
    if value.len() <= PIECE {
        json_escape_simd::escape_into(value, out);
        return;
    }
    // A long string in pieces cut at character boundaries, each escaped
    // alone and its quotes dropped.
    out.push(b'"');
    let mut piece = Vec::with_capacity(PIECE * 6 + 64);
    let mut rest = value;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PIECE);
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        piece.clear();
        json_escape_simd::escape_into(&rest[..cut], &mut piece);
        out.extend_from_slice(&piece[1..piece.len() - 1]);
        rest = &rest[cut..];
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = Vec::new();
        string(s, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_ascii: String = (0u8..128).map(char::from).collect();
        let samples = [
            String::new(),
            // Short strings, each with one character to escape.
            "C:\\Users".to_string(),
            "\"Dublin Road\"".to_string(),
            "tab\there".to_string(),
            "unit\u{1f}separator".to_string(),
            "Zürich".to_string(),
            every_ascii.clone(),
            "Kyiv — «Київ» \"quoted\" back\\slash\ttab\u{7f}\u{2028}😀".to_string(),
            // Long enough to be cut into pieces, a piece boundary falling inside characters.
            format!("a{}", "é\"ж\n😀\\".repeat(2000)),
            every_ascii.repeat(100),
        ];
        for s in &samples {
            assert_eq!(escaped(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn the_eight_byte_test_finds_every_byte_to_escape_wherever_it_stands() {
        for b in 0..=255u8 {
            for at in 0..17 {
                let mut bytes = vec![b'a'; 17];
                bytes[at] = b;
                assert_eq!(any_needs_escape(&bytes), needs_escape(b), "byte {b:#x} at {at}");
                // Among spaces, and among bytes with the top bit set (UTF-8 continuations).
                for around in [b' ', 0x85, 0xA9, 0xFF] {
                    let mut among = vec![around; 17];
                    among[at] = b;
                    assert_eq!(
                        any_needs_escape(&among),
                        needs_escape(b),
                        "byte {b:#x} at {at} among {around:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn lines_match_serde_json_in_both_layouts() {
        #[derive(serde::Serialize)]
        struct Mention<'a> {
            target: &'a str,
            start: usize,
            #[serde(skip_serializing_if = "Option::is_none")]
            city: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            reason: Option<&'a str>,
            end: usize,
        }
        let value = Mention {
            target: "FRA",
            start: 12,
            city: None,
            reason: Some("qualifier: \"Texas\""),
            end: usize::MAX,
        };
        for lined in [false, true] {
            let mut out = Vec::new();
            Line::open(&mut out, lined)
                .str("target", value.target)
                .uint("start", value.start)
                .some_str("city", value.city)
                .some_str_of_two("reason", value.reason.map(|r| r.split_at(11)))
                .uint("end", value.end)
                .close();
            let mut by_serde = Vec::new();
            super::super::layout::write_value(&mut by_serde, &value, lined, 2).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(by_serde).unwrap());
        }
        #[derive(serde::Serialize)]
        struct Empty {}
        for lined in [false, true] {
            let mut out = Vec::new();
            Line::open(&mut out, lined).close();
            let mut by_serde = Vec::new();
            super::super::layout::write_value(&mut by_serde, &Empty {}, lined, 2).unwrap();
            assert_eq!(out, by_serde);
        }
    }
}
