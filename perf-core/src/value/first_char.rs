//! A compile-time index from a char to the rows of a table that start with
//! it, for the unit and lexicon tables (both sorted by their written form,
//! so the rows sharing a first char are adjacent).
//!
//! A binary search over a table of ~80 rows costs seven dependent compares
//! on every lookup, and the unit lookup runs at least once per number. This
//! index is an open-addressing hash table built by a `const fn`, keyed by
//! the char's UTF-8 bytes so a lookup does not decode it: one multiply, one
//! load and one compare on a hit, and about the same on a miss (the table is
//! at most a quarter full, so probe runs are short). The tests
//! check it against the binary search for every char of the tables and for
//! arbitrary chars.

/// Slots in the index: a power of two, at least four times the distinct first chars.
const SLOTS: usize = 256;

#[derive(Clone, Copy)]
struct Slot {
    /// The char's UTF-8 bytes packed big-endian into a `u32` (see [`key`]),
    /// `0` for an empty slot (no table row starts with NUL).
    key: u32,
    start: u16,
    end: u16,
}

const EMPTY: Slot = Slot {
    key: 0,
    start: 0,
    end: 0,
};

/// The rows of a sorted table that start with a given char.
pub(crate) struct FirstCharIndex {
    slots: [Slot; SLOTS],
}

/// A char's UTF-8 bytes as one big-endian number (`元` E5 85 83 →
/// 0xE58583): what [`FirstCharIndex::rows_at`] reads from a text without
/// decoding the char.
const fn key(c: char) -> u32 {
    let c = c as u32;
    if c < 0x80 {
        c
    } else if c < 0x800 {
        (0xC0 | c >> 6) << 8 | (0x80 | c & 0x3F)
    } else if c < 0x1_0000 {
        (0xE0 | c >> 12) << 16 | (0x80 | (c >> 6) & 0x3F) << 8 | (0x80 | c & 0x3F)
    } else {
        (0xF0 | c >> 18) << 24
            | (0x80 | (c >> 12) & 0x3F) << 16
            | (0x80 | (c >> 6) & 0x3F) << 8
            | (0x80 | c & 0x3F)
    }
}

/// Fibonacci hashing: the top 8 bits of the key times 2³²/φ.
#[inline(always)]
const fn slot_of(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9) >> 24) as usize
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
            let k = key(firsts[i]);
            assert!(k != 0, "a row starts with NUL");
            let mut j = i + 1;
            while j < firsts.len() && key(firsts[j]) == k {
                j += 1;
            }
            used += 1;
            assert!(used * 4 <= SLOTS, "too many distinct first chars");
            let mut s = slot_of(k);
            while slots[s].key != 0 {
                assert!(
                    slots[s].key != k,
                    "rows with one first char are not adjacent"
                );
                s = (s + 1) % SLOTS;
            }
            slots[s] = Slot {
                key: k,
                start: i as u16,
                end: j as u16,
            };
            i = j;
        }
        FirstCharIndex { slots }
    }

    /// The range of rows starting with `c` (empty when there is none); the
    /// tests' view of [`rows_at`](Self::rows_at).
    #[cfg(test)]
    pub(crate) fn rows(&self, c: char) -> std::ops::Range<usize> {
        self.lookup(key(c))
    }

    /// The rows starting with the first char of `s`, and that char's length
    /// in bytes; `None` for an empty `s`. The char is read as its UTF-8
    /// bytes, not decoded.
    #[inline]
    pub(crate) fn rows_at(&self, s: &str) -> Option<(std::ops::Range<usize>, usize)> {
        self.rows_at_bytes(s.as_bytes())
    }

    /// [`rows_at`](Self::rows_at) of UTF-8 text given as bytes.
    #[inline]
    pub(crate) fn rows_at_bytes(&self, b: &[u8]) -> Option<(std::ops::Range<usize>, usize)> {
        let b0 = u32::from(*b.first()?);
        // `s` is UTF-8, so the lead byte tells how many bytes follow
        let at = |i: usize| u32::from(b.get(i).copied().unwrap_or(0));
        let (k, len) = if b0 < 0x80 {
            (b0, 1)
        } else if b0 < 0xE0 {
            (b0 << 8 | at(1), 2)
        } else if b0 < 0xF0 {
            (b0 << 16 | at(1) << 8 | at(2), 3)
        } else {
            (b0 << 24 | at(1) << 16 | at(2) << 8 | at(3), 4)
        };
        Some((self.lookup(k), len))
    }

    #[inline]
    fn lookup(&self, k: u32) -> std::ops::Range<usize> {
        let mut s = slot_of(k);
        loop {
            let slot = self.slots[s];
            // an empty slot ends the probe run (and answers NUL with 0..0)
            if slot.key == k || slot.key == 0 {
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

    #[test]
    fn key_is_the_utf8_bytes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let packed = b.iter().fold(0u32, |k, &x| k << 8 | u32::from(x));
            assert_eq!(key(c), packed, "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn rows_at_reads_the_first_char(s in proptest::prelude::any::<String>()) {
            let got = INDEX.rows_at(&s);
            let want = s.chars().next().map(|c| (INDEX.rows(c), c.len_utf8()));
            proptest::prop_assert_eq!(got, want);
        }

        #[test]
        fn agrees_with_a_binary_search(c in proptest::prelude::any::<char>()) {
            let from = TABLE.partition_point(|&f| f < c);
            let to = TABLE.partition_point(|&f| f <= c);
            let r = INDEX.rows(c);
            proptest::prop_assert!(r == (from..to) || (r.is_empty() && from == to));
        }
    }
}
