//! The page as a whole: catalogue header, title, opening, the six sections' text, and the
//! tables (placed by `place`), put together into a draft and a recognition report.

use super::hant::simplify;
use super::html::{self, Line};
use super::label::simplified;
use super::place::{self, Placed};
use super::value::Read;
use crate::report::draft::{Draft, SectionText};
use crate::report::message::{Lang, Message};
use crate::report::template::{CellKey, SectionBody, SectionKey, Template};
use crate::report::templates;
use crate::report::Meta;

/// What was read from a published page, and how.
#[derive(Clone, Debug)]
pub struct Recognition {
    /// The draft made from it (cells not found are blank).
    pub draft: Draft,
    /// Which format the tables were read in, and why.
    pub format: Message,
    /// The catalogue fields, found or not.
    pub fields: Vec<FieldRead>,
    /// Whether each section's heading was found.
    pub sections: Vec<SectionRead>,
    /// Every cell of the format's tables, in order, with what was read into it.
    pub cells: Vec<CellRead>,
    /// Rows of the page that were not placed, and why.
    pub unplaced: Vec<Unplaced>,
    /// Anything else worth knowing (a format used outside its years, Traditional text kept).
    pub notes: Vec<Message>,
}

/// Whether a section's heading was found on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionRead {
    /// Which section.
    pub key: SectionKey,
    /// Its official heading.
    pub heading: &'static str,
    /// Whether the page has it.
    pub found: bool,
}

/// One catalogue field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldRead {
    /// The official label.
    pub label: &'static str,
    /// The value found, if any.
    pub value: Option<String>,
}

/// One table cell and what the page said in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellRead {
    /// The cell's key.
    pub key: CellKey,
    /// The cell's name (row and column).
    pub name: String,
    /// Whether the user types this cell (computed cells are only compared).
    pub input: bool,
    /// The text printed on the page, when the row was found.
    pub raw: Option<String>,
    /// The value the draft gets.
    pub value: Option<String>,
    /// How it was read.
    pub status: CellStatus,
}

/// How a cell was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CellStatus {
    /// A plain number.
    Read,
    /// Blank, `/`, `-` or `无` in a row that was found: 0.
    ZeroMark,
    /// A number with units or words, turned into the value (the message says how).
    Converted(Message),
    /// The row's label on the page differs a little from the official one.
    CloseLabel(String),
    /// Text that is not a number of the cell's kind: left blank.
    Unreadable(Message),
    /// The page has no such row (or the computed cell was left blank): left blank.
    NotFound,
}

/// How many input cells were read each way ([`CellStatus`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Plain numbers.
    pub read: usize,
    /// Blanks and marks read as 0.
    pub zero: usize,
    /// Converted from units or words.
    pub converted: usize,
    /// In rows whose label differs a little from the official one.
    pub close_label: usize,
    /// Not readable as a number: left blank.
    pub unreadable: usize,
    /// Not on the page.
    pub missing: usize,
}

/// A row of the page left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unplaced {
    /// The row as printed.
    pub text: String,
    /// Why.
    pub reason: Message,
}

impl CellRead {
    /// What was done to read the cell, when it was more than reading plain digits.
    pub fn explain(&self) -> Option<Message> {
        match &self.status {
            CellStatus::Read | CellStatus::NotFound => None,
            CellStatus::ZeroMark => Some(Message::new(
                format!("“{}”按0计", self.raw.as_deref().unwrap_or_default()),
                format!("“{}” read as 0", self.raw.as_deref().unwrap_or_default()),
            )),
            CellStatus::Converted(m) => Some(m.clone()),
            CellStatus::Unreadable(m) => Some(Message::new(
                format!(
                    "“{}”{}，未读取",
                    self.raw.as_deref().unwrap_or_default(),
                    m.zh
                ),
                format!(
                    "“{}” {}; not read",
                    self.raw.as_deref().unwrap_or_default(),
                    m.en
                ),
            )),
            CellStatus::CloseLabel(l) => Some(Message::new(
                format!("行标签为“{l}”，与官方略有不同"),
                format!("row label printed as “{l}”"),
            )),
        }
    }
}

impl Recognition {
    /// The cell with this key.
    pub fn cell(&self, key: CellKey) -> Option<&CellRead> {
        self.cells.iter().find(|c| c.key == key)
    }

