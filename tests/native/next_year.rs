//! 以此为基础新建下一年度 and the cross-year checks X-carry and X-valid.

use crate::common::key;
use nianbao::report::draft::Previous;
use nianbao::report::next_year::next_year;
use nianbao::report::rules::{Field, Location};
use nianbao::report::sample::sample;
use nianbao::report::templates::{OGI_2019, OGI_2021};
use nianbao::report::{check, Draft, Finding, SectionKey};

/// The six applicant columns of table 三, read from the format.
fn columns() -> Vec<&'static str> {
    OGI_2021.table("t3").unwrap().blocks[0]
        .value_columns()
        .into_iter()
        .filter(|c| c.column.id != "total")
        .map(|c| c.column.id)
        .collect()
}

fn of_rule(draft: &Draft, rule: &str) -> Vec<Finding> {
    check(draft)
        .into_iter()
        .filter(|f| f.rule.id() == rule)
        .collect()
}

fn cells_of(f: &Finding) -> Vec<String> {
    match &f.location {
        Location::Cells { cells } => cells.iter().map(|c| c.key.to_string()).collect(),
        other => panic!("expected cells, got {other:?}"),
    }
}

fn last_year() -> Draft {
    let mut d = sample(&OGI_2021).unwrap();
    d.id = "d-2023".into();
    d.meta.year = 2023;
    d.meta.pub_date = "2024-01-20".into();
    d.meta.index_no = "000014349/2024-00012".into();
    d.meta.doc_no = "某政办〔2024〕1号".into();
    d.opening = Some("本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。".into());
    d
}

#[test]
fn next_year_moves_the_metadata_on_and_clears_this_years_facts() {
    let last = last_year();
    let next = next_year(&last, "d-2024").draft;
    assert_eq!(next.id, "d-2024");
    assert_eq!(next.template, "ogi-2021");
    assert_eq!(next.meta.year, 2024);
    assert_eq!(next.meta.body, last.meta.body);
    assert_eq!(next.meta.phone, last.meta.phone);
    assert_eq!(next.meta.address, last.meta.address);
    assert_eq!(next.meta.pub_date, "");
    assert_eq!(next.meta.index_no, "");
    assert_eq!(next.meta.doc_no, "");
    assert_eq!(
        next.opening.as_deref(),
        Some("本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。")
    );
    assert!(next.meta.title().contains("2024年"));
}

#[test]
fn texts_are_kept_and_marked_stale_until_edited() {
    let last = last_year();
    let mut next = next_year(&last, "n").draft;
    for key in [
        SectionKey::Overview,
        SectionKey::Problems,
        SectionKey::Other,
    ] {
        assert_eq!(next.text(key).text, last.text(key).text);
        assert!(next.is_stale(Some(key), None), "{key:?}");
    }
    assert!(next.is_stale(None, None));
    let stale: Vec<_> = of_rule(&next, "S-stale");
    assert_eq!(stale.len(), next.stale.len());
    assert!(stale.iter().any(|f| f.location
        == Location::Field {
            field: Field::Opening
        }));
    next.set_text(SectionKey::Problems, None, "新的问题。".into());
    assert!(!next.is_stale(Some(SectionKey::Problems), None));
    assert!(next.is_stale(Some(SectionKey::Overview), None));
    assert_eq!(of_rule(&next, "S-stale").len(), stale.len() - 1);
}

