//! One text read for the check: simplified character for character (so that offsets are the
//! original's), its sentences and clauses, its numbers (counts and percentages) and every
//! phrase of every binding in it.

use super::super::bindings::value_of;
use super::super::compute::Sheet;
use super::super::hant::simplify;
use super::super::template::{Binding, CellKey, Template, TextWords};

/// A number in the text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Number {
    /// Where its digits start.
    pub(super) start: usize,
    /// Where its digits end (after the % of a percentage).
    pub(super) end: usize,
    /// Where its unit ends (件, 起), or `end` for a percentage.
    pub(super) after: usize,
    /// The value; a percentage's is scaled by 10^decimals.
    pub(super) value: i64,
    /// A percentage's number of decimals, or `None` for a count.
    pub(super) percent: Option<u32>,
}

/// A count whose binding is certain.
pub(super) struct Bound<'t> {
    pub(super) number: Number,
    pub(super) binding: &'t Binding,
    /// Where its phrase starts.
    pub(super) phrase: usize,
    /// The sums it may mean, the likeliest first.
    pub(super) sums: Vec<&'t [CellKey]>,
}

/// One text, simplified character for character so that offsets are the original's.
pub(super) struct Reader<'a> {
    pub(super) template: &'a Template,
    pub(super) words: &'a TextWords,
    pub(super) sheet: &'a Sheet,
    pub(super) year: i32,
    /// The tables with something typed in them; the others are not compared with.
    pub(super) filled: &'a [&'a str],
    pub(super) original: Vec<char>,
    pub(super) text: Vec<char>,
    pub(super) numbers: Vec<Number>,
    /// Every phrase of every binding found in the text (start, end, binding), leaving out
    /// those inside a longer one.
    pub(super) phrases: Vec<(usize, usize, &'a Binding)>,
}

/// How far either side of a point a sentence is read (see `Reader::sentence_start`).
const MAX_SENTENCE: usize = 400;

pub(super) const SENTENCE_ENDS: &[char] = &['。', '；', ';', '！', '？', '!', '?', '\n'];
pub(super) const CLAUSE_ENDS: &[char] = &['，', ',', '：', ':'];

