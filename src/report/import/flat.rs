//! The page's text as one run of characters, lines kept, original and simplified side by side:
//! what the importer searches for headings and catalogue labels.

use super::html::Line;
use crate::report::hant::simplify;

/// The page's text as one run of characters, lines kept: original and simplified, char for
/// char, so positions found in one are positions in the other.
pub(super) struct Flat {
    pub(super) original: Vec<char>,
    pub(super) simple: Vec<char>,
    /// Where each line starts.
    pub(super) starts: Vec<usize>,
}

impl Flat {
    pub(super) fn new(lines: &[Line]) -> Flat {
        let mut original = Vec::new();
        let mut starts = Vec::new();
        for line in lines {
            starts.push(original.len());
            original.extend(line.join("\t").chars());
            original.push('\n');
        }
        let simple = original.iter().map(|c| simplify(*c)).collect();
        Flat {
            original,
            simple,
            starts,
        }
    }

    pub(super) fn text(&self, from: usize, to: usize) -> String {
        self.original[from.min(to)..to].iter().collect()
    }

    /// The next heading `numeral、words` from `from`: its start and end.
    pub(super) fn heading(
        &self,
        from: usize,
        numeral: char,
        words: &[char],
    ) -> Option<(usize, usize)> {
        let s = &self.simple;
        let mut i = from;
        while i + words.len() <= s.len() {
            if s[i..i + words.len()] == *words {
                let mut k = i;
                while k > 0 && s[k - 1] == ' ' {
                    k -= 1;
                }
                if k > 0 && matches!(s[k - 1], '、' | '.' | '．' | '，') {
                    k -= 1;
                }
                while k > 0 && s[k - 1] == ' ' {
                    k -= 1;
                }
                let before = k.checked_sub(2).map(|b| s[b]);
                if k > 0
                    && s[k - 1] == numeral
                    && !before.is_some_and(|b| "一二三四五六七八九十".contains(b))
                {
                    return Some((k - 1, i + words.len()));
                }
            }
            i += 1;
        }
        None
    }

    pub(super) fn line_at(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }
}
