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
//! read it without decoding anything: fixed-width little-endian tables laid
//! out for the scan, which looks up every capitalised word of the text: a
//! filter of 128 KB (it stays in the cache) turns most words that begin no
//! spelling away, and a word that does is one slot and one record, its
//! spellings' bytes side by side, instead of four scattered reads. A second
//! filter of the same size holds the spellings of more than one word: the
//! text after "New", "San" or "The" is searched for among a run's
//! spellings only where some spelling may be those bytes (20 MB of news
//! asked 474,000 such searches, most of them in vain).
//!
//! Layout (numbers little-endian, `u32` unless said otherwise):
//!
//! ```text
//! magic "ATLASPI3"; spellings, members, slots (a power of two), record bytes, string bytes
//! starts:      256 bytes, 1 where some spelling begins with that byte
//! prefixes:    1024 u64: bit (a << 8) | b where some spelling begins with a b
//!              (b also as an ASCII capital: ALL-CAPS text), every b for a one-byte spelling
//! filter:      FILTER u64: a blocked Bloom filter of the first words (two bits each)
//! spelled:     FILTER u64: the same of the spellings longer than their first word
//! spell_off:   spellings + 1 offsets into the strings
//! member_off:  spellings + 1 offsets into members
//! members:     the places of each spelling, in gazetteer order ([`DIVISION`] | d, or city c)
//! slots:       SLOT bytes each, open addressing: hash, record offset, first word's
//!              length u16, runs u16 (0: empty)
//! records:     per first word, its runs of same-length spellings, longest first:
//!              (length u16, spellings u16, first spelling) for each run, then each
//!              run's spellings' bytes, one fixed-width row per spelling, in byte order
//! strings:     the spellings, UTF-8
//! ```
//!
//! Spellings are sorted by first word, then longest first, then by bytes, so
//! that a spelling's index is also its toponym group, and the spellings of a
//! run are numbered one after another.

use std::borrow::Cow;

/// A member that is a division (`DIVISION | d`); any other member is a city.
pub const DIVISION: u32 = 1 << 31;

const MAGIC: &[u8; 8] = b"ATLASPI3";
const HEADER: usize = 8 + 5 * 4;
const STARTS: usize = 256;
const PREFIXES: usize = 1024 * 8;
/// Each filter's size in `u64` words (128 KB).
const FILTER: usize = 1 << 14;
const SLOT: usize = 12;

/// The leading run of alphanumeric characters: "Guinea" of "Guinea-Bissau",
/// "U" of "U.S.", "Afghanistan" of "Afghanistan's".
pub fn first_word(s: &str) -> &str {
    let ascii_end = ascii_alphanumeric_prefix(s.as_bytes());
    if s.as_bytes().get(ascii_end).is_none_or(|b| b.is_ascii()) {
        return &s[..ascii_end];
    }
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The length of the run of ASCII letters and digits `bytes` starts with,
/// eight bytes at a time: the scan asks it of every capitalised word.
#[inline]
fn ascii_alphanumeric_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Per byte (no carries: each low byte is at most 0x7F): its high bit set when >= `c`.
    let at_least = |low: u64, c: u8| low.wrapping_add((0x80 - u64::from(c)) * ONES) & HIGH;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let low = w & !HIGH;
        let digit = at_least(low, b'0') & !at_least(low, b':');
        // A letter of either case is a lowercase letter once bit 5 is set.
        let folded = low | (0x20 * ONES);
        let letter = at_least(folded, b'a') & !at_least(folded, b'{');
        let stop = (!(digit | letter) & HIGH) | (w & HIGH);
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len() - i)
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

/// A word's hash (rustc-hash's multiplier over eight bytes at a time; fixed
/// here so that the build script and the binary agree): its high half for
/// the slots, its low half for the filter.
pub fn hash(word: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = (word.len() as u64).wrapping_mul(K);
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(26) ^ u64::from_le_bytes(c.try_into().expect("eight bytes"))).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h.rotate_left(26) ^ short_le(rest)).wrapping_mul(K);
    }
    h
}

