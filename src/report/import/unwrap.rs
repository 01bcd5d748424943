//! Text copied from a PDF, put back together before it is read: a PDF viewer copies what the
//! page draws, line by line, so a paragraph is broken wherever its lines wrapped, a table row's
//! label wraps over two or three lines with its numbers on a line after, a heading or the title
//! goes over two lines, and the typesetting leaves spaces between digits and characters
//! (`2025 年`). Only what the tables' and headings' own wording make certain is joined: a label
//! is joined across lines only while the pieces read as the start of an official label, prose
//! only when the text is wrapped at a width, and nothing is joined to a row it cannot be part of.

use super::html::Line;
use super::label::norm;
use super::place::split_row;
use crate::report::templates;

/// The labels of the data rows of every format, normalised: what numbers can belong to.
fn row_labels() -> Vec<String> {
    let mut out: Vec<String> = templates::ALL
        .iter()
        .flat_map(|t| t.tables())
        .flat_map(|table| table.blocks)
        .flat_map(|block| block.data_rows())
        .map(|row| norm(row.row.label))
        .filter(|l| !l.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The labels, headings and captions of every format, normalised: what a wrapped line can be
/// the start of.
fn known_labels() -> Vec<String> {
    let mut out = Vec::new();
    for t in templates::ALL {
        for section in t.sections {
            out.push(norm(section.heading));
        }
        for table in t.tables() {
            out.push(norm(table.caption));
            for block in table.blocks {
                out.extend(block.caption.map(norm));
                for row in block.data_rows() {
                    out.push(norm(row.row.label));
                    out.extend(row.ancestors.iter().map(|g| norm(g.label)));
                }
                for column in block.value_columns() {
                    out.push(norm(column.column.label));
                    out.extend(column.ancestors.iter().map(|c| norm(c.label)));
                }
            }
        }
    }
    out.retain(|l| !l.is_empty());
    out.sort();
    out.dedup();
    out
}

/// Lines of pasted text, unwrapped. Lines with several cells (tabs, bars) are a table as
/// copied and are left alone.
pub(super) fn unwrap(lines: Vec<Line>) -> Vec<Line> {
    let (labels, rows) = (known_labels(), row_labels());
    let lines = drop_page_numbers(lines);
    let lines = join_switches(lines, &labels);
    let lines = join_cells(lines);
    let lines = join_labels(lines, &labels, &rows);
    let lines = join_title(lines);
    let lines = join_prose(lines, &labels);
    // Last, once lines are whole: the spaces around numbers in sentences.
    lines
        .into_iter()
        .map(|l| {
            if l.len() == 1 {
                vec![tighten(&l[0])]
            } else {
                l
            }
        })
        .collect()
}

/// Whether a line is a page's number as PDFs print it in the footer: `-1-`, `— 3 —`,
/// `- 12 -`, `第 2 页`, `2 / 9`.
fn is_page_number(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let dashed = t
        .trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '一'))
        .chars()
        .all(|c| c.is_ascii_digit())
        && t.chars().next().is_some_and(|c| matches!(c, '-' | '—' | '–' | '－'))
        // Dashes on both sides: `-4` alone is a negative figure, not a page.
        && t.chars().last().is_some_and(|c| matches!(c, '-' | '—' | '–' | '－'));
    let paged = (t.starts_with('第') && (t.ends_with('页')))
        || t.split('/').filter(|p| !p.is_empty()).count() == 2
            && t.chars().all(|c| c.is_ascii_digit() || c == '/');
    dashed || paged
}

/// The text without the page numbers of its footers.
fn drop_page_numbers(lines: Vec<Line>) -> Vec<Line> {
    lines
        .into_iter()
        .filter(|l| !(l.len() == 1 && is_page_number(&l[0])))
        .collect()
}

/// How many values each official row label has, in any format (a label two formats share may
/// have two counts: 行政许可 has 1 in 2021 and 3 in 2019).
fn row_widths() -> Vec<(String, Vec<usize>)> {
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    for t in templates::ALL {
        for block in t.tables().flat_map(|table| table.blocks) {
            let n = block.value_columns().len();
            for row in block.data_rows() {
                let label = norm(row.row.label);
                match out.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, ns)) if !ns.contains(&n) => ns.push(n),
                    Some(_) => {}
                    None => out.push((label, vec![n])),
                }
            }
        }
    }
    out
}

