//! Each consistency rule: a passing case and a failing one, with rule id, location and numbers.

use crate::common::key;
use nianbao::report::rules::{Field, Location};
use nianbao::report::sample::sample;
use nianbao::report::templates::{ALL, OGI_2019, OGI_2021};
use nianbao::report::{check, Draft, Finding, SectionKey, Severity, Sheet};

fn sample_2021() -> Draft {
    sample(&OGI_2021).unwrap()
}

fn of_rule<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule.id() == rule).collect()
}

fn cell_keys(f: &Finding) -> Vec<String> {
    match &f.location {
        Location::Cells { cells } => cells.iter().map(|c| c.key.to_string()).collect(),
        other => panic!("expected cells, got {other:?}"),
    }
}

#[test]
fn samples_are_complete_and_consistent() {
    for t in ALL {
        let draft = sample(t).unwrap();
        assert_eq!(check(&draft), vec![], "{}", t.id);
    }
}

#[test]
fn the_example_is_on_the_offered_year_says_it_is_one_and_is_consistent() {
    use nianbao::report::sample::{example, EXAMPLE_MARK};
    // December 2026 offers 2026: the 2021 format's example is on it, its dates follow.
    let d = example(&OGI_2021, 2026).unwrap();
    assert_eq!(d.meta.year, 2026);
    assert_eq!(d.meta.pub_date, "2027-01-20");
    assert!(
        d.meta.title().starts_with(EXAMPLE_MARK),
        "{}",
        d.meta.title()
    );
    assert!(d.meta.title().ends_with("2026年政府信息公开工作年度报告"));
    assert!(d
        .texts
        .values()
        .any(|t| t.aspects.values().any(|a| a.contains("2026年"))));
    assert_eq!(check(&d), vec![]);
    // The 2019 format is not for 2026: its example keeps a year it is for.
    let d = example(&OGI_2019, 2026).unwrap();
    assert!(OGI_2019.is_for_year(d.meta.year), "{}", d.meta.year);
    assert!(d.meta.title().starts_with(EXAMPLE_MARK));
    assert_eq!(check(&d), vec![]);
}

#[test]
fn totals_are_computed() {
    let draft = sample_2021();
    let sheet = Sheet::compute(&OGI_2021, &draft);
    assert_eq!(sheet.whole(key("t3/new/total")), 109);
    assert_eq!(sheet.whole(key("t3/total/natural")), 85);
    assert_eq!(sheet.whole(key("t3/total/total")), 106);
    assert_eq!(sheet.whole(key("t3/carried-over/total")), 8);
    assert_eq!(sheet.whole(key("t4/cases/review-total")), 4);
    assert_eq!(sheet.whole(key("t4/cases/direct-total")), 2);
    assert_eq!(sheet.whole(key("t4/cases/after-total")), 0);
}

