//! What comes before a report's first section heading: the catalogue header (索引号, 发布机构,
//! 公开日期 …) as real sites print it — label and value on one line, several on one line
//! (`来源：X 时间：2024-03-08 15:34`), a list of labels and values, a table — the title, and
//! the year; and, when a page has no catalogue, the issuing body taken from the title.

use super::flat::Flat;
use super::html;
use super::label::simplified;
use crate::report::kind::Kind;
use crate::report::message::Message;
use crate::report::Meta;

/// One catalogue field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRead {
    /// The official label.
    pub label: &'static str,
    /// The value found, if any.
    pub value: Option<String>,
    /// How it was found, when not from its label (the body taken from the title).
    pub note: Option<Message>,
}

/// The catalogue fields, with the labels sites print for them. `true`: the label is a common
/// word (来源, 时间) and is a label only when a colon follows it.
const FIELDS: &[(&str, &[(&str, bool)])] = &[
    ("索引号", &[("索引号", false)]),
    (
        "发布机构",
        &[
            ("发布机构", false),
            ("发布单位", false),
            ("发文机关", false),
            ("发文单位", false),
            ("信息来源", true),
            ("来源", true),
        ],
    ),
    (
        "公开日期",
        &[
            ("公开日期", false),
            ("发布日期", false),
            ("发文日期", false),
            ("发布时间", true),
            ("时间", true),
        ],
    ),
    ("文号", &[("文号", false), ("发文字号", false)]),
    ("公开方式", &[("公开方式", false)]),
    ("标题", &[("标题", false)]),
];

/// Labels of catalogue entries that are not fields of the report: their place ends the value
/// before them (`文号 关键词 …` is an empty 文号, not 文号 = 关键词).
const OTHER_LABELS: &[&str] = &[
    "关键词",
    "主题词",
    "主题分类",
    "体裁分类",
    "组配分类",
    "服务对象",
    "有效性",
    "信息分类",
    "所属主题",
    "成文日期",
    "浏览次数",
    "阅读次数",
    "访问次数",
    "点击数",
    "字体",
    "作者",
    "责任编辑",
    "编辑",
    "分享到",
    "打印",
    "关闭",
];

/// Values that mean the field is empty.
const EMPTY: &[&str] = &["—", "-", "－", "——", "/", "无", "暂无"];

/// What comes before the first heading: the catalogue, the title and the year.
pub(super) struct Head {
    fields: Vec<FieldRead>,
    /// The title, as printed.
    pub(super) title: String,
    /// The line the title is on, if it is a line of its own.
    pub(super) title_line: Option<usize>,
    /// The report's year.
    pub(super) year: Option<i32>,
    /// 公开日期 and 公开时间, as the draft stores them.
    pub(super) date_time: (String, String),
    /// How many lines the head has (those before the line of the first heading).
    pub(super) lines: usize,
}

