//! The spellings of every town and division as one compact, pre-sorted table:
//! what the matcher looks a capitalised word up in.
//!
//! 207,000 spellings (with their curly-apostrophe forms) of 177,000 places
//! took most of the start-up to sort and hash one by one. `build.rs` builds
//! this table for the bundled gazetteer when the crate is compiled (this
//! file is compiled into it too, so both sides share one definition), and
//! the matcher reads it in place from the binary: no parsing, no sorting, no
//! allocation per spelling. [`build`] also makes the table of any other
//! gazetteer at run time (`Matcher::new`); a test checks that the two agree.
//!
//! Hand-written rather than a serialisation crate because the point is to
//! read it without decoding anything: fixed-width little-endian `u32` tables.
//!
//! Layout (every number a little-endian `u32` unless said otherwise):
//!
//! ```text
//! magic "ATLASPI1"; spellings, members, slots (a power of two), runs, string bytes
//! starts:      256 bytes, 1 where some spelling begins with that byte
//! prefixes:    1024 little-endian u64: bit (a << 8) | b where some spelling begins with a b
//!              (b also as an ASCII capital: ALL-CAPS text), every b for a one-byte spelling
//! spell_off:   spellings + 1 offsets into the strings
//! member_off:  spellings + 1 offsets into members
//! members:     the places of each spelling, in gazetteer order ([`DIVISION`] | d, or city c)
//! runs:        (length, end) of each run of same-length spellings of a first word
//! slots:       (hash, first spelling, first run, runs | first word's length << 16), open addressing
//! strings:     the spellings, UTF-8
//! ```
//!
//! Spellings are sorted by first word, then longest first, then by bytes, so
//! that a spelling's index is also its toponym group.

use std::borrow::Cow;

/// A member that is a division (`DIVISION | d`); any other member is a city.
pub const DIVISION: u32 = 1 << 31;

const MAGIC: &[u8; 8] = b"ATLASPI1";
const HEADER: usize = 8 + 5 * 4;
const STARTS: usize = 256;
const PREFIXES: usize = 1024 * 8;

/// The leading run of alphanumeric characters: "Guinea" of "Guinea-Bissau",
/// "U" of "U.S.", "Afghanistan" of "Afghanistan's".
pub fn first_word(s: &str) -> &str {
    let ascii_end = s.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(s.len());
    if s.as_bytes().get(ascii_end).is_none_or(|b| b.is_ascii()) {
        return &s[..ascii_end];
    }
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The forms under which a town's or division's spelling is matched: as
/// written, and with a curly apostrophe. A spelling that does not start with
/// a capital ("'Alāqahdārī", "s-Hertogenbosch") is never found: none.
pub fn place_forms(spelling: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let v = spelling.trim();
    let capital = v.chars().next().is_some_and(char::is_uppercase);
    let curly = (capital && v.as_bytes().contains(&b'\'')).then(|| Cow::Owned(v.replace('\'', "\u{2019}")));
    capital.then_some(Cow::Borrowed(v)).into_iter().chain(curly)
}

/// A word's hash for the slot table (rustc-hash's multiplier over eight bytes
/// at a time; fixed here so that the build script and the binary agree).
pub fn hash(word: &[u8]) -> u32 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = (word.len() as u64).wrapping_mul(K);
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(26) ^ u64::from_le_bytes(c.try_into().expect("eight bytes"))).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(26) ^ u64::from_le_bytes(last)).wrapping_mul(K);
    }
    (h >> 32) as u32
}

/// Set the `starts` and `prefixes` bits of `spelling` (see the layout).
pub fn mark_prefix(spelling: &[u8], starts: &mut [bool; 256], prefixes: &mut [u64; 1024]) {
    let first = spelling[0];
    starts[usize::from(first)] = true;
    let mut set = |second: u8| {
        let bit = (usize::from(first) << 8) | usize::from(second);
        prefixes[bit / 64] |= 1 << (bit % 64);
    };
    match spelling.get(1) {
        Some(&second) => {
            set(second);
            set(second.to_ascii_uppercase());
        }
        None => (0..=255).for_each(set),
    }
}