    /// How many input cells were read each way.
    pub fn tally(&self) -> Tally {
        let mut t = Tally::default();
        for c in self.cells.iter().filter(|c| c.input) {
            *match c.status {
                CellStatus::Read => &mut t.read,
                CellStatus::ZeroMark => &mut t.zero,
                CellStatus::Converted(_) => &mut t.converted,
                CellStatus::CloseLabel(_) => &mut t.close_label,
                CellStatus::Unreadable(_) => &mut t.unreadable,
                CellStatus::NotFound => &mut t.missing,
            } += 1;
        }
        t
    }

    /// Whether anything at all was read (a cell, a section's text or a catalogue field).
    pub fn anything(&self) -> bool {
        !self.draft.cells.is_empty()
            || self.sections.iter().any(|s| s.found)
            || self.fields.iter().any(|f| f.value.is_some())
    }

    /// How many cells were given a value.
    pub fn cells_read(&self) -> usize {
        self.cells.iter().filter(|c| c.value.is_some()).count()
    }

    /// The report as text, for the command line.
    pub fn report_text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let mut out = String::new();
        let mut line = |s: String| {
            out.push_str(&s);
            out.push('\n');
        };
        line(self.format.get(lang).to_string());
        for f in &self.fields {
            line(format!(
                "{}: {}",
                f.label,
                f.value.clone().unwrap_or_else(|| if zh {
                    "（未找到）"
                } else {
                    "(not found)"
                }
                .into())
            ));
        }
        for SectionRead { heading, found, .. } in &self.sections {
            let mark = match (found, zh) {
                (true, true) => "已找到",
                (true, false) => "found",
                (false, true) => "未找到",
                (false, false) => "not found",
            };
            line(format!("{heading}: {mark}"));
        }
        let inputs = self.cells.iter().filter(|c| c.input).count();
        let read = self
            .cells
            .iter()
            .filter(|c| c.input && c.value.is_some())
            .count();
        line(if zh {
            format!("表格：读取{read}/{inputs}个填写单元格")
        } else {
            format!("Tables: {read} of {inputs} input cells read")
        });
        for c in &self.cells {
            let raw = c.raw.clone().unwrap_or_default();
            let value = c.value.clone().unwrap_or_else(|| "—".into());
            let Some(how) = c.explain() else {
                continue;
            };
            line(format!(
                "  {} [{}] “{raw}” → {value}: {}",
                c.name,
                c.key,
                how.get(lang)
            ));
        }
        for u in &self.unplaced {
            line(format!(
                "{} {}: {}",
                if zh { "未读取" } else { "Not read" },
                u.text,
                u.reason.get(lang)
            ));
        }
        for n in &self.notes {
            line(n.get(lang).to_string());
        }
        out
    }
}

/// The page's text as one run of characters, lines kept: original and simplified, char for
/// char, so positions found in one are positions in the other.
struct Flat {
    original: Vec<char>,
    simple: Vec<char>,
    /// Where each line starts.
    starts: Vec<usize>,
}

