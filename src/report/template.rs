//! The official report formats, described as data.
//!
//! One [`Template`] drives the wizard, the table editor, the rules and the exporter, so a new
//! format version is new data (see `templates/`), never a new code path.

use super::message::Message;
use super::number::ValueKind;
use serde::{Deserialize, Serialize};

/// One official format of the report, e.g. `ogi-2021`.
#[derive(Debug)]
pub struct Template {
    /// The stable id written into draft files.
    pub id: &'static str,
    /// The notice that issued the format, e.g. 国办公开办函〔2021〕30号.
    pub issued_with: &'static str,
    /// A one-line explanation of when to use the format.
    pub summary: Message,
    /// The six sections, in order.
    pub sections: &'static [Section],
    /// Numbers the text may quote from the tables (data phrases and the N-text check).
    pub bindings: &'static [Binding],
    /// Rates the text may print (办结率).
    pub rates: &'static [Rate],
    /// The other words of the text check.
    pub text_words: &'static TextWords,
    /// The customary sentences with their numbers bound to the tables, offered in text sections.
    pub data_phrases: &'static [DataPhrase],
    /// The charts the page can carry, drawn from the tables.
    pub charts: &'static [Chart],
    /// The chart comparing this year with last year, drawn when last year's report is linked.
    pub year_over_year: Option<Chart>,
    /// The report years the format is for: the first, and the last if it was replaced.
    pub years: (i32, Option<i32>),
    /// What links a report in this format to last year's (carried cells, cross-year checks).
    pub links: &'static [YearLink],
    /// Labels real tables in this format print for an official row (another format's wording),
    /// which the importer reads as that row and says so.
    pub label_variants: &'static [LabelVariant],
}

/// A row label printed in a table of this format that is another format's wording for the
/// same row (the 2019 label 规范性文件 in a 2021-format table of 二).
#[derive(Debug)]
pub struct LabelVariant {
    /// The table the row is in.
    pub table: &'static str,
    /// The label as printed.
    pub printed: &'static str,
    /// The official row it stands for.
    pub row: &'static str,
}

/// A consistency rule of the format spec (`../shared/spec/report-format.md`), by its id there:
/// the one list of rule ids, which `docs/glossary.md` explains (a test holds the two together).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Rule {
    /// Values of their kind; a well-formed year and dates.
    #[serde(rename = "range")]
    Range,
    /// 三: the 总计 column equals the six applicant columns.
    #[serde(rename = "T3-total")]
    T3Total,
    /// 三: （七）总计 equals the leaf rows of 三、本年度办理结果.
    #[serde(rename = "T3-sum")]
    T3Sum,
    /// 三: 一 + 二 = （七）总计 + 四, per column.
    #[serde(rename = "T3-balance")]
    T3Balance,
    /// 四: each block's 总计 equals its four results.
    #[serde(rename = "T4-total")]
    T4Total,
    /// This year's 二、上年结转 equals last year's 四、结转下年度继续办理 (warning).
    #[serde(rename = "X-carry")]
    XCarry,
    /// 现行有效件数 follows from last year's (warning).
    #[serde(rename = "X-valid")]
    XValid,
    /// A number in the text agrees with the tables (warning).
    #[serde(rename = "N-text")]
    NText,
    /// Every section has content; 六 states the fee (warning).
    #[serde(rename = "S-required")]
    SRequired,
    /// A text carried over from last year is still to update (warning).
    #[serde(rename = "S-stale")]
    SStale,
    /// Cells a reader could not read from the page: the rules that need them were not run (warning).
    #[serde(rename = "S-unread")]
    SUnread,
    /// Cells printed blank, `/`, `—` or `无`, counted per table (warning).
    #[serde(rename = "S-blank")]
    SBlank,
    /// A count far beyond what its table plausibly holds for one body (warning).
    #[serde(rename = "S-scale")]
    SScale,
}

impl Rule {
    /// Every rule, in the order of the format spec.
    pub const ALL: [Rule; 13] = [
        Rule::T3Total,
        Rule::T3Sum,
        Rule::T3Balance,
        Rule::T4Total,
        Rule::Range,
        Rule::XCarry,
        Rule::XValid,
        Rule::NText,
        Rule::SRequired,
        Rule::SStale,
        Rule::SUnread,
        Rule::SBlank,
        Rule::SScale,
    ];

