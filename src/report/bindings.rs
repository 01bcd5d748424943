//! Numbers in the text that always agree with the tables: placeholders such as `{{办结申请}}`
//! are filled in from the sheet at export, and rule N-text warns when a number typed by hand
//! next to the usual words (申请, 办结, 行政复议 …) disagrees with its table cell.

use super::compute::Sheet;
use super::draft::Draft;
use super::finding::{Finding, Location, Severity};
use super::message::Message;
use super::template::{Binding, Rule, SectionBody, Template};

/// The value a binding stands for.
pub fn value(binding: &Binding, sheet: &Sheet) -> i64 {
    binding.cells.iter().map(|c| sheet.whole(*c)).sum()
}

/// The binding with this placeholder name.
pub fn by_token(template: &Template, token: &str) -> Option<&'static Binding> {
    template.bindings.iter().find(|b| b.token == token)
}

/// `text` with every known `{{token}}` replaced by its number; unknown ones are left as typed.
pub fn fill(template: &Template, sheet: &Sheet, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end) => {
                let token = &after[..end];
                match by_token(template, token.trim()) {
                    Some(b) => out.push_str(&value(b, sheet).to_string()),
                    None => out.push_str(&rest[start..start + 2 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders in `text` that no binding knows.
pub fn unknown_tokens<'a>(template: &Template, text: &'a str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else { break };
        let token = after[..end].trim();
        if by_token(template, token).is_none() {
            out.push(token);
        }
        rest = &after[end + 2..];
    }
    out
}

/// A number typed in the text, with the clause before it.
struct Quoted<'a> {
    clause: &'a str,
    number: i64,
    shown: String,
}

/// Numbers followed by 件 (the unit of every count the tables hold), each with the text of
/// its clause before it (back to the last ，。；：!? or line break).
fn quoted_counts(text: &str) -> Vec<Quoted<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        if !digit(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && digit(chars[i].1) {
            i += 1;
        }
        let followed_by_unit = chars.get(i).is_some_and(|(_, c)| *c == '件');
        let byte_start = chars[start].0;
        let byte_end = chars.get(i).map_or(text.len(), |(b, _)| *b);
        let shown = &text[byte_start..byte_end];
        let clause_start = text[..byte_start]
            .rfind(['，', '。', '；', '：', '！', '？', '、', ',', ';', '\n'])
            .map_or(0, |b| {
                b + text[b..].chars().next().map_or(1, char::len_utf8)
            });
        if followed_by_unit {
            if let Ok(Some(n)) = super::number::parse(shown, super::number::ValueKind::Count) {
                out.push(Quoted {
                    clause: &text[clause_start..byte_start],
                    number: n.whole().unwrap_or(0),
                    shown: shown.to_string(),
                });
            }
        }
    }
    out
}

/// Rule N-text: every hand-typed count in a text section that quotes a table number agrees
/// with it. A warning: the clerk may mean something else by the same words.
pub fn check_text(template: &Template, draft: &Draft, sheet: &Sheet, out: &mut Vec<Finding>) {
    for section in template.sections {
        let SectionBody::Text(spec) = &section.body else {
            continue;
        };
        let text = draft.text(section.key);
        let mut texts = vec![text.text.as_str()];
        texts.extend(text.parts(spec).map(|(_, t)| t));
        for t in texts {
            for token in unknown_tokens(template, t) {
                out.push(Finding {
                    rule: Rule::NText,
                    severity: Severity::Warning,
                    location: Location::Section { section: section.key },
                    message: Message::new(
                        format!("“{}”中的占位“{{{{{token}}}}}”不是可用的数据名，导出时会原样印出", section.heading),
                        format!("The placeholder “{{{{{token}}}}}” in “{}” names no table number; it prints as typed", section.heading),
                    ),
                });
            }
            for q in quoted_counts(t) {
                // The binding whose words come nearest before the number wins ("已办结行政复议
                // 案件3件" quotes 行政复议, not 办结).
                let Some(b) = template
                    .bindings
                    .iter()
                    .filter(|b| b.words.iter().all(|w| q.clause.contains(w)))
                    .max_by_key(|b| b.words.iter().filter_map(|w| q.clause.rfind(w)).min())
                else {
                    continue;
                };
                let table = value(b, sheet);
                if q.number != table {
                    let clause = q.clause.trim();
                    out.push(Finding {
                        rule: Rule::NText,
                        severity: Severity::Warning,
                        location: Location::Section { section: section.key },
                        message: Message::new(
                            format!(
                                "“{}”中写“{clause}{}件”，但表格中{}为{table}件；可改用数据句{{{{{}}}}}让数字随表格",
                                section.heading, q.shown, b.label, b.token
                            ),
                            format!(
                                "“{}” says “{clause}{}件” but the table's {} is {table}; use the placeholder {{{{{}}}}} to keep them in step",
                                section.heading, q.shown, b.label, b.token
                            ),
                        ),
                    });
                }
            }
        }
    }
}