#[test]
fn numbers_are_cleared_except_the_carried_requests() {
    let mut last = last_year();
    for (i, c) in columns().iter().enumerate() {
        last.set_cell(
            crate::common::key(&format!("t3/carried-over/{c}")),
            &format!("{}", i + 1),
        );
    }
    let next = next_year(&last, "n").draft;
    let mut keys: Vec<&String> = next.cells.keys().collect();
    keys.sort();
    let expected: Vec<String> = columns()
        .iter()
        .map(|c| format!("t3/carried/{c}"))
        .collect();
    let mut expected_sorted: Vec<&String> = expected.iter().collect();
    expected_sorted.sort();
    assert_eq!(keys, expected_sorted);
    for (i, c) in columns().iter().enumerate() {
        assert_eq!(
            next.cell(crate::common::key(&format!("t3/carried/{c}"))),
            (i + 1).to_string()
        );
    }
    assert_eq!(next.text(SectionKey::Other).fee, "");
    assert!(of_rule(&next, "X-carry").is_empty());
    assert!(next
        .previous
        .as_ref()
        .is_some_and(|p| p.year == 2023 && p.id == "d-2023"));
}

#[test]
fn x_carry_names_both_years_numbers() {
    let mut last = last_year();
    last.set_cell(key("t3/carried-over/natural"), "5");
    let mut next = next_year(&last, "n").draft;
    next.set_cell(key("t3/carried/natural"), "3");
    let found = of_rule(&next, "X-carry");
    assert_eq!(found.len(), 1);
    assert_eq!(cells_of(&found[0]), vec!["t3/carried/natural"]);
    assert_eq!(
        found[0].message.zh,
        "二、上年结转政府信息公开申请数量（自然人）为3，但2023年报告的四、结转下年度继续办理为5。"
    );
}

#[test]
fn x_valid_checks_the_stock_of_rules_and_normative_documents() {
    let mut last = last_year();
    last.set_cell(key("t2/rules/in-force"), "8");
    last.set_cell(key("t2/normative/in-force"), "40");
    let mut next = next_year(&last, "n").draft;
    next.set_cell(key("t2/rules/made"), "3");
    next.set_cell(key("t2/rules/repealed"), "1");
    next.set_cell(key("t2/rules/in-force"), "10");
    next.set_cell(key("t2/normative/made"), "5");
    next.set_cell(key("t2/normative/in-force"), "44");
    let found = of_rule(&next, "X-valid");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(cells_of(&found[0]), vec!["t2/normative/in-force"]);
    let zh = &found[0].message.zh;
    assert!(
        zh.contains("44") && zh.contains("2023年的40") && zh.contains("应为45"),
        "{zh}"
    );
    next.set_cell(key("t2/normative/in-force"), "");
    assert!(
        of_rule(&next, "X-valid").is_empty(),
        "a blank stock is not checked"
    );
}

#[test]
fn across_the_format_change_what_maps_is_carried_and_the_rest_is_said() {
    let mut last = sample(&OGI_2019).unwrap();
    last.meta.year = 2020;
    last.set_cell(key("t3/carried-over/legal-service"), "2");
    let made = next_year(&last, "n");
    assert_eq!(made.draft.template, "ogi-2021");
    assert_eq!(made.draft.cell(key("t3/carried/legal-service")), "2");
    let notes: Vec<&str> = made.notes.iter().map(|m| m.zh.as_ref()).collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("ogi-2021") && n.contains("ogi-2019")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.contains("现行有效件数") && n.contains("没有")),
        "{notes:?}"
    );
    // The 2019 file has no 现行有效件数, so X-valid has nothing to compare.
    let mut next = made.draft;
    next.set_cell(key("t2/rules/in-force"), "99");
    assert!(of_rule(&next, "X-valid").is_empty());
    // A 2019 report on 2019 stays in the 2019 format for 2020.
    last.meta.year = 2019;
    assert_eq!(next_year(&last, "m").draft.template, "ogi-2019");
}

#[test]
fn a_previous_report_of_another_year_is_flagged() {
    let last = last_year();
    let mut next = next_year(&last, "n").draft;
    next.meta.year = 2026;
    let found = of_rule(&next, "X-carry");
    assert!(found
        .iter()
        .any(|f| f.location == Location::Field { field: Field::Year }));
}

