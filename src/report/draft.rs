//! The draft: everything a person has typed into one report, as plain data.
//!
//! Cells hold the text as typed, so nothing a person types is ever lost or rewritten; the
//! numbers are read from it (see `number`) whenever totals, rules or the export need them.

use super::message::Message;
use super::number::MoneyUnit;
use super::template::{Aspect, CellKey, SectionBody, SectionKey, Template, TextSpec};
use super::templates;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One report being written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// A stable id, unique among a person's drafts (given by the shell or the CLI).
    pub id: String,
    /// The id of the official format, e.g. `ogi-2021`.
    pub template: String,
    /// The catalogue header and contact details.
    pub meta: Meta,
    /// The opening paragraph as edited; `None` means the one generated from `meta`.
    pub opening: Option<String>,
    /// The text sections (一, 五, 六), by section.
    pub texts: BTreeMap<SectionKey, SectionText>,
    /// Table cells by key (`table/row/column`, a [`CellKey`] as text), as typed. Computed cells appear here only when a
    /// source stated a value for them (an imported page, another tool); the rules check those.
    pub cells: BTreeMap<String, String>,
    /// The unit picked for cells whose unit the user chooses (2019 采购总金额).
    pub units: BTreeMap<String, MoneyUnit>,
    /// Whether the page carries the format's charts (inline SVG drawn from the tables).
    pub charts: bool,
    /// Last year's report, for the cross-year checks; `None` when not linked.
    pub previous: Option<Previous>,
    /// Texts carried over from last year and not edited since (待更新), by [`text_key`].
    pub stale: BTreeSet<String>,
    /// Table sections whose blank cells the clerk confirmed as 0 by going on from the step
    /// with no error (检查并继续): such a table is complete.
    pub confirmed: BTreeSet<SectionKey>,
    /// The units' reports this draft's tables were summed from (汇总), in the order summed;
    /// empty for a report written directly.
    pub sources: Vec<UnitSource>,
    /// Input cells (as [`CellKey`] text) whose figure a page printed but the importer could not
    /// read (未能读取): unknown, not blank. The rules that need them are not run; typing a value
    /// into one makes it known.
    pub unread: BTreeSet<String>,
}

/// One unit's report a summed draft was built from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UnitSource {
    /// The unit's 发布机构.
    pub body: String,
    /// The year its report is on.
    pub year: i32,
    /// The file it was read from.
    pub file: String,
}

/// What this draft keeps of last year's report: enough to check the numbers that must agree
/// across years, even when last year's draft is only a file or has since been deleted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Previous {
    /// The id of last year's draft, to refresh this copy while it is stored.
    pub id: String,
    /// The year it reports on.
    pub year: i32,
    /// Its format.
    pub template: String,
    /// Its title, to name it.
    pub title: String,
    /// Its table cells as typed.
    pub cells: BTreeMap<String, String>,
    /// Linked from a draft file the user chose: kept as read, not replaced by a stored draft
    /// of the same id (which may be older).
    pub from_file: bool,
    /// Its cells a reader could not read from its page ([`Draft::unread`]): not compared.
    pub unread: BTreeSet<String>,
}

impl Previous {
    /// The copy of `draft` a next year's draft keeps.
    pub fn of(draft: &Draft) -> Previous {
        Previous {
            id: draft.id.clone(),
            year: draft.meta.year,
            template: draft.template.clone(),
            title: draft.meta.title(),
            cells: draft.cells.clone(),
            from_file: false,
            unread: draft.unread.clone(),
        }
    }

    /// Last year's tables as a draft, to compute its totals with the usual code.
    pub fn as_draft(&self) -> Draft {
        let mut draft = Draft::new(&self.id, templates::default_template(), self.year, "");
        draft.template = self.template.clone();
        draft.cells = self.cells.clone();
        draft.unread = self.unread.clone();
        draft
    }
}

/// The key of a text in [`Draft::stale`]: `opening`, a section (`overview`), or a sub-part of
/// one (`overview/proactive`).
pub fn text_key(section: Option<SectionKey>, aspect: Option<&str>) -> String {
    let base = match section {
        None => "opening",
        Some(key) => key.slug(),
    };
    match aspect {
        Some(a) => format!("{base}/{a}"),
        None => base.to_string(),
    }
}

