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

/// Read the raw bytes of `path` (`-` means standard input), with the same
/// clear errors as [`read_article`] for missing files and directories.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    Ok(if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut buf)
            .map_err(|e| InputError::Io(path.to_path_buf(), e))?;
        buf
    } else {
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => InputError::Missing(path.to_path_buf()),
            _ => InputError::Io(path.to_path_buf(), e),
        })?;
        if meta.is_dir() {
            return Err(InputError::Directory(path.to_path_buf()));
        }
        std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::IsADirectory => InputError::Directory(path.to_path_buf()),
            _ => InputError::Io(path.to_path_buf(), e),
        })?
    })
}

/// Decode article bytes: refuse binary data (NUL bytes), strip a UTF-8 byte
/// order mark, replace invalid UTF-8 with U+FFFD (with a warning), and
/// normalise line endings (CRLF and lone CR become LF).
///
/// `origin` only names the input in messages.
pub fn decode_article(bytes: Vec<u8>, origin: &Path) -> Result<(String, Vec<String>), InputError> {
    if memchr::memchr(0, &bytes).is_some() {
        return Err(InputError::Binary(origin.to_path_buf()));
    }
    let mut warnings = Vec::new();
    let mut text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            let bad = count_invalid_sequences(&bytes);
            warnings.push(format!(
                "{}: not valid UTF-8; {bad} invalid byte sequence(s) replaced with \u{FFFD}",
                origin.display()
            ));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    if text.starts_with('\u{FEFF}') {
        text.drain(..3);
    }
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    Ok((text, warnings))
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
    fn line_endings_are_normalised() {
        assert_eq!(decode(b"a\r\nb\rc\n").unwrap().0, "a\nb\nc\n");
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let (text, warnings) = decode(b"Iran \xff\xfe and Iraq").unwrap();
        assert_eq!(text, "Iran \u{FFFD}\u{FFFD} and Iraq");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("2 invalid"), "{warnings:?}");
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
    fn missing_and_directory_paths_are_named() {
        let e = read_article(Path::new("/definitely/not/here.txt")).unwrap_err();
        assert!(matches!(e, InputError::Missing(_)));
        assert!(e.to_string().contains("/definitely/not/here.txt"));
        let e = read_article(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap_err();
        assert!(matches!(e, InputError::Directory(_)), "{e}");
    }
}