impl Flat {
    fn new(lines: &[Line]) -> Flat {
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

    fn text(&self, from: usize, to: usize) -> String {
        self.original[from.min(to)..to].iter().collect()
    }

    /// The next heading `numeral、words` from `from`: its start and end.
    fn heading(&self, from: usize, numeral: char, words: &[char]) -> Option<(usize, usize)> {
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

    fn line_at(&self, pos: usize) -> usize {
        self.starts.partition_point(|&s| s <= pos).saturating_sub(1)
    }
}

const FIELDS: &[(&str, &[&str])] = &[
    ("索引号", &["索引号"]),
    (
        "发布机构",
        &["发布机构", "发布单位", "发文机关", "发文单位"],
    ),
    ("公开日期", &["公开日期", "发布日期", "发文日期"]),
    ("文号", &["文号", "发文字号"]),
    ("公开方式", &["公开方式"]),
    ("标题", &["标题"]),
];

/// Reads a published report page (HTML or text) into a draft with id `id`, in phases: the
/// page as lines, the section headings, the head (catalogue, title, year), the format and the
/// tables, the texts, then the draft and its report.
pub fn read_published(input: &str, id: &str) -> Recognition {
    let page = page_lines(input.trim_start_matches('\u{feff}'));
    let flat = Flat::new(&page.lines);
    let headings = Headings::find(&flat);
    let head = Head::read(&page, &flat, &headings);
    let region = table_region(&page.lines, &flat, &headings);
    let (template, format, mut notes) = format_of(&region, head.year);
    let placement = place::place(template, &region);

    let mut draft = Draft::new(
        id,
        template,
        head.year.unwrap_or(draft_year()),
        &head.field("发布机构").unwrap_or_default(),
    );
    draft.meta.index_no = head.field("索引号").unwrap_or_default();
    draft.meta.doc_no = head.field("文号").unwrap_or_default();
    (draft.meta.pub_date, draft.meta.pub_time) = head.date_time.clone();
    if !head.title.is_empty() && head.title != draft.meta.default_title() {
        draft.meta.title = Some(head.title.clone());
    }
    let opening = opening(&page.lines, head.lines, head.title_line);
    if !opening.is_empty() {
        draft.opening = Some(opening);
    }
    for (key, text) in texts(&flat, &headings, template) {
        draft.texts.insert(key, text);
    }
    let cells = cells(template, &placement.cells, &mut draft);
    if flat.original.iter().zip(&flat.simple).any(|(a, b)| a != b) {
        notes.push(Message::new(
            "页面使用繁体字：标签已按简体识别，正文保留页面原文。",
            "The page is in Traditional characters: labels were recognised; the text is kept as printed.",
        ));
    }
    Recognition {
        draft,
        format,
        fields: head.report_fields(),
        sections: headings.found(),
        cells,
        unplaced: unplaced(&page.lines, &page.tables, placement),
        notes,
    }
}

/// The page as lines of cells: HTML by its markup, text by its tabs and bars.
fn page_lines(input: &str) -> html::PageLines {
    if html::is_html(input) {
        return html::html_lines(input);
    }
    let lines = html::text_lines(input);
    let tables = text_tables(&lines);
    html::PageLines {
        lines,
        title: String::new(),
        tables,
    }
}

/// Where each of the six section headings is on the page (start and end in the flat text),
/// looked for in order, each after the one before.
struct Headings {
    at: Vec<Heading>,
}

/// One section's heading and where it was found (start and end in the flat text).
struct Heading {
    key: SectionKey,
    text: &'static str,
    at: Option<(usize, usize)>,
}

impl Headings {
    fn find(flat: &Flat) -> Headings {
        let mut at = Vec::new();
        let mut from = 0;
        for section in templates::default_template().sections {
            let (numeral, words) = section
                .heading
                .split_once('、')
                .unwrap_or(("", section.heading));
            let words: Vec<char> = words.chars().collect();
            let found = numeral
                .chars()
                .next()
                .and_then(|n| flat.heading(from, n, &words));
            if let Some((_, end)) = found {
                from = end;
            }
            at.push(Heading {
                key: section.key,
                text: section.heading,
                at: found,
            });
        }
        Headings { at }
    }

    /// Where the heading of `key` is.
    fn of(&self, key: SectionKey) -> Option<(usize, usize)> {
        self.at.iter().find(|h| h.key == key).and_then(|h| h.at)
    }

    /// Where the first heading found starts.
    fn first(&self) -> Option<usize> {
        self.at.iter().find_map(|h| h.at).map(|h| h.0)
    }

    /// Where the next heading found after `key`'s starts.
    fn after(&self, key: SectionKey) -> Option<usize> {
        self.at
            .iter()
            .skip_while(|h| h.key != key)
            .skip(1)
            .find_map(|h| h.at)
            .map(|h| h.0)
    }

    /// Each section with whether its heading was found, for the report.
    fn found(&self) -> Vec<SectionRead> {
        self.at
            .iter()
            .map(|h| SectionRead {
                key: h.key,
                heading: h.text,
                found: h.at.is_some(),
            })
            .collect()
    }
}

/// What comes before the first heading: the catalogue, the title and the year.
struct Head {
    fields: Vec<FieldRead>,
    title: String,
    title_line: Option<usize>,
    year: Option<i32>,
    date_time: (String, String),
    /// How many lines the head has (those before the line of the first heading).
    lines: usize,
}

impl Head {
    fn read(page: &html::PageLines, flat: &Flat, headings: &Headings) -> Head {
        let lines = &page.lines;
        let first = headings.first();
        let head_end = first.unwrap_or(flat.original.len());
        let head_lines = first.map_or(lines.len(), |at| flat.line_at(at));
        let fields = catalogue(flat, head_end);
        let field = |label: &str| {
            fields
                .iter()
                .find(|f| f.label == label)
                .and_then(|f| f.value.clone())
        };
        let title_line = lines[..head_lines.min(lines.len())]
            .iter()
            .position(|l| l.iter().any(|c| is_title_text(c)));
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
        let date_time = field("公开日期").map(|d| date_time(&d)).unwrap_or_default();
        let year = year_of(&simplified(&title))
            .or_else(|| statistics_year(&flat.simple.iter().collect::<String>()))
            .or_else(|| {
                date_time
                    .0
                    .get(..4)
                    .and_then(|y| y.parse::<i32>().ok())
                    .map(|y| y - 1)
            });
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
    fn field(&self, label: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .and_then(|f| f.value.clone())
    }

    /// The fields as the report lists them: the year first, the title as found wherever it was.
    fn report_fields(&self) -> Vec<FieldRead> {
        let mut fields = self.fields.clone();
        if let Some(f) = fields.iter_mut().find(|f| f.label == "标题") {
            f.value = (!self.title.is_empty()).then(|| self.title.clone());
        }
        fields.insert(
            0,
            FieldRead {
                label: "年度",
                value: self.year.map(|y| y.to_string()),
            },
        );
        fields
    }
}

/// The lines where the tables are: from 二's heading (or 一's) to 五's (or 六's); every line
/// when the page has no heading at all (a table copied on its own).
fn table_region<'a>(lines: &'a [Line], flat: &Flat, headings: &Headings) -> Vec<(usize, &'a Line)> {
    let start = match (
        headings
            .of(SectionKey::Proactive)
            .or(headings.of(SectionKey::Overview)),
        headings.first(),
    ) {
        (Some(h), _) => h.1,
        (None, Some(first)) => first,
        (None, None) => 0,
    };
    let end = headings
        .of(SectionKey::Problems)
        .or(headings.of(SectionKey::Other))
        .map_or(flat.original.len(), |h| h.0);
    lines
        .iter()
        .enumerate()
        .filter(|(i, _)| (start..end).contains(&flat.starts[*i]))
        .collect()
}

/// The format the tables are read in, and why; with a note when it is not the one of the year.
fn format_of(
    region: &[(usize, &Line)],
    year: Option<i32>,
) -> (&'static Template, Message, Vec<Message>) {
    let detected = place::detect(region);
    let template: &'static Template = match (&detected, year) {
        (Some((t, _)), _) => t,
        (None, Some(y)) => templates::for_year(y),
        (None, None) => templates::default_template(),
    };
    let format = match &detected {
        Some((t, evidence)) => {
            let shown = &evidence[..evidence.len().min(3)];
            Message::new(
                format!(
                    "表格按{}格式（{}）读取：页面中有“{}”。",
                    t.id,
                    t.issued_with,
                    shown.join("”“")
                ),
                format!(
                    "Tables read in the {} format ({}): the page has “{}”.",
                    t.id,
                    t.issued_with,
                    shown.join("”, “")
                ),
            )
        }
        None => Message::new(
            format!("表格中没有能区分格式的标签，按{}格式读取。", template.id),
            format!("No label tells the format apart; read as {}.", template.id),
        ),
    };
    let mut notes = Vec::new();
    match year {
        Some(y) if !template.is_for_year(y) => notes.push(Message::new(
            format!(
                "这是{y}年度的报告，但表格是{}格式：按页面上的格式导入。",
                template.id
            ),
            format!(
                "This report is on {y} but its tables are in the {} format: imported as printed.",
                template.id
            ),
        )),
        Some(_) => {}
        None => notes.push(Message::new(
            "没有找到报告年度，请在“基本信息”中填写。",
            "No report year was found; fill it in under Basic information.",
        )),
    }
    (template, format, notes)
}

/// The text sections found on the page, each from its heading to the next heading found.
fn texts(
    flat: &Flat,
    headings: &Headings,
    template: &'static Template,
) -> Vec<(SectionKey, SectionText)> {
    template
        .sections
        .iter()
        .filter(|s| matches!(s.body, SectionBody::Text(_)))
        .filter_map(|section| {
            let (_, start) = headings.of(section.key)?;
            let end = headings.after(section.key).unwrap_or(flat.original.len());
            let text = section_text(flat, start, end, template, section.key);
            (!text.text.trim().is_empty() || !text.aspects.is_empty())
                .then_some((section.key, text))
        })
        .collect()
}

/// Runs of lines with several cells: the tables of pasted text.
fn text_tables(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, line) in lines.iter().enumerate() {
        match (line.len() > 1, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..lines.len());
    }
    out
}