/// The table of `places`: each place (a member code: [`DIVISION`] | d, or a
/// city's index) with its spellings, in gazetteer order (divisions, then
/// towns; each place's display name first). Every form of a spelling (see
/// [`place_forms`]) is filed; a spelling several places share lists them
/// all, in the order given, each once.
pub fn build<'a, S>(places: impl IntoIterator<Item = (u32, S)>) -> Vec<u8>
where
    S: IntoIterator<Item = &'a str>,
{
    // (form, member, order added)
    let mut entries: Vec<(Cow<'a, str>, u32, u32)> = Vec::new();
    for (member, spellings) in places {
        for spelling in spellings {
            for form in place_forms(spelling) {
                let seq = entries.len() as u32;
                entries.push((form, member, seq));
            }
        }
    }
    entries.sort_unstable_by(|a, b| {
        (first_word(&a.0), std::cmp::Reverse(a.0.len()), &*a.0, a.2).cmp(&(
            first_word(&b.0),
            std::cmp::Reverse(b.0.len()),
            &*b.0,
            b.2,
        ))
    });

    let mut strings: Vec<u8> = Vec::new();
    let mut spell_off: Vec<u32> = Vec::new();
    let mut member_off: Vec<u32> = Vec::new();
    let mut members: Vec<u32> = Vec::new();
    let mut k = 0;
    while k < entries.len() {
        let form = entries[k].0.clone();
        spell_off.push(strings.len() as u32);
        member_off.push(members.len() as u32);
        strings.extend_from_slice(form.as_bytes());
        let group_start = members.len();
        while k < entries.len() && entries[k].0 == form {
            let member = entries[k].1;
            // A place's spellings are added one after another: its repeats are neighbours.
            if members.len() == group_start || members.last() != Some(&member) {
                members.push(member);
            }
            k += 1;
        }
    }
    spell_off.push(strings.len() as u32);
    member_off.push(members.len() as u32);
    let spellings = spell_off.len() - 1;
    let text = |i: usize| -> &str {
        std::str::from_utf8(&strings[spell_off[i] as usize..spell_off[i + 1] as usize]).expect("UTF-8")
    };

    let mut starts = [false; 256];
    let mut prefixes = [0u64; 1024];
    // (first word, first spelling, first run, runs)
    let mut words: Vec<(u32, u32, u32, u32)> = Vec::new();
    let mut runs: Vec<(u32, u32)> = Vec::new();
    let mut i = 0;
    while i < spellings {
        let word = first_word(text(i));
        let first_run = runs.len() as u32;
        let mut end = i;
        while end < spellings && first_word(text(end)) == word {
            let len = text(end).len() as u32;
            mark_prefix(text(end).as_bytes(), &mut starts, &mut prefixes);
            let in_word = runs.len() as u32 > first_run;
            match runs.last_mut() {
                Some((l, e)) if in_word && *l == len => *e = end as u32 + 1,
                _ => runs.push((len, end as u32 + 1)),
            }
            end += 1;
        }
        words.push((word.len() as u32, i as u32, first_run, runs.len() as u32 - first_run));
        i = end;
    }
    // At most two thirds full: a miss (most capitalised words) ends after a probe or two.
    let slots = (words.len() * 3 / 2).next_power_of_two().max(16);
    let mut table = vec![[0u32; 4]; slots];
    for &(word_len, first, first_run, count) in &words {
        let word = &text(first as usize).as_bytes()[..word_len as usize];
        assert!(
            count < 1 << 16 && word_len < 1 << 16,
            "a first word too long or with too many lengths"
        );
        let h = hash(word);
        let mut s = h as usize & (slots - 1);
        while table[s][3] != 0 {
            s = (s + 1) & (slots - 1);
        }
        table[s] = [h, first, first_run, count | (word_len << 16)];
    }

    let mut out = Vec::with_capacity(
        HEADER
            + STARTS
            + PREFIXES
            + 4 * (2 * spellings + 2 + members.len() + 2 * runs.len() + 4 * slots)
            + strings.len(),
    );
    out.extend_from_slice(MAGIC);
    for n in [spellings, members.len(), slots, runs.len(), strings.len()] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    out.extend(starts.iter().map(|&s| u8::from(s)));
    for p in prefixes {
        out.extend_from_slice(&p.to_le_bytes());
    }
    let flat = spell_off
        .iter()
        .chain(&member_off)
        .chain(&members)
        .copied()
        .chain(runs.iter().flat_map(|&(l, e)| [l, e]))
        .chain(table.iter().flatten().copied());
    for n in flat {
        out.extend_from_slice(&n.to_le_bytes());
    }
    out.extend_from_slice(&strings);
    out
}

/// A first word's entry: its spellings (a range of the table, longest
/// first) cut into runs of one length.
#[derive(Clone, Copy, Debug)]
pub struct Word {
    first: u32,
    runs: u32,
    count: u32,
}

/// A table made by [`build`], read in place.
#[allow(clippy::len_without_is_empty)]
pub struct PlaceIndex {
    bytes: Cow<'static, [u8]>,
    /// The strings section (checked once: UTF-8 cut at character boundaries).
    text: Cow<'static, str>,
    spellings: usize,
    mask: usize,
    // Section offsets.
    spell_off: usize,
    member_off: usize,
    member_list: usize,
    run_list: usize,
    slot_list: usize,
    strings: usize,
}

/// A table that is not one [`build`] made.
#[derive(Debug)]
pub struct BadIndex;

impl PlaceIndex {
    /// Read a table made by [`build`] (checked: a bad table is an error, never a wrong answer later).
    pub fn new(bytes: Cow<'static, [u8]>) -> Result<PlaceIndex, BadIndex> {
        if bytes.len() < HEADER + STARTS + PREFIXES || &bytes[..8] != MAGIC {
            return Err(BadIndex);
        }
        let n = |i: usize| u32::from_le_bytes(bytes[8 + 4 * i..12 + 4 * i].try_into().expect("four bytes")) as usize;
        let (spellings, members, slots, runs, strings) = (n(0), n(1), n(2), n(3), n(4));
        let spell_off = HEADER + STARTS + PREFIXES;
        let member_off = spell_off + 4 * (spellings + 1);
        let member_list = member_off + 4 * (spellings + 1);
        let run_list = member_list + 4 * members;
        let slot_list = run_list + 8 * runs;
        let string_start = slot_list + 16 * slots;
        if !slots.is_power_of_two() || bytes.len() != string_start + strings {
            return Err(BadIndex);
        }
        let text = match &bytes {
            Cow::Borrowed(b) => Cow::Borrowed(std::str::from_utf8(&b[string_start..]).map_err(|_| BadIndex)?),
            Cow::Owned(b) => Cow::Owned(
                std::str::from_utf8(&b[string_start..])
                    .map_err(|_| BadIndex)?
                    .to_string(),
            ),
        };
        let index = PlaceIndex {
            bytes,
            text,
            spellings,
            mask: slots - 1,
            spell_off,
            member_off,
            member_list,
            run_list,
            slot_list,
            strings: string_start,
        };
        // Every offset in range and in order, so that reading never fails.
        let ordered = |section: usize, count: usize, limit: usize| {
            (0..=count).all(|i| {
                let v = index.u32_at(section, i) as usize;
                v <= limit && (i == 0 || index.u32_at(section, i - 1) as usize <= v)
            })
        };
        let text = &index.bytes[index.strings..];
        let boundaries = (0..=spellings).all(|i| {
            let at = index.u32_at(spell_off, i) as usize;
            at <= text.len() && (at == text.len() || (text[at] as i8) >= -0x40)
        });
        let runs_ok = (0..runs).all(|r| {
            index.u32_at(run_list, 2 * r + 1) as usize <= spellings
                && index.u32_at(run_list, 2 * r) as usize <= text.len()
        });
        let slots_ok = (0..slots).all(|s| {
            let [_, first, run, packed] = index.slot(s);
            let count = packed & 0xFFFF;
            count == 0 || ((first as usize) < spellings && (run + count) as usize <= runs)
        });
        if ordered(spell_off, spellings, strings)
            && ordered(member_off, spellings, members)
            && boundaries
            && runs_ok
            && slots_ok
        {
            Ok(index)
        } else {
            Err(BadIndex)
        }
    }

    #[inline]
    fn u32_at(&self, section: usize, i: usize) -> u32 {
        let at = section + 4 * i;
        u32::from_le_bytes(self.bytes[at..at + 4].try_into().expect("four bytes"))
    }

    #[inline]
    fn slot(&self, s: usize) -> [u32; 4] {
        let at = self.slot_list + 16 * s;
        let b = &self.bytes[at..at + 16];
        let n = |i: usize| u32::from_le_bytes(b[4 * i..4 * i + 4].try_into().expect("four bytes"));
        [n(0), n(1), n(2), n(3)]
    }

    /// How many spellings (toponym groups) there are.
    pub fn len(&self) -> usize {
        self.spellings
    }

    /// The table's bytes.
    #[cfg(test)]
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Is there a spelling starting with byte `b`?
    pub fn starts(&self) -> &[u8] {
        &self.bytes[HEADER..HEADER + STARTS]
    }

    /// Word `i` of the prefix bit set (see the layout).
    pub fn prefix_word(&self, i: usize) -> u64 {
        let at = HEADER + STARTS + 8 * i;
        u64::from_le_bytes(self.bytes[at..at + 8].try_into().expect("eight bytes"))
    }

    /// The bytes of spelling `i`.
    #[inline]
    pub fn spelling_bytes(&self, i: usize) -> &[u8] {
        let (from, to) = (self.u32_at(self.spell_off, i), self.u32_at(self.spell_off, i + 1));
        &self.bytes[self.strings + from as usize..self.strings + to as usize]
    }

    /// Spelling `i`.
    pub fn spelling(&self, i: usize) -> &str {
        let (from, to) = (self.u32_at(self.spell_off, i), self.u32_at(self.spell_off, i + 1));
        // Checked once in `new`: the strings are cut at character boundaries.
        self.text.get(from as usize..to as usize).unwrap_or_default()
    }

    /// The places of spelling `i` (member codes, see [`DIVISION`]).
    pub fn members(&self, i: usize) -> impl ExactSizeIterator<Item = u32> + '_ {
        let (from, to) = (self.u32_at(self.member_off, i), self.u32_at(self.member_off, i + 1));
        (from as usize..to as usize).map(move |k| self.u32_at(self.member_list, k))
    }

    /// The entry of first word `word`.
    #[inline]
    pub fn word(&self, word: &[u8]) -> Option<Word> {
        self.probe(word)
            .find(|w| self.spelling_bytes(w.first as usize).get(..word.len()) == Some(word))
    }

    /// The entries of the first words whose hash and length are `word`'s
    /// (almost always one: `word`'s), the bytes not compared: only for a
    /// search that compares whole spellings with the text
    /// ([`PlaceIndex::search`] of a word's runs where the text has a word
    /// end), since a spelling filed under another first word never equals the
    /// text up to a word end that `word` starts. Saves a read of the strings
    /// for each capitalised word.
    #[inline]
    pub fn probe(&self, word: &[u8]) -> impl Iterator<Item = Word> + '_ {
        let h = hash(word);
        let mut s = h as usize & self.mask;
        let len = word.len() as u32;
        std::iter::from_fn(move || {
            loop {
                let [slot_hash, first, runs, packed] = self.slot(s);
                let count = packed & 0xFFFF;
                if count == 0 {
                    return None;
                }
                s = (s + 1) & self.mask;
                if slot_hash == h && packed >> 16 == len {
                    return Some(Word { first, runs, count });
                }
            }
        })
    }

    /// The runs of `word`: (length, end), longest first; the first run starts at its first spelling.
    #[inline]
    pub fn runs(&self, word: Word) -> impl Iterator<Item = (usize, usize)> + '_ {
        (word.runs as usize..(word.runs + word.count) as usize).map(|r| {
            (
                self.u32_at(self.run_list, 2 * r) as usize,
                self.u32_at(self.run_list, 2 * r + 1) as usize,
            )
        })
    }

    /// The spellings of `word`, longest first, then in byte order.
    pub fn filed_under(&self, word: Word) -> std::ops::Range<usize> {
        let end = self.runs(word).last().map_or(word.first as usize, |(_, end)| end);
        word.first as usize..end
    }

    /// The spelling among `range` (all of one length) equal to `bytes`.
    #[inline]
    pub fn search(&self, range: std::ops::Range<usize>, bytes: &[u8]) -> Option<usize> {
        let (mut lo, mut hi) = (range.start, range.end);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.spelling_bytes(mid).cmp(bytes) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    /// The index of `spelling`, if the table has it.
    pub fn find(&self, spelling: &str) -> Option<usize> {
        let word = self.word(first_word(spelling).as_bytes())?;
        let mut start = word.first as usize;
        for (len, end) in self.runs(word) {
            if len == spelling.len() {
                return self.search(start..end, spelling.as_bytes());
            }
            start = end;
        }
        None
    }
}
