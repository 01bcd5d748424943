//! The page as a whole: catalogue header, title, opening, the six sections' text, and the
//! tables (placed by `place`), put together into a draft and a recognition report.

use super::flat::Flat;
use super::head::{draft_year, is_catalogue_line, is_title_text, FieldRead, Head};
use super::html::{self, Line};
use super::label::simplified;
use super::place::{self, Placed};
use super::value::Read;
use crate::report::draft::{Draft, SectionText};
use crate::report::hant::simplify;
use crate::report::message::{Lang, Message};
use crate::report::template::{CellKey, SectionBody, SectionKey, Template};
use crate::report::templates;

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
    /// How the page's section layout departs from the format's, when it does.
    pub layout: Option<Message>,
}

/// Whether a section's heading was found on the page, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionRead {
    /// Which section.
    pub key: SectionKey,
    /// Its official heading.
    pub heading: &'static str,
    /// Whether the page has it.
    pub found: bool,
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
            let note = f
                .note
                .as_ref()
                .map(|n| format!(" ({})", n.get(lang)))
                .unwrap_or_default();
            line(format!(
                "{}: {}{note}",
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

/// Reads a published report page (HTML or text) into a draft with id `id`, in phases: the
/// page as lines, the section headings, the head (catalogue, title, year), the format and the
/// tables, the texts, then the draft and its report.
pub fn read_published(input: &str, id: &str) -> Recognition {
    read_lines(page_lines(input.trim_start_matches('\u{feff}')), id)
}

/// Reads a page already split into lines of cells (a page's, a Word file's) into a draft.
pub fn read_lines(page: html::PageLines, id: &str) -> Recognition {
    let flat = Flat::new(&page.lines);
    let headings = Headings::find(&flat);
    let head = Head::read(&page, &flat, headings.first());
    let region = table_region(&page.lines, &flat, &headings);
    let (template, format, mut notes) = format_of(&region, head.year);
    let placement = place::place(template, &region);
    for (printed, official) in &placement.variants {
        notes.push(Message::new(
            format!("表格中的“{printed}”是另一种格式的写法，已按本格式的“{official}”读取。"),
            format!("“{printed}” in the tables is another format's wording; read as this format's “{official}”."),
        ));
    }

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
    for (key, text) in texts(&flat, &headings, template, draft.meta.year) {
        draft.texts.insert(key, text);
    }
    clip_texts(&mut draft, &mut notes);
    let cells = cells(template, &placement.cells, &mut draft);
    // A page in Traditional characters, not a Simplified page with a 繁體版 link.
    let traditional = flat
        .original
        .iter()
        .zip(&flat.simple)
        .filter(|(a, b)| a != b)
        .count();
    if traditional >= 10 {
        notes.push(Message::new(
            "页面使用繁体字：标签已按简体识别，正文保留页面原文。",
            "The page is in Traditional characters: labels were recognised; the text is kept as printed.",
        ));
    }
    let layout = headings.layout(&flat);
    if let Some(l) = &layout {
        notes.push(l.clone());
    }
    Recognition {
        layout,
        draft,
        format,
        fields: head.report_fields(),
        sections: headings.found(),
        cells,
        unplaced: unplaced(&page.lines, &page.tables, placement),
        notes,
    }
}

/// Texts cut to what a draft takes ([`crate::report::file::MAX_TEXT_CHARS`]), each cut said:
/// a draft made from a page always opens again.
fn clip_texts(draft: &mut Draft, notes: &mut Vec<Message>) {
    use crate::report::file::MAX_TEXT_CHARS;
    let mut clip = |what: &str, text: &mut String| {
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            *text = text.chars().take(MAX_TEXT_CHARS).collect();
            notes.push(Message::new(
                format!("“{what}”有{chars}字，超过草稿能存的{MAX_TEXT_CHARS}字，只读取了前{MAX_TEXT_CHARS}字。"),
                format!("“{what}” has {chars} characters, more than a draft keeps ({MAX_TEXT_CHARS}); only the first {MAX_TEXT_CHARS} were read."),
            ));
        }
    };
    if let Some(t) = draft.opening.as_mut() {
        clip("开头段落", t);
    }
    if let Some(t) = draft.meta.title.as_mut() {
        clip("标题", t);
    }
    for (key, text) in draft.texts.iter_mut() {
        let name = key.slug();
        clip(name, &mut text.text);
        for t in text.aspects.values_mut() {
            clip(name, t);
        }
        clip(name, &mut text.fee);
    }
    for field in [
        &mut draft.meta.body,
        &mut draft.meta.index_no,
        &mut draft.meta.doc_no,
    ] {
        clip("目录信息", field);
    }
}

/// The page as lines of cells: HTML by its markup, text by its tabs and bars.
fn page_lines(input: &str) -> html::PageLines {
    if html::is_html(input) {
        return html::html_lines(input);
    }
    let lines = super::runs::split_runs(super::unwrap::unwrap(html::text_lines(input)));
    let tables = text_tables(&lines);
    html::PageLines {
        lines,
        title: String::new(),
        tables,
        pub_date: String::new(),
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
    /// The heading as printed, when it was found in other words than the official ones.
    variant: Option<String>,
}

/// A line of the page that reads as a numbered heading (一、…, 五．…, 七 …).
struct NumberedLine {
    numeral: char,
    /// Where the numeral starts and where the heading's words end, in the flat text.
    start: usize,
    end: usize,
    /// The heading's words (simplified), and as printed.
    words: String,
    printed: String,
    /// Whether 、 . or ． follows the numeral (一是… and 七个… are prose, not headings).
    separated: bool,
}

/// The key words a section's heading has in any wording reports use.
fn heading_words(key: SectionKey) -> &'static [&'static str] {
    match key {
        SectionKey::Overview => &["总体情况", "概述", "基本情况", "总体工作"],
        SectionKey::Proactive => &["主动公开"],
        SectionKey::Requests => &["依申请", "收到和处理", "申请公开", "申请情况"],
        SectionKey::Disputes => &["行政复议", "行政诉讼", "复议", "诉讼"],
        SectionKey::Problems => &["问题", "不足", "改进"],
        SectionKey::Other => &["其他", "其它", "需要报告", "需说明", "需要说明"],
    }
}

/// The lines of the page that read as numbered headings: a numeral 一…十 at the line's start,
/// then 、 . ． or nothing, and words (up to 。 or 40 characters). Table rows (tab-separated
/// cells, and 三's numbered rows such as 一、本年新收…) are not headings.
fn numbered_lines(flat: &Flat) -> Vec<NumberedLine> {
    const NUMERALS: &str = "一二三四五六七八九十";
    const ROW_HEADS: &[&str] = &[
        "本年新收",
        "上年结转",
        "本年度办理结果",
        "结转下年度",
        "总计",
    ];
    let mut out = Vec::new();
    for (n, &line_start) in flat.starts.iter().enumerate() {
        let line_end = flat.starts.get(n + 1).map_or(flat.simple.len(), |e| e - 1);
        let line = &flat.simple[line_start..line_end.max(line_start)];
        if line.contains(&'\t') || line.contains(&'|') {
            continue;
        }
        // Markdown's heading marks (## 五、…) as crawlers write them.
        let lead = line
            .iter()
            .take_while(|c| c.is_whitespace() || matches!(c, '\u{3000}' | '#' | '*'))
            .count();
        let Some(&numeral) = line.get(lead) else {
            continue;
        };
        if !NUMERALS.contains(numeral) || line.get(lead + 1).is_some_and(|c| NUMERALS.contains(*c))
        {
            continue;
        }
        let mut w = lead + 1;
        while line
            .get(w)
            .is_some_and(|c| matches!(c, '、' | '.' | '．' | ' ' | '\u{3000}' | '，'))
        {
            w += 1;
        }
        let words_end = line[w..]
            .iter()
            .position(|c| *c == '。')
            .map_or(line.len(), |p| w + p)
            .min(w + 40);
        let words: String = line[w..words_end].iter().collect();
        if words.is_empty() || ROW_HEADS.iter().any(|h| words.contains(h)) {
            continue;
        }
        let printed: String = flat.original[line_start + lead..line_start + words_end]
            .iter()
            .collect();
        out.push(NumberedLine {
            numeral,
            start: line_start + lead,
            end: line_start + words_end,
            separated: line
                .get(lead + 1)
                .is_some_and(|c| matches!(c, '、' | '.' | '．')),
            words,
            printed: printed.trim().to_string(),
        });
    }
    out
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
                variant: None,
            });
        }
        let mut headings = Headings { at };
        headings.find_variants(flat);
        headings
    }

    /// Headings in other words: each section not found by its official words is looked for,
    /// between the sections found around it, as a numbered heading line with the section's
    /// key words (五 as "…存在的主要问题及改进措施", 六 as "其他需说明事项", a seven-section
    /// layout's 七); 一 titled by its theme is the first numbered line before 二.
    fn find_variants(&mut self, flat: &Flat) {
        let lines = numbered_lines(flat);
        for i in 0..self.at.len() {
            if self.at[i].at.is_some() {
                continue;
            }
            let lower = self.at[..i]
                .iter()
                .rev()
                .find_map(|h| h.at)
                .map_or(0, |a| a.1);
            let upper = self.at[i + 1..]
                .iter()
                .find_map(|h| h.at)
                .map_or(flat.simple.len(), |a| a.0);
            let key = self.at[i].key;
            let words = heading_words(key);
            let official = self.at[i]
                .text
                .split_once('、')
                .map_or(self.at[i].text, |(_, w)| w);
            let within: Vec<&NumberedLine> = lines
                .iter()
                .filter(|l| l.start >= lower && l.start < upper)
                .filter(|l| l.separated || l.words.chars().count() <= 30)
                .collect();
            // The official words under another numeral first, then the key words.
            let hit = within
                .iter()
                .copied()
                .find(|l| l.words.starts_with(official))
                .or_else(|| {
                    within
                        .iter()
                        .copied()
                        .find(|l| words.iter().any(|w| l.words.contains(w)))
                })
                .or_else(|| {
                    // 一 titled by the body's own theme: the first numbered line 一 before 二.
                    (key == SectionKey::Overview && upper < flat.simple.len())
                        .then(|| {
                            lines
                                .iter()
                                .find(|l| l.start < upper && l.numeral == '一' && l.separated)
                        })
                        .flatten()
                });
            if let Some(l) = hit {
                self.at[i].at = Some((l.start, l.end));
                // Other words under the format's own numeral are the same heading, reworded;
                // another numeral is a layout of the body's own.
                let official = self.at[i].text.chars().next();
                if official != Some(l.numeral) {
                    self.at[i].variant = Some(l.printed.clone());
                }
            }
        }
    }

    /// How the page's layout departs from the format's six headings, when it does: the
    /// headings found in other words, and numbered headings past 六.
    fn layout(&self, flat: &Flat) -> Option<Message> {
        let variants: Vec<String> = self
            .at
            .iter()
            .filter_map(|h| h.variant.as_ref().map(|v| format!("“{v}”（{}）", h.text)))
            .collect();
        let extra = numbered_lines(flat)
            .into_iter()
            .filter(|l| l.separated && l.words.chars().count() <= 30)
            .filter(|l| "七八九十".contains(l.numeral))
            .filter(|l| self.first().is_some_and(|f| l.start > f))
            .count();
        if variants.is_empty() && extra == 0 {
            return None;
        }
        let mut zh = String::from("版式与官方格式不同：");
        let mut en = String::from("The layout departs from the official format: ");
        if !variants.is_empty() {
            zh.push_str(&format!("按位置和用词读取了{}", variants.join("、")));
            en.push_str(&format!("read by place and words: {}", variants.join(", ")));
        }
        if extra > 0 {
            if !variants.is_empty() {
                zh.push('；');
                en.push_str("; ");
            }
            zh.push_str(&format!("另有{extra}个六以后的部分，已并入前一部分"));
            en.push_str(&format!(
                "{extra} more numbered part{} after 六, read into the part before",
                if extra == 1 { "" } else { "s" }
            ));
        }
        zh.push('。');
        en.push('.');
        Some(Message::new(zh, en))
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
            let name = t.name();
            Message::new(
                format!("表格按{}读取：页面中有“{}”。", name.zh, shown.join("”“")),
                format!(
                    "Tables read in {}: the page has “{}”.",
                    name.en,
                    shown.join("”, “")
                ),
            )
        }
        None => Message::new(
            format!("表格中没有能区分格式的标签，按{}读取。", template.name().zh),
            format!(
                "No label tells the format apart; read in {}.",
                template.name().en
            ),
        ),
    };
    let mut notes = Vec::new();
    match year {
        Some(y) if !template.is_for_year(y) => notes.push(Message::new(
            format!(
                "这是{y}年度的报告，但表格是{}：按页面上的格式导入。",
                template.name().zh
            ),
            format!(
                "This report is on {y} but its tables are in {}: imported as printed.",
                template.name().en
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
    year: i32,
) -> Vec<(SectionKey, SectionText)> {
    template
        .sections
        .iter()
        .filter(|s| matches!(s.body, SectionBody::Text(_)))
        .filter_map(|section| {
            let (_, start) = headings.of(section.key)?;
            let end = headings.after(section.key).unwrap_or(flat.original.len());
            let text = section_text(flat, start, end, template, section.key, year);
            let said = !text.text.trim().is_empty() || !text.aspects.is_empty();
            (said || !text.fee.is_empty()).then_some((section.key, text))
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
    // Lookups by range, not by line: a page of nested tables has ranges as long as the page.
    let mut rejected_lines: Vec<usize> = placement.rejected.iter().map(|r| r.line).collect();
    rejected_lines.sort_unstable();
    for range in tables {
        if placement.lines_placed.range(range.clone()).next().is_some()
            || covered.range(range.clone()).next().is_some()
        {
            continue;
        }
        let rows = rejected_lines.partition_point(|l| *l < range.end)
            - rejected_lines.partition_point(|l| *l < range.start);
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
            !t.is_empty() && !chrome && !is_catalogue_line(&s) && !is_title_text(t)
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
    year: i32,
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
    if let Some(spec) = spec.and_then(|s| s.fee.as_ref()) {
        text.fee = crate::report::fee::stated(&raw).unwrap_or_default();
        // The sentence the app prints for the amount is the amount, not the text.
        if !text.fee.is_empty() {
            let ours = crate::report::export::fee_sentence(year, spec, &text.fee);
            main.retain(|p| *p != ours);
        }
    }
    text.text = main.join("\n\n");
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
                if input {
                    // Not on the page as read: unknown, which is not the unit's blank.
                    draft.unread.insert(key.to_string());
                }
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
            match &value {
                Some(v) => draft.set_cell(key, v),
                None if input => {
                    draft.unread.insert(key.to_string());
                }
                None => {}
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