/// The rows left out, a table none of whose rows could be placed reported once as a whole.
fn unplaced(
    lines: &[Line],
    tables: &[std::ops::Range<usize>],
    placement: place::Placement,
) -> Vec<Unplaced> {
    let mut whole: Vec<(usize, Unplaced)> = Vec::new();
    let mut covered = std::collections::BTreeSet::new();
    for range in tables {
        if range
            .clone()
            .any(|i| placement.lines_placed.contains(&i) || covered.contains(&i))
        {
            continue;
        }
        let rows = placement
            .rejected
            .iter()
            .filter(|r| range.contains(&r.line))
            .count();
        if rows == 0 {
            continue;
        }
        let head: String = lines[range.start].join(" | ").chars().take(80).collect();
        whole.push((
            range.start,
            Unplaced {
                text: format!("{head} …"),
                reason: Message::new(
                    format!(
                        "这张表格（{}行）对应不上官方表格的任何一行，整表未读取",
                        range.len()
                    ),
                    format!(
                        "this table ({} rows) matches no row of the official tables; not read",
                        range.len()
                    ),
                ),
            },
        ));
        covered.extend(range.clone());
    }
    whole.extend(
        placement
            .rejected
            .into_iter()
            .filter(|r| !covered.contains(&r.line))
            .map(|r| {
                (
                    r.line,
                    Unplaced {
                        text: r.text.chars().take(120).collect(),
                        reason: r.reason,
                    },
                )
            }),
    );
    whole.sort_by_key(|(line, _)| *line);
    whole.into_iter().map(|(_, u)| u).collect()
}