/// A table copied one cell to a line (`规章` / `0` / `0` / `6`) put back into rows: an official
/// row label followed by exactly as many numbers, each alone on its line, as the row has
/// columns; and 四's one unlabelled row, twelve numbers or more alone on their lines.
fn join_cells(lines: Vec<Line>) -> Vec<Line> {
    let widths = row_widths();
    let bare = |l: &Line| l.len() == 1 && is_bare_number(&l[0]) && !l[0].contains('%');
    let mut out: Vec<Line> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let count = lines[i + 1..].iter().take_while(|l| bare(l)).count();
        let width = (lines[i].len() == 1)
            .then(|| norm(&lines[i][0]))
            .and_then(|label| widths.iter().find(|(l, _)| *l == label))
            .map(|(_, ns)| ns.as_slice())
            .unwrap_or(&[]);
        if count > 1 && width.contains(&count) {
            let mut row = vec![lines[i][0].clone()];
            row.extend(
                lines[i + 1..=i + count]
                    .iter()
                    .map(|l| l[0].trim().to_string()),
            );
            out.push(row);
            i += count + 1;
            continue;
        }
        // 四's one row: its twelve or fifteen figures, right after its last column heading.
        let run = lines[i..].iter().take_while(|l| bare(l)).count();
        let after_heading = out
            .last()
            .is_some_and(|l| l.len() == 1 && l[0].trim().ends_with("总计"));
        if matches!(run, 12 | 15) && after_heading {
            out.push(
                lines[i..i + run]
                    .iter()
                    .map(|l| l[0].trim().to_string())
                    .collect(),
            );
            i += run;
            continue;
        }
        out.push(lines[i].clone());
        i += 1;
    }
    out
}

/// Whether a line is a number alone (digits, a decimal point, a percent sign).
fn is_bare_number(line: &str) -> bool {
    let t = line.trim();
    // `2.` is a list's numbering, not a figure.
    !t.is_empty()
        && !t.ends_with('.')
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '%' | ','))
}

/// Text from a viewer that breaks the line at every switch between digits and characters
/// (`收到申请` / `17` / `件，其中…`) put back into its sentence: a number alone on its line is
/// joined to the words before and after it when both are prose (not a label or a heading of
/// the tables: a table's numbers one to a line stay as they are).
fn join_switches(lines: Vec<Line>, labels: &[String]) -> Vec<Line> {
    let prose = |t: &str| {
        let t = t.trim();
        let last = t.chars().last();
        !t.is_empty()
            && !is_bare_number(t)
            && !starts_label(t, labels)
            && !is_label(t, labels)
            && last.is_some_and(|c| is_cjk(c) && !matches!(c, '。' | '！' | '？' | '：'))
    };
    // What follows a number in a sentence: its unit or measure word. A footer's bare page
    // number is followed by anything else, and is never joined into the sentence.
    let goes_on = |t: &str| {
        let t = t.trim();
        t.chars().next().is_some_and(|c| {
            "件个项次条份人%％年月日元万余多起宗家例批类部天小亿名场期篇户所，、".contains(c)
        }) && !starts_label(t, labels)
    };
    let mut out: Vec<Line> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        let joinable = line.len() == 1
            && is_bare_number(&line[0])
            && out
                .last()
                .is_some_and(|p: &Line| p.len() == 1 && prose(&p[0]))
            && lines
                .get(i + 1)
                .is_some_and(|n| n.len() == 1 && goes_on(&n[0]));
        if joinable {
            if let Some(prev) = out.last_mut() {
                prev[0] = format!(
                    "{}{}{}",
                    prev[0].trim_end(),
                    line[0].trim(),
                    lines[i + 1][0].trim()
                );
            }
            i += 2;
            continue;
        }
        out.push(line.clone());
        i += 1;
    }
    out
}

