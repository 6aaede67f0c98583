//! HTML character references (`&amp;`, `&#8217;`, `&#x2019;`), shared by the
//! HTML and Markdown importers.

/// Named references worth knowing in news text: markup escapes, typography,
/// and the Latin-1 letters of place names ("C&ocirc;te d'Ivoire").
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("shy", '\u{AD}'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("minus", '\u{2212}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201A}'),
    ("ldquo", '\u{201C}'),
    ("rdquo", '\u{201D}'),
    ("bdquo", '\u{201E}'),
    ("laquo", '\u{AB}'),
    ("raquo", '\u{BB}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203A}'),
    ("hellip", '\u{2026}'),
    ("bull", '\u{2022}'),
    ("middot", '\u{B7}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("copy", '\u{A9}'),
    ("reg", '\u{AE}'),
    ("trade", '\u{2122}'),
    ("deg", '\u{B0}'),
    ("plusmn", '\u{B1}'),
    ("times", '\u{D7}'),
    ("divide", '\u{F7}'),
    ("frac12", '\u{BD}'),
    ("frac14", '\u{BC}'),
    ("frac34", '\u{BE}'),
    ("sup1", '\u{B9}'),
    ("sup2", '\u{B2}'),
    ("sup3", '\u{B3}'),
    ("micro", '\u{B5}'),
    ("para", '\u{B6}'),
    ("sect", '\u{A7}'),
    ("euro", '\u{20AC}'),
    ("pound", '\u{A3}'),
    ("yen", '\u{A5}'),
    ("cent", '\u{A2}'),
    ("iexcl", '\u{A1}'),
    ("iquest", '\u{BF}'),
    ("ordf", '\u{AA}'),
    ("ordm", '\u{BA}'),
    ("Agrave", 'À'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Aring", 'Å'),
    ("AElig", 'Æ'),
    ("Ccedil", 'Ç'),
    ("Egrave", 'È'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Euml", 'Ë'),
    ("Igrave", 'Ì'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Iuml", 'Ï'),
    ("ETH", 'Ð'),
    ("Ntilde", 'Ñ'),
    ("Ograve", 'Ò'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Oslash", 'Ø'),
    ("Ugrave", 'Ù'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Uuml", 'Ü'),
    ("Yacute", 'Ý'),
    ("THORN", 'Þ'),
    ("szlig", 'ß'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("aring", 'å'),
    ("aelig", 'æ'),
    ("ccedil", 'ç'),
    ("egrave", 'è'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("euml", 'ë'),
    ("igrave", 'ì'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("eth", 'ð'),
    ("ntilde", 'ñ'),
    ("ograve", 'ò'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("otilde", 'õ'),
    ("ouml", 'ö'),
    ("oslash", 'ø'),
    ("ugrave", 'ù'),
    ("uacute", 'ú'),
    ("ucirc", 'û'),
    ("uuml", 'ü'),
    ("yacute", 'ý'),
    ("thorn", 'þ'),
    ("yuml", 'ÿ'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
];

/// Windows-1252 characters for the C1 code points 0x80..=0x9F, which HTML
/// numeric references map this way (`&#150;` is an en dash). Zero: undefined.
const C1: [u32; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0,
    0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// Decode the character reference at the start of `s` (which starts with
/// `&`). Returns the character and how many bytes it took, or `None` when
/// this `&` does not start a reference and stands for itself ("AT&T").
///
/// Named references need their `;`; numeric ones take at most 8 digits and an
/// optional `;`. Invalid code points decode to U+FFFD.
pub(super) fn decode(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_start = if hex { 3 } else { 2 };
        let radix = if hex { 16 } else { 10 };
        let digits = b[digits_start..]
            .iter()
            .take(8)
            .take_while(|c| (**c as char).is_digit(radix))
            .count();
        if digits == 0 {
            return None;
        }
        let end = digits_start + digits;
        let value = u32::from_str_radix(&s[digits_start..end], radix).ok()?;
        let used = end + usize::from(b.get(end) == Some(&b';'));
        return Some((numeric(value), used));
    }
    let name_len = b[1..].iter().take(10).take_while(|c| c.is_ascii_alphanumeric()).count();
    if b.get(1 + name_len) != Some(&b';') {
        return None;
    }
    let name = &s[1..1 + name_len];
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| (c, name_len + 2))
}

fn numeric(value: u32) -> char {
    let value = match value {
        0x80..=0x9F => C1[(value - 0x80) as usize],
        v => v,
    };
    match value {
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_and_numeric_references() {
        assert_eq!(decode("&amp; x"), Some(('&', 5)));
        assert_eq!(decode("&rsquo;s"), Some(('\u{2019}', 7)));
        assert_eq!(decode("&eacute;"), Some(('é', 8)));
        assert_eq!(decode("&#8217;"), Some(('\u{2019}', 7)));
        assert_eq!(decode("&#x2019;"), Some(('\u{2019}', 8)));
        assert_eq!(decode("&#X41"), Some(('A', 5)));
        assert_eq!(decode("&#150;"), Some(('\u{2013}', 6)));
        assert_eq!(decode("&#0;"), Some(('\u{FFFD}', 4)));
        assert_eq!(decode("&#xD800;"), Some(('\u{FFFD}', 8)));
        assert_eq!(decode("&#99999999999;"), Some(('\u{FFFD}', 10)));
    }

    #[test]
    fn a_lone_ampersand_stands_for_itself() {
        assert_eq!(decode("&T"), None);
        assert_eq!(decode("& "), None);
        assert_eq!(decode("&"), None);
        assert_eq!(decode("&nosuchthing;"), None);
        assert_eq!(decode("&amp"), None);
        assert_eq!(decode("&#;"), None);
    }
}
