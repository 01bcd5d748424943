//! Table rows whose cells a crawler ran together (`一、本年新收政府信息公开申请数量801000081`,
//! `规章000`): each official row label followed by a run of digits is split into the row's
//! values, but only where the table's own grammar allows exactly one reading: as many values as
//! the row has columns, no number with a leading zero, and every total printed in the row equal
//! to what it adds up. A run that reads two ways, or none, stays text and its cells are "not
//! read": never guessed.

use super::html::Line;
use super::label::simplified;
use crate::report::template::{Block, ColumnKind, Template};
use crate::report::templates;

/// Readings counted before a run is called ambiguous.
const ENOUGH: usize = 2;
/// The longest number a run is split into (a count of 9,999,999).
const MAX_DIGITS: usize = 7;
/// The most splits tried for one run: a real row needs a few hundred; hostile input stops here.
const BUDGET: usize = 20_000;
/// The longest run tried: beyond it the search is not worth its time, and no table row is.
const MAX_RUN: usize = 48;

/// One row the splitter looks for: its label, how many values it has, and which of its values
/// are totals of which others (by position).
struct RowSpec {
    label: &'static str,
    values: usize,
    sums: Vec<(usize, Vec<usize>)>,
    decimal: bool,
}

/// The lines of a page's text with every run-together row it can read split into cells.
pub(super) fn split_runs(lines: Vec<Line>) -> Vec<Line> {
    let text: String = lines
        .iter()
        .flat_map(|l| l.iter())
        .map(String::as_str)
        .collect();
    let simple = simplified(&text);
    let template = format_of(&simple);
    let rows = specs(template);
    // 四's row is looked for until it is found once: a page has one.
    let mut unlabelled = template
        .tables()
        .flat_map(|t| t.blocks)
        .find(|b| b.label_depth() == 0);
    let mut next = 0;
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if line.len() != 1 || !line[0].chars().any(|c| c.is_ascii_digit()) {
            out.push(line);
            continue;
        }
        let split = split_line(&line[0], &rows, &mut next, unlabelled);
        if split.iter().any(|l| l.len() > 1 && l[0].is_empty()) {
            unlabelled = None;
        }
        out.extend(split);
    }
    out
}

/// The format whose own labels the text has more of.
fn format_of(text: &str) -> &'static Template {
    let own = |t: &'static Template| -> usize {
        let others: Vec<&'static str> = templates::ALL
            .iter()
            .filter(|o| o.id != t.id)
            .flat_map(|o| labels(o))
            .collect();
        labels(t)
            .into_iter()
            .filter(|l| !others.contains(l) && text.contains(*l))
            .count()
    };
    // The first format wins a tie: the default one.
    templates::ALL
        .iter()
        .copied()
        .fold(None, |best: Option<(&'static Template, usize)>, t| {
            let n = own(t);
            match best {
                Some((_, m)) if m >= n => best,
                _ => Some((t, n)),
            }
        })
        .map_or(templates::default_template(), |(t, _)| t)
}

/// Every row and column label of a format's tables.
fn labels(t: &'static Template) -> Vec<&'static str> {
    t.tables()
        .flat_map(|table| table.blocks)
        .flat_map(|b| {
            b.data_rows()
                .into_iter()
                .map(|r| r.row.label)
                .chain(b.value_columns().into_iter().map(|c| c.column.label))
        })
        .collect()
}

/// The rows of a format's labelled tables, in reading order.
fn specs(template: &'static Template) -> Vec<RowSpec> {
    let mut out = Vec::new();
    for table in template.tables() {
        for block in table.blocks.iter().filter(|b| b.label_depth() > 0) {
            let (values, sums, decimal) = grammar(block);
            for row in block.data_rows() {
                out.push(RowSpec {
                    label: row.row.label,
                    values,
                    sums: sums.clone(),
                    decimal,
                });
            }
        }
    }
    out
}

/// A block's columns: how many, which are totals of which, and whether one takes decimals.
fn grammar(block: &'static Block) -> (usize, Vec<(usize, Vec<usize>)>, bool) {
    let columns = block.value_columns();
    let at = |id: &str| columns.iter().position(|c| c.column.id == id);
    let sums = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match &c.column.kind {
            ColumnKind::Total(s) => Some((i, s.of.iter().filter_map(|id| at(id)).collect())),
            _ => None,
        })
        .collect();
    let decimal = columns.iter().any(|c| {
        matches!(
            c.column.kind,
            ColumnKind::Value(crate::report::number::ValueKind::Decimal { .. })
                | ColumnKind::Value(crate::report::number::ValueKind::Amount)
        )
    });
    (columns.len(), sums, decimal)
}