impl Head {
    /// Reads the head of `page`, which ends where the first heading starts (`first`).
    pub(super) fn read(page: &html::PageLines, flat: &Flat, first: Option<usize>) -> Head {
        let lines = &page.lines;
        let head_end = first.unwrap_or(flat.original.len());
        let head_lines = first.map_or(lines.len(), |at| flat.line_at(at));
        let mut fields = catalogue(flat, head_end);
        let field = |label: &str| {
            fields
                .iter()
                .find(|f| f.label == label)
                .and_then(|f| f.value.clone())
        };
        let head = &lines[..head_lines.min(lines.len())];
        let titles: Vec<usize> = (0..head.len())
            .filter(|&i| head[i].iter().any(|c| is_title_text(c)))
            .collect();
        // The title that names its body, or the one under a line that is the body alone.
        let names_body = |i: &usize| head[*i].iter().any(|c| body_from_title(c).is_some());
        let under_body = |i: &usize| *i > 0 && is_body_line(head[*i - 1].join("").trim());
        let title_line = titles
            .iter()
            .copied()
            .find(|i| names_body(i))
            .or_else(|| titles.iter().copied().find(|i| under_body(i)))
            .or_else(|| titles.first().copied());
        let title = field("标题")
            .or_else(|| {
                title_line.and_then(|i| {
                    lines[i]
                        .iter()
                        .find(|c| is_title_text(c))
                        .map(|c| c.trim().to_string())
                })
            })
            .or_else(|| {
                simplified(&page.title)
                    .contains("年度报告")
                    .then(|| page.title.clone())
            })
            .unwrap_or_default();
        // The catalogue's date, else the page's PubDate, else a date printed by the title
        // (under it, or on the line above) or alone at the end (as PDFs print it).
        // The body printed on its own line above a title without it (PDFs and their text:
        // 桃江县松木塘镇人民政府 / 2022年政府信息公开工作年度报告).
        let title = match title_line {
            Some(t) if t > 0 && body_from_title(&title).is_none() => {
                let above = lines[t - 1].join("");
                let above = above.trim();
                if is_body_line(above) {
                    format!("{above}{title}")
                } else {
                    title
                }
            }
            _ => title,
        };
        let date_time = field("公开日期")
            .map(|d| date_time(&d))
            .filter(|d| !d.0.is_empty())
            .or_else(|| Some(date_time(&page.pub_date)).filter(|d| !d.0.is_empty()))
            .or_else(|| printed_date(lines, title_line, head_lines))
            .unwrap_or_default();
        // No catalogue (its header was not saved): the body is the one the title names.
        if let Some(body) = fields.iter_mut().find(|f| f.label == "发布机构") {
            if body.value.is_none() {
                body.value = body_from_title(&title);
                body.note = body.value.as_ref().map(|_| {
                    Message::new(
                        "页面上没有发布机构，取自标题",
                        "not on the page: taken from the title",
                    )
                });
            }
        }
        let year = year_of(&simplified(&title))
            .or_else(|| statistics_year(&flat.simple.iter().collect::<String>()))
            .or_else(|| overview_year(flat, first))
            .or_else(|| {
                date_time
                    .0
                    .get(..4)
                    .and_then(|y| y.parse::<i32>().ok())
                    .map(|y| y - 1)
            });
        // A publication date before the report's year is over is a placeholder (2024-01-01 on
        // the 2024 report), not when it was published.
        let date_time = match (
            year,
            date_time.0.get(..4).and_then(|y| y.parse::<i32>().ok()),
        ) {
            (Some(y), Some(published)) if published <= y => (String::new(), String::new()),
            _ => date_time,
        };
        Head {
            fields,
            title,
            title_line,
            year,
            date_time,
            lines: head_lines,
        }
    }

    /// The value of a catalogue field.
    pub(super) fn field(&self, label: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .and_then(|f| f.value.clone())
    }

    /// The fields as the report lists them: the year first, the title as found wherever it was.
    pub(super) fn report_fields(&self) -> Vec<FieldRead> {
        let mut fields = self.fields.clone();
        if let Some(f) = fields.iter_mut().find(|f| f.label == "标题") {
            f.value = (!self.title.is_empty()).then(|| self.title.clone());
        }
        fields.insert(
            0,
            FieldRead {
                label: "年度",
                value: self.year.map(|y| y.to_string()),
                note: None,
            },
        );
        fields
    }
}

/// Whether a line reads as the report's title: short, naming a year and 年度报告 (the
/// opening paragraph names them too, but is long; a breadcrumb has `>`).
pub(super) fn is_title_text(cell: &str) -> bool {
    let s = simplified(cell);
    // A sentence ("本年度报告中所列数据的统计期限…。") is not a title.
    s.chars().count() <= 80
        && (s.contains("年度报告") || s.contains("信息公开工作报告"))
        && year_of(&s).is_some()
        && !s.contains(['>', '。', '，'])
        && !s.contains("统计期限")
}

/// The year a draft gets when the page names none: the default of a new draft.
pub(super) fn draft_year() -> i32 {
    Meta::default().year
}

/// Whether a line opens with a catalogue label (it is not part of the opening paragraph).
pub(super) fn is_catalogue_line(simple: &str) -> bool {
    FIELDS
        .iter()
        .flat_map(|(_, aliases)| aliases.iter())
        .any(|(a, _)| simple.starts_with(a))
}

/// Where a label stands: its start and end (after its colon), the field it names (`None`: a
/// label of another entry), and whether a colon followed it.
struct Mark {
    at: usize,
    end: usize,
    field: Option<usize>,
    colon: bool,
}

