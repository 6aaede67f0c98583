//! A set of words with a small number for each, laid out for look-ups of
//! words that are mostly not in it: the word lists are asked about the words
//! around every name an article holds, four look-ups a name.
//!
//! Written here rather than a `HashMap<String, _>`: its look-up followed
//! each word's own allocation to compare it, a read far from the table for
//! every word in a list. Here a word not in the set costs a read of two
//! bytes of a small list of tags, and a word in it one slot, which says
//! where its bytes lie, side by side with the others'.

use super::place_index::hash;

/// Words, each with a number ([`WordTable::get`]).
#[derive(Clone, Debug, Default)]
pub struct WordTable {
    /// Open addressing by the hash's high half, a power of two long, at most
    /// a third full: 16 bits of each word's hash (never 0), 0 for no word.
    tags: Vec<u16>,
    /// The word of each tag.
    slots: Vec<Slot>,
    /// The words' bytes, one after another.
    text: Vec<u8>,
}

/// A word of a [`WordTable`]: where its bytes start in the table's text and
/// how many, and its number.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    start: u32,
    len: u32,
    value: u16,
}

/// The tag of a word of hash `h`: its top 16 bits (a multiplicative hash's
/// low bits depend on a word's length and first bytes only), never 0.
fn tag(h: u64) -> u16 {
    ((h >> 48) as u16) | 1
}

impl WordTable {
    /// The table of `words`; a word given twice has the OR of its numbers.
    /// Panics if the words together pass 4 GB.
    pub fn new<'w>(words: impl IntoIterator<Item = (&'w str, u16)>) -> WordTable {
        let mut merged: rustc_hash::FxHashMap<&str, u16> = rustc_hash::FxHashMap::default();
        for (word, value) in words {
            *merged.entry(word).or_default() |= value;
        }
        let size = (3 * merged.len()).next_power_of_two().max(16);
        let mut table = WordTable {
            tags: vec![0; size],
            slots: vec![Slot::default(); size],
            text: Vec::new(),
        };
        // In byte order: the same table whatever order the words came in.
        let mut merged: Vec<(&str, u16)> = merged.into_iter().collect();
        merged.sort_unstable();
        for (word, value) in merged {
            let h = hash(word.as_bytes());
            let mut s = table.first_slot(h);
            while table.tags[s] != 0 {
                s = (s + 1) & (size - 1);
            }
            let start = u32::try_from(table.text.len()).expect("word lists under 4 GB");
            table.text.extend_from_slice(word.as_bytes());
            table.tags[s] = tag(h);
            table.slots[s] = Slot {
                start,
                len: u32::try_from(word.len()).expect("words under 4 GB"),
                value,
            };
        }
        table
    }

    fn first_slot(&self, h: u64) -> usize {
        (h >> 32) as usize & (self.tags.len() - 1)
    }

    /// The number of `word`, 0 if the table does not hold it.
    #[inline]
    pub fn get(&self, word: &str) -> u16 {
        if self.tags.is_empty() {
            return 0;
        }
        let h = hash(word.as_bytes());
        let wanted = tag(h);
        let mut s = self.first_slot(h);
        loop {
            let t = self.tags[s];
            if t == 0 {
                return 0;
            }
            if t == wanted {
                let slot = self.slots[s];
                let start = slot.start as usize;
                if slot.len as usize == word.len() && &self.text[start..start + word.len()] == word.as_bytes() {
                    return slot.value;
                }
            }
            s = (s + 1) & (self.tags.len() - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_holds_its_words_numbers_and_nothing_else() {
        let words: Vec<String> = (0..5000).map(|k| format!("w{k}")).collect();
        let table = WordTable::new(
            words
                .iter()
                .enumerate()
                .map(|(k, w)| (w.as_str(), (k % 500) as u16 + 1))
                .chain([("w7", 0x400), ("", 9), ("Ünïcode", 3)]),
        );
        for (k, w) in words.iter().enumerate() {
            let extra = if w == "w7" { 0x400 } else { 0 };
            assert_eq!(table.get(w), ((k % 500) as u16 + 1) | extra, "{w}");
        }
        assert_eq!(table.get(""), 9);
        assert_eq!(table.get("Ünïcode"), 3);
        for absent in ["w5000", "w", "W7", "w07", "Ünïcodé", "a much longer word than any"] {
            assert_eq!(table.get(absent), 0, "{absent}");
        }
        assert_eq!(WordTable::default().get("w7"), 0);
        assert_eq!(WordTable::new([]).get("w7"), 0);
    }
}