    /// The rule's id, as the format spec and the glossary write it.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Range => "range",
            Rule::T3Total => "T3-total",
            Rule::T3Sum => "T3-sum",
            Rule::T3Balance => "T3-balance",
            Rule::T4Total => "T4-total",
            Rule::XCarry => "X-carry",
            Rule::XValid => "X-valid",
            Rule::NText => "N-text",
            Rule::SRequired => "S-required",
            Rule::SStale => "S-stale",
            Rule::SUnread => "S-unread",
            Rule::SBlank => "S-blank",
            Rule::SScale => "S-scale",
        }
    }
}

impl Rule {
    /// What the rule checks, in words for the person reading a finding (Chinese, English):
    /// people read these, never the ids.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Rule::Range => ("数值格式检查", "value check"),
            Rule::T3Total => ("行合计（总计列）核对", "row totals (总计 column)"),
            Rule::T3Sum => ("（七）总计核对", "（七）总计 totals"),
            Rule::T3Balance => ("勾稽关系核对", "balance check (一+二 = 总计+四)"),
            Rule::T4Total => ("复议、诉讼总计核对", "review and suit totals"),
            Rule::XCarry => ("上年结转核对", "carry-over from last year"),
            Rule::XValid => ("现行有效件数核对", "documents in force against last year"),
            Rule::NText => (
                "正文数字与表格核对",
                "figures in the text against the tables",
            ),
            Rule::SRequired => ("必填内容检查", "required content"),
            Rule::SStale => ("沿用上年文字检查", "text carried from last year"),
            Rule::SUnread => ("未能读取的单元格", "cells not read"),
            Rule::SBlank => ("空白或“/”单元格", "cells printed blank or “/”"),
            Rule::SScale => ("数字规模核对", "figures out of scale"),
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// A number that must agree across two consecutive years' reports.
#[derive(Debug)]
pub enum YearLink {
    /// This year's `to` row equals last year's `from` row, per input column; the next year's
    /// draft starts with it filled in (X-carry: 二、上年结转 ← 四、结转下年度继续办理).
    Carry {
        /// The rule.
        rule: Rule,
        /// The table both rows are in.
        table: &'static str,
        /// Last year's row.
        from: &'static str,
        /// This year's row.
        to: &'static str,
    },
    /// A stock column: this year's stock ≈ last year's stock + this year's additions − this
    /// year's removals, per row (X-valid: 现行有效件数).
    Stock {
        /// The rule.
        rule: Rule,
        /// The table.
        table: &'static str,
        /// The rows the stock is kept for.
        rows: &'static [&'static str],
        /// The stock column.
        stock: &'static str,
        /// The column added to it.
        added: &'static str,
        /// The column taken from it.
        removed: &'static str,
    },
}

/// A bar chart drawn from table cells; the table stays the source of truth.
#[derive(Debug)]
pub struct Chart {
    /// The chart's title.
    pub title: &'static str,
    /// The section whose table it illustrates (the chart is printed after that table).
    pub section: SectionKey,
    /// The bars, top to bottom.
    pub bars: &'static [Bar],
}

/// One bar: a label and the cells whose sum it shows.
#[derive(Debug)]
pub struct Bar {
    /// The bar's label.
    pub label: &'static str,
    /// The cells added up.
    pub cells: &'static [CellKey],
}