/// The 1 to 7 bytes of `rest` as a little-endian number (zeros above), in
/// two overlapping loads: the scan hashes every capitalised word, and a
/// copy into an eight-byte buffer was a call to the C library's `memcpy`.
#[inline]
fn short_le(rest: &[u8]) -> u64 {
    let n = rest.len();
    debug_assert!((1..8).contains(&n));
    if n >= 4 {
        let low = u64::from(u32::from_le_bytes(rest[..4].try_into().expect("four bytes")));
        let high = u64::from(u32::from_le_bytes(rest[n - 4..].try_into().expect("four bytes")));
        low | (high << (8 * (n - 4)))
    } else {
        let (first, middle, last) = (u64::from(rest[0]), u64::from(rest[n / 2]), u64::from(rest[n - 1]));
        first | (middle << (8 * (n / 2))) | (last << (8 * (n - 1)))
    }
}

/// The filter word and the two bits of hash `h`.
#[inline]
fn filter_bits(h: u64) -> (usize, u64) {
    let word = (h as usize >> 12) & (FILTER - 1);
    (word, (1 << (h & 63)) | (1 << ((h >> 6) & 63)))
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
    let mut filter = vec![0u64; FILTER];
    let mut spelled = vec![0u64; FILTER];
    // (hash, record offset, first word's length, runs)
    let mut words: Vec<(u64, u32, u32, u32)> = Vec::new();
    let mut records: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < spellings {
        let word = first_word(text(i));
        let mut end = i;
        // (length, spellings, first spelling)
        let mut runs: Vec<(usize, usize, usize)> = Vec::new();
        while end < spellings && first_word(text(end)) == word {
            let len = text(end).len();
            mark_prefix(text(end).as_bytes(), &mut starts, &mut prefixes);
            if len > word.len() {
                let (w, bits) = filter_bits(hash(text(end).as_bytes()));
                spelled[w] |= bits;
            }
            match runs.last_mut() {
                Some((l, n, _)) if *l == len => *n += 1,
                _ => runs.push((len, 1, end)),
            }
            end += 1;
        }
        assert!(
            runs.len() < 1 << 16 && word.len() < 1 << 16 && runs.iter().all(|r| r.0 < 1 << 16 && r.1 < 1 << 16),
            "first word {word:?}: too long, or too many spellings"
        );
        let h = hash(word.as_bytes());
        let (w, bits) = filter_bits(h);
        filter[w] |= bits;
        words.push((h, records.len() as u32, word.len() as u32, runs.len() as u32));
        for &(len, n, first) in &runs {
            records.extend_from_slice(&(len as u16).to_le_bytes());
            records.extend_from_slice(&(n as u16).to_le_bytes());
            records.extend_from_slice(&(first as u32).to_le_bytes());
        }
        for k in i..end {
            records.extend_from_slice(text(k).as_bytes());
        }
        i = end;
    }
    // At most two thirds full: a probe ends after a slot or two.
    let slots = (words.len() * 3 / 2).next_power_of_two().max(16);
    let mut table = vec![None; slots];
    for &(h, record, word_len, runs) in &words {
        let mut s = (h >> 32) as usize & (slots - 1);
        while table[s].is_some() {
            s = (s + 1) & (slots - 1);
        }
        table[s] = Some(((h >> 32) as u32, record, word_len as u16, runs as u16));
    }

    let mut out = Vec::with_capacity(
        HEADER
            + STARTS
            + PREFIXES
            + 2 * 8 * FILTER
            + 4 * (2 * spellings + 2 + members.len())
            + SLOT * slots
            + records.len()
            + strings.len(),
    );
    out.extend_from_slice(MAGIC);
    for n in [spellings, members.len(), slots, records.len(), strings.len()] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    out.extend(starts.iter().map(|&s| u8::from(s)));
    for p in prefixes.iter().chain(&filter).chain(&spelled) {
        out.extend_from_slice(&p.to_le_bytes());
    }
    for n in spell_off.iter().chain(&member_off).chain(&members) {
        out.extend_from_slice(&n.to_le_bytes());
    }
    for slot in table {
        let (h, record, word_len, runs) = slot.unwrap_or_default();
        out.extend_from_slice(&h.to_le_bytes());
        out.extend_from_slice(&record.to_le_bytes());
        out.extend_from_slice(&word_len.to_le_bytes());
        out.extend_from_slice(&runs.to_le_bytes());
    }
    out.extend_from_slice(&records);
    out.extend_from_slice(&strings);
    out
}

