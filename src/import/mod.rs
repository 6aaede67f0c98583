//! Turning files into article text: plain text, Markdown and saved web pages
//! (HTML) become the one-paragraph-per-line text the [`Document`] model reads.
//!
//! [`import`] decodes the bytes (UTF-8, or UTF-16 with or without a byte order
//! mark), works out the [`SourceFormat`] and strips the markup; [`read_file`]
//! does the same for a path. Nothing is ever fetched from the network.
//!
//! [`Document`]: crate::text::Document

mod html;
mod markdown;
pub mod title;

use std::path::Path;

use crate::text::{InputError, decode_article_as, read_bytes};

/// The extensions of the files the app opens: articles, and projects (`.json`).
pub const ARTICLE_EXTENSIONS: [&str; 8] = ["txt", "text", "md", "markdown", "html", "htm", "xhtml", "json"];

/// The longest title kept, in characters; longer ones are cut at a word.
const TITLE_MAX_CHARS: usize = 120;

/// What kind of file an article came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// Text used as it is.
    PlainText,
    /// Markdown: markup dropped, wrapped lines joined into paragraphs.
    Markdown,
    /// A saved web page: tags, scripts and styles dropped.
    Html,
}

impl SourceFormat {
    /// The format an extension stands for (`.txt`, `.md`, `.markdown`, `.html`,
    /// `.htm`, `.xhtml`, ...), case-insensitively; `None` when unknown.
    pub fn from_extension(path: &Path) -> Option<SourceFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => SourceFormat::PlainText,
            "md" | "markdown" | "mdown" | "mkd" => SourceFormat::Markdown,
            "html" | "htm" | "xhtml" | "shtml" => SourceFormat::Html,
            _ => return None,
        })
    }

    /// Guess from content: HTML when the text opens with `<!doctype html`,
    /// `<html` (or an XML declaration followed by `<html`), else plain text.
    pub fn sniff(text: &str) -> SourceFormat {
        let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        let head = start.get(..start.len().min(1024)).unwrap_or(start).to_ascii_lowercase();
        let html = head.starts_with("<!doctype html")
            || head.starts_with("<html")
            || (head.starts_with("<?xml") && head.contains("<html"));
        if html {
            SourceFormat::Html
        } else {
            SourceFormat::PlainText
        }
    }

    /// The format of `text` read from `origin`: by extension, else sniffed.
    pub fn detect(origin: &Path, text: &str) -> SourceFormat {
        SourceFormat::from_extension(origin).unwrap_or_else(|| SourceFormat::sniff(text))
    }
}

/// An article read from a file, ready for [`crate::text::Document::new`].
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The article text, one paragraph per non-blank line.
    pub text: String,
    /// Problems worth telling the user (e.g. replaced invalid UTF-8).
    pub warnings: Vec<String>,
    /// The format it was read as.
    pub format: SourceFormat,
    /// Its title: the HTML `<title>`, the Markdown front matter `title:` or
    /// first heading, or the headline of plain text ([`title::headline`]).
    pub title: Option<String>,
}

/// Read the file at `path` (`-` means standard input) and [`import`] it.
pub fn read_file(path: &Path) -> Result<Imported, InputError> {
    import(read_bytes(path)?, path)
}

/// Turn the bytes of a file into article text. `origin` names the input in
/// messages and its extension picks the format (see [`SourceFormat::detect`]).
///
/// UTF-16 (with a byte order mark, or plain ASCII-range text without one) is
/// decoded; other bytes go through [`decode_article_as`], which refuses
/// binary files and reads bytes that are not UTF-8 in the encoding a web
/// page declares ([`declared_encoding`]) or a guessed one, with a warning.
pub fn import(bytes: Vec<u8>, origin: &Path) -> Result<Imported, InputError> {
    let (bytes, mut warnings) = match utf16_order(&bytes) {
        Some((big_endian, skip)) => decode_utf16(&bytes[skip..], big_endian, origin),
        None => (bytes, Vec::new()),
    };
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let html = SourceFormat::from_extension(origin)
        .unwrap_or_else(|| SourceFormat::sniff(&String::from_utf8_lossy(head)))
        == SourceFormat::Html;
    let declared = if html { declared_encoding(head) } else { None };
    let (text, more) = decode_article_as(bytes, origin, declared)?;
    warnings.extend(more);
    let format = SourceFormat::detect(origin, &text);
    let (text, title) = match format {
        SourceFormat::PlainText => {
            let title = title::headline(&text);
            (text, title)
        }
        SourceFormat::Markdown => markdown::to_text(&text),
        SourceFormat::Html => html::to_text(&text),
    };
    Ok(Imported {
        text,
        warnings,
        format,
        title: title.map(|t| shorten_title(&t)).filter(|t| !t.is_empty()),
    })
}

/// How much of a web page is searched for its declared encoding (the HTML
/// standard's prescan reads 1024 bytes; saved pages often carry a comment first).
const HEAD_BYTES: usize = 4096;