/// A table number the text may quote: a placeholder `{{token}}` the export fills in, and the
/// phrases that name it in a sentence, so that rule N-text knows which number a hand-typed one
/// must equal (`予以公开及部分公开42件` quotes （一） + （二）).
#[derive(Debug)]
pub struct Binding {
    /// The placeholder's name, e.g. 办结申请 for `{{办结申请}}`.
    pub token: &'static str,
    /// The cells whose sum it is; `{{token}}` prints this sum.
    pub cells: &'static [CellKey],
    /// Other sums the same words may mean (共收到 … X件 may count 上年结转 too): a number equal
    /// to any of them is right.
    pub or: &'static [&'static [CellKey]],
    /// The phrases that name it; where two end as near before a number, the longer wins.
    pub phrases: &'static [&'static str],
    /// Words one of which must name the row in the sentence before the number (现行有效 … of
    /// 规章, or of 行政规范性文件); empty: none needed.
    pub context: &'static [&'static str],
    /// Whether its phrases name what is counted (行政复议, 自然人) rather than what was done
    /// (办结): in `办结行政复议案件4件` the thing counted decides.
    pub subject: bool,
    /// Whether what it counts depends on the row a sentence names first (`在已办结的申请中，
    /// 自然人…X件` counts 自然人 of （七）, not of 一): checked only when the sentence names no
    /// other row of its table before it.
    pub scoped: bool,
    /// The whole it is a part of, which a share printed after it (`占比X%`) is taken of.
    pub whole: &'static [CellKey],
    /// For a count of cases, the cells that are not 结果维持: a sentence saying every case was
    /// upheld (均获维持) is wrong when any of them is not 0.
    pub not_upheld: &'static [CellKey],
    /// How a message names a sum of many cells (the cells and their values follow).
    pub label: &'static str,
}

/// A rate a text may print (办结率X%): its numerator's cells over its denominator's.
#[derive(Debug)]
pub struct Rate {
    /// The words that name it, printed right before the percentage.
    pub phrases: &'static [&'static str],
    /// The cells added up above the line.
    pub numerator: &'static [CellKey],
    /// The cells added up below it.
    pub denominator: &'static [CellKey],
}

/// A customary sentence with its numbers bound to the tables, which the text step inserts.
#[derive(Debug)]
pub struct DataPhrase {
    /// The button's words.
    pub label: Message,
    /// The sentence, with `{{token}}` placeholders.
    pub text: &'static str,
}

/// The words of the text check that are not a binding's own. Template data, as the bindings
/// are: what may stand between a phrase and its number, what narrows a phrase to a part, what
/// denies, what claims every case was upheld, and how shares are printed.
#[derive(Debug)]
pub struct TextWords {
    /// The units of the counts the tables hold (件, 起).
    pub units: &'static [&'static str],
    /// Words that may stand between a phrase and its number (申请, 案件, 共 …).
    pub between: &'static [&'static str],
    /// Words that, before a phrase in its clause, make it mean a part or another year (通过,
    /// 按时, 上年 …): the number is not checked.
    pub qualifiers: &'static [&'static str],
    /// Words that, before a phrase in its clause, show the count or rate is of something else
    /// (建议, 提案, 信访 …): it is not checked.
    pub elsewhere: &'static [&'static str],
    /// Words that give a reason (因): before a phrase they may narrow it to one of its rows.
    pub reasons: &'static [&'static str],
    /// Words that widen a reason back to every row (等原因) or name the report's own subject.
    pub any_reason: &'static [&'static str],
    /// A clause with one of these pairs its numbers with its phrases in order (分别): not checked.
    pub respective: &'static [&'static str],
    /// Words that, right after a count, open what it includes (（含上年结转5件）).
    pub includes: &'static [&'static str],
    /// Words that deny what follows (无, 未发生 …).
    pub denials: &'static [&'static str],
    /// Words that may stand between a denial and its phrase (因政府信息公开引起的 …).
    pub denied_between: &'static [&'static str],
    /// Words that may close a denied phrase's clause (案件, 的情况 …).
    pub denied_after: &'static [&'static str],
    /// Words that join phrases named together (和, 及, 、).
    pub connectors: &'static [&'static str],
    /// Words that claim every case of the kinds named before them was upheld (均获维持 …).
    pub all_upheld: &'static [&'static str],
    /// Words that exempt some cases from such a claim (其余, 除 …): the claim is not checked.
    pub except: &'static [&'static str],
    /// Words that open a share printed after a count (占比, 占).
    pub share: &'static [&'static str],
}

/// Which of the six sections a section is; the same six in every format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKey {
    /// 一、总体情况
    Overview,
    /// 二、主动公开政府信息情况
    Proactive,
    /// 三、收到和处理政府信息公开申请情况
    Requests,
    /// 四、政府信息公开行政复议、行政诉讼情况
    Disputes,
    /// 五、存在的主要问题及改进情况
    Problems,
    /// 六、其他需要报告的事项
    Other,
}