/// A line cut at each row label followed by a run of digits: the text between stays a line,
/// each row it can read becomes a line of cells.
fn split_line(
    line: &str,
    rows: &[RowSpec],
    next: &mut usize,
    unlabelled: Option<&'static Block>,
) -> Vec<Line> {
    let chars: Vec<char> = line.chars().collect();
    let simple: Vec<char> = simplified(line).chars().collect();
    if simple.len() != chars.len() {
        return vec![vec![line.to_string()]];
    }
    let mut out: Vec<Line> = Vec::new();
    let mut from = 0;
    let mut pending_text = 0;
    let mut r = *next;
    while r < rows.len() {
        let spec = &rows[r];
        let label: Vec<char> = spec.label.chars().collect();
        let Some(at) = find(&simple, &label, from) else {
            r += 1;
            continue;
        };
        let run_start = at + label.len();
        let (run, run_end) = digit_run(&simple, run_start, spec.decimal);
        // A count in prose (行政许可2629件) has its unit after it; a table's run does not.
        let prose = simple
            .get(run_end)
            .is_some_and(|c| "件项条个次%份人元万年月日起宗".contains(*c));
        // A run cut by a sign or a mark (`35-15`, `1/2`) is not all of the row: not read.
        let cut = simple
            .get(run_end)
            .is_some_and(|c| c.is_ascii_alphabetic() || "-－+/,，%".contains(*c));
        // One value has no total to check it by: only a run that ends where the table goes on
        // (another row, 第二十条…, a heading, the line's end) is a row, not a count in prose.
        let lone =
            spec.values == 1 && (run.contains(' ') || !table_goes_on(&simple, run_end, rows));
        if run.is_empty() || prose || cut || lone {
            // The label without figures (a group heading, a label in prose): look on.
            from = run_start;
            r += 1;
            continue;
        }
        // Two readings or none: the line stays as printed (the row is not read), and a later
        // line may still hold the row.
        let Some(values) = read(&run, spec) else {
            from = run_end;
            r += 1;
            continue;
        };
        if at > pending_text {
            out.push(vec![chars[pending_text..at].iter().collect()]);
        }
        let mut cells = vec![chars[at..run_start].iter().collect::<String>()];
        cells.extend(values);
        out.push(cells);
        from = run_end;
        pending_text = run_end;
        r += 1;
        *next = r;
    }
    let rest: String = chars[pending_text..].iter().collect();
    match unlabelled {
        Some(block) => out.extend(split_unlabelled(&rest, block)),
        None if !rest.is_empty() => out.push(vec![rest]),
        None => {}
    }
    out
}

/// Whether the table goes on at `at`: the line ends, or another row label, 第二十条…, a
/// numbered heading or a bracketed row number starts there.
fn table_goes_on(s: &[char], at: usize, rows: &[RowSpec]) -> bool {
    let Some(&c) = s.get(at) else {
        return true;
    };
    let numbered = "一二三四五六七八九十".contains(c) && s.get(at + 1) == Some(&'、');
    let label = rows.iter().any(|r| {
        let l: Vec<char> = r.label.chars().collect();
        s.get(at..at + l.len()) == Some(&l[..])
    });
    c == '第' || c == '（' || c == '(' || numbered || label
}

