//! A compile-time index from a char to the rows of a table that start with
//! it, for the unit and lexicon tables (both sorted by their written form,
//! so the rows sharing a first char are adjacent).
//!
//! A binary search over a table of ~80 rows costs seven dependent compares
//! on every lookup, and the unit lookup runs at least once per number. This
//! index is an open-addressing hash table built by a `const fn`: one
//! multiply, one load and one compare on a hit, and about the same on a miss
//! (the table is at most a quarter full, so probe runs are short). The tests
//! check it against the binary search for every char of the tables and for
//! arbitrary chars.

/// Slots in the index: a power of two, at least four times the distinct first chars.
const SLOTS: usize = 256;

#[derive(Clone, Copy)]
struct Slot {
    /// The char, `0` for an empty slot (no table row starts with NUL).
    ch: u32,
    start: u16,
    end: u16,
}

const EMPTY: Slot = Slot {
    ch: 0,
    start: 0,
    end: 0,
};

/// The rows of a sorted table that start with a given char.
pub(crate) struct FirstCharIndex {
    slots: [Slot; SLOTS],
}

/// Fibonacci hashing: the top 8 bits of the char times 2³²/φ.
#[inline(always)]
const fn slot_of(ch: u32) -> usize {
    (ch.wrapping_mul(0x9E37_79B9) >> 24) as usize
}

impl FirstCharIndex {
    /// Builds the index of `firsts`, the first char of every row in table
    /// order (equal chars must be adjacent). Fails to compile when the
    /// table breaks that order or has too many distinct first chars.
    pub(crate) const fn new(firsts: &[char]) -> Self {
        assert!(firsts.len() < u16::MAX as usize, "table too long");
        let mut slots = [EMPTY; SLOTS];
        let mut used = 0;
        let mut i = 0;
        while i < firsts.len() {
            let ch = firsts[i] as u32;
            assert!(ch != 0, "a row starts with NUL");
            let mut j = i + 1;
            while j < firsts.len() && firsts[j] as u32 == ch {
                j += 1;
            }
            used += 1;
            assert!(used * 4 <= SLOTS, "too many distinct first chars");
            let mut s = slot_of(ch);
            while slots[s].ch != 0 {
                assert!(
                    slots[s].ch != ch,
                    "rows with one first char are not adjacent"
                );
                s = (s + 1) % SLOTS;
            }
            slots[s] = Slot {
                ch,
                start: i as u16,
                end: j as u16,
            };
            i = j;
        }
        FirstCharIndex { slots }
    }

    /// The range of rows starting with `c` (empty when there is none).
    #[inline]
    pub(crate) fn rows(&self, c: char) -> std::ops::Range<usize> {
        let ch = c as u32;
        let mut s = slot_of(ch);
        loop {
            let slot = self.slots[s];
            // an empty slot ends the probe run (and answers NUL with 0..0)
            if slot.ch == ch || slot.ch == 0 {
                return slot.start as usize..slot.end as usize;
            }
            s = (s + 1) % SLOTS;
        }
    }
}

/// The first char of every row of a table, as a `const` array for
/// [`FirstCharIndex::new`]: `firsts!(TABLE)` for a `const` table of rows
/// with a `first: char` field.
macro_rules! firsts {
    ($table:expr) => {{
        const N: usize = $table.len();
        let mut out = ['\0'; N];
        let mut i = 0;
        while i < N {
            out[i] = $table[i].first;
            i += 1;
        }
        out
    }};
}
pub(crate) use firsts;

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &[char] = &['a', 'a', 'b', '元', '元', '元', '百'];
    static INDEX: FirstCharIndex = FirstCharIndex::new(TABLE);

    #[test]
    fn rows_by_first_char() {
        assert_eq!(INDEX.rows('a'), 0..2);
        assert_eq!(INDEX.rows('b'), 2..3);
        assert_eq!(INDEX.rows('元'), 3..6);
        assert_eq!(INDEX.rows('百'), 6..7);
        assert!(INDEX.rows('c').is_empty());
        assert!(INDEX.rows('\0').is_empty());
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_a_binary_search(c in proptest::prelude::any::<char>()) {
            let from = TABLE.partition_point(|&f| f < c);
            let to = TABLE.partition_point(|&f| f <= c);
            let r = INDEX.rows(c);
            proptest::prop_assert!(r == (from..to) || (r.is_empty() && from == to));
        }
    }
}
