//! Comparing labels as published pages print them with the official wording: Traditional
//! characters, stray spaces, half-width brackets, other numbering and small typos.

use crate::report::hant::simplify;

/// `text` with the Traditional label characters replaced by Simplified ones, char for char.
pub fn simplified(text: &str) -> String {
    text.chars().map(simplify).collect()
}

/// The comparable form of a label: Simplified, no white space, one form of each punctuation mark.
pub fn norm(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_digit = false;
    for c in text.chars().map(simplify) {
        let c = match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '．' => '.',
            '、' if last_digit => '.',
            _ => c,
        };
        if c.is_whitespace() || matches!(c, '“' | '”' | '"' | '「' | '」' | '‘' | '’' | '\'')
        {
            continue;
        }
        last_digit = c.is_ascii_digit();
        out.push(c);
    }
    out
}

const NUMERALS: &str = "一二三四五六七八九十";

/// The normalised label without its numbering (一、 （一） 1. 1、 (1)), for matching.
pub fn core(text: &str) -> String {
    let n = norm(text);
    let chars: Vec<char> = n.chars().collect();
    let numeral = |c: &char| NUMERALS.contains(*c) || c.is_ascii_digit();
    let skip = if chars.first() == Some(&'（') {
        let digits = chars[1..].iter().take_while(|c| numeral(c)).count();
        if digits > 0 && chars.get(1 + digits) == Some(&'）') {
            digits + 2
        } else {
            0
        }
    } else {
        let digits = chars.iter().take_while(|c| numeral(c)).count();
        match chars.get(digits) {
            Some('、' | '.') if digits > 0 => digits + 1,
            _ => 0,
        }
    };
    chars[skip..].iter().collect()
}

/// The number of single-character edits between `a` and `b`.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// How a page's label matched an official one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Matched {
    /// The same once normalised.
    Exact,
    /// A few characters differ (a typo, a variant character).
    Close,
}

/// The candidate whose label `label` is, if exactly one fits: an exact match of the cores, or
/// else the only one within a small edit distance (labels shorter than 4 characters must match
/// exactly, so 合计 is never read as 总计).
pub fn best<T: Copy>(label: &str, candidates: &[(T, &str)]) -> Option<(T, Matched)> {
    let wanted = core(label);
    if wanted.is_empty() {
        return None;
    }
    let cores: Vec<(T, String)> = candidates.iter().map(|(t, l)| (*t, core(l))).collect();
    let exact: Vec<T> = cores
        .iter()
        .filter(|(_, c)| *c == wanted)
        .map(|(t, _)| *t)
        .collect();
    if let [only] = exact.as_slice() {
        return Some((*only, Matched::Exact));
    }
    if !exact.is_empty() || wanted.chars().count() < 4 {
        return None;
    }
    // A slip of a few characters in a long label (其他法律行政止公开 for 其他法律行政法规禁止
    // 公开): up to a quarter of the longer of the two, and only the one nearest.
    let n = wanted.chars().count();
    let mut scored: Vec<(usize, T)> = cores
        .iter()
        .map(|(t, c)| {
            (
                distance(&wanted, c),
                *t,
                (n.max(c.chars().count()) / 4).max(1),
            )
        })
        .filter(|(d, _, limit)| d <= limit)
        .map(|(d, t, _)| (d, t))
        .collect();
    scored.sort_by_key(|(d, _)| *d);
    match scored.as_slice() {
        [(_, t)] => Some((*t, Matched::Close)),
        [(d0, t), (d1, _), ..] if d0 < d1 => Some((*t, Matched::Close)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_and_width_are_ignored() {
        assert_eq!(core("（三）不予公开"), "不予公开");
        assert_eq!(core("(三) 不予 公开"), "不予公开");
        assert_eq!(core("1、属于国家秘密"), "属于国家秘密");
        assert_eq!(core("１．属于國家秘密"), "属于国家秘密");
        assert_eq!(core("四、结转下年度继续办理"), "结转下年度继续办理");
        assert_eq!(core("3.危及“三安全一稳定”"), "危及三安全一稳定");
    }

    #[test]
    fn typos_match_only_when_unambiguous() {
        let rows = [
            (1, "5.属于三类内部事务信息"),
            (2, "6.属于四类过程性信息"),
            (3, "（七）总计"),
        ];
        assert_eq!(
            best("5.属于三类内容事务信息", &rows),
            Some((1, Matched::Close))
        );
        assert_eq!(
            best("6.属于四類過程性信息", &rows),
            Some((2, Matched::Exact))
        );
        assert_eq!(best("合计", &rows), None);
        assert_eq!(best("（八）其他（本省增加）", &rows), None);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
