//! An area's reports, for the office that collects them: 汇总 (the units' tables summed into
//! the government's own report, [`sum`]) and 检查 (every published report of the area checked
//! at once, [`audit`]). Both start from units read from whatever the importer takes or a draft
//! file ([`UnitRead`]), and both write their tables as `.xlsx` and `.csv` ([`workbook`]).

pub mod audit;
pub mod sum;
pub mod workbook;

use super::draft::Draft;
use super::file;
use super::finding::{Field, Finding, Location, Severity};
use super::import::source::{self, Kind};
use super::import::CellStatus;
use super::message::Message;
use super::ntext::marked_sentence;
use super::rules;
use super::templates;
use serde::{Deserialize, Serialize};

/// What a unit's file was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// A nianbao draft file (.json).
    DraftFile,
    /// A saved page or its text.
    Page,
    /// A single-file saved page (.mht, .mhtml).
    SingleFilePage,
    /// A Word file (.docx).
    Word,
}

impl Source {
    /// How a listing names it.
    pub fn label(self) -> Message {
        match self {
            Source::DraftFile => Message::fixed("草稿文件", "draft file"),
            Source::Page => Message::fixed("网页", "page"),
            Source::SingleFilePage => Message::fixed("单文件网页", "single-file page"),
            Source::Word => Message::fixed("Word文件", "Word file"),
        }
    }
}

/// One finding of a unit's report, as a listing shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingRow {
    /// The rule's id (`T3-balance`, `N-text` …).
    pub rule: String,
    /// Error or warning.
    pub severity: Severity,
    /// Where it is, in words: a cell's name, a field, a section, a sentence with the words in 【】.
    pub place: String,
    /// What is wrong.
    pub message: Message,
}

/// One unit's report as read from its file: what the lists of 汇总 and 检查 show, and the
/// draft to sum or to open. Crosses from the app's worker as JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UnitRead {
    /// The file's name.
    pub file: String,
    /// What the file was, when it was read.
    pub source: Option<Source>,
    /// Why it could not be read at all; nothing below is set then.
    pub refused: Option<Message>,
    /// The report as a draft file.
    pub draft: String,
    /// Its 发布机构.
    pub body: String,
    /// Its title as printed (or the customary one), which tells whose report it is.
    pub title: String,
    /// The year it is on.
    pub year: i32,
    /// Its format's id.
    pub template: String,
    /// Its 公开日期 as the catalogue gives it (empty when not given).
    pub pub_date: String,
    /// Every finding of the rules on it.
    pub findings: Vec<FindingRow>,
    /// The cells whose printed text could not be read as a number, by name.
    pub unread: Vec<String>,
    /// How many input cells the page does not have at all (its rows were not found).
    pub missing: usize,
}

impl UnitRead {
    /// The draft, when the file was read.
    pub fn draft(&self) -> Option<Draft> {
        if self.refused.is_some() {
            return None;
        }
        file::from_file(&self.draft).ok()
    }

    /// How many of its findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// As JSON, to post from the worker.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// From the worker's JSON.
    pub fn from_json(text: &str) -> Option<UnitRead> {
        serde_json::from_str(text).ok()
    }

    fn refused(file: &str, why: Message) -> UnitRead {
        UnitRead {
            file: file.to_string(),
            refused: Some(why),
            ..UnitRead::default()
        }
    }
}

/// Each unit's draft, read once for the functions that need them all (`None`: not read).
pub fn drafts(units: &[UnitRead]) -> Vec<Option<Draft>> {
    units.iter().map(UnitRead::draft).collect()
}

/// Reads one unit's file: a draft file, or any report file the importer takes.
pub fn read_unit(name: &str, bytes: &[u8]) -> UnitRead {
    let id = format!("unit-{}", file::file_safe(name, 40));
    let text_start = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or(bytes)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    if text_start == Some(&b'{') {
        let text = String::from_utf8_lossy(bytes);
        return match file::from_file(&text) {
            Ok(draft) => of_draft(name, Source::DraftFile, draft, Vec::new(), 0),
            Err(e) => UnitRead::refused(name, e.message()),
        };
    }
    let source = match source::kind(name, bytes) {
        Kind::Word => Source::Word,
        Kind::SingleFilePage => Source::SingleFilePage,
        _ => Source::Page,
    };
    match source::read_file(name, bytes, &id) {
        Err(why) => UnitRead::refused(name, why),
        Ok(r) if !r.anything() => UnitRead::refused(
            name,
            Message::fixed(
                "没有读到年报的内容（标题、目录信息、表格都没有找到）。",
                "Nothing of an annual report was found (no title, catalogue or tables).",
            ),
        ),
        Ok(r) => {
            let unread = r
                .cells
                .iter()
                .filter(|c| c.input && matches!(c.status, CellStatus::Unreadable(_)))
                .map(|c| c.name.clone())
                .collect();
            let missing = r
                .cells
                .iter()
                .filter(|c| c.input && c.status == CellStatus::NotFound)
                .count();
            let mut blanks = blank_findings(&r);
            if let Some(layout) = &r.layout {
                blanks.push(FindingRow {
                    rule: "layout".into(),
                    severity: Severity::Warning,
                    place: String::new(),
                    message: layout.clone(),
                });
            }
            let mut unit = of_draft(name, source, r.draft, unread, missing);
            unit.findings.extend(blanks);
            unit
        }
    }
}