/// The encoding a web page's head declares: `<meta charset="…">`,
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">` or an
/// XML declaration's `encoding="…"`, by its WHATWG label (`latin1`, `cp1252`,
/// `windows-1252`, `iso-8859-2`, `shift_jis`, …).
pub fn declared_encoding(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower = head.to_ascii_lowercase();
    let value_after = |key: &[u8], from: usize, to: usize| -> Option<&'static encoding_rs::Encoding> {
        let at = memchr::memmem::find(&lower[from..to], key)? + from + key.len();
        let rest = &lower[at..to];
        let rest = rest.trim_ascii_start();
        let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/' | b'?') || b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        encoding_rs::Encoding::for_label(&rest[..end])
    };
    if lower.starts_with(b"<?xml") {
        let end = memchr::memchr(b'>', &lower).unwrap_or(lower.len());
        if let Some(encoding) = value_after(b"encoding", 0, end) {
            return Some(encoding);
        }
    }
    memchr::memmem::find_iter(&lower, b"<meta").find_map(|start| {
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        value_after(b"charset", start, end)
    })
}

/// Is this UTF-16? `Some((big_endian, bom_length))` for a byte order mark, or
/// for BOM-less text whose first code units are all ASCII (a NUL in every
/// other byte); `None` otherwise.
fn utf16_order(bytes: &[u8]) -> Option<(bool, usize)> {
    match bytes {
        [0xFF, 0xFE, ..] => return Some((false, 2)),
        [0xFE, 0xFF, ..] => return Some((true, 2)),
        _ => {}
    }
    let head = &bytes[..bytes.len().min(512) & !1];
    if head.len() < 4 {
        return None;
    }
    let ascii_units = |zero: usize| {
        head.chunks_exact(2)
            .all(|u| u[zero] == 0 && u[1 - zero] != 0 && u[1 - zero] < 0x80)
    };
    if ascii_units(1) {
        Some((false, 0))
    } else if ascii_units(0) {
        Some((true, 0))
    } else {
        None
    }
}

/// Decode UTF-16 code units to UTF-8 bytes, replacing unpaired surrogates and
/// a trailing odd byte with U+FFFD (with a warning).
fn decode_utf16(bytes: &[u8], big_endian: bool, origin: &Path) -> (Vec<u8>, Vec<String>) {
    let units = bytes.chunks_exact(2).map(|u| {
        if big_endian {
            u16::from_be_bytes([u[0], u[1]])
        } else {
            u16::from_le_bytes([u[0], u[1]])
        }
    });
    let mut bad = usize::from(bytes.len() % 2 == 1);
    let mut text: String = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                bad += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    if bytes.len() % 2 == 1 {
        text.push('\u{FFFD}');
    }
    let warnings = if bad > 0 {
        vec![format!(
            "{}: not valid UTF-16; {bad} invalid code unit(s) replaced with \u{FFFD}",
            origin.display()
        )]
    } else {
        Vec::new()
    };
    (text.into_bytes(), warnings)
}

/// Trim a title and cut it to [`TITLE_MAX_CHARS`] at a word, adding "…".
fn shorten_title(title: &str) -> String {
    let title = title.trim();
    match title.char_indices().nth(TITLE_MAX_CHARS) {
        None => title.to_string(),
        Some((cut, _)) => {
            let head = &title[..cut];
            let head = head.rfind(char::is_whitespace).map_or(head, |i| &head[..i]);
            format!("{}…", head.trim_end())
        }
    }
}

/// `s` with its HTML character references decoded: every named reference of
/// the HTML standard (with and without the closing `;` where the standard
/// allows it), decimal and hexadecimal ones, by the standard's rules (the
/// `htmlize` crate).
fn decode_references(s: &str) -> std::borrow::Cow<'_, str> {
    htmlize::unescape(s)
}

/// Builds the output text paragraph by paragraph: white space runs collapse to
/// one space, invisible characters (soft hyphens, zero-width marks) are
/// dropped, and paragraphs are separated by a blank line.
#[derive(Default)]
struct Paragraphs {
    out: String,
    para: String,
    pending_space: bool,
}