impl SectionKey {
    /// Every section, in the order of the report.
    pub const ALL: [SectionKey; 6] = [
        SectionKey::Overview,
        SectionKey::Proactive,
        SectionKey::Requests,
        SectionKey::Disputes,
        SectionKey::Problems,
        SectionKey::Other,
    ];

    /// The section's one name in URLs, stored keys (a draft's `stale` texts) and draft files:
    /// the same as its serde name, so that renaming one never orphans the other.
    pub fn slug(self) -> &'static str {
        match self {
            SectionKey::Overview => "overview",
            SectionKey::Proactive => "proactive",
            SectionKey::Requests => "requests",
            SectionKey::Disputes => "disputes",
            SectionKey::Problems => "problems",
            SectionKey::Other => "other",
        }
    }

    /// The section with this slug.
    pub fn from_slug(slug: &str) -> Option<SectionKey> {
        SectionKey::ALL.into_iter().find(|k| k.slug() == slug)
    }
}

/// One numbered section of the report.
#[derive(Debug)]
pub struct Section {
    /// Which section this is.
    pub key: SectionKey,
    /// The official heading, numeral included, e.g. 一、总体情况.
    pub heading: &'static str,
    /// What the section holds.
    pub body: SectionBody,
    /// What the official notice asks the section to contain.
    pub guidance: Message,
}

/// What a section holds: free text or a fixed table.
#[derive(Debug)]
pub enum SectionBody {
    /// Paragraphs, possibly in named sub-parts, possibly with a fee amount.
    Text(TextSpec),
    /// A fixed table.
    Table(&'static Table),
}

/// The shape of a text section.
#[derive(Debug)]
pub struct TextSpec {
    /// Optional sub-parts, each printed under its own sub-heading when filled in.
    pub aspects: &'static [Aspect],
    /// A fee amount the section must state, if the format asks for one.
    pub fee: Option<FeeSpec>,
}

/// An optional sub-part of a text section, e.g. （一）主动公开 in section 一.
#[derive(Debug)]
pub struct Aspect {
    /// The stable id written into draft files.
    pub id: &'static str,
    /// The official wording, without its numeral.
    pub label: &'static str,
}

/// A money amount a text section must state (section 六's information-processing fees).
#[derive(Debug)]
pub struct FeeSpec {
    /// What is being stated.
    pub label: &'static str,
    /// The unit the amount is typed in.
    pub unit: &'static str,
}

/// A fixed table: one or more blocks, each with its own header and rows.
#[derive(Debug)]
pub struct Table {
    /// The stable id used in cell keys, e.g. `t3`.
    pub id: &'static str,
    /// The table's caption: the section heading without its numeral.
    pub caption: &'static str,
    /// The blocks; table 二 has several, tables 三 and 四 one.
    pub blocks: &'static [Block],
    /// The largest figure a count of this table plausibly is for any one body (rule `S-scale`
    /// asks to check one beyond it: numbers typed together, 356⏎128 read as 356128).
    pub scale: i64,
}

/// A block of a table: a caption row, a header tree and a row tree.
#[derive(Debug)]
pub struct Block {
    /// The block's caption (e.g. 第二十条第（一）项), if it has one.
    pub caption: Option<&'static str>,
    /// What stands above the row labels.
    pub corner: Corner,
    /// The header tree; leaves are value columns.
    pub columns: &'static [Column],
    /// The row tree; leaves are data rows.
    pub rows: &'static [Row],
    /// Column-wise balances the block's numbers must satisfy.
    pub balances: &'static [Balance],
}

/// What stands in the top-left corner, above the row labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corner {
    /// The block has no row labels (table 四).
    NoRowLabels,
    /// A header for the label column, e.g. 信息内容.
    Heading(&'static str),
    /// An official note spanning the label columns and header rows (table 三).
    Note(&'static str),
}

/// A node of a header tree.
#[derive(Debug)]
pub struct Column {
    /// The stable id used in cell keys; unique within a table.
    pub id: &'static str,
    /// The official label.
    pub label: &'static str,
    /// What the column holds.
    pub kind: ColumnKind,
    /// Sub-columns (only for [`ColumnKind::Group`]).
    pub children: &'static [Column],
}

/// What a header node stands for.
#[derive(Debug)]
pub enum ColumnKind {
    /// A heading over sub-columns, with no numbers of its own.
    Group,
    /// Values typed in by the user.
    Value(ValueKind),
    /// A total computed from other columns of the same row.
    Total(Sum),
}

/// A node of a row tree.
#[derive(Debug)]
pub struct Row {
    /// The stable id used in cell keys; unique within a table.
    pub id: &'static str,
    /// The official label, numeral included.
    pub label: &'static str,
    /// What the row holds.
    pub kind: RowKind,
    /// Sub-rows (only for [`RowKind::Group`]).
    pub children: &'static [Row],
}

/// What a row stands for.
#[derive(Debug)]
pub enum RowKind {
    /// A heading over sub-rows, with no numbers of its own.
    Group,
    /// Values typed in by the user.
    Input,
    /// A total computed from other rows of the same column.
    Total(Sum),
}

/// A computed total and the rule that checks a total stated by someone else.
#[derive(Debug)]
pub struct Sum {
    /// The ids of the columns (or rows) added up.
    pub of: &'static [&'static str],
    /// The rule, e.g. [`Rule::T3Total`].
    pub rule: Rule,
}

/// A column-wise equation between rows: the sum of `left` equals the sum of `right`.
#[derive(Debug)]
pub struct Balance {
    /// The rule, e.g. [`Rule::T3Balance`].
    pub rule: Rule,
    /// Row ids on the left-hand side.
    pub left: &'static [&'static str],
    /// Row ids on the right-hand side.
    pub right: &'static [&'static str],
}