fn is_cjk(c: char) -> bool {
    ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// A line without the spaces typesetting puts around a number inside a sentence
/// (`培训 2 次，`, `2025 年度，`) or around a year (`办事处 2025 年政府`); a table row's
/// spaces between its numbers, and runs of spaces (the cells of a pasted table), stay.
fn tighten(line: &str) -> String {
    let chars: Vec<char> = line.trim().chars().collect();
    let prose = line.contains(['，', '。', '；', '：', '、']);
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != ' ' {
            out.push(c);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        let single = j - i == 1;
        let before = out.chars().last();
        let after = chars.get(j).copied();
        let drop = single
            && match (before, after) {
                (Some(b), Some(a)) if is_cjk(b) && a.is_ascii_digit() => {
                    (prose && number_then_cjk(&chars[j..])) || year_follows(&chars[j..])
                }
                (Some(b), Some(a)) if b.is_ascii_digit() && is_cjk(a) => {
                    (prose && number_after_cjk(&out)) || (a == '年' && ends_with_year(&out))
                }
                _ => false,
            };
        if !drop {
            out.push(' ');
        }
        i = j;
    }
    out
}

/// Whether `rest` opens with a year and 年 (`2025 年`, `2025年`).
fn year_follows(rest: &[char]) -> bool {
    let digits = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    let mut k = digits;
    while rest.get(k) == Some(&' ') {
        k += 1;
    }
    digits == 4 && rest.get(k) == Some(&'年')
}

/// Whether `out` ends with four digits (a year).
fn ends_with_year(out: &str) -> bool {
    out.chars().rev().take_while(|c| c.is_ascii_digit()).count() == 4
}

/// Whether `rest` opens with a number followed (after spaces) by a character, not another number.
fn number_then_cjk(rest: &[char]) -> bool {
    let digits = rest
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == '.')
        .count();
    let mut k = digits;
    while rest.get(k) == Some(&' ') {
        k += 1;
    }
    rest.get(k).is_some_and(|c| is_cjk(*c))
}

/// Whether the number `out` ends with stands right after a character.
fn number_after_cjk(out: &str) -> bool {
    let number: Vec<char> = out
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let before = out.chars().rev().nth(number.len());
    before.is_some_and(is_cjk)
}

/// Whether `text` is the start of one of `labels` (or all of one).
fn starts_label(text: &str, labels: &[String]) -> bool {
    let n = norm(text);
    !n.is_empty() && labels.iter().any(|l| l.starts_with(&n))
}

fn is_label(text: &str, labels: &[String]) -> bool {
    let n = norm(text);
    labels.binary_search(&n).is_ok()
}

/// A row's label wrapped over lines, its numbers on the last line or on a line of their own,
/// joined into one line; a group label wrapped over lines (（三）/不予公开) joined into its
/// own line. Pieces are joined only while together they start an official label.
fn join_labels(lines: Vec<Line>, labels: &[String], rows: &[String]) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut pieces: Vec<String> = Vec::new();
    let flush = |pieces: &mut Vec<String>, out: &mut Vec<Line>| {
        if !pieces.is_empty() {
            out.push(vec![pieces.concat()]);
            pieces.clear();
        }
    };
    for line in lines {
        if line.len() != 1 {
            flush(&mut pieces, &mut out);
            out.push(line);
            continue;
        }
        let text = line[0].clone();
        let row = split_row(&line);
        let (label, values) = match &row {
            Some(r) => (r.label.clone(), Some(r)),
            None => (text.clone(), None),
        };
        if !pieces.is_empty() {
            let joined = format!("{}{label}", pieces.concat());
            match values {
                // The numbers of the wrapped label, on the label's last line or their own.
                Some(r) if is_label(&joined, rows) => {
                    let mut cells = vec![joined];
                    cells.extend(r.values.iter().cloned());
                    out.push(vec![cells.join(" ")]);
                    pieces.clear();
                    continue;
                }
                None if starts_label(&joined, labels) => {
                    pieces.push(label);
                    continue;
                }
                _ => flush(&mut pieces, &mut out),
            }
        }
        // A line that starts a label and is not yet all of one (or is a group label that a
        // longer one may continue) waits for the next.
        let waits = values.is_none() && starts_label(&text, labels) && text.chars().count() <= 40;
        if waits {
            pieces.push(text);
        } else {
            out.push(vec![text]);
        }
    }
    flush(&mut pieces, &mut out);
    out
}

/// Whether a title broken in the middle of its customary name goes on in `next`
/// (`…2025年政府信` / `息公开工作年度报告`).
fn title_goes_on(line: &str, next: &str) -> bool {
    const NAME: &str = "政府信息公开工作年度报告";
    let name: Vec<char> = NAME.chars().collect();
    let (line, next) = (line.trim(), next.trim());
    (1..name.len()).any(|k| {
        let head: String = name[..k].iter().collect();
        let tail: String = name[k..].iter().collect();
        line.ends_with(&head)
            && (next.starts_with(&tail) || tail.starts_with(next))
            && !next.is_empty()
    })
}

/// The title put back on one line when it broke in its customary name.
fn join_title(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for line in lines {
        let goes_on = line.len() == 1
            && out
                .last()
                .is_some_and(|prev| prev.len() == 1 && title_goes_on(&prev[0], &line[0]));
        match out.last_mut() {
            Some(prev) if goes_on => prev[0].push_str(line[0].trim()),
            _ => out.push(line),
        }
    }
    out
}