/// 四's one row of figures, which has no label: the run after its last column heading.
fn split_unlabelled(text: &str, block: &'static Block) -> Vec<Line> {
    let simple: Vec<char> = simplified(text).chars().collect();
    let chars: Vec<char> = text.chars().collect();
    let last = block
        .value_columns()
        .last()
        .map(|c| c.column.label)
        .unwrap_or("总计");
    let heading: Vec<char> = "行政复议".chars().collect();
    let (values, sums, _) = grammar(block);
    let spec = RowSpec {
        label: "",
        values,
        sums,
        decimal: false,
    };
    let Some(h) = find(&simple, &heading, 0) else {
        return vec![vec![text.to_string()]]
            .into_iter()
            .filter(|l| !l[0].is_empty())
            .collect();
    };
    let last: Vec<char> = last.chars().collect();
    let mut at = h;
    let mut found = None;
    while let Some(p) = find(&simple, &last, at) {
        let (run, end) = digit_run(&simple, p + last.len(), false);
        if run.len() >= values {
            found = Some((p + last.len(), run, end));
            break;
        }
        at = p + 1;
    }
    let Some((start, run, end)) = found else {
        return vec![vec![text.to_string()]];
    };
    let Some(cells) = read(&run, &spec) else {
        return vec![vec![text.to_string()]];
    };
    let mut out = vec![vec![chars[..start].iter().collect::<String>()]];
    out.push(std::iter::once(String::new()).chain(cells).collect());
    let rest: String = chars[end..].iter().collect();
    if !rest.is_empty() {
        out.push(vec![rest]);
    }
    out
}

fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// The run of digits at `at` (with a decimal point where the row takes one), and where it
/// ends. A digit followed by `.` and no digit is the next label's number (`00000003.危及…`).
fn digit_run(s: &[char], at: usize, decimal: bool) -> (String, usize) {
    // Single spaces between digits are boundaries some cells kept (`20 0 00 0 121`); a space
    // before the first is a row whose cells were kept apart, for `place` to read.
    if !s.get(at).is_some_and(char::is_ascii_digit) {
        return (String::new(), at);
    }
    let mut end = at;
    while end < s.len()
        && (s[end].is_ascii_digit()
            || (s[end] == ' ' && s.get(end + 1).is_some_and(char::is_ascii_digit)))
    {
        end += 1;
    }
    if decimal && s.get(end) == Some(&'.') && s.get(end + 1).is_some_and(char::is_ascii_digit) {
        end += 1;
        while end < s.len() && s[end].is_ascii_digit() {
            end += 1;
        }
    } else if end > at
        && matches!(s.get(end), Some('.' | '．'))
        && s.get(end + 1).is_some_and(|c| !c.is_ascii())
    {
        // `00000003.危及…`: the 3 numbers the next label.
        end -= 1;
    }
    (s[at..end].iter().collect(), end)
}

/// The one reading of a run as the row's values, if there is exactly one.
fn read(run: &str, spec: &RowSpec) -> Option<Vec<String>> {
    let digits: Vec<char> = run.chars().collect();
    if spec.values == 1 {
        let ok = !(digits.len() > 1 && digits[0] == '0' && digits[1] != '.');
        return ok.then(|| vec![run.to_string()]);
    }
    let figures = digits.iter().filter(|c| c.is_ascii_digit()).count();
    if digits.len() > MAX_RUN || digits.contains(&'.') || figures < spec.values {
        return None;
    }
    // With no total to check against, digits alone could have lost a value at a line's end
    // (`15` of `15 29.0506`): only zeros, or values the page kept apart, are read.
    if spec.sums.is_empty() {
        let tokens: Vec<&str> = run.split(' ').filter(|t| !t.is_empty()).collect();
        let zeros = digits.iter().all(|c| *c == '0') && digits.len() == spec.values;
        let apart =
            tokens.len() == spec.values && tokens.iter().all(|t| *t == "0" || !t.starts_with('0'));
        return (zeros || apart).then(|| {
            tokens
                .iter()
                .flat_map(|t| {
                    if zeros {
                        t.chars().map(String::from).collect::<Vec<_>>()
                    } else {
                        vec![t.to_string()]
                    }
                })
                .collect()
        });
    }
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    let mut budget = BUDGET;
    search(&digits, 0, spec, &mut parts, &mut found, &mut budget);
    if budget == 0 {
        // Past the budget (hostile input), nothing is certain: not read.
        return None;
    }
    match found.len() {
        1 => found.pop(),
        _ => None,
    }
}

