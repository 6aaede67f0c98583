//! The run of word characters at the start or the end of a text ("Kabul" of
//! "Kabul, Afghanistan"; "U.S." of "in the U.S."), for a caller's own idea
//! of a word character. The analysis asks this around every name it finds:
//! bytes are read one at a time while they are ASCII (most news is), and
//! characters decoded only from the first other byte on. Written here, not
//! taken from a crate: a segmentation crate's words are Unicode's, and each
//! caller here has its own (hyphens, full stops, apostrophes).

/// The length in bytes of the leading run of `s`'s characters that `is_word` accepts.
#[inline]
pub fn leading_run(s: &str, is_word: impl Fn(char) -> bool) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii()) {
        if !is_word(char::from(b)) {
            return i;
        }
        i += 1;
    }
    // `i` is a character boundary: every byte before it is ASCII.
    i + s[i..]
        .char_indices()
        .find(|&(_, c)| !is_word(c))
        .map_or(s.len() - i, |(k, _)| k)
}

/// Where the trailing run of `s`'s characters that `is_word` accepts starts.
#[inline]
pub fn trailing_run(s: &str, is_word: impl Fn(char) -> bool) -> usize {
    let bytes = s.as_bytes();
    let mut i = bytes.len();
    while let Some(&b) = i.checked_sub(1).map(|p| &bytes[p]).filter(|b| b.is_ascii()) {
        if !is_word(char::from(b)) {
            return i;
        }
        i -= 1;
    }
    // `i` is a character boundary: every byte from it on is ASCII.
    s[..i]
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word(c))
        .map_or(0, |(k, c)| k + c.len_utf8())
}

/// `c.is_alphanumeric()`, with the punctuation news is full of answered
/// without Unicode's tables: curly quotes, dashes and the rest of U+2000 to
/// U+206F, none of them a letter or a digit (a test checks each). Every
/// name's neighbours are read, and `’` next to a name was two table
/// searches.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_are_told_as_the_standard_library_tells_them() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn letters(c: char) -> bool {
        c.is_alphanumeric() || c == '.'
    }

    /// The character-by-character reading, as the runs were found before.
    fn leading_by_chars(s: &str) -> usize {
        s.char_indices().find(|&(_, c)| !letters(c)).map_or(s.len(), |(i, _)| i)
    }

    fn trailing_by_chars(s: &str) -> usize {
        s.char_indices()
            .rev()
            .find(|&(_, c)| !letters(c))
            .map_or(0, |(i, c)| i + c.len_utf8())
    }

    #[test]
    fn runs_in_ascii_and_other_scripts() {
        assert_eq!(leading_run("Kabul, Afghanistan", letters), 5);
        assert_eq!(trailing_run("in the U.S.", letters), 7);
        assert_eq!(leading_run("Zürich's lake", letters), "Zürich".len());
        assert_eq!(trailing_run("near Zürich", letters), 5);
        assert_eq!(trailing_run("Île", letters), 0);
        assert_eq!(leading_run("Île", letters), "Île".len());
        assert_eq!(leading_run("", letters), 0);
        assert_eq!(trailing_run("", letters), 0);
        // A non-ASCII character that is no letter ends the run.
        assert_eq!(trailing_run("Kyiv\u{2014}Odesa", letters), "Kyiv\u{2014}".len());
        assert_eq!(leading_run("Kyiv\u{2014}Odesa", letters), 4);
        assert_eq!(trailing_run("東京", letters), 0);
    }

    #[test]
    fn runs_are_those_read_character_by_character() {
        let samples = [
            "São Paulo",
            "a Kraków-based firm",
            "  ",
            "x",
            "é",
            "Ελλάδα και",
            "abc\u{2019}s",
            "1.5 km",
            "—",
            "a—b",
            "Ñ.",
        ];
        for s in samples {
            for (at, _) in s.char_indices().chain([(s.len(), ' ')]) {
                let (head, tail) = (&s[..at], &s[at..]);
                assert_eq!(leading_run(tail, letters), leading_by_chars(tail), "{tail:?}");
                assert_eq!(trailing_run(head, letters), trailing_by_chars(head), "{head:?}");
            }
        }
    }
}