#[test]
fn linking_a_previous_report_later_runs_the_same_checks() {
    let mut last = last_year();
    last.set_cell(key("t3/carried-over/natural"), "4");
    let mut this = sample(&OGI_2021).unwrap();
    this.meta.year = 2024;
    for c in columns() {
        let v = last
            .cell(crate::common::key(&format!("t3/carried-over/{c}")))
            .to_string();
        this.set_cell(crate::common::key(&format!("t3/carried/{c}")), &v);
    }
    this.set_cell(key("t3/carried/natural"), "1");
    assert!(of_rule(&this, "X-carry").is_empty(), "no link, no check");
    this.previous = Some(Previous::of(&last));
    let found = of_rule(&this, "X-carry");
    assert_eq!(found.len(), 1);
    assert_eq!(cells_of(&found[0]), vec!["t3/carried/natural"]);
}

#[test]
fn the_page_compares_this_year_with_last_when_linked_and_charts_are_on() {
    use nianbao::report::export;
    let mut last = last_year();
    last.set_cell(key("t3/new/natural"), "7");
    let mut this = sample(&OGI_2021).unwrap();
    this.meta.year = 2024;
    this.charts = true;
    let page = export::page(&OGI_2021, &this);
    assert!(!page.contains("本年与上年对比"), "no link, no comparison");
    this.previous = Some(Previous::of(&last));
    let page = export::page(&OGI_2021, &this);
    assert!(page.contains("本年与上年对比（件）"));
    let sheet = nianbao::report::Sheet::compute(&OGI_2021, &this);
    let last_sheet = nianbao::report::Sheet::compute(&OGI_2021, &last);
    let desc = format!(
        "本年新收申请：2024年{}件，2023年{}件",
        sheet.whole(key("t3/new/total")),
        last_sheet.whole(key("t3/new/total"))
    );
    assert!(page.contains(&desc), "{desc}");
    this.charts = false;
    assert!(!export::page(&OGI_2021, &this).contains("本年与上年对比"));
}

#[test]
fn a_section_of_last_years_text_is_in_progress_until_looked_at() {
    use nianbao::report::progress::{status, Status, Step};
    let mut next = next_year(&last_year(), "n").draft;
    let findings = check(&next);
    let problems = Step::Section(SectionKey::Problems);
    assert_eq!(
        status(&OGI_2021, &next, &findings, problems),
        Status::InProgress
    );
    next.mark_updated(Some(SectionKey::Problems), None);
    let findings = check(&next);
    assert_eq!(status(&OGI_2021, &next, &findings, problems), Status::Done);
    // 一 has sub-parts: any of them still stale keeps the step in progress.
    next.stale.clear();
    next.stale.insert("overview/proactive".into());
    assert!(next.stale_in(SectionKey::Overview));
    assert!(!next.stale_in(SectionKey::Other));
}

#[test]
fn a_blank_is_carried_as_0_and_a_value_that_is_no_number_is_not_carried_but_said() {
    let mut last = last_year();
    last.set_cell(key("t3/carried-over/natural"), "");
    last.set_cell(key("t3/carried-over/business"), "约5");
    let made = next_year(&last, "n");
    assert_eq!(
        made.draft.cell(key("t3/carried/natural")),
        "0",
        "blank printed as 0"
    );
    assert_eq!(
        made.draft.cell(key("t3/carried/business")),
        "",
        "not guessed"
    );
    let said: Vec<&str> = made.notes.iter().map(|m| m.zh.as_ref()).collect();
    assert!(
        said.iter()
            .any(|m| m.contains("不是数字，未结转") && m.contains("商业企业")),
        "{said:?}"
    );
}

#[test]
fn a_figure_last_years_page_did_not_let_be_read_is_not_carried_as_0() {
    let mut last = sample(&OGI_2021).unwrap();
    let over = key("t3/carried-over/natural");
    last.cells.remove(&over.to_string());
    last.unread.insert(over.to_string());
    let next = next_year(&last, "n").draft;
    let carried = key("t3/carried/natural");
    assert!(next.is_unread(carried), "unknown, not 0");
    assert_eq!(next.cell(carried), "");
}
