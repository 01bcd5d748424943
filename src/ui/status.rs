//! How a step's status and a step's title read in the interface.

use crate::report::progress::{Status, Step};
use crate::report::{Lang, Template};

/// The status tag of a step: 未开始 / 进行中 / 已完成 / 有错误（N）.
pub fn status_label(status: Status, lang: Lang) -> String {
    match (status, lang) {
        (Status::NotStarted, Lang::Zh) => "未开始".into(),
        (Status::NotStarted, Lang::En) => "Not started".into(),
        (Status::InProgress, Lang::Zh) => "进行中".into(),
        (Status::InProgress, Lang::En) => "In progress".into(),
        (Status::Done, Lang::Zh) => "已完成".into(),
        (Status::Done, Lang::En) => "Completed".into(),
        (Status::Errors(n), Lang::Zh) => format!("有错误（{n}）"),
        (Status::Errors(n), Lang::En) => format!("{n} error{}", if n == 1 { "" } else { "s" }),
    }
}

/// The CSS modifier of a status tag (the text always says the status too).
pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "nb-tag nb-tag-grey",
        Status::InProgress => "nb-tag nb-tag-blue",
        Status::Done => "nb-tag nb-tag-green",
        Status::Errors(_) => "nb-tag nb-tag-red",
    }
}

/// A step's title: 基本信息, the official section heading, or 审阅与导出.
pub fn step_title(template: &Template, step: Step, lang: Lang) -> String {
    match (step, lang) {
        (Step::Meta, Lang::Zh) => "基本信息".into(),
        (Step::Meta, Lang::En) => "Basic information".into(),
        (Step::Review, Lang::Zh) => "审阅与导出".into(),
        (Step::Review, Lang::En) => "Review and export".into(),
        (Step::Section(key), _) => template.section(key).heading.into(),
    }
}