impl Paragraphs {
    /// Add one character of paragraph text.
    fn push(&mut self, c: char) {
        if matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}') {
            return;
        }
        if c.is_whitespace() {
            self.pending_space = true;
        } else {
            if self.pending_space && !self.para.is_empty() {
                self.para.push(' ');
            }
            self.pending_space = false;
            self.para.push(c);
        }
    }

    /// Add paragraph text.
    fn push_str(&mut self, s: &str) {
        s.chars().for_each(|c| self.push(c));
    }

    /// Add paragraph text that may contain character references (`&amp;`).
    fn push_decoded(&mut self, s: &str) {
        self.push_str(&decode_references(s));
    }

    /// End the current paragraph (if it has any text).
    fn end_paragraph(&mut self) {
        if !self.para.is_empty() {
            if !self.out.is_empty() {
                self.out.push_str("\n\n");
            }
            self.out.push_str(&self.para);
            self.para.clear();
        }
        self.pending_space = false;
    }

    /// The text so far, ending the current paragraph.
    fn finish(mut self) -> String {
        self.end_paragraph();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn imp(bytes: &[u8], name: &str) -> Imported {
        import(bytes.to_vec(), Path::new(name)).unwrap()
    }

    #[test]
    fn format_by_extension_then_by_content() {
        assert_eq!(
            SourceFormat::from_extension(Path::new("a/B.HTM")),
            Some(SourceFormat::Html)
        );
        assert_eq!(
            SourceFormat::from_extension(Path::new("x.markdown")),
            Some(SourceFormat::Markdown)
        );
        assert_eq!(SourceFormat::from_extension(Path::new("x.json")), None);
        assert_eq!(SourceFormat::sniff("\n  <!DOCTYPE html><p>Hi"), SourceFormat::Html);
        assert_eq!(
            SourceFormat::sniff("<?xml version=\"1.0\"?>\n<html xmlns=\"\">"),
            SourceFormat::Html
        );
        assert_eq!(SourceFormat::sniff("# Iran\n<p>"), SourceFormat::PlainText);
        assert_eq!(imp(b"<html><p>Chad</p>", "-").format, SourceFormat::Html);
        // An extension wins over content: a .txt holding markup stays text.
        assert_eq!(imp(b"<html><p>Chad</p>", "a.txt").text, "<html><p>Chad</p>");
    }

    #[test]
    fn plain_text_is_unchanged_and_titled_by_its_headline() {
        let text = "\n  Kabul falls  \nThe Taliban took Kabul.\r\n";
        let got = imp(text.as_bytes(), "a.txt");
        assert_eq!(got.text, "\n  Kabul falls  \nThe Taliban took Kabul.\n");
        assert_eq!(got.title.as_deref(), Some("Kabul falls"));
        // A first line of body text is no title.
        let long = format!("{}\nbody", "word ".repeat(40));
        assert_eq!(imp(long.as_bytes(), "a.txt").title, None);
        let headline = format!("{}\nbody", "Word ".repeat(19) + &"x".repeat(130));
        let title = imp(headline.as_bytes(), "a.txt").title.unwrap();
        assert!(
            title.ends_with("Word…") && title.chars().count() <= TITLE_MAX_CHARS + 1,
            "{title}"
        );
        assert_eq!(imp(b"  \n ", "a.txt").title, None);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Côte d’Ivoire\r\nMali".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(imp(&le, "a.txt").text, "Côte d’Ivoire\nMali");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Peru".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(imp(&be, "a.txt").text, "Peru");
        let bare: Vec<u8> = "Chile and Peru".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(imp(&bare, "a.txt").text, "Chile and Peru");
        // An unpaired surrogate and an odd trailing byte are replaced, with a warning.
        let bad = [0xFF, 0xFE, b'O', 0, 0x00, 0xD8, b'k', 0, b'!'];
        let got = imp(&bad, "bad.txt");
        assert_eq!(got.text, "O\u{FFFD}k\u{FFFD}");
        assert!(got.warnings[0].contains("2 invalid"), "{:?}", got.warnings);
        // UTF-16 text holding a NUL is still refused as binary.
        let nul: Vec<u8> = [0xFF, 0xFE, b'a', 0, 0, 0].to_vec();
        assert!(matches!(import(nul, Path::new("n.txt")), Err(InputError::Binary(_))));
    }

    #[test]
    fn binary_files_are_still_refused() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
        assert!(matches!(import(png, Path::new("i.png")), Err(InputError::Binary(_))));
    }

    #[test]
    fn every_html5_named_reference_decodes() {
        let table = include_str!("../../tests/fixtures/html5_entities.tsv");
        let mut checked = 0;
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let (name, code_points) = line.split_once('\t').unwrap();
            let expected: String = code_points
                .split(' ')
                .map(|hex| char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap())
                .collect();
            // A legacy reference (no `;`) ends at the space after it.
            let written = format!("&{name} ");
            assert_eq!(decode_references(&written), format!("{expected} "), "&{name}");
            checked += 1;
        }
        assert_eq!(checked, 2231, "the whole WHATWG table");
        assert_eq!(
            decode_references("&Zcaron;ilina, &gbreve; &Idot;stanbul, &lstrok;&oacute;d&zacute;"),
            "Žilina, ğ İstanbul, łódź"
        );
        assert_eq!(
            decode_references("AT&T &#x130;zmir &#246; &bogus; &"),
            "AT&T İzmir ö &bogus; &"
        );
    }

    #[test]
    fn paragraphs_collapse_space_and_drop_invisible_characters() {
        let mut p = Paragraphs::default();
        p.push_str("  Af\u{AD}ghan\u{200B}istan \t and\u{A0} ");
        p.end_paragraph();
        p.end_paragraph();
        p.push_decoded("AT&T &amp; Iran&hellip;");
        assert_eq!(p.finish(), "Afghanistan and\n\nAT&T & Iran…");
    }
}