/// A first word's entry: where its record is and how many runs it has.
#[derive(Clone, Copy, Debug)]
pub struct Word {
    pub(super) record: u32,
    /// At least one (a slot of none is empty).
    pub(super) runs: u16,
}

/// One run of a word's spellings: all of one length.
#[derive(Clone, Copy, Debug)]
pub struct Run {
    /// The spellings' length in bytes.
    pub len: usize,
    /// How many spellings.
    count: usize,
    /// The first one's index (the others follow it).
    first: usize,
    /// Where its rows start in the table.
    rows: usize,
}

/// A table made by [`build`], read in place.
#[allow(clippy::len_without_is_empty)]
pub struct PlaceIndex {
    bytes: Cow<'static, [u8]>,
    spellings: usize,
    mask: usize,
    // Section offsets.
    filter: usize,
    spelled: usize,
    spell_off: usize,
    member_off: usize,
    member_list: usize,
    slot_list: usize,
    records: usize,
    records_len: usize,
    /// The spellings' bytes, checked UTF-8 once when the table is read.
    text: Cow<'static, str>,
}

/// A table that is not one [`build`] made.
#[derive(Debug)]
pub struct BadIndex;

impl PlaceIndex {
    /// Read a table made by [`build`]. Only its header, its size and that its
    /// spellings are UTF-8 are checked (a table is either compiled in, made by `build.rs`, or made by
    /// [`build`] in this process): every read is bounds-checked, so a damaged
    /// table could make a lookup panic, never read out of bounds.
    pub fn new(bytes: Cow<'static, [u8]>) -> Result<PlaceIndex, BadIndex> {
        if bytes.len() < HEADER + STARTS + PREFIXES + 2 * 8 * FILTER
            || bytes.len() > u32::MAX as usize
            || &bytes[..8] != MAGIC
        {
            return Err(BadIndex);
        }
        let n = |i: usize| u32::from_le_bytes(bytes[8 + 4 * i..12 + 4 * i].try_into().expect("four bytes")) as usize;
        let (spellings, members, slots, records_len, strings) = (n(0), n(1), n(2), n(3), n(4));
        let filter = HEADER + STARTS + PREFIXES;
        let spelled = filter + 8 * FILTER;
        let spell_off = spelled + 8 * FILTER;
        let member_off = spell_off + 4 * (spellings + 1);
        let member_list = member_off + 4 * (spellings + 1);
        let slot_list = member_list + 4 * members;
        let records = slot_list + SLOT * slots;
        let string_start = records + records_len;
        if !slots.is_power_of_two() || bytes.len() != string_start + strings {
            return Err(BadIndex);
        }
        let text = match bytes {
            Cow::Borrowed(b) => Cow::Borrowed(simdutf8::basic::from_utf8(&b[string_start..]).map_err(|_| BadIndex)?),
            Cow::Owned(ref b) => Cow::Owned(
                simdutf8::basic::from_utf8(&b[string_start..])
                    .map_err(|_| BadIndex)?
                    .to_string(),
            ),
        };
        Ok(PlaceIndex {
            bytes,
            spellings,
            mask: slots - 1,
            filter,
            spelled,
            spell_off,
            member_off,
            member_list,
            slot_list,
            records,
            records_len,
            text,
        })
    }

    #[inline]
    fn u32_at(&self, section: usize, i: usize) -> u32 {
        let at = section + 4 * i;
        u32::from_le_bytes(self.bytes[at..at + 4].try_into().expect("four bytes"))
    }

    /// Slot `s`: its hash, its first word's length and its word (`runs` 0: empty).
    #[inline]
    fn slot(&self, s: usize) -> (u32, usize, Word) {
        let at = self.slot_list + SLOT * s;
        let b = &self.bytes[at..at + SLOT];
        let h = u32::from_le_bytes(b[0..4].try_into().expect("four bytes"));
        let record = u32::from_le_bytes(b[4..8].try_into().expect("four bytes")) as usize;
        let packed = u32::from_le_bytes(b[8..12].try_into().expect("four bytes"));
        (
            h,
            (packed & 0xFFFF) as usize,
            Word {
                // The table is at most 4 GB (its offsets are `u32`).
                record: (self.records + record.min(self.records_len)) as u32,
                runs: (packed >> 16) as u16,
            },
        )
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

    /// Spelling `i`.
    pub fn spelling(&self, i: usize) -> &str {
        let (from, to) = (self.u32_at(self.spell_off, i), self.u32_at(self.spell_off, i + 1));
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
        self.probe(word).find(|&w| {
            let first = self.runs(w).next().expect("a word has a run");
            self.bytes.get(first.rows..first.rows + word.len()) == Some(word)
        })
    }

    /// The entries of the first words whose hash and length are `word`'s
    /// (almost always one: `word`'s), the bytes not compared: only for a
    /// search that compares whole spellings with the text
    /// ([`PlaceIndex::search`] of a word's runs where the text has a word
    /// end), since a spelling filed under another first word never equals the
    /// text up to a word end that `word` starts.
    #[inline]
    pub fn probe(&self, word: &[u8]) -> impl Iterator<Item = Word> + '_ {
        self.probe_hashed(hash(word), word.len())
    }