/// The catalogue header, the contact details and the page metadata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    /// 年度: the year the report covers.
    pub year: i32,
    /// 发布机构: the issuing body.
    pub body: String,
    /// 标题 as edited; `None` means [`Meta::default_title`].
    pub title: Option<String>,
    /// 索引号: the catalogue index number.
    pub index_no: String,
    /// 文号: the document number, often empty.
    pub doc_no: String,
    /// 公开方式: always 主动公开 for annual reports.
    pub disclosure: String,
    /// 公开日期: `YYYY-MM-DD`, or empty.
    pub pub_date: String,
    /// 公开时间: `HH:MM`, or empty.
    pub pub_time: String,
    /// 联系地址.
    pub address: String,
    /// 邮编.
    pub postcode: String,
    /// 联系电话.
    pub phone: String,
    /// Where the electronic version can be read, e.g. a portal's name.
    pub published_at: String,
    /// The site fields of 国办发〔2017〕47号, printed as page metadata when given.
    pub site: Site,
}

/// Site fields of 《政府网站发展指引》 (国办发〔2017〕47号).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Site {
    /// SiteName: the website's name.
    pub name: String,
    /// SiteDomain: the website's domain.
    pub domain: String,
    /// SiteIDCode: the website's identification code.
    pub id_code: String,
    /// ColumnName: the column the page is published in.
    pub column: String,
}

/// What a text section holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SectionText {
    /// Free text: paragraphs separated by blank lines (in 一, the text before the sub-parts).
    pub text: String,
    /// Optional sub-parts by aspect id; an empty one is left out of the page.
    pub aspects: BTreeMap<String, String>,
    /// The fee amount in the section's unit, as typed (六 under `ogi-2021`).
    pub fee: String,
}

impl SectionText {
    /// The texts of the sub-parts `spec` has, in its order (text under unknown ids is not part
    /// of the report).
    pub fn parts<'a>(
        &'a self,
        spec: &'a TextSpec,
    ) -> impl Iterator<Item = (&'a Aspect, &'a str)> + 'a {
        spec.aspects
            .iter()
            .filter_map(|a| self.aspects.get(a.id).map(|t| (a, t.as_str())))
    }

    /// Whether the section has any text: its main text or a sub-part of `spec`.
    pub fn has_text(&self, spec: &TextSpec) -> bool {
        !self.text.trim().is_empty() || self.parts(spec).any(|(_, t)| !t.trim().is_empty())
    }
}

/// 公开方式 of every annual report.
pub const DISCLOSURE_PROACTIVE: &str = "主动公开";

impl Default for Meta {
    fn default() -> Self {
        Meta {
            year: 2025,
            body: String::new(),
            title: None,
            index_no: String::new(),
            doc_no: String::new(),
            disclosure: DISCLOSURE_PROACTIVE.to_string(),
            pub_date: String::new(),
            pub_time: String::new(),
            address: String::new(),
            postcode: String::new(),
            phone: String::new(),
            published_at: String::new(),
            site: Site::default(),
        }
    }
}

impl Default for Draft {
    fn default() -> Self {
        Draft::new("", templates::default_template(), 2025, "")
    }
}

impl Meta {
    /// The years a report can be for: the rules, the year field and the page reader agree.
    pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

    /// Reads a year as typed (full-width digits too): four digits, 1990–2100.
    pub fn read_year(text: &str) -> Result<i32, Message> {
        let year = super::number::parse(text, super::number::ValueKind::Count)
            .ok()
            .flatten()
            .and_then(|n| n.whole())
            .and_then(|n| i32::try_from(n).ok())
            .filter(|y| Self::YEARS.contains(y));
        year.ok_or_else(|| {
            Message::new(
                format!("“{}”不是年度：请填写四位数字，例如 2025；改正前，草稿保留原来的年度", text.trim()),
                format!("“{}” is not a year: type four digits, e.g. 2025; until then the draft keeps its year", text.trim()),
            )
        })
    }

    /// The customary title: `{发布机构}{年度}年政府信息公开工作年度报告`.
    pub fn default_title(&self) -> String {
        format!(
            "{}{}年政府信息公开工作年度报告",
            self.body.trim(),
            self.year
        )
    }

    /// The title to print: as edited, or the customary one.
    pub fn title(&self) -> String {
        match &self.title {
            Some(t) if !t.trim().is_empty() => t.trim().to_string(),
            _ => self.default_title(),
        }
    }