impl<'a> Reader<'a> {
    pub(super) fn new(
        template: &'a Template,
        sheet: &'a Sheet,
        year: i32,
        filled: &'a [&'a str],
        text: &str,
    ) -> Reader<'a> {
        let original: Vec<char> = text.chars().collect();
        let text: Vec<char> = original
            .iter()
            .map(|&c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '％' => '%',
                '．' => '.',
                '（' => '(',
                '）' => ')',
                '\u{3000}' | '\u{a0}' => ' ',
                _ => simplify(c),
            })
            .collect();
        let text = without_everyone(text);
        let mut reader = Reader {
            template,
            words: template.text_words,
            sheet,
            year,
            filled,
            original,
            text,
            numbers: Vec::new(),
            phrases: Vec::new(),
        };
        reader.numbers = reader.scan_numbers();
        reader.phrases = reader.scan_phrases();
        reader
    }

    pub(super) fn at(&self, i: usize, word: &str) -> bool {
        (i..)
            .zip(word.chars())
            .all(|(j, c)| self.text.get(j) == Some(&c))
    }

    /// The longest of `words` at `i`, as its length in characters.
    pub(super) fn word_at(&self, i: usize, words: &[&str]) -> Option<usize> {
        words
            .iter()
            .filter(|w| self.at(i, w))
            .map(|w| w.chars().count())
            .max()
    }

    /// Whether `words` occurs in `from..to`.
    pub(super) fn contains(&self, from: usize, to: usize, words: &[&str]) -> bool {
        (from..to).any(|i| {
            words
                .iter()
                .any(|w| i + w.chars().count() <= to && self.at(i, w))
        })
    }

    /// Whether `from..to` is made of nothing but `words` and white space.
    pub(super) fn only(&self, from: usize, to: usize, words: &[&[&str]]) -> bool {
        if from >= to {
            return true;
        }
        // Which positions can be reached from `from` word by word.
        let mut reach = vec![false; to - from + 1];
        reach[0] = true;
        for i in from..to {
            if !reach[i - from] {
                continue;
            }
            if self.text[i].is_whitespace() {
                reach[i + 1 - from] = true;
            }
            for w in words.iter().flat_map(|w| w.iter()) {
                let n = w.chars().count();
                if i + n <= to && self.at(i, w) {
                    reach[i + n - from] = true;
                }
            }
        }
        reach[to - from]
    }

    // A "sentence" is read at most MAX_SENTENCE characters either side of a point: a text with
    // no 。；！？ or line break for pages on end (pasted, imported) is read in windows, so every
    // number and denial word costs the same and the whole check stays linear in the text.
    pub(super) fn sentence_start(&self, i: usize) -> usize {
        self.start_of(i, |c| SENTENCE_ENDS.contains(c))
    }

    pub(super) fn sentence_end(&self, i: usize) -> usize {
        self.end_of(i, |c| SENTENCE_ENDS.contains(c))
    }

    pub(super) fn clause_start(&self, i: usize) -> usize {
        self.start_of(i, |c| SENTENCE_ENDS.contains(c) || CLAUSE_ENDS.contains(c))
    }

    pub(super) fn clause_end(&self, i: usize) -> usize {
        self.end_of(i, |c| SENTENCE_ENDS.contains(c) || CLAUSE_ENDS.contains(c))
    }

    fn start_of(&self, i: usize, ends: impl Fn(&char) -> bool) -> usize {
        let from = i.saturating_sub(MAX_SENTENCE);
        self.text[from..i]
            .iter()
            .rposition(ends)
            .map_or(from, |p| from + p + 1)
    }

    fn end_of(&self, i: usize, ends: impl Fn(&char) -> bool) -> usize {
        let to = (i + MAX_SENTENCE).min(self.text.len());
        self.text[i..to].iter().position(ends).map_or(to, |p| i + p)
    }

    /// Every count (a number and a unit) and every percentage.
    pub(super) fn scan_numbers(&self) -> Vec<Number> {
        let t = &self.text;
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.len() {
            let before = i.checked_sub(1).map(|p| t[p]);
            if t[i].is_ascii_digit()
                && !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '第')
            {
                let start = i;
                let mut digits = String::new();
                while i < t.len()
                    && (t[i].is_ascii_digit()
                        || (t[i] == ',' && t.get(i + 1).is_some_and(char::is_ascii_digit)))
                {
                    if t[i] != ',' {
                        digits.push(t[i]);
                    }
                    i += 1;
                }
                let mut decimals = 0;
                if t.get(i) == Some(&'.') && t.get(i + 1).is_some_and(char::is_ascii_digit) {
                    i += 1;
                    while i < t.len() && t[i].is_ascii_digit() {
                        digits.push(t[i]);
                        decimals += 1;
                        i += 1;
                    }
                }
                let end = i;
                let mut j = i;
                while j < t.len() && t[j] == ' ' {
                    j += 1;
                }
                let Ok(value) = digits.parse::<i64>() else {
                    continue;
                };
                if t.get(j) == Some(&'%') {
                    out.push(Number {
                        start,
                        end: j + 1,
                        after: j + 1,
                        value,
                        percent: Some(decimals),
                    });
                    i = j + 1;
                } else if let Some(n) = self.unit_at(j).filter(|_| decimals == 0) {
                    out.push(Number {
                        start,
                        end,
                        after: j + n,
                        value,
                        percent: None,
                    });
                    i = j + n;
                }
                continue;
            }
            if let Some((value, len)) = chinese_count(&t[i..]) {
                let after_word = before.is_some_and(|c| c == '第' || chinese_digit(c).is_some());
                if !after_word && t.get(i + len) == Some(&'件') && t.get(i + len + 1) != Some(&'事')
                {
                    out.push(Number {
                        start: i,
                        end: i + len,
                        after: i + len + 1,
                        value,
                        percent: None,
                    });
                    i += len + 1;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// The length of the unit of a count at `i` (件, not 件事).
    pub(super) fn unit_at(&self, i: usize) -> Option<usize> {
        let n = self.word_at(i, self.words.units)?;
        (self.text.get(i + n) != Some(&'事')).then_some(n)
    }

    pub(super) fn scan_phrases(&self) -> Vec<(usize, usize, &'a Binding)> {
        let mut all: Vec<(usize, usize, &'a Binding)> = Vec::new();
        for b in self.template.bindings {
            for p in b.phrases {
                let n = p.chars().count();
                for i in 0..self.text.len() {
                    if self.at(i, p) {
                        all.push((i, i + n, b));
                    }
                }
            }
        }
        // Leave out a phrase inside a longer one: in order of start (the longer first where two
        // start together), a phrase is inside one when a phrase of another span before it reaches
        // as far. One sweep, so a text made of phrases costs no more than any other.
        all.sort_by_key(|a| (a.0, std::cmp::Reverse(a.1)));
        let mut kept = Vec::with_capacity(all.len());
        let (mut reach, mut group_reach, mut group) = (0usize, 0usize, None);
        for a in &all {
            if group != Some((a.0, a.1)) {
                group_reach = reach;
                group = Some((a.0, a.1));
            }
            if group_reach < a.1 {
                kept.push(*a);
            }
            reach = reach.max(a.1);
        }
        kept.sort_by_key(|a| (a.0, a.1));
        kept
    }

    /// Whether every table of `cells` has been filled in, and every cell was read (a cell a
    /// reader could not read from its page is not compared with).
    pub(super) fn known(&self, cells: &[CellKey]) -> bool {
        cells
            .iter()
            .all(|c| self.filled.contains(&c.table) && self.sheet.known(*c))
    }

    pub(super) fn value(&self, cells: &[CellKey]) -> i64 {
        value_of(cells, self.sheet)
    }

    /// Where the previous number of the clause ends, or the clause's start.
    pub(super) fn lead_start(&self, before: usize) -> usize {
        let clause = self.clause_start(before);
        self.numbers
            .iter()
            .filter(|n| n.after <= before && n.after > clause)
            .map(|n| n.after)
            .max()
            .unwrap_or(clause)
    }

    /// Past every run of `words` at `i`.
    pub(super) fn skip(&self, mut i: usize, words: &[&[&str]]) -> usize {
        loop {
            if self.text.get(i).is_some_and(|c| c.is_whitespace()) {
                i += 1;
                continue;
            }
            match words.iter().filter_map(|w| self.word_at(i, w)).max() {
                Some(n) => i += n,
                None => return i,
            }
        }
    }
}

/// Names of every applicant at once (公民、法人和其他组织): they name the total, not the
/// 法人或其他组织 columns, so they are blanked (same length, offsets kept) before phrases are read.
const EVERYONE: &[&str] = &[
    "公民、法人和(或)其他组织",
    "公民、法人和/或其他组织",
    "公民、法人和其他组织",
    "公民、法人或者其他组织",
    "公民、法人或其他组织",
    "公民、法人及其他组织",
    "公民、法人以及其他组织",
    "公民法人和其他组织",
    "公民、法人和社会组织",
];

fn without_everyone(mut text: Vec<char>) -> Vec<char> {
    for name in EVERYONE {
        let n: Vec<char> = name.chars().collect();
        let mut i = 0;
        while i + n.len() <= text.len() {
            if text[i..i + n.len()] == n[..] {
                text[i..i + n.len()].iter_mut().for_each(|c| *c = ' ');
                i += n.len();
            } else {
                i += 1;
            }
        }
    }
    text
}

fn chinese_digit(c: char) -> Option<i64> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|i| i as i64)
        .or(match c {
            '〇' => Some(0),
            '两' => Some(2),
            _ => None,
        })
}

/// A count written in Chinese numerals up to 99 (三, 十二, 二十五), and its length.
fn chinese_count(t: &[char]) -> Option<(i64, usize)> {
    let d = |i: usize| t.get(i).copied().and_then(chinese_digit);
    let ten = |i: usize| t.get(i) == Some(&'十');
    match (d(0), ten(0)) {
        (Some(a), _) if ten(1) => match d(2) {
            Some(b) if b > 0 => Some((a * 10 + b, 3)),
            _ => Some((a * 10, 2)),
        },
        (Some(a), _) => Some((a, 1)),
        (None, true) => match d(1) {
            Some(b) if b > 0 => Some((10 + b, 2)),
            _ => Some((10, 1)),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_read_up_to_ninety_nine() {
        let c = |s: &str| chinese_count(&s.chars().collect::<Vec<_>>());
        assert_eq!(c("三件"), Some((3, 1)));
        assert_eq!(c("十二件"), Some((12, 2)));
        assert_eq!(c("二十件"), Some((20, 2)));
        assert_eq!(c("两件"), Some((2, 1)));
        assert_eq!(c("件"), None);
    }
}