/// A data row with the labels of the groups above it.
#[derive(Clone, Debug)]
pub struct RowAt {
    /// The row itself.
    pub row: &'static Row,
    /// Its ancestors, outermost first.
    pub ancestors: Vec<&'static Row>,
}

/// A value column with the headings above it.
#[derive(Clone, Debug)]
pub struct ColumnAt {
    /// The column itself.
    pub column: &'static Column,
    /// Its ancestors, outermost first.
    pub ancestors: Vec<&'static Column>,
}

impl Template {
    /// The format's name as a clerk reads it: 2021年格式（国办公开办函〔2021〕30号）, never its id.
    pub fn name(&self) -> Message {
        Message::new(
            format!("{}年格式（{}）", self.years.0, self.issued_with),
            format!("the {} format ({})", self.years.0, self.issued_with),
        )
    }

    /// Whether the format is the one for reports on `year`.
    pub fn is_for_year(&self, year: i32) -> bool {
        year >= self.years.0 && self.years.1.is_none_or(|last| year <= last)
    }

    /// The section with this key.
    pub fn section(&self, key: SectionKey) -> &'static Section {
        // Every template lists all six keys; the tests check it.
        self.sections
            .iter()
            .find(|s| s.key == key)
            .unwrap_or(&self.sections[0])
    }

    /// The fixed tables, in section order.
    pub fn tables(&self) -> impl Iterator<Item = &'static Table> + '_ {
        self.sections.iter().filter_map(|s| match s.body {
            SectionBody::Table(t) => Some(t),
            SectionBody::Text(_) => None,
        })
    }

    /// The table with this id.
    pub fn table(&self, id: &str) -> Option<&'static Table> {
        self.tables().find(|t| t.id == id)
    }

    /// The cells a [`YearLink::Carry`] joins: each input cell of this format's `to` row in
    /// `table`, with the cell of the same column in `last` format's `from` row (`None` when
    /// last year's format has no such cell). Carrying over and the X-carry check both use it.
    pub fn carry_pairs(
        &self,
        last: &Template,
        table: &str,
        from: &str,
        to: &str,
    ) -> Vec<(CellAt, Option<CellAt>)> {
        let then_row = last.row_cells(table, from);
        self.row_cells(table, to)
            .into_iter()
            .filter(CellAt::is_input)
            .map(|cell| {
                let column = cell.column.column.id;
                let then = then_row
                    .iter()
                    .find(|c| c.column.column.id == column)
                    .cloned();
                (cell, then)
            })
            .collect()
    }

    /// The cells of one row of a table, in column order (empty when the format has no such
    /// row); cheaper than searching every cell when only one row is needed.
    pub fn row_cells(&self, table: &str, row: &str) -> Vec<CellAt> {
        let Some(t) = self.table(table) else {
            return Vec::new();
        };
        t.blocks
            .iter()
            .find_map(|block| {
                let at = block.data_rows().into_iter().find(|r| r.row.id == row)?;
                Some(
                    block
                        .value_columns()
                        .into_iter()
                        .map(|column| CellAt {
                            table: t,
                            block,
                            row: at.clone(),
                            column,
                        })
                        .collect(),
                )
            })
            .unwrap_or_default()
    }

    /// The section a table belongs to.
    pub fn section_of_table(&self, table: &str) -> Option<&'static Section> {
        self.sections
            .iter()
            .find(|s| matches!(s.body, SectionBody::Table(t) if t.id == table))
    }

    /// The text spec of a text section.
    pub fn text_spec(&self, key: SectionKey) -> Option<&'static TextSpec> {
        match &self.section(key).body {
            SectionBody::Text(spec) => Some(spec),
            SectionBody::Table(_) => None,
        }
    }

    /// Every cell of every table, in reading order.
    pub fn cells(&self) -> impl Iterator<Item = CellAt> + '_ {
        self.tables().flat_map(Table::cells)
    }

    /// Every cell the user types into.
    pub fn input_cells(&self) -> impl Iterator<Item = CellAt> + '_ {
        self.cells().filter(CellAt::is_input)
    }

    /// The cell with this key, if the format has it.
    pub fn cell(&self, key: CellKey) -> Option<CellAt> {
        self.table(key.table)?
            .cells()
            .find(|c| c.row.row.id == key.row && c.column.column.id == key.column)
    }

    /// The key of the cell a draft file names `table/row/column`, if the format has it.
    pub fn cell_key(&self, text: &str) -> Option<CellKey> {
        let mut parts = text.split('/');
        let (table, row, column) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        self.table(table)?
            .cells()
            .find(|c| c.row.row.id == row && c.column.column.id == column)
            .map(|c| c.key())
    }
}

