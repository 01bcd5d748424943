//! Rule N-text: the numbers and claims of the text sections against the tables, read the way
//! real reports write them.
//!
//! A count (`予以公开及部分公开42件`) is compared with the sum its phrase names, a percentage
//! (`办结率92.98%`, `占比58.49%`) with the cells it is computed from at the precision printed, a
//! claim (`均获维持`, `未发生…行政复议`) with the cells it denies. The phrases and every other word
//! are template data (`Binding`, `Rate`, `TextWords`). A number is checked only when its reading
//! is certain: the words nearest before it name exactly one binding, nothing in its clause
//! narrows it to a part, another year or a reason, and no other phrase competes for it. A
//! false alarm on a correct report costs more than a contradiction missed.

mod claims;
mod counts;
mod reader;
mod shares;
mod wording;

use super::compute::Sheet;
use super::draft::Draft;
use super::finding::{Finding, Location};
use super::template::{Section, SectionBody, Template};
use reader::Reader;

/// Runs rule N-text over every text of every text section of `draft`.
pub fn check(template: &Template, draft: &Draft, sheet: &Sheet, out: &mut Vec<Finding>) {
    // A table nobody has filled in yet (a draft begun from its text, a page whose tables its
    // CMS lost) says nothing a text could contradict.
    let filled: Vec<&str> = template
        .sections
        .iter()
        .filter_map(|s| match &s.body {
            SectionBody::Table(t) => Some((s.key, t.id)),
            SectionBody::Text(_) => None,
        })
        .filter(|(key, id)| {
            draft.confirmed.contains(key)
                || draft
                    .cells
                    .iter()
                    .any(|(k, v)| k.split('/').next() == Some(id) && !v.trim().is_empty())
        })
        .map(|(_, id)| id)
        .collect();
    for section in template.sections {
        let SectionBody::Text(spec) = &section.body else {
            continue;
        };
        let text = draft.text(section.key);
        let mut parts = vec![(None, text.text.as_str())];
        parts.extend(text.parts(spec).map(|(a, t)| (Some(a), t)));
        for (aspect, t) in parts {
            let place = Place {
                section,
                aspect: aspect.map(|a| (a.id, a.label)),
            };
            let reader = Reader::new(template, sheet, draft.meta.year, &filled, t);
            reader.placeholders(&place, out);
            reader.counts_and_shares(&place, out);
            reader.denials(&place, out);
            reader.all_upheld(&place, out);
        }
    }
}

/// How many bytes of text rule N-text reads in `draft`: its cost grows with this (about 0.5 s
/// per megabyte natively).
pub fn text_size(draft: &Draft) -> usize {
    draft
        .texts
        .values()
        .map(|t| t.text.len() + t.aspects.values().map(String::len).sum::<usize>())
        .sum()
}

/// The findings of rule N-text alone.
pub fn findings(template: &Template, draft: &Draft, sheet: &Sheet) -> Vec<Finding> {
    let mut out = Vec::new();
    check(template, draft, sheet, &mut out);
    out
}

/// The number of UTF-16 code units in the first `chars` characters of `text`: where a text
/// field's selection starts for a finding's character offset.
pub fn utf16_offset(text: &str, chars: usize) -> usize {
    text.chars().take(chars).map(char::len_utf16).sum()
}

/// `text` with a finding's words replaced by `with`, or `None` when the text has changed there
/// since the check (the fix no longer applies).
pub fn apply_fix(text: &str, location: &Location, with: &str) -> Option<String> {
    let Location::Text {
        start, end, found, ..
    } = location
    else {
        return None;
    };
    let chars: Vec<char> = text.chars().collect();
    let at: String = chars.get(*start..*end)?.iter().collect();
    (at == *found).then(|| {
        let mut out: String = chars[..*start].iter().collect();
        out.push_str(with);
        out.extend(&chars[*end..]);
        out
    })
}

/// The sentence around a finding's words, in three pieces (before, the words, after), to show
/// it with the words marked.
pub fn excerpt(text: &str, location: &Location) -> Option<(String, String, String)> {
    let Location::Text { start, end, .. } = location else {
        return None;
    };
    let chars: Vec<char> = text.chars().collect();
    if *end > chars.len() || start > end {
        return None;
    }
    let stop = |c: &char| matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n');
    let from = chars[..*start].iter().rposition(stop).map_or(0, |i| i + 1);
    let to = chars[*end..]
        .iter()
        .position(stop)
        .map_or(chars.len(), |i| end + i + 1);
    let piece = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    Some((
        piece(from, *start).trim_start().to_string(),
        piece(*start, *end),
        piece(*end, to).trim_end().to_string(),
    ))
}

/// The sentence of a text finding with its words in 【】, for plain-text listings (the CLI,
/// the audit's table).
pub fn marked_sentence(draft: &Draft, location: &Location) -> Option<String> {
    let Location::Text {
        section, aspect, ..
    } = location
    else {
        return None;
    };
    let (before, words, after) = excerpt(draft.text_part(*section, *aspect), location)?;
    Some(format!("{before}【{words}】{after}"))
}

/// Which text a finding is in.
struct Place<'a> {
    section: &'a Section,
    aspect: Option<(&'static str, &'static str)>,
}

impl Place<'_> {
    /// `“一、总体情况”（依申请公开）`.
    fn name(&self) -> String {
        match self.aspect {
            Some((_, label)) => format!("“{}”（{label}）", self.section.heading),
            None => format!("“{}”", self.section.heading),
        }
    }

    fn location(&self, reader: &Reader, start: usize, end: usize, fixes: Vec<String>) -> Location {
        Location::Text {
            section: self.section.key,
            aspect: self.aspect.map(|(id, _)| id),
            start,
            end,
            found: reader.original[start..end].iter().collect(),
            fixes,
        }
    }
}
