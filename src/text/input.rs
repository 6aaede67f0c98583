//! Turning raw bytes (a file or stdin) into article text, with clear errors.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why an input could not be read as an article.
#[derive(Debug)]
pub enum InputError {
    /// The path does not exist.
    Missing(PathBuf),
    /// The path is a directory, not a file.
    Directory(PathBuf),
    /// The bytes contain NUL bytes: this is a binary file, not text.
    Binary(PathBuf),
    /// The file is larger than the limit the caller set.
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    /// Any other I/O failure while reading.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Missing(p) => write!(f, "{}: no such file", p.display()),
            InputError::Directory(p) => {
                write!(f, "{}: is a directory, not a text file", p.display())
            }
            InputError::Binary(p) => {
                write!(
                    f,
                    "{}: looks like a binary file (it contains NUL bytes), not text",
                    p.display()
                )
            }
            InputError::TooLarge { path, size, limit } => write!(
                f,
                "{}: file is {} MB, larger than the {} MB limit",
                path.display(),
                size / 1_000_000,
                limit / 1_000_000
            ),
            InputError::Io(p, e) => write!(f, "{}: cannot read: {e}", p.display()),
        }
    }
}

impl std::error::Error for InputError {}

/// Read an article from `path` (`-` means standard input) and decode it with
/// [`decode_article`]. Returns the text and any warnings worth showing the user.
pub fn read_article(path: &Path) -> Result<(String, Vec<String>), InputError> {
    decode_article(read_bytes(path)?, path)
}

/// The largest article read, in bytes (2 GiB): analysis needs a little over
/// twice the input in memory, and a larger file is far more than any article.
pub const MAX_ARTICLE_BYTES: u64 = 2 << 30;

/// Read the raw bytes of `path` (`-` means standard input), with the same
/// clear errors as [`read_article`] for missing files, directories and inputs
/// over [`MAX_ARTICLE_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    read_limited(path, MAX_ARTICLE_BYTES)
}

/// Inputs of this many bytes or more are checked on two cores ([`decode_article_as`]).
const CHECKED_ON_TWO_CORES: usize = 1 << 20;

/// Files of this many bytes or more are read in halves ([`read_in_halves`]).
const READ_IN_HALVES: u64 = 8 << 20;

/// The `len` bytes of a long file read in two halves at once, each on a
/// core of its own, then whatever it grew by since, up to `limit` and one
/// byte more (as [`read_limited`] reads). Reading a long file is mostly the
/// kernel handing over fresh pages, one fault at a time on the reading
/// thread. `None` if the file shrank under the read or a read failed: the
/// caller reads it again the usual way (and reports the error, if any).
#[cfg(unix)]
fn read_in_halves(file: &std::fs::File, len: u64, limit: u64) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    // A fresh block: its pages are zeroed as they are first touched, by the reads.
    let whole = usize::try_from(len).ok()?;
    let mut buf = vec![0u8; whole];
    let (first, second) = buf.split_at_mut(whole / 2);
    let at = first.len() as u64;
    let (a, b) = rayon::join(|| file.read_exact_at(first, 0), || file.read_exact_at(second, at));
    a.ok()?;
    b.ok()?;
    std::io::Seek::seek(&mut &*file, std::io::SeekFrom::Start(len)).ok()?;
    file.take(limit.saturating_sub(len) + 1).read_to_end(&mut buf).ok()?;
    Some(buf)
}

/// Elsewhere, no reading in halves.
#[cfg(not(unix))]
fn read_in_halves(_file: &std::fs::File, _len: u64, _limit: u64) -> Option<Vec<u8>> {
    None
}

fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let io_error = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => InputError::Missing(path.to_path_buf()),
        std::io::ErrorKind::IsADirectory => InputError::Directory(path.to_path_buf()),
        _ => InputError::Io(path.to_path_buf(), e),
    };
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(io_error)?;
    } else {
        let meta = std::fs::metadata(path).map_err(io_error)?;
        if meta.is_dir() {
            return Err(InputError::Directory(path.to_path_buf()));
        }
        if meta.len() > limit {
            return Err(InputError::TooLarge {
                path: path.to_path_buf(),
                size: meta.len(),
                limit,
            });
        }
        let file = std::fs::File::open(path).map_err(io_error)?;
        let halves = (meta.len() >= READ_IN_HALVES)
            .then(|| read_in_halves(&file, meta.len(), limit))
            .flatten();
        match halves {
            Some(bytes) => buf = bytes,
            None => {
                if meta.len() >= READ_IN_HALVES {
                    // From the start again, however far the attempt got.
                    std::io::Seek::rewind(&mut &file).map_err(io_error)?;
                }
                buf.reserve(meta.len() as usize);
                // `take` also bounds files that grow while being read.
                (&file).take(limit + 1).read_to_end(&mut buf).map_err(io_error)?;
            }
        }
    }
    if buf.len() as u64 > limit {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: buf.len() as u64,
            limit,
        });
    }
    Ok(buf)
}

/// Decode article bytes: refuse binary data (NUL bytes), strip a UTF-8 byte
/// order mark, and normalise line endings (CRLF and lone CR become LF).
/// Bytes that are not UTF-8 are decoded by [`decode_article_as`] with no
/// declared encoding.
///
/// `origin` only names the input in messages.
pub fn decode_article(bytes: Vec<u8>, origin: &Path) -> Result<(String, Vec<String>), InputError> {
    decode_article_as(bytes, origin, None)
}

/// [`decode_article`] for bytes whose encoding may be `declared` (an HTML
/// page's `<meta charset>`). Valid UTF-8 is always read as UTF-8. Other
/// bytes are read in the declared encoding; with none, they are either
/// UTF-8 with a few broken bytes (at least as many valid multi-byte characters
/// as invalid sequences: the broken ones become U+FFFD) or text in a legacy
/// encoding, which `chardetng` guesses (Windows-1252 for Western European
/// text). Either way a warning says what was done.
pub fn decode_article_as(
    bytes: Vec<u8>,
    origin: &Path,
    declared: Option<&'static encoding_rs::Encoding>,
) -> Result<(String, Vec<String>), InputError> {
    // NUL bytes and CRs are looked for while the UTF-8 is checked: on two
    // cores at once for a long input (three passes over it, one core each).
    let look = |b: &[u8]| (memchr::memchr(0, b).is_some(), memchr::memchr(b'\r', b).is_some());
    let ((binary, returns), utf8) = if bytes.len() >= CHECKED_ON_TWO_CORES {
        rayon::join(|| look(&bytes), || is_utf8(&bytes))
    } else {
        (look(&bytes), is_utf8(&bytes))
    };
    if binary {
        return Err(InputError::Binary(origin.to_path_buf()));
    }
    let mut warnings = Vec::new();
    let utf8 = if utf8 {
        // SAFETY: `is_utf8` has just found these very bytes valid UTF-8.
        Ok(unsafe { String::from_utf8_unchecked(bytes) })
    } else {
        Err(bytes)
    };
    let utf8_read = utf8.is_ok();
    let mut text = match utf8 {
        Ok(s) => s,
        Err(bytes) => {
            let declared = declared.filter(|&e| e != encoding_rs::UTF_8);
            let legacy = declared.or_else(|| (!mostly_utf8(&bytes)).then(|| guess_encoding(&bytes)));
            match legacy {
                Some(encoding) => {
                    let (text, _, _) = encoding.decode(&bytes);
                    if declared.is_none() {
                        warnings.push(format!(
                            "{}: not valid UTF-8; read as {} (a guess)",
                            origin.display(),
                            encoding.name()
                        ));
                    }
                    text.into_owned()
                }
                None => {
                    let bad = count_invalid_sequences(&bytes);
                    warnings.push(format!(
                        "{}: not valid UTF-8; {bad} invalid byte sequence(s) replaced with \u{FFFD}",
                        origin.display()
                    ));
                    String::from_utf8_lossy(&bytes).into_owned()
                }
            }
        }
    };
    if text.starts_with('\u{FEFF}') {
        text.drain(..3);
    }
    // (Text decoded from another encoding is looked at again.)
    let returns = if utf8_read {
        returns
    } else {
        memchr::memchr(b'\r', text.as_bytes()).is_some()
    };
    if returns {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    Ok((text, warnings))
}

/// Are `bytes` UTF-8? Checked by `simdutf8` (a long article's bytes in a
/// tenth as many instructions as the standard library's check, which a
/// 20 MB file spent 35 million on; a test holds its verdicts to the
/// standard library's).
fn is_utf8(bytes: &[u8]) -> bool {
    simdutf8::basic::from_utf8(bytes).is_ok()
}

/// Is this UTF-8 with a few broken bytes, rather than a legacy encoding?
/// Yes when it holds at least as many valid multi-byte UTF-8 characters as
/// invalid sequences (text in a legacy encoding rarely holds any).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let invalid = count_invalid_sequences(bytes);
    let multibyte = String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| c != '\u{FFFD}' && c.len_utf8() > 1)
        .count();
    multibyte > 0 && multibyte >= invalid
}