/// The catalogue fields among the text before the first section heading.
pub(super) fn catalogue(flat: &Flat, end: usize) -> Vec<FieldRead> {
    let s = &flat.simple[..end.min(flat.simple.len())];
    let mut marks: Vec<Mark> = Vec::new();
    let labels = FIELDS
        .iter()
        .enumerate()
        .flat_map(|(f, (_, aliases))| aliases.iter().map(move |(a, colon)| (Some(f), *a, *colon)))
        .chain(OTHER_LABELS.iter().map(|a| (None, *a, false)));
    for (field, alias, needs_colon) in labels {
        let a: Vec<char> = alias.chars().collect();
        let mut i = 0;
        while i + a.len() <= s.len() {
            // A label opens a cell, a line, or follows a space (several on one line).
            let starts_cell = i == 0 || matches!(s[i - 1], '\t' | '\n' | ' ' | '|' | '　');
            if starts_cell && s[i..i + a.len()] == *a {
                let mut e = i + a.len();
                while e < s.len() && matches!(s[e], ' ' | '　') {
                    e += 1;
                }
                let colon = e < s.len() && matches!(s[e], ':' | '：');
                if colon {
                    e += 1;
                }
                // Without a colon: a label alone in its cell, or opening its line
                // (<span>发布机构</span><span>…</span> runs label and value together).
                let line_start = i == 0 || s[i - 1] == '\n';
                let alone = e >= s.len() || matches!(s[e], '\t' | '\n' | '|');
                let is_label = colon || (!needs_colon && (line_start || alone));
                if is_label && !marks.iter().any(|m| m.at <= i && i < m.end) {
                    marks.retain(|m| !(i <= m.at && m.at < e));
                    marks.push(Mark {
                        at: i,
                        end: e,
                        field,
                        colon,
                    });
                }
            }
            i += 1;
        }
    }
    marks.sort_by_key(|m| m.at);
    FIELDS
        .iter()
        .enumerate()
        .map(|(f, (label, _))| {
            let value = marks
                .iter()
                .enumerate()
                .find(|(_, m)| m.field == Some(f))
                .and_then(|(k, m)| {
                    let stop = marks.get(k + 1).map_or(s.len(), |n| n.at);
                    value_after(flat, m, stop)
                })
                .filter(|v| !EMPTY.contains(&v.as_str()));
            FieldRead {
                label,
                value,
                note: None,
            }
        })
        .collect()
}

/// The value of the label at `m`, before the next label at `stop`: the first non-empty cell
/// on the label's line; for a label alone on its line with no colon (a list of labels and
/// values, `<dt>`/`<dd>`), the next line when it is short and not the title. A label with a
/// colon and nothing after it is an empty field: it never takes the next line's text.
fn value_after(flat: &Flat, m: &Mark, stop: usize) -> Option<String> {
    let raw = flat.text(m.end, stop);
    let mut lines = raw.split('\n');
    let first = lines
        .next()
        .unwrap_or_default()
        .split(['\t', '|'])
        .map(str::trim)
        .find(|v| !v.is_empty())
        .map(str::to_string);
    if first.is_some() || m.colon {
        return first;
    }
    lines
        .map(str::trim)
        .find(|l| !l.is_empty())
        .filter(|l| l.chars().count() <= 60 && !is_title_text(l))
        .map(|l| l.split(['\t', '|']).next().unwrap_or(l).trim().to_string())
}

/// The issuing body a title names: `{年度}年{机构}政府信息公开工作年度报告` or
/// `{机构}{年度}年(度)政府信息公开…`, the year and the report's name taken off.
pub(super) fn body_from_title(title: &str) -> Option<String> {
    let t = simplified(title);
    let t = t.trim();
    let names = [
        "政府信息公开工作年度报告",
        "政府信息公开年度报告",
        "政府信息公开工作年报",
        "政府信息公开年报",
        "信息公开工作年度报告",
        "信息公开工作报告",
        "政务公开工作报告",
    ];
    let end = names.iter().find_map(|n| t.find(n))?;
    let mut body: String = t[..end].to_string();
    // A year before the body (2019年某某局) or after it (某某局2019年度).
    let year_at = |b: &str| -> Option<(usize, usize)> {
        let chars: Vec<(usize, char)> = b.char_indices().collect();
        (0..chars.len().saturating_sub(4)).find_map(|i| {
            let digits = chars[i..i + 4].iter().all(|(_, c)| c.is_ascii_digit());
            let next = chars.get(i + 4).map(|(_, c)| *c);
            (digits && next == Some('年')).then(|| {
                let mut end = chars[i + 4].0 + '年'.len_utf8();
                if b[end..].starts_with('度') {
                    end += '度'.len_utf8();
                }
                (chars[i].0, end)
            })
        })
    };
    if let Some((start, end)) = year_at(&body) {
        body = format!("{}{}", &body[..start], &body[end..]);
    }
    let body = body.trim().trim_end_matches(['的', ' ']).to_string();
    (body.chars().count() >= 2).then_some(body)
}