/// Whether a line reads as the report's title: short, naming a year and 年度报告 (the
/// opening paragraph names them too, but is long; a breadcrumb has `>`).
fn is_title_text(cell: &str) -> bool {
    let s = simplified(cell);
    // A sentence ("本年度报告中所列数据的统计期限…。") is not a title.
    s.chars().count() <= 80
        && s.contains("年度报告")
        && year_of(&s).is_some()
        && !s.contains(['>', '。', '，'])
        && !s.contains("统计期限")
}

/// The year a draft gets when the page names none: the default of a new draft.
fn draft_year() -> i32 {
    Meta::default().year
}

/// The catalogue fields among the text before the first section heading.
fn catalogue(flat: &Flat, end: usize) -> Vec<FieldRead> {
    let s = &flat.simple[..end.min(flat.simple.len())];
    // Every label occurrence at the start of a cell or after a space: (position, end, field).
    let mut marks: Vec<(usize, usize, usize)> = Vec::new();
    for (f, (_, aliases)) in FIELDS.iter().enumerate() {
        for alias in *aliases {
            let a: Vec<char> = alias.chars().collect();
            let mut i = 0;
            while i + a.len() <= s.len() {
                let starts_cell = i == 0 || matches!(s[i - 1], '\t' | '\n' | ' ' | '|');
                if starts_cell && s[i..i + a.len()] == *a {
                    let mut e = i + a.len();
                    while e < s.len() && s[e] == ' ' {
                        e += 1;
                    }
                    let colon = e < s.len() && matches!(s[e], ':' | '：');
                    if colon {
                        e += 1;
                    }
                    // Without a colon: a label alone in its cell, or opening its line
                    // (<span>发布机构</span><span>…</span> runs label and value together).
                    let line_start = i == 0 || s[i - 1] == '\n';
                    let alone = colon || line_start || e >= s.len() || matches!(s[e], '\t' | '\n');
                    if alone && !marks.iter().any(|m| m.0 == i) {
                        marks.push((i, e, f));
                    }
                }
                i += 1;
            }
        }
    }
    marks.sort();
    FIELDS
        .iter()
        .enumerate()
        .map(|(f, (label, _))| {
            let value = marks
                .iter()
                .enumerate()
                .find(|(_, m)| m.2 == f)
                .and_then(|(k, m)| {
                    let stop = marks.get(k + 1).map(|n| n.0).unwrap_or(s.len());
                    let raw = flat.text(m.1, stop);
                    // The value is the first non-empty cell before the next label, on the
                    // label's own line: an empty field never takes the next line's text.
                    let line = raw.split('\n').next().unwrap_or_default();
                    line.split(['\t', '|'])
                        .map(str::trim)
                        .find(|v| !v.is_empty())
                        .map(str::to_string)
                });
            FieldRead { label, value }
        })
        .collect()
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

/// The year of the customary statistics-period sentence (统计期限自2019年1月1日起).
fn statistics_year(text: &str) -> Option<i32> {
    let at = text.find("统计期限自")?;
    let rest = &text[at + "统计期限自".len()..];
    let digits: String = rest.trim_start().chars().take(4).collect();
    Meta::read_year(&digits).ok()
}

/// The paragraphs between the title (or catalogue) and the first heading that are not
/// catalogue lines: the customary opening.
fn opening(lines: &[Line], head_lines: usize, title_line: Option<usize>) -> String {
    let from = title_line.map_or(0, |t| t + 1);
    lines
        .get(from..head_lines.min(lines.len()))
        .unwrap_or(&[])
        .iter()
        .filter(|l| l.len() == 1)
        .map(|l| l[0].trim().to_string())
        .filter(|t| {
            let s = simplified(t);
            // Page furniture between the title and the text.
            let chrome = [
                "浏览次数",
                "字体",
                "来源：",
                "发布时间",
                "打印",
                "关闭",
                "分享",
            ]
            .iter()
            .any(|w| s.contains(w));
            !t.is_empty()
                && !chrome
                && !FIELDS
                    .iter()
                    .flat_map(|(_, a)| a.iter())
                    .any(|a| s.starts_with(a))
                && !is_title_text(t)
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A text section: paragraphs, split into the format's sub-parts where the page heads them.
fn section_text(
    flat: &Flat,
    start: usize,
    end: usize,
    template: &Template,
    key: SectionKey,
) -> SectionText {
    let raw = flat.text(start, end);
    let paragraphs: Vec<String> = raw
        .split('\n')
        .map(|l| {
            l.split('\t')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .map(|p| {
            p.trim_matches(|c: char| c == '|' || c.is_whitespace())
                .to_string()
        })
        .filter(|p| !p.is_empty() && !is_page_footer(p))
        .collect();
    let mut text = SectionText::default();
    let spec = template.text_spec(key);
    let mut current: Option<&str> = None;
    let mut main = Vec::new();
    for p in paragraphs {
        let aspect = spec.and_then(|s| {
            s.aspects.iter().find_map(|a| {
                let rest = strip_sub_heading(&p, a.label)?;
                Some((a.id, rest))
            })
        });
        match aspect {
            Some((id, rest)) => {
                current = Some(id);
                text.aspects.insert(id.to_string(), rest);
            }
            None => match current {
                Some(id) => {
                    let t = text.aspects.entry(id.to_string()).or_default();
                    if !t.is_empty() {
                        t.push_str("\n\n");
                    }
                    t.push_str(&p);
                }
                None => main.push(p),
            },
        }
    }
    text.text = main.join("\n\n");
    if spec.is_some_and(|s| s.fee.is_some()) {
        text.fee = fee(&simplified(&raw)).unwrap_or_default();
    }
    text
}

/// Whether a line is the site's footer rather than the report (it follows section 六).
fn is_page_footer(line: &str) -> bool {
    let s = simplified(line);
    let s = s.trim();
    // Words that open a site's furniture line; report prose may use them inside a sentence.
    const OPENS: &[&str] = &[
        "版权所有",
        "技术支持",
        "主办单位",
        "主办：",
        "主办:",
        "承办",
        "上一篇",
        "下一篇",
        "相关链接",
        "分享到",
        "【关闭】",
        "【打印】",
        "打印本页",
        "关闭窗口",
        "扫一扫",
    ];
    // Marks no report sentence carries.
    const ANYWHERE: &[&str] = &["ICP备", "网站标识码", "公网安备", "版权所有", "技术支持："];
    OPENS.iter().any(|w| s.starts_with(w)) || ANYWHERE.iter().any(|w| s.contains(w))
}

/// The rest of paragraph `p` when it opens with the sub-heading （n）`label`.
fn strip_sub_heading(p: &str, label: &str) -> Option<String> {
    let chars: Vec<char> = p.chars().collect();
    let simple: Vec<char> = chars.iter().map(|c| simplify(*c)).collect();
    let open = matches!(simple.first(), Some('（' | '('));
    if !open {
        return None;
    }
    let close = simple.iter().position(|c| matches!(c, '）' | ')'))?;
    if close > 4 {
        return None;
    }
    let mut i = close + 1;
    while simple.get(i) == Some(&' ') {
        i += 1;
    }
    let l: Vec<char> = label.chars().collect();
    if simple.get(i..i + l.len())? != l.as_slice() {
        return None;
    }
    let rest: String = chars[i + l.len()..].iter().collect();
    Some(
        rest.trim_start_matches(|c: char| "。：:．. ，,".contains(c))
            .trim()
            .to_string(),
    )
}

/// The information-processing fee stated in section 六, in 元: the first mention of 信息处理费
/// that is not the title of the rules (《政府信息公开信息处理费管理办法》) and states an amount.
fn fee(text: &str) -> Option<String> {
    use crate::report::number::{self, Number, ValueKind};
    for (at, word) in text.match_indices("信息处理费") {
        let after = &text[at + word.len()..];
        if after.starts_with("管理办法") {
            continue;
        }
        let before: String = text[..at]
            .chars()
            .rev()
            .take(8)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if ["未收取", "没有收取", "未收", "无"]
            .iter()
            .any(|w| before.contains(w))
        {
            return Some("0".into());
        }
        let around: String = after.chars().take(30).collect();
        let digits: String = around
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let unit: String = around
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .skip_while(|c| c.is_ascii_digit() || *c == '.')
            .take(2)
            .collect();
        let Ok(Some(Number::Micros(m))) = number::parse(&digits, ValueKind::Amount) else {
            continue;
        };
        let yuan = if unit.starts_with("万元") {
            m.checked_mul(10_000)
        } else if unit.starts_with('元') {
            Some(m)
        } else {
            None
        };
        if let Some(y) = yuan {
            return Some(Number::Micros(y).to_string());
        }
    }
    None
}

/// The cells' report, and the draft's cells and units from what was placed.
fn cells(
    template: &'static Template,
    placed: &std::collections::BTreeMap<CellKey, Placed>,
    draft: &mut Draft,
) -> Vec<CellRead> {
    template
        .cells()
        .map(|cell| {
            let key = cell.key();
            let name = cell.name();
            let input = cell.is_input();
            let Some(p) = placed.get(&key) else {
                return CellRead {
                    key,
                    name,
                    input,
                    raw: None,
                    value: None,
                    status: CellStatus::NotFound,
                };
            };
            let (value, status) = match &p.read {
                Read::Blank | Read::Zero => (Some("0".to_string()), CellStatus::ZeroMark),
                Read::Value { text, note, unit } => {
                    if let Some(u) = unit {
                        draft.set_unit(key, *u);
                    }
                    let status = match (note, &p.close_label) {
                        (Some(n), _) => CellStatus::Converted(n.clone()),
                        (None, Some(l)) => CellStatus::CloseLabel(l.clone()),
                        (None, None) => CellStatus::Read,
                    };
                    (Some(text.clone()), status)
                }
                Read::Unreadable(m) => (None, CellStatus::Unreadable(m.clone())),
            };
            let status = match (status, &p.close_label) {
                (CellStatus::ZeroMark, _) if p.raw.trim() == "0" => match &p.close_label {
                    Some(l) => CellStatus::CloseLabel(l.clone()),
                    None => CellStatus::Read,
                },
                (s, _) => s,
            };
            if let Some(v) = &value {
                draft.set_cell(key, v);
            }
            CellRead {
                key,
                name,
                input,
                raw: Some(p.raw.clone()),
                value,
                status,
            }
        })
        .collect()
}