/// The legacy encoding `bytes` are most likely written in.
fn guess_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

fn count_invalid_sequences(mut bytes: &[u8]) -> usize {
    let mut count = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return count,
            Err(e) => {
                count += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(b: &[u8]) -> Result<(String, Vec<String>), InputError> {
        decode_article(b.to_vec(), Path::new("t.txt"))
    }

    #[test]
    fn utf8_is_told_apart_as_the_standard_library_tells_it() {
        // Every 1-, 2- and 3-byte sequence, and 4-byte ones around the edges
        // (surrogates, overlongs, past U+10FFFF), inside longer text too.
        let mut samples: Vec<Vec<u8>> = Vec::new();
        for a in 0..=255u8 {
            samples.push(vec![a]);
            for b in 0..=255u8 {
                samples.push(vec![a, b]);
                if matches!(a, 0xE0 | 0xED | 0xEF | 0xF0 | 0xF4 | 0xF5 | 0xC0 | 0xC2) {
                    for c in [0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0x41] {
                        samples.push(vec![a, b, c]);
                        samples.push(vec![a, b, c, 0x80]);
                    }
                }
            }
        }
        let long = "Kyiv — Київ, 東京 and 😀 ".repeat(40);
        for sample in samples {
            for text in [sample.clone(), [long.as_bytes(), &sample, long.as_bytes()].concat()] {
                assert_eq!(is_utf8(&text), std::str::from_utf8(&text).is_ok(), "{text:?}");
            }
        }
    }

    #[test]
    fn a_long_input_is_checked_as_a_short_one() {
        let long = "Kyiv — Київ, 東京.\r\n".repeat(CHECKED_ON_TWO_CORES / 10);
        assert!(long.len() >= CHECKED_ON_TWO_CORES);
        assert_eq!(decode(long.as_bytes()).unwrap().0, long.replace("\r\n", "\n"));
        let mut nul = long.clone().into_bytes();
        nul.push(0);
        assert!(matches!(decode(&nul), Err(InputError::Binary(_))));
        let mut broken = long.into_bytes();
        broken.push(0xFF);
        let (text, warnings) = decode(&broken).unwrap();
        assert!(text.ends_with("\n\u{FFFD}") && !text.contains('\r'), "{warnings:?}");
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(decode(b"a\r\nb\rc\n").unwrap().0, "a\nb\nc\n");
    }

    #[test]
    fn broken_utf8_is_replaced_with_a_warning() {
        let (text, warnings) = decode(
            "Côte d’Ivoire, Iran "
                .bytes()
                .chain(*b"\xff\xfe and Iraq")
                .collect::<Vec<u8>>()
                .as_slice(),
        )
        .unwrap();
        assert_eq!(text, "Côte d’Ivoire, Iran \u{FFFD}\u{FFFD} and Iraq");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("2 invalid"), "{warnings:?}");
    }

    #[test]
    fn legacy_text_is_read_in_its_encoding_with_a_warning() {
        let (text, warnings) = decode(b"C\xf4te d'Ivoire and Per\xfa: \x93talks\x94").unwrap();
        assert_eq!(text, "Côte d'Ivoire and Perú: \u{201C}talks\u{201D}");
        assert!(warnings[0].contains("read as windows-1252 (a guess)"), "{warnings:?}");
        let cyrillic = encoding_rs::WINDOWS_1251
            .encode("Москва и Киев ведут переговоры о мире")
            .0;
        assert_eq!(decode(&cyrillic).unwrap().0, "Москва и Киев ведут переговоры о мире");
    }

    #[test]
    fn a_declared_encoding_is_used_without_a_warning_and_utf8_stays_utf8() {
        let latin = decode_article_as(
            b"Per\xfa".to_vec(),
            Path::new("p.html"),
            Some(encoding_rs::WINDOWS_1252),
        )
        .unwrap();
        assert_eq!(latin, ("Perú".to_string(), Vec::new()));
        let utf8 = decode_article_as("Perú".into(), Path::new("p.html"), Some(encoding_rs::WINDOWS_1252)).unwrap();
        assert_eq!(utf8.0, "Perú", "valid UTF-8 is read as UTF-8 whatever the page says");
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(decode(b"PK\x03\x04\x00\x00"), Err(InputError::Binary(_))));
    }

    #[test]
    fn bom_is_stripped() {
        assert_eq!(decode("\u{FEFF}Chad".as_bytes()).unwrap().0, "Chad");
    }

    #[test]
    fn inputs_over_the_limit_are_refused_clearly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "Iran ".repeat(100)).unwrap();
        let e = read_limited(&path, 100).unwrap_err();
        assert!(
            matches!(
                e,
                InputError::TooLarge {
                    size: 500,
                    limit: 100,
                    ..
                }
            ),
            "{e}"
        );
        assert!(e.to_string().contains("big.txt"));
        assert_eq!(read_limited(&path, 500).unwrap().len(), 500);
    }

    #[test]
    fn a_long_file_read_in_halves_is_the_file_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.txt");
        // An odd length, and no two halves alike: a half read into the wrong place shows.
        let bytes: Vec<u8> = (0..READ_IN_HALVES as usize + 4097)
            .map(|i| b'a' + (i % 23) as u8)
            .collect();
        std::fs::write(&path, &bytes).unwrap();
        let file = std::fs::File::open(&path).unwrap();
        assert_eq!(
            read_in_halves(&file, bytes.len() as u64, MAX_ARTICLE_BYTES).unwrap(),
            bytes
        );
        // What the file grew by since its size was taken is read too; a file shorter than that size is not read so.
        assert_eq!(
            read_in_halves(&file, bytes.len() as u64 - 10, MAX_ARTICLE_BYTES).unwrap(),
            bytes
        );
        assert!(read_in_halves(&file, bytes.len() as u64 + 10, MAX_ARTICLE_BYTES).is_none());
        assert_eq!(read_limited(&path, MAX_ARTICLE_BYTES).unwrap(), bytes);
        assert!(matches!(
            read_limited(&path, READ_IN_HALVES),
            Err(InputError::TooLarge { .. })
        ));
    }

    #[test]
    fn symlink_loops_are_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::os::unix::fs::symlink(dir.path().join("b"), &a).unwrap();
        std::os::unix::fs::symlink(&a, dir.path().join("b")).unwrap();
        let e = read_article(&a).unwrap_err();
        assert!(e.to_string().contains("cannot read"), "{e}");
    }

    #[test]
    fn missing_and_directory_paths_are_named() {
        let e = read_article(Path::new("/definitely/not/here.txt")).unwrap_err();
        assert!(matches!(e, InputError::Missing(_)));
        assert!(e.to_string().contains("/definitely/not/here.txt"));
        let e = read_article(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap_err();
        assert!(matches!(e, InputError::Directory(_)), "{e}");
    }
}