    /// [`PlaceIndex::probe`] of a word of hash `h` and length `len`.
    #[inline]
    pub fn probe_hashed(&self, h: u64, len: usize) -> impl Iterator<Item = Word> + '_ {
        let (w, bits) = filter_bits(h);
        let at = self.filter + 8 * w;
        let filtered = u64::from_le_bytes(self.bytes[at..at + 8].try_into().expect("eight bytes")) & bits == bits;
        let key = (h >> 32) as u32;
        let mut s = key as usize & self.mask;
        let mut done = !filtered;
        std::iter::from_fn(move || {
            while !done {
                let (slot_hash, word_len, entry) = self.slot(s);
                if entry.runs == 0 {
                    done = true;
                    return None;
                }
                s = (s + 1) & self.mask;
                if slot_hash == key && word_len == len {
                    return Some(entry);
                }
            }
            None
        })
    }

    /// Ask the processor for the first bytes of `word`'s record (its runs,
    /// then its first run's spellings): the scan asks a few words ahead.
    #[inline]
    pub fn prefetch_record(&self, word: Word) {
        prefetch(&self.bytes, word.record as usize);
    }

    /// Ask the processor for what [`PlaceIndex::probe_hashed`] reads first
    /// of a word of hash `h`: its filter word and its first slot.
    #[inline]
    pub fn prefetch_probe(&self, h: u64) {
        let (w, _) = filter_bits(h);
        prefetch(&self.bytes, self.filter + 8 * w);
        let s = (h >> 32) as usize & self.mask;
        prefetch(&self.bytes, self.slot_list + SLOT * s);
    }

    /// The runs of `word`, longest first.
    #[inline]
    pub fn runs(&self, word: Word) -> impl Iterator<Item = Run> + '_ {
        let (record, runs) = (word.record as usize, word.runs as usize);
        let mut rows = record + 8 * runs;
        (0..runs).map(move |r| {
            let at = record + 8 * r;
            let b = &self.bytes[at..at + 8];
            let run = Run {
                len: usize::from(u16::from_le_bytes([b[0], b[1]])),
                count: usize::from(u16::from_le_bytes([b[2], b[3]])),
                first: u32::from_le_bytes([b[4], b[5], b[6], b[7]]) as usize,
                rows,
            };
            rows += run.len * run.count;
            run
        })
    }

    /// The spellings of `word`, longest first, then in byte order.
    pub fn filed_under(&self, word: Word) -> std::ops::Range<usize> {
        let mut runs = self.runs(word);
        let first = runs.next().map_or(0, |r| r.first);
        let end = self.runs(word).last().map_or(first, |r| r.first + r.count);
        first..end
    }

    /// May `bytes` be a spelling longer than its first word? `false`: no
    /// spelling of more than one word is (nor one with a hyphen or an
    /// apostrophe after its first word); `true`: search the run.
    #[inline]
    pub fn may_spell(&self, bytes: &[u8]) -> bool {
        let (w, bits) = filter_bits(hash(bytes));
        let at = self.spelled + 8 * w;
        u64::from_le_bytes(self.bytes[at..at + 8].try_into().expect("eight bytes")) & bits == bits
    }

    /// The spelling of `run` equal to `bytes` (of the run's length).
    #[inline]
    pub fn search(&self, run: Run, bytes: &[u8]) -> Option<usize> {
        let rows = self.bytes.get(run.rows..run.rows + run.len * run.count)?;
        let (mut lo, mut hi) = (0, run.count);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match compare_same_length(&rows[mid * run.len..(mid + 1) * run.len], bytes) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(run.first + mid),
            }
        }
        None
    }

    /// The index of `spelling`, if the table has it.
    pub fn find(&self, spelling: &str) -> Option<usize> {
        let word = self.word(first_word(spelling).as_bytes())?;
        let run = self.runs(word).find(|r| r.len == spelling.len())?;
        self.search(run, spelling.as_bytes())
    }
}