/// A date printed near the title (the three lines after it, as CMS pages print 发布时间) or
/// on one of the page's last lines (the date a PDF's report ends with).
fn printed_date(
    lines: &[html::Line],
    title_line: Option<usize>,
    head_lines: usize,
) -> Option<(String, String)> {
    let near_title = title_line
        .map(|t| t + 1..(t + 4).min(head_lines).min(lines.len()))
        .unwrap_or(0..0);
    let tail = lines.len().saturating_sub(3)..lines.len();
    near_title.chain(tail.rev()).find_map(|i| {
        let text: String = lines[i].join(" ");
        let s = simplified(&text);
        // A sentence with a date is not the page's date.
        if s.chars().count() > 40 || s.contains("统计") || s.contains('。') {
            return None;
        }
        Some(date_time(&s)).filter(|d| !d.0.is_empty())
    })
}

/// `YYYY-MM-DD` and `HH:MM` from a date as pages print it (2020-01-22 15:15, 2020年1月22日).
fn date_time(text: &str) -> (String, String) {
    let numbers: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    match numbers.as_slice() {
        [y, m, d, rest @ ..]
            if Meta::YEARS.contains(&(*y as i32))
                && (1..=12).contains(m)
                && (1..=31).contains(d) =>
        {
            let time = match rest {
                [h, min, ..] if *h < 24 && *min < 60 => format!("{h:02}:{min:02}"),
                _ => String::new(),
            };
            (format!("{y:04}-{m:02}-{d:02}"), time)
        }
        _ => (String::new(), String::new()),
    }
}

/// The report year in a title: the four digits before 年(度)政府信息公开.
fn year_of(title: &str) -> Option<i32> {
    let chars: Vec<char> = title.chars().collect();
    let mut best = None;
    for i in 0..chars.len().saturating_sub(3) {
        let digits: String = chars[i..i + 4].iter().collect();
        let before_digit = i > 0 && chars[i - 1].is_ascii_digit();
        if before_digit || !digits.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let after: String = chars[i + 4..].iter().take(8).collect();
        if after.starts_with('年') {
            if let Ok(y) = Meta::read_year(&digits) {
                best = Some(y);
                if after.starts_with("年政府信息公开") || after.starts_with("年度政府信息公开")
                {
                    return best;
                }
            }
        }
    }
    best
}

/// The year section 一 opens with ("一、总体情况 2023年，本街道…"), when nothing else names it.
fn overview_year(flat: &Flat, first: Option<usize>) -> Option<i32> {
    let from = first?;
    let start: String = flat.simple[from..].iter().take(30).collect();
    let at = start.find("总体情况")? + "总体情况".len();
    let rest = start[at..].trim_start_matches(|c: char| c.is_whitespace() || c == '\n');
    let digits: String = rest.chars().take(4).collect();
    rest.chars()
        .nth(4)
        .filter(|c| *c == '年')
        .and_then(|_| Meta::read_year(&digits).ok())
}

/// Whether a line is an issuing body's name alone: short, no punctuation, ending as bodies do.
fn is_body_line(line: &str) -> bool {
    let s = simplified(line);
    let n = s.chars().count();
    (2..=30).contains(&n)
        && !s
            .chars()
            .any(|c| c.is_ascii_digit() || "，。：:、；".contains(c))
        // The endings 检查 tells a body's kind by, and a township's own name.
        && (Kind::guess(&s).is_some() || ["政府", "镇", "乡"].iter().any(|e| s.ends_with(e)))
}

/// The year of the customary statistics-period sentence (统计期限自2019年1月1日起).
fn statistics_year(text: &str) -> Option<i32> {
    let at = text.find("统计期限自")?;
    let rest = &text[at + "统计期限自".len()..];
    let digits: String = rest.trim_start().chars().take(4).collect();
    Meta::read_year(&digits).ok()
}