impl Table {
    /// Every cell, block by block, row by row.
    pub fn cells(&'static self) -> impl Iterator<Item = CellAt> {
        self.blocks.iter().flat_map(move |block| {
            let columns = block.value_columns();
            block.data_rows().into_iter().flat_map(move |row| {
                columns.clone().into_iter().map(move |column| CellAt {
                    table: self,
                    block,
                    row: row.clone(),
                    column,
                })
            })
        })
    }
}

impl Block {
    /// The leaves of the row tree, in order.
    pub fn data_rows(&'static self) -> Vec<RowAt> {
        fn walk(rows: &'static [Row], path: &mut Vec<&'static Row>, out: &mut Vec<RowAt>) {
            for row in rows {
                if let RowKind::Group = row.kind {
                    path.push(row);
                    walk(row.children, path, out);
                    path.pop();
                } else {
                    out.push(RowAt {
                        row,
                        ancestors: path.clone(),
                    });
                }
            }
        }
        let mut out = Vec::new();
        walk(self.rows, &mut Vec::new(), &mut out);
        out
    }

    /// The leaves of the header tree, in order.
    pub fn value_columns(&'static self) -> Vec<ColumnAt> {
        fn walk(cols: &'static [Column], path: &mut Vec<&'static Column>, out: &mut Vec<ColumnAt>) {
            for column in cols {
                if let ColumnKind::Group = column.kind {
                    path.push(column);
                    walk(column.children, path, out);
                    path.pop();
                } else {
                    out.push(ColumnAt {
                        column,
                        ancestors: path.clone(),
                    });
                }
            }
        }
        let mut out = Vec::new();
        walk(self.columns, &mut Vec::new(), &mut out);
        out
    }

    /// How many levels the header tree has.
    pub fn header_depth(&self) -> usize {
        fn depth(cols: &[Column]) -> usize {
            cols.iter()
                .map(|c| 1 + depth(c.children))
                .max()
                .unwrap_or(0)
        }
        depth(self.columns)
    }