fn of_draft(
    name: &str,
    source: Source,
    draft: Draft,
    unread: Vec<String>,
    missing: usize,
) -> UnitRead {
    // A late 公开日期 is 检查's own column (是否按时), with the kind the office may correct.
    let findings = rules::check(&draft)
        .iter()
        .filter(|f| {
            !(f.severity == Severity::Warning
                && matches!(
                    f.location,
                    Location::Field {
                        field: Field::PubDate
                    }
                ))
        })
        .map(|f| finding_row(&draft, f))
        .collect();
    UnitRead {
        file: name.to_string(),
        source: Some(source),
        refused: None,
        body: draft.meta.body.clone(),
        title: draft.meta.title(),
        year: draft.meta.year,
        template: draft.template.clone(),
        pub_date: draft.meta.pub_date.clone(),
        findings,
        unread,
        missing,
        draft: file::to_file(&draft),
    }
}

/// `S-blank`: per table, how many cells the page printed blank, `/`, `—` or `无` (read as 0):
/// assessments count them, and a reader should know the zeros were not printed as such.
fn blank_findings(r: &super::import::Recognition) -> Vec<FindingRow> {
    let Some(template) = templates::by_id(&r.draft.template) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for section in template.sections {
        let super::template::SectionBody::Table(table) = &section.body else {
            continue;
        };
        let marks: Vec<&str> = r
            .cells
            .iter()
            .filter(|c| c.input && c.key.table == table.id && c.status == CellStatus::ZeroMark)
            .filter_map(|c| c.raw.as_deref())
            .collect();
        if marks.is_empty() {
            continue;
        }
        let n = marks.len();
        let blank = marks.iter().filter(|m| m.trim().is_empty()).count();
        let heading = section.heading;
        out.push(FindingRow {
            rule: super::template::Rule::SBlank.id().to_string(),
            severity: Severity::Warning,
            place: heading.to_string(),
            message: Message::new(
                format!(
                    "“{heading}”有{n}个单元格没有填数字（空白{blank}个，“/”“—”“无”等{}个），按0计",
                    n - blank
                ),
                format!(
                    "{n} cell{} of “{heading}” hold no figure ({blank} blank, {} “/”, “—”, “无” or the like), read as 0",
                    if n == 1 { "" } else { "s" },
                    n - blank
                ),
            ),
        });
    }
    out
}

/// A finding as a listing shows it.
pub fn finding_row(draft: &Draft, f: &Finding) -> FindingRow {
    FindingRow {
        rule: f.rule.id().to_string(),
        severity: f.severity,
        place: place(draft, f),
        message: f.message.clone(),
    }
}

impl FindingRow {
    /// What kind of check found it, in words for the person reading (the id stays in the
    /// spreadsheets' 规则 column, never in what people read).
    pub fn check(&self) -> Message {
        if let Some(rule) = super::template::Rule::ALL
            .iter()
            .find(|r| r.id() == self.rule)
        {
            let (zh, en) = rule.words();
            return Message::fixed(zh, en);
        }
        match self.rule.as_str() {
            "format" => Message::fixed("格式核对", "format"),
            "layout" => Message::fixed("版式核对", "layout"),
            _ => Message::fixed("其他", "other"),
        }
    }
}

/// Where a finding is, in words.
pub fn place(draft: &Draft, f: &Finding) -> String {
    let Some(template) = templates::by_id(&draft.template) else {
        return String::new();
    };
    match &f.location {
        Location::Cells { cells } => cells
            .first()
            .and_then(|c| {
                let heading = template.section(c.section).heading;
                let numeral = heading.split('、').next().unwrap_or(heading);
                template
                    .cell(c.key)
                    .map(|at| format!("{numeral}、{}", at.name()))
            })
            .unwrap_or_default(),
        Location::Field { field } => field.label().to_string(),
        Location::Section { section } | Location::Fee { section } => {
            template.section(*section).heading.to_string()
        }
        Location::Text { section, .. } => format!(
            "{}：{}",
            template.section(*section).heading,
            marked_sentence(draft, &f.location).unwrap_or_default()
        ),
    }
}

/// A name for comparing bodies across files: no spaces, Simplified, half-width brackets.
pub fn body_key(body: &str) -> String {
    super::import::label::norm(body)
}