/// Ask the processor to fetch `bytes[at]` into its cache (a hint; nothing
/// if out of bounds). Here rather than in the crate's `memory` module: the
/// build script compiles this file alone.
#[inline(always)]
fn prefetch(bytes: &[u8], at: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(byte) = bytes.get(at) {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        // SAFETY: SSE is part of x86-64; a prefetch reads nothing the program
        // sees, and the address is of a byte of `bytes`.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(byte).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (bytes, at);
}

/// `a.cmp(b)` for slices of one length, eight bytes at a time in
/// registers: the scan compares a few short spellings at every name, and
/// a call to the C library's `memcmp` for each cost more than the compare.
#[inline]
pub(super) fn compare_same_length(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    debug_assert_eq!(a.len(), b.len());
    let (mut a8, mut b8) = (a.chunks_exact(8), b.chunks_exact(8));
    for (x, y) in (&mut a8).zip(&mut b8) {
        let x = u64::from_be_bytes(x.try_into().expect("eight bytes"));
        let y = u64::from_be_bytes(y.try_into().expect("eight bytes"));
        if x != y {
            return x.cmp(&y);
        }
    }
    // The rest padded alike with zeros (the slices are of one length).
    let pad = |rest: &[u8]| {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        u64::from_be_bytes(word)
    };
    pad(a8.remainder()).cmp(&pad(b8.remainder()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphanumeric_prefix_eight_bytes_at_a_time_is_the_byte_by_byte_one() {
        // Every byte value at every place of a 20-byte word.
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut bytes = b"Abcdefghij0123456789 tail".to_vec();
                bytes[at] = b;
                let simple = bytes
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(bytes.len());
                assert_eq!(ascii_alphanumeric_prefix(&bytes), simple, "byte {b:#x} at {at}");
                assert_eq!(ascii_alphanumeric_prefix(&bytes[..at]), simple.min(at));
            }
        }
    }

    #[test]
    fn a_short_tail_reads_as_the_bytes_padded_with_zeros() {
        let bytes = b"ABCDEFG";
        for n in 1..8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(short_le(&bytes[..n]), u64::from_le_bytes(padded), "{n} bytes");
        }
    }

    #[test]
    fn a_table_reads_back_its_spellings_and_one_whose_spellings_are_not_utf8_is_refused() {
        let places = [
            (0u32, vec!["Zürich"]),
            (1, vec!["Paris", "Paris, Texas"]),
            (2, vec!["Kyiv"]),
        ];
        let bytes = build(places.iter().map(|(k, v)| (*k, v.iter().copied())));
        let index = PlaceIndex::new(Cow::Owned(bytes.clone())).unwrap();
        let mut spellings: Vec<&str> = (0..index.spellings).map(|i| index.spelling(i)).collect();
        spellings.sort_unstable();
        assert_eq!(spellings, ["Kyiv", "Paris", "Paris, Texas", "Zürich"]);
        // "ü" is the only non-ASCII character: cut it in half.
        let mut damaged = bytes;
        let at = damaged.windows(2).rposition(|w| w == "ü".as_bytes()).unwrap();
        damaged[at] = b'u';
        assert!(PlaceIndex::new(Cow::Owned(damaged)).is_err());
    }

    #[test]
    fn comparing_in_registers_orders_as_slices_do() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "Paris",
            "Parks",
            "Paris, Texas",
            "Paris, Texaz",
            "Abbeville",
            "Abbevillf",
            "Zürich",
            "Zurich",
        ];
        for a in words {
            for b in words.iter().filter(|b| b.len() == a.len()) {
                assert_eq!(compare_same_length(a.as_bytes(), b.as_bytes()), a.cmp(b), "{a:?} {b:?}");
            }
        }
        let long = "New South Wales Police Force";
        let other = "New South Wales Police Forcf";
        assert_eq!(compare_same_length(long.as_bytes(), other.as_bytes()), long.cmp(other));
    }
}