    /// PubDate as 国办发〔2017〕47号 writes it (`YYYY-MM-DD HH:MM`), when a date is given.
    pub fn pub_date_time(&self) -> Option<String> {
        let date = self.pub_date.trim();
        if date.is_empty() {
            return None;
        }
        let time = self.pub_time.trim();
        Some(format!(
            "{date} {}",
            if time.is_empty() { "00:00" } else { time }
        ))
    }

    /// 公开日期 as printed in the catalogue: the date, and the time when one is given.
    pub fn shown_date(&self) -> String {
        let (date, time) = (self.pub_date.trim(), self.pub_time.trim());
        if time.is_empty() {
            date.to_string()
        } else {
            format!("{date} {time}")
        }
    }

    /// The visible catalogue header, label and value (empty when not given), in the usual order.
    pub fn catalogue(&self) -> [(&'static str, String); 5] {
        [
            ("索引号", self.index_no.trim().to_string()),
            ("发布机构", self.body.trim().to_string()),
            ("公开方式", self.disclosure.trim().to_string()),
            ("公开日期", self.shown_date()),
            ("文号", self.doc_no.trim().to_string()),
        ]
    }

    /// Whether 公开日期 (and 公开时间, if given) are well formed, so PubDate can be written.
    pub fn pub_date_valid(&self) -> bool {
        super::calendar::is_date(self.pub_date.trim())
            && (self.pub_time.trim().is_empty() || super::calendar::is_time(self.pub_time.trim()))
    }

    /// The generated opening paragraph: legal basis, statistics period, where to read it, contacts.
    pub fn default_opening(&self) -> String {
        let year = self.year;
        let body = self.body.trim();
        let mut text = String::from(
            "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。",
        );
        if !body.is_empty() {
            text.push_str(&format!("本报告由{body}编制，"));
        } else {
            text.push_str("本报告");
        }
        text.push_str("全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。");
        text.push_str(&format!(
            "本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        ));
        let site = self.published_at.trim();
        if !site.is_empty() {
            text.push_str(&format!("本报告电子版可在{site}查阅。"));
        }
        let contacts: Vec<String> = [
            ("地址", &self.address),
            ("邮编", &self.postcode),
            ("电话", &self.phone),
        ]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}：{}", v.trim()))
        .collect();
        if !contacts.is_empty() {
            let who = if body.is_empty() { "本机关" } else { body };
            text.push_str(&format!(
                "如对本报告有疑问，请与{who}联系（{}）。",
                contacts.join("；")
            ));
        }
        text
    }
}

impl Draft {
    /// A new, empty draft of `template` for `year` by `body`.
    pub fn new(id: &str, template: &Template, year: i32, body: &str) -> Draft {
        let texts = template
            .sections
            .iter()
            .filter(|s| matches!(s.body, SectionBody::Text(_)))
            .map(|s| (s.key, SectionText::default()))
            .collect();
        Draft {
            id: id.to_string(),
            template: template.id.to_string(),
            meta: Meta {
                year,
                body: body.to_string(),
                ..Meta::default()
            },
            opening: None,
            texts,
            cells: BTreeMap::new(),
            units: BTreeMap::new(),
            charts: false,
            previous: None,
            stale: BTreeSet::new(),
            confirmed: BTreeSet::new(),
            sources: Vec::new(),
            unread: BTreeSet::new(),
        }
    }

    /// The draft's format, if this build knows it.
    pub fn template(&self) -> Option<&'static Template> {
        templates::by_id(&self.template)
    }

    /// The opening paragraph to print: as edited, or generated from the metadata.
    pub fn opening(&self) -> String {
        match &self.opening {
            Some(t) => t.clone(),
            None => self.meta.default_opening(),
        }
    }

    /// The text of a section (empty when the draft has none).
    pub fn text(&self, key: SectionKey) -> SectionText {
        self.texts.get(&key).cloned().unwrap_or_default()
    }

    /// A section's main text (`aspect` `None`) or one of its sub-parts (empty when there is none).
    pub fn text_part(&self, section: SectionKey, aspect: Option<&str>) -> &str {
        let Some(t) = self.texts.get(&section) else {
            return "";
        };
        match aspect {
            None => &t.text,
            Some(a) => t.aspects.get(a).map_or("", String::as_str),
        }
    }

    /// Sets a section's main text (`aspect` `None`) or one of its sub-parts; an edited text is
    /// no longer 待更新.
    pub fn set_text(&mut self, section: SectionKey, aspect: Option<&str>, text: String) {
        let t = self.texts.entry(section).or_default();
        match aspect {
            None => t.text = text,
            Some(a) => {
                t.aspects.insert(a.to_string(), text);
            }
        }
        self.stale.remove(&text_key(Some(section), aspect));
    }

    /// Sets the opening paragraph (`None`: the generated one); an edited text is no longer 待更新.
    pub fn set_opening(&mut self, text: Option<String>) {
        self.opening = text;
        self.stale.remove(&text_key(None, None));
    }

    /// Marks a text as looked at this year, edited or not (no longer 待更新).
    pub fn mark_updated(&mut self, section: Option<SectionKey>, aspect: Option<&str>) {
        self.stale.remove(&text_key(section, aspect));
    }

    /// Whether any text of a section (its main text or a sub-part) is still 待更新.
    pub fn stale_in(&self, section: SectionKey) -> bool {
        let base = text_key(Some(section), None);
        self.stale
            .iter()
            .any(|k| *k == base || k.strip_prefix(&base).is_some_and(|r| r.starts_with('/')))
    }

    /// Whether a text still holds last year's words, unedited (待更新).
    pub fn is_stale(&self, section: Option<SectionKey>, aspect: Option<&str>) -> bool {
        self.stale.contains(&text_key(section, aspect))
    }

    /// The text typed into a cell (empty when blank).
    pub fn cell(&self, key: CellKey) -> &str {
        self.cells
            .get(key.to_string().as_str())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Sets a cell's text; an empty text clears the cell. Either way the cell is known now.
    pub fn set_cell(&mut self, key: CellKey, text: &str) {
        if !self.unread.is_empty() {
            self.unread.remove(key.to_string().as_str());
        }
        if text.is_empty() {
            self.cells.remove(key.to_string().as_str());
        } else {
            self.cells.insert(key.to_string(), text.to_string());
        }
    }

    /// Types 0 into every blank input cell of a table: the clerk confirms that blank means none.
    /// Returns how many cells were filled.
    pub fn fill_blanks(&mut self, template: &Template, table: &str) -> usize {
        let blanks: Vec<CellKey> = template
            .table(table)
            .into_iter()
            .flat_map(|t| t.cells())
            .filter(|c| {
                c.is_input() && self.cell(c.key()).trim().is_empty() && !self.is_unread(c.key())
            })
            .map(|c| c.key())
            .collect();
        for key in &blanks {
            self.set_cell(*key, "0");
        }
        blanks.len()
    }

    /// Whether the cell's figure is unknown: printed on the page it came from, but not read.
    pub fn is_unread(&self, key: CellKey) -> bool {
        !self.unread.is_empty() && self.unread.contains(key.to_string().as_str())
    }

    /// Picks the unit of a cell whose unit the user chooses.
    pub fn set_unit(&mut self, key: CellKey, unit: MoneyUnit) {
        self.units.insert(key.to_string(), unit);
    }

    /// Records that the blank cells of a table section mean 0, as the clerk confirmed.
    pub fn confirm_blanks(&mut self, section: SectionKey) {
        self.confirmed.insert(section);
    }

    /// The unit picked for a cell whose unit the user chooses.
    pub fn unit(&self, key: CellKey) -> MoneyUnit {
        self.units
            .get(key.to_string().as_str())
            .copied()
            .unwrap_or_default()
    }
}

/// How many characters a text has, not counting white space (what a clerk means by 字数).
pub fn char_count(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// `text` with `insert` put in place of what lies between `start` and `end` (UTF-16 offsets, as
/// a text area's caret and selection are given; out of range or inside a character, clamped to
/// the nearest character boundary before it), and the caret just after the insertion (UTF-16).
pub fn splice_at_caret(text: &str, start: u32, end: u32, insert: &str) -> (String, u32) {
    let byte_at = |utf16: u32| {
        let mut seen = 0u32;
        for (i, c) in text.char_indices() {
            if seen + c.len_utf16() as u32 > utf16 {
                return i;
            }
            seen += c.len_utf16() as u32;
        }
        text.len()
    };
    let (a, b) = (byte_at(start.min(end)), byte_at(start.max(end)));
    let mut out = String::with_capacity(text.len() + insert.len());
    out.push_str(&text[..a]);
    out.push_str(insert);
    let caret = out.encode_utf16().count() as u32;
    out.push_str(&text[b..]);
    (out, caret)
}
