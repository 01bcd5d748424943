//! What a check finds: a broken rule or a soft check, how serious it is, exactly where it is,
//! and what is wrong in both languages. The rules (`rules`, `bindings`, `cross_year`) make
//! findings; the shell, the CLI and the import report show them.

use super::message::Message;
use super::template::{CellAt, CellKey, Rule, SectionKey, Template};
use serde::Serialize;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A published report that breaks this is wrong.
    Error,
    /// Worth a look; the user may have reasons.
    Warning,
}

/// A metadata field of the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// 年度.
    Year,
    /// 发布机构.
    Body,
    /// 公开日期.
    PubDate,
    /// 公开时间.
    PubTime,
    /// The opening paragraph.
    Opening,
}

impl Field {
    /// The field's name on the form.
    pub fn label(self) -> &'static str {
        match self {
            Field::Year => "年度",
            Field::Body => "发布机构",
            Field::PubDate => "公开日期",
            Field::PubTime => "公开时间",
            Field::Opening => "开头段落",
        }
    }
}

/// Where a cell is, in words and in keys.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellLocation {
    /// The cell's key.
    pub key: CellKey,
    /// The section the cell is in.
    pub section: SectionKey,
    /// The labels of the cell's row, outermost group first.
    pub row_path: Vec<&'static str>,
    /// The labels of the cell's column, outermost heading first.
    pub column_path: Vec<&'static str>,
}

/// Where a finding is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Location {
    /// A metadata field.
    Field {
        /// Which field.
        field: Field,
    },
    /// A whole section, or a text field of it.
    Section {
        /// Which section.
        section: SectionKey,
    },
    /// The amount a text section must state (六's information-processing fees).
    Fee {
        /// Which section.
        section: SectionKey,
    },
    /// Table cells; the first is the one to fix first.
    Cells {
        /// The cells involved.
        cells: Vec<CellLocation>,
    },
    /// Words in a text: a number that contradicts the tables, a claim, a placeholder.
    Text {
        /// The section the text is in.
        section: SectionKey,
        /// The sub-part of the section (一's 依申请公开), or `None` for its main text.
        aspect: Option<&'static str>,
        /// Where the words start, in characters from the start of the text.
        start: usize,
        /// Where they end, in characters.
        end: usize,
        /// The words as they were when checked, so that a fix applies only to them.
        found: String,
        /// What they may be replaced with, best first (the table's number, a placeholder).
        fixes: Vec<String>,
    },
}

/// One broken rule or soft check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule, by its id in the format spec (e.g. `T3-balance`).
    pub rule: Rule,
    /// Error or warning.
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// What is wrong, with the numbers.
    pub message: Message,
}

impl CellAt {
    /// The cell's place for a finding.
    pub fn location(&self, template: &Template) -> CellLocation {
        let section = template
            .section_of_table(self.table.id)
            .map(|s| s.key)
            .unwrap_or(SectionKey::Proactive);
        let mut row_path: Vec<&'static str> = self.row.ancestors.iter().map(|r| r.label).collect();
        if !self.row.row.label.is_empty() {
            row_path.push(self.row.row.label);
        }
        let mut column_path: Vec<&'static str> =
            self.column.ancestors.iter().map(|c| c.label).collect();
        column_path.push(self.column.column.label);
        CellLocation {
            key: self.key(),
            section,
            row_path,
            column_path,
        }
    }
}