/// Every split of `digits[at..]` into the row's remaining values that keeps its grammar, until
/// [`ENOUGH`] are found.
fn search(
    digits: &[char],
    at: usize,
    spec: &RowSpec,
    parts: &mut Vec<String>,
    found: &mut Vec<Vec<String>>,
    budget: &mut usize,
) {
    if found.len() >= ENOUGH || *budget == 0 {
        return;
    }
    *budget -= 1;
    // A space is always between two values.
    let mut at = at;
    while digits.get(at) == Some(&' ') {
        at += 1;
    }
    let left = spec.values - parts.len();
    let rest = digits[at..].iter().filter(|c| c.is_ascii_digit()).count();
    if left == 0 {
        if rest == 0 && sums_hold(parts, spec) {
            found.push(parts.clone());
        }
        return;
    }
    if rest < left || rest > left * MAX_DIGITS {
        return;
    }
    // A value never spans a space.
    let token = digits[at..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let max = if digits[at] == '0' {
        1
    } else {
        MAX_DIGITS.min(token).min(rest - (left - 1))
    };
    for len in 1..=max {
        parts.push(digits[at..at + len].iter().collect());
        if partial_sums_hold(parts, spec) {
            search(digits, at + len, spec, parts, found, budget);
        }
        parts.pop();
    }
}

fn value(s: &str) -> u64 {
    s.parse().unwrap_or(u64::MAX)
}

/// Whether every total whose parts are all known so far equals their sum.
fn partial_sums_hold(parts: &[String], spec: &RowSpec) -> bool {
    spec.sums.iter().all(|(total, of)| {
        let known = *total < parts.len() && of.iter().all(|i| *i < parts.len());
        !known || of.iter().map(|i| value(&parts[*i])).sum::<u64>() == value(&parts[*total])
    })
}

fn sums_hold(parts: &[String], spec: &RowSpec) -> bool {
    partial_sums_hold(parts, spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(lines: Vec<Line>) -> Vec<String> {
        lines.into_iter().map(|l| l.join("|")).collect()
    }

    #[test]
    fn runs_split_where_the_row_reads_one_way_only() {
        let text = "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量801000081二、上年结转政府信息公开申请数量0000000";
        let got = cells(split_runs(vec![vec![text.to_string()]]));
        assert!(
            got.contains(&"一、本年新收政府信息公开申请数量|80|1|0|0|0|0|81".to_string()),
            "{got:#?}"
        );
        assert!(got.contains(&"二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0".to_string()));
    }

    #[test]
    fn a_run_that_reads_two_ways_stays_text() {
        let spec = RowSpec {
            label: "x",
            values: 3,
            sums: Vec::new(),
            decimal: false,
        };
        assert_eq!(read("77132470", &spec), None, "three numbers with no total");
        assert_eq!(
            read("000", &spec),
            Some(vec!["0".into(), "0".into(), "0".into()])
        );
    }

    #[test]
    fn spaces_kept_between_some_cells_are_boundaries() {
        let spec = RowSpec {
            label: "x",
            values: 7,
            sums: vec![(6, vec![0, 1, 2, 3, 4, 5])],
            decimal: false,
        };
        assert_eq!(
            read("20 0 00 0 121", &spec).map(|v| v.join(",")).as_deref(),
            Some("20,0,0,0,0,1,21")
        );
    }

    #[test]
    fn the_next_labels_number_is_not_a_digit_of_the_run() {
        let s: Vec<char> = "00000003.危及".chars().collect();
        assert_eq!(digit_run(&s, 0, false).0, "0000000");
        let s: Vec<char> = "5949.088667第".chars().collect();
        assert_eq!(digit_run(&s, 0, true).0, "5949.088667");
    }
}