#[test]
fn t3_balance_names_column_and_numbers() {
    let mut draft = sample_2021();
    draft.set_cell(key("t3/new/natural"), "90"); // was 86: left side 94, right side 90
    let findings = check(&draft);
    let balance = of_rule(&findings, "T3-balance");
    assert_eq!(balance.len(), 1, "{findings:#?}");
    let f = balance[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(
        cell_keys(f),
        [
            "t3/new/natural",
            "t3/carried/natural",
            "t3/total/natural",
            "t3/carried-over/natural"
        ]
    );
    assert!(f.message.zh.contains("“自然人”列"), "{}", f.message.zh);
    assert!(
        f.message.zh.contains("（90）") && f.message.zh.contains("= 94"),
        "{}",
        f.message.zh
    );
    assert!(
        f.message.zh.contains("（85）") && f.message.zh.contains("= 90"),
        "{}",
        f.message.zh
    );
    assert!(f.message.zh.contains("相差4"), "{}", f.message.zh);
    assert!(
        f.message.en.contains("Column “自然人”") && f.message.en.contains("difference 4"),
        "{}",
        f.message.en
    );
    if let Location::Cells { cells } = &f.location {
        assert_eq!(cells[0].section, SectionKey::Requests);
        assert_eq!(cells[0].row_path, ["一、本年新收政府信息公开申请数量"]);
        assert_eq!(cells[0].column_path, ["申请人情况", "自然人"]);
    }
}

#[test]
fn t3_total_checks_a_stated_row_total() {
    let mut draft = sample_2021();
    draft.set_cell(key("t3/new/total"), "109");
    assert!(of_rule(&check(&draft), "T3-total").is_empty());
    draft.set_cell(key("t3/new/total"), "110");
    let findings = check(&draft);
    let f = of_rule(&findings, "T3-total");
    assert_eq!(f.len(), 1);
    assert_eq!(cell_keys(f[0])[0], "t3/new/total");
    assert_eq!(cell_keys(f[0]).len(), 7, "the total and its six columns");
    assert!(
        f[0].message.zh.contains("填写为110") && f[0].message.zh.contains("相加为109"),
        "{}",
        f[0].message.zh
    );
    assert!(
        f[0].message.zh.contains("86+12+1+2+5+3"),
        "{}",
        f[0].message.zh
    );
    assert!(f[0].message.en.contains("stated as 110") && f[0].message.en.contains("add up to 109"));
}

#[test]
fn t3_sum_checks_a_stated_column_total() {
    let mut draft = sample_2021();
    draft.set_cell(key("t3/total/business"), "12");
    assert!(of_rule(&check(&draft), "T3-sum").is_empty());
    draft.set_cell(key("t3/total/business"), "15");
    let findings = check(&draft);
    let f = of_rule(&findings, "T3-sum");
    assert_eq!(f.len(), 1);
    let keys = cell_keys(f[0]);
    assert_eq!(keys[0], "t3/total/business");
    assert_eq!(
        keys.len(),
        1 + 21,
        "the total and the 21 result rows of ogi-2021"
    );
    assert!(
        f[0].message.zh.contains("填写为15")
            && f[0].message.zh.contains("相加为12")
            && f[0].message.zh.contains("相差3")
    );
    // A 2019 report adds up its single （六）其他处理 row instead.
    let mut d19 = sample(&OGI_2019).unwrap();
    d19.set_cell(key("t3/total/natural"), "80");
    let findings = check(&d19);
    let f = of_rule(&findings, "T3-sum");
    assert_eq!(cell_keys(f[0]).len(), 1 + 19);
    assert!(f[0].message.zh.contains("相加为85"));
}

#[test]
fn t4_total_checks_each_block() {
    let mut draft = sample_2021();
    draft.set_cell(key("t4/cases/review-total"), "4");
    draft.set_cell(key("t4/cases/direct-total"), "2");
    assert!(of_rule(&check(&draft), "T4-total").is_empty());
    draft.set_cell(key("t4/cases/direct-total"), "3");
    let findings = check(&draft);
    let f = of_rule(&findings, "T4-total");
    assert_eq!(f.len(), 1);
    assert_eq!(
        cell_keys(f[0]),
        [
            "t4/cases/direct-total",
            "t4/cases/direct-upheld",
            "t4/cases/direct-corrected",
            "t4/cases/direct-other",
            "t4/cases/direct-pending"
        ]
    );
    assert!(
        f[0].message
            .zh
            .starts_with("行政诉讼 未经复议直接起诉 总计填写为3"),
        "{}",
        f[0].message.zh
    );
    assert!(f[0].message.zh.contains("1+0+0+1"));
}

#[test]
fn range_reports_each_bad_cell() {
    let mut draft = sample_2021();
    draft.set_cell(key("t3/disclosed/natural"), "-2");
    draft.set_cell(key("t2/normative/made"), "1.5");
    draft.set_cell(key("t4/cases/review-upheld"), "两件");
    draft.set_cell(key("t3/new/total"), "abc");
    let findings = check(&draft);
    let range = of_rule(&findings, "range");
    let keys: Vec<String> = range.iter().flat_map(|f| cell_keys(f)).collect();
    assert_eq!(
        keys,
        [
            "t2/normative/made",
            "t3/new/total",
            "t3/disclosed/natural",
            "t4/cases/review-upheld"
        ]
    );
    assert!(range.iter().all(|f| f.severity == Severity::Error));
    let msg = |key: &str| {
        range
            .iter()
            .find(|f| cell_keys(f)[0] == key)
            .unwrap()
            .message
            .clone()
    };
    assert_eq!(
        msg("t3/disclosed/natural").zh,
        "（一）予以公开 自然人：“-2”不能为负数"
    );
    assert_eq!(
        msg("t2/normative/made").zh,
        "行政规范性文件 本年制发件数：“1.5”只能填写整数"
    );
    assert!(msg("t4/cases/review-upheld").en.contains("is not a number"));
    // The signed 2019 cell takes what the count cells refuse.
    let mut d19 = sample(&OGI_2019).unwrap();
    d19.set_cell(key("t2/licensing/change"), "-4");
    d19.set_cell(key("t2/procurement/procurement-amount"), "25.1");
    assert!(of_rule(&check(&d19), "range").is_empty());
}

#[test]
fn range_checks_fee_year_and_dates() {
    let mut draft = sample_2021();
    assert!(of_rule(&check(&draft), "range").is_empty());
    draft.texts.get_mut(&SectionKey::Other).unwrap().fee = "-1".into();
    draft.meta.year = 1066;
    draft.meta.pub_date = "2026-02-30".into();
    draft.meta.pub_time = "25:00".into();
    let findings = check(&draft);
    let range = of_rule(&findings, "range");
    assert_eq!(range.len(), 4, "{range:#?}");
    assert_eq!(
        range[0].location,
        Location::Fee {
            section: SectionKey::Other
        }
    );
    assert!(range[0]
        .message
        .zh
        .contains("信息处理费金额：“-1”不能为负数"));
    let fields: Vec<_> = range[1..].iter().map(|f| f.location.clone()).collect();
    assert_eq!(
        fields,
        [Field::Year, Field::PubDate, Field::PubTime].map(|field| Location::Field { field })
    );
    assert!(range[2].message.zh.contains("YYYY-MM-DD"));
}

#[test]
fn s_required_warns_on_empty_sections_and_missing_fee() {
    let empty = Draft::new("x", &OGI_2021, 2025, "");
    let findings = check(&empty);
    let req = of_rule(&findings, "S-required");
    assert!(req.iter().all(|f| f.severity == Severity::Warning));
    let sections: Vec<_> = req
        .iter()
        .filter_map(|f| match f.location {
            Location::Section { section } | Location::Fee { section } => Some(section),
            _ => None,
        })
        .collect();
    use SectionKey::*;
    assert_eq!(
        sections,
        [Overview, Proactive, Requests, Disputes, Problems, Other, Other]
    );
    assert!(req
        .iter()
        .any(|f| f.location == Location::Field { field: Field::Body }));
    assert!(req
        .iter()
        .any(|f| f.message.zh.contains("信息处理费的金额")));
    assert!(
        of_rule(&findings, "range").is_empty()
            && findings.iter().all(|f| f.severity == Severity::Warning)
    );
    // 2019 has no fee to state.
    let findings = check(&Draft::new("x", &OGI_2019, 2020, "某局"));
    assert_eq!(of_rule(&findings, "S-required").len(), 6);
    // One typed number fills a table; one aspect fills section 一.
    let mut draft = sample_2021();
    draft.texts.get_mut(&Overview).unwrap().text.clear();
    assert!(of_rule(&check(&draft), "S-required").is_empty());
}

#[test]
fn t3_balance_in_the_2019_format() {
    let mut d19 = sample(&OGI_2019).unwrap();
    assert!(of_rule(&check(&d19), "T3-balance").is_empty());
    d19.set_cell(key("t3/other/business"), "2"); // （六）其他处理 is one row in 2019
    let findings = check(&d19);
    let f = of_rule(&findings, "T3-balance");
    assert_eq!(f.len(), 1);
    assert_eq!(
        cell_keys(f[0]),
        [
            "t3/new/business",
            "t3/carried/business",
            "t3/total/business",
            "t3/carried-over/business"
        ]
    );
    assert!(
        f[0].message.zh.contains("“商业企业”列") && f[0].message.zh.contains("相差2"),
        "{}",
        f[0].message.zh
    );
}