/// Prose broken at a fixed width put back into paragraphs: a line as wide as the text's full
/// lines that does not end a sentence goes on into the next, unless the next is a heading or
/// a label. Only when the text is wrapped at all (most full lines end mid-sentence); a page's
/// text, one paragraph a line, is left as it is.
fn join_prose(lines: Vec<Line>, labels: &[String]) -> Vec<Line> {
    let width =
        |l: &Line| -> usize { l[0].chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum() };
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| l.len() == 1)
        .map(width)
        .filter(|w| *w >= 20)
        .collect();
    if widths.len() < 5 {
        return lines;
    }
    widths.sort_unstable();
    let full = widths[widths.len() * 9 / 10];
    let is_full = |l: &Line| l.len() == 1 && width(l) * 100 >= full * 80;
    // A semicolon ends a clause, not a paragraph.
    let ends_sentence = |l: &Line| {
        l[0].trim_end()
            .ends_with(['。', '！', '？', '：', '”', '!', '?', ':'])
    };
    let full_lines: Vec<&Line> = lines.iter().filter(|l| is_full(l)).collect();
    let open = full_lines.iter().filter(|l| !ends_sentence(l)).count();
    if full_lines.len() < 3 || open * 10 < full_lines.len() * 4 {
        return lines;
    }
    let starts_heading = |t: &str| {
        let t = t.trim_start();
        let mut chars = t.chars();
        let first = chars.next();
        let numbered =
            first.is_some_and(|c| "一二三四五六七八九十".contains(c)) && chars.next() == Some('、');
        numbered || t.starts_with('（') || starts_label(t, labels)
    };
    // A table's row (a label of the tables with numbers, or numbers alone) is never prose;
    // a sentence that ends in a number is.
    let tabular = |l: &Line| {
        split_row(l).is_some_and(|r| r.label.is_empty() || starts_label(&r.label, labels))
    };
    let title = |l: &Line| l[0].contains("年度报告") && !l[0].contains(['。', '，']);
    let mut out: Vec<Line> = Vec::new();
    for line in lines {
        let joins = line.len() == 1
            && !starts_heading(&line[0])
            && !tabular(&line)
            && out.last().is_some_and(|prev| {
                is_full(prev) && !ends_sentence(prev) && !tabular(prev) && !title(prev)
            });
        if joins {
            if let Some(prev) = out.last_mut() {
                prev[0].push_str(line[0].trim());
            }
        } else {
            out.push(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines().map(|l| vec![l.to_string()]).collect()
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.join("|")).collect()
    }

    #[test]
    fn spaces_between_numbers_and_characters_go_and_those_between_numbers_stay() {
        assert_eq!(
            tighten("青禾市临江区 2025 年政府信"),
            "青禾市临江区2025年政府信"
        );
        assert_eq!(tighten("组织专题培训 2次；"), "组织专题培训2次；");
        assert_eq!(
            tighten("（一）予以公开 40 6 1 1 2 1 51"),
            "（一）予以公开 40 6 1 1 2 1 51"
        );
        assert_eq!(tighten("行政许可  23     减2   140"), "行政许可 23 减2 140");
        assert_eq!(tighten("行政许可 23 减2 140"), "行政许可 23 减2 140");
    }

    #[test]
    fn a_wrapped_row_label_meets_its_numbers() {
        let got = unwrap(lines(
            "三、\n本年度办\n理结果\n（一）予以公开 40 6 1 1 2 1 51\n（二）部分公开（区分处理的，只计这一\n情形，不计其他情形）\n8 2 0 0 1 0 11\n（三）\n不予公开\n1.属于国家秘密 0 0 0 0 0 0 0\n2.其他法律行政法规禁止公\n开\n1 0 0 0 0 0 1",
        ));
        assert_eq!(
            texts(&got),
            vec![
                "三、本年度办理结果",
                "（一）予以公开 40 6 1 1 2 1 51",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 8 2 0 0 1 0 11",
                "（三）不予公开",
                "1.属于国家秘密 0 0 0 0 0 0 0",
                "2.其他法律行政法规禁止公开 1 0 0 0 0 0 1",
            ]
        );
    }

    #[test]
    fn numbers_that_no_label_claims_stay_where_they_are() {
        let got = unwrap(lines("某某说明\n1 2 3"));
        assert_eq!(texts(&got), vec!["某某说明", "1 2 3"]);
    }

    #[test]
    fn a_heading_over_two_lines_is_one() {
        let got = unwrap(lines("三、收到和处理政府信息公开申请情\n况\n正文。"));
        assert_eq!(texts(&got)[0], "三、收到和处理政府信息公开申请情况");
    }
}
