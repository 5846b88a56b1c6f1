//! Substring tests for the short needles the reading rules look for
//! (`一级指标`, `表`, `。`) in short haystacks (cells, lines).
//!
//! `str::contains` sets up a two-way searcher whenever its SIMD path does not
//! apply, which is the case for most cells (shorter than 16 bytes plus the
//! needle); that set-up costs more than scanning the cell. [`Has::has`]
//! finds the needle's last byte in short haystacks with `memchr` and compares
//! the bytes before it, and leaves long ones to `str::contains`.
//! The answer is always exactly `str::contains`'s.

/// Haystacks at least this long go to `str::contains` (its SIMD path).
const SHORT: usize = 64;

pub(crate) trait Has {
    /// Exactly `self.contains(needle)`.
    fn has<N: Needle>(&self, needle: N) -> bool;
}

/// A string or char needle.
pub(crate) trait Needle {
    fn find_in(self, hay: &str) -> bool;
}

impl Needle for &str {
    fn find_in(self, hay: &str) -> bool {
        if hay.len() >= SHORT {
            return hay.contains(self);
        }
        short_contains(hay.as_bytes(), self.as_bytes())
    }
}

impl Needle for char {
    fn find_in(self, hay: &str) -> bool {
        let mut buf = [0u8; 4];
        let n = self.encode_utf8(&mut buf);
        Needle::find_in(&*n, hay)
    }
}

impl Has for str {
    #[inline]
    fn has<N: Needle>(&self, needle: N) -> bool {
        needle.find_in(self)
    }
}

fn short_contains(h: &[u8], n: &[u8]) -> bool {
    // look for the needle's last byte (for CJK a continuation byte, rarer
    // than a lead byte), then compare what stands before it
    let Some((&last, head)) = n.split_last() else {
        return true;
    };
    let k = head.len();
    memchr::memchr_iter(last, h).any(|p| p >= k && h[p - k..p] == *head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_std() {
        let hays = [
            "",
            "a",
            "一级指标",
            "产出指标\t一级指标 二级",
            "社会效益指 标",
            "单位：万元",
            "1. 2025 年劳务派遣人员经费绩效目标表",
            "很长的一行文字很长的一行文字很长的一行文字很长的一行文字很长的一行文字很长的一级指标",
            "ab",
            "xxab",
        ];
        let needles = [
            "",
            "a",
            "b",
            "ab",
            "一级指标",
            "级",
            "表",
            "。",
            "指标",
            "标 ",
            "单位",
            "：",
            "xxab",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(h.has(n), h.contains(n), "{h:?} {n:?}");
                if let Some(c) = n.chars().next() {
                    assert_eq!(h.has(c), h.contains(c), "{h:?} {c:?}");
                }
            }
        }
    }
}
