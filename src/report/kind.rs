//! Whose report it is — a government's own, due 31 March, or a department's, due 31 January
//! (条例 art. 49–50) — told from its title first and its publisher second. The rules use it
//! for a 公开日期 past the deadline, 检查 for 是否按时.

use super::draft::Meta;
use super::message::Message;
use serde::{Deserialize, Serialize};

/// Whose report it is, which sets when it is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A department's (or a township's office's): due 31 January.
    Department,
    /// A government's own report, compiled for the whole government: due 31 March.
    Government,
}

impl Kind {
    /// What the body's name says it is: a 人民政府 or a 管委会 is a government; an office,
    /// bureau, commission, centre … is a department. `None` when the name does not tell.
    pub fn guess(body: &str) -> Option<Kind> {
        let body = body.trim();
        if GOVERNMENT_ENDS.iter().any(|end| body.ends_with(end)) {
            Some(Kind::Government)
        } else if [
            "办公室",
            "办公厅",
            "局",
            "委员会",
            "委",
            "厅",
            "办",
            "中心",
            "院",
            "所",
            "站",
            "队",
            "街道办事处",
            "街道",
            "公司",
            "处",
            "署",
            "会",
        ]
        .iter()
        .any(|end| body.ends_with(end))
        {
            Some(Kind::Department)
        } else {
            None
        }
    }

    /// Whose report it is: the title first (…人民政府 or …管委会 + 年度报告 is the government's
    /// own, whoever published it: its 办公室 often does), then the publisher.
    pub fn of_report(title: &str, body: &str) -> Option<Kind> {
        let subject = title_subject(title);
        if GOVERNMENT_ENDS.iter().any(|end| subject.ends_with(end)) {
            return Some(Kind::Government);
        }
        if let Some(kind) = Kind::guess(&subject) {
            return Some(kind);
        }
        // A place's own report (平潭综合实验区, 团结乡): its government's, whoever published it.
        if PLACE_ENDS.iter().any(|end| subject.ends_with(end)) && subject.chars().count() >= 2 {
            return Some(Kind::Government);
        }
        Kind::guess(body)
    }

    /// The day the report on `year` is due (`../shared/spec/report-format.md`).
    pub fn deadline(self, year: i32) -> String {
        // A year no report can be on (2147483647) has no deadline, and no overflow.
        let Some(next) = year.checked_add(1).filter(|_| Meta::YEARS.contains(&year)) else {
            return String::new();
        };
        match self {
            Kind::Department => format!("{next}-01-31"),
            Kind::Government => format!("{next}-03-31"),
        }
    }

    /// How the table names it.
    pub fn label(self) -> Message {
        match self {
            Kind::Department => Message::fixed("部门", "department"),
            Kind::Government => Message::fixed("本级政府", "government"),
        }
    }
}

/// The ends of a government's name (its report is due 31 March).
const GOVERNMENT_ENDS: &[&str] = &[
    "人民政府",
    "镇政府",
    "乡政府",
    "人民政府（汇总）",
    "管委会",
    "管理委员会",
    "行政公署",
];

/// The ends of a place's name: a report titled by the place alone is its government's.
const PLACE_ENDS: &[&str] = &[
    "省",
    "市",
    "区",
    "县",
    "州",
    "旗",
    "盟",
    "乡",
    "镇",
    "实验区",
    "新区",
    "开发区",
];

/// Who a title says the report is of: the title less the year and the report's name
/// (`淮安市洪泽区人民政府2023年政府信息公开工作年度报告` → `淮安市洪泽区人民政府`).
fn title_subject(title: &str) -> String {
    let t: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let end = ["政府信息公开", "政务公开", "信息公开"]
        .iter()
        .filter_map(|w| t.find(w))
        .min()
        .unwrap_or(t.len());
    let head = &t[..end];
    // The year, before or after the name: 2023年, 2023年度.
    let cut = head
        .char_indices()
        .find(|(_, c)| c.is_ascii_digit())
        .map_or(head.len(), |(i, _)| i);
    let name = if cut == 0 {
        head.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年' || c == '度')
    } else {
        &head[..cut]
    };
    name.trim_end_matches('的').to_string()
}

/// What the 公开日期 field says for a report on `year`: the form, an example and the deadlines,
/// all in the year the report is published.
pub fn pub_date_hint(year: i32) -> Message {
    let next = year.saturating_add(1);
    Message::new(
        format!("格式 YYYY-MM-DD，例如 {next}-01-20（也可写 {next}/1/20 或 {next}年1月20日）。部门的报告须在{next}年1月31日前公开，本级政府的报告在3月31日前。"),
        format!("Format YYYY-MM-DD, e.g. {next}-01-20 ({next}/1/20 and {next}年1月20日 work too). A department's report is due by 31 January {next}, a government's by 31 March."),
    )
}