    /// How many label columns the row tree needs (0 when the block has no row labels).
    pub fn label_depth(&self) -> usize {
        fn depth(rows: &[Row]) -> usize {
            rows.iter()
                .map(|r| 1 + depth(r.children))
                .max()
                .unwrap_or(0)
        }
        match self.corner {
            Corner::NoRowLabels => 0,
            _ => depth(self.rows),
        }
    }
}

/// Where a cell is: its table, row and column ids, as a template names them. A draft file and
/// storage write it as `table/row/column` (its `Display`); [`Template::cell_key`] reads that
/// text back against a format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellKey {
    /// The table's id, e.g. `t3`.
    pub table: &'static str,
    /// The data row's id, e.g. `new`.
    pub row: &'static str,
    /// The value column's id, e.g. `natural`.
    pub column: &'static str,
}

impl CellKey {
    /// The key of the cell at `row` and `column` of `table`.
    pub const fn new(table: &'static str, row: &'static str, column: &'static str) -> CellKey {
        CellKey { table, row, column }
    }
}

impl std::fmt::Display for CellKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}/{}", self.table, self.row, self.column)
    }
}

impl Serialize for CellKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One cell of a table, with everything needed to name and place it.
#[derive(Clone, Debug)]
pub struct CellAt {
    /// The table.
    pub table: &'static Table,
    /// The block within the table.
    pub block: &'static Block,
    /// The data row.
    pub row: RowAt,
    /// The value column.
    pub column: ColumnAt,
}

impl CellAt {
    /// The cell's key.
    pub fn key(&self) -> CellKey {
        CellKey::new(self.table.id, self.row.row.id, self.column.column.id)
    }

    /// Whether the user types into this cell (neither of its row nor its column is a total).
    pub fn is_input(&self) -> bool {
        self.value_kind().is_some()
    }

    /// The kind of value typed into the cell, or `None` for a computed cell.
    pub fn value_kind(&self) -> Option<ValueKind> {
        match (&self.row.row.kind, &self.column.column.kind) {
            (RowKind::Input, ColumnKind::Value(kind)) => Some(*kind),
            _ => None,
        }
    }

    /// The row's name as a person reads it: the row label, after its group's label when the row
    /// is nested two levels deep (e.g. （三）不予公开 1.属于国家秘密).
    pub fn row_name(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if self.row.ancestors.len() >= 2 {
            parts.extend(self.row.ancestors.iter().skip(1).map(|r| r.label));
        }
        if !self.row.row.label.is_empty() {
            parts.push(self.row.row.label);
        }
        parts.join(" ")
    }

    /// The column's name as a person reads it: its label after the headings above it, leaving
    /// out a heading that covers the whole block (申请人情况).
    pub fn column_name(&self) -> String {
        let all = self.block.value_columns().len();
        let mut parts: Vec<&str> = self
            .column
            .ancestors
            .iter()
            .filter(|a| count_leaves(a) < all)
            .map(|a| a.label)
            .collect();
        parts.push(self.column.column.label);
        parts.join(" ")
    }

    /// How a message quoting several cells names one: its own row label (without the note some
    /// labels end with), and its column where the row has several (`（一）予以公开`,
    /// `一、本年新收政府信息公开申请数量 自然人`, `行政复议 结果纠正`).
    pub fn short_name(&self) -> String {
        let row = self.row.row.label;
        let row = match row.rfind('（') {
            Some(at) if at > 0 && row.ends_with('）') => &row[..at],
            _ => row,
        };
        let column = self.column.column.label;
        if row.is_empty() {
            match self.column.ancestors.last() {
                Some(heading) => format!("{} {column}", heading.label),
                None => column.to_string(),
            }
        } else if matches!(self.column.column.kind, ColumnKind::Total(_)) {
            row.to_string()
        } else {
            format!("{row} {column}")
        }
    }

    /// The cell's accessible name: row name, then column name.
    pub fn name(&self) -> String {
        let row = self.row_name();
        if row.is_empty() {
            self.column_name()
        } else {
            format!("{row} {}", self.column_name())
        }
    }
}

fn count_leaves(column: &Column) -> usize {
    if column.children.is_empty() {
        1
    } else {
        column.children.iter().map(count_leaves).sum()
    }
}
