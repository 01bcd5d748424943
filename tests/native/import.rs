//! 导入已发布的年报: each fixture under `tests/fixtures/published/` is a page as real sites
//! print it (see its README), read back and compared cell by cell with its `.expect.json`.

use crate::common::key;
use nianbao::report::import::{read_published, CellStatus, Recognition};
use nianbao::report::{check, SectionKey, Severity};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const DIR: &str = "tests/fixtures/published";

fn load(name: &str) -> (Recognition, Value) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let page = std::fs::read_to_string(dir.join(name)).unwrap();
    let expect = std::fs::read_to_string(dir.join(format!("{name}.expect.json"))).unwrap();
    (
        read_published(&page, "imported"),
        serde_json::from_str(&expect).unwrap(),
    )
}

fn check_fixture(name: &str) -> Recognition {
    let (r, e) = load(name);
    let d = &r.draft;
    let report = r.report_text(nianbao::report::Lang::Zh);
    assert_eq!(
        d.template,
        e["template"].as_str().unwrap(),
        "{name}: format\n{report}"
    );
    assert_eq!(
        i64::from(d.meta.year),
        e["year"].as_i64().unwrap(),
        "{name}: year"
    );
    let meta = &e["meta"];
    assert_eq!(d.meta.body, meta["body"].as_str().unwrap(), "{name}: body");
    assert_eq!(
        d.meta.index_no,
        meta["index_no"].as_str().unwrap(),
        "{name}: 索引号"
    );
    assert_eq!(
        d.meta.doc_no,
        meta["doc_no"].as_str().unwrap(),
        "{name}: 文号"
    );
    assert_eq!(
        d.meta.pub_date,
        meta["pub_date"].as_str().unwrap(),
        "{name}: 公开日期"
    );
    assert_eq!(
        d.meta.pub_time,
        meta["pub_time"].as_str().unwrap(),
        "{name}: 公开时间"
    );
    assert_eq!(
        d.meta.title(),
        meta["title"].as_str().unwrap(),
        "{name}: 标题"
    );
    let texts: Vec<String> = d
        .texts
        .iter()
        .filter(|(_, t)| !t.text.trim().is_empty() || !t.aspects.is_empty())
        .map(|(k, _)| {
            serde_json::to_value(k)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let want_texts: Vec<String> = e["texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts, want_texts, "{name}: text sections");
    let want: BTreeMap<String, String> = e["cells"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    for (key, value) in &want {
        assert_eq!(
            d.cells.get(key),
            Some(value),
            "{name}: cell {key}\n{report}"
        );
    }
    for key in d.cells.keys() {
        assert!(
            want.contains_key(key),
            "{name}: cell {key} was invented as {}\n{report}",
            d.cells[key]
        );
    }
    if let Some(units) = e.get("units").and_then(Value::as_object) {
        for (key, unit) in units {
            assert_eq!(
                serde_json::to_value(d.unit(crate::common::key(key))).unwrap(),
                *unit,
                "{name}: unit of {key}"
            );
        }
    }
    // The page's own opening is kept (it holds the contacts), and the site's furniture after
    // 六 is not part of the report.
    let page_text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join(name))
            .unwrap();
    if page_text.contains("统计期限") {
        assert!(
            d.opening
                .as_deref()
                .unwrap_or_default()
                .contains("统计期限"),
            "{name}: opening"
        );
    }
    for key in [
        SectionKey::Overview,
        SectionKey::Problems,
        SectionKey::Other,
    ] {
        let t = d.text(key).text;
        for chrome in ["上一篇", "下一篇", "版权所有", "主辦", "主办："] {
            assert!(!t.contains(chrome), "{name}: {key:?} holds {chrome}");
        }
    }
    let unplaced = e["unplaced"].as_array().unwrap();
    assert_eq!(
        r.unplaced.len(),
        unplaced.len(),
        "{name}: unplaced rows\n{report}"
    );
    for want in unplaced {
        let want = want.as_str().unwrap();
        assert!(
            r.unplaced.iter().any(|u| u.text.contains(want)),
            "{name}: {want} should be reported as not placed\n{report}"
        );
    }
    let errors = check(d)
        .into_iter()
        .filter(|f| f.severity == Severity::Error && f.rule.id() != "range")
        .count();
    assert_eq!(
        errors == 0,
        e["rules_clean"].as_bool().unwrap(),
        "{name}: rules"
    );
    // Every cell the draft has is accounted for in the report, and vice versa.
    for c in &r.cells {
        assert_eq!(
            c.value.as_ref(),
            d.cells.get(&c.key.to_string()),
            "{name}: {}",
            c.key
        );
        if c.value.is_none() {
            assert!(matches!(
                c.status,
                CellStatus::NotFound | CellStatus::Unreadable(_)
            ));
        }
    }
    r
}

#[test]
fn a_clean_2021_page_reads_completely() {
    let r = check_fixture("2021-clean.html");
    assert!(r.unplaced.is_empty());
    assert!(r.cells.iter().all(|c| c.value.is_some()));
}

#[test]
fn the_quirks_of_real_pages_are_read_and_reported() {
    let r = check_fixture("2021-quirks.html");
    let status = |key: &str| {
        r.cells
            .iter()
            .find(|c| c.key.to_string() == key)
            .unwrap()
            .status
            .clone()
    };
    assert!(matches!(
        status("t2/fees/fee-amount"),
        CellStatus::Converted(_)
    ));
    assert!(r
        .cells
        .iter()
        .any(|c| matches!(c.status, CellStatus::CloseLabel(_))));
    assert!(r.cells.iter().any(|c| c.status == CellStatus::ZeroMark));
}

#[test]
fn a_traditional_2019_page_reads_with_its_signed_changes() {
    let r = check_fixture("2019-hant.html");
    assert!(r.notes.iter().any(|n| n.zh.contains("繁体")));
}

#[test]
fn pasted_text_with_2019_tables_in_a_later_year() {
    let r = check_fixture("2022-text-2019-tables.txt");
    assert!(r
        .notes
        .iter()
        .any(|n| n.zh.contains("2022") && n.zh.contains("ogi-2019")));
}

#[test]
fn a_table_that_cannot_be_placed_is_reported_not_guessed() {
    let r = check_fixture("unplaceable.html");
    assert!(r
        .cells
        .iter()
        .filter(|c| c.key.table == "t3")
        .all(|c| c.value.is_none()));
}

#[test]
fn a_flattened_page_without_tables_gives_text_and_no_numbers() {
    let r = check_fixture("seed-like.txt");
    assert!(r.anything());
    assert_eq!(r.cells_read(), 0);
}

#[test]
fn nothing_readable_is_said() {
    let r = read_published("<html><body><p>hello</p></body></html>", "x");
    assert!(!r.anything());
    assert!(r.draft.cells.is_empty());
}

#[test]
fn an_imported_table_that_breaks_the_rules_shows_its_errors() {
    // A table copied on its own, as printed: the 总计 stated as 5 where the row adds up to 3.
    let page = "<table>\
        <tr><td>一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>\
        </table>";
    let r = read_published(page, "x");
    assert_eq!(r.draft.cell(key("t3/new/natural")), "3");
    assert_eq!(r.draft.cell(key("t3/new/total")), "5");
    let errors: Vec<_> = check(&r.draft)
        .into_iter()
        .filter(|f| f.rule.id() == "T3-total")
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message.zh.contains('5') && errors[0].message.zh.contains('3'));
}

#[test]
fn the_report_shown_before_creating_the_draft_escapes_the_page() {
    use nianbao::report::import::report_html;
    use nianbao::report::Lang;
    let page = "<p>发布机构：&lt;img src=x onerror=alert(1)&gt;</p><table>\
        <tr><td>&lt;script&gt;x()&lt;/script&gt;</td><td>1</td><td>2</td></tr>\
        <tr><td>（一）予以公开</td><td>减1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>";
    let r = read_published(page, "x");
    let html = report_html(&r, Lang::Zh);
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;") && html.contains("&lt;img"));
    assert!(html.contains("nb-cell-unreadable"), "减1 is no count");
    assert!(html.contains("id=\"nb-recognition-tally\""));
    assert!(report_html(&r, Lang::En).contains("Rows not read"));
}

#[test]
fn a_report_inside_a_layout_table_is_read_in_page_order() {
    let page = "<html><body><table><tr><td id=zoom>\
        <p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>概述。</p>\
        <p>二、主动公开政府信息情况</p>\
        <table><tr><td>规章</td><td>1</td><td>0</td><td>5</td></tr></table>\
        <p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>\
        <p>五、存在的主要问题及改进情况</p><p>问题。</p><p>六、其他需要报告的事项</p><p>无。</p>\
        </td></tr></table></body></html>";
    let r = read_published(page, "x");
    assert!(r.sections.iter().all(|s| s.found), "{:?}", r.sections);
    assert_eq!(r.draft.cell(key("t2/rules/in-force")), "5");
    assert_eq!(r.draft.text(SectionKey::Problems).text, "问题。");
    assert_eq!(r.draft.meta.year, 2023);
}

#[test]
fn an_empty_field_never_takes_the_next_lines_text() {
    let page = "<table><tr><td>索引号：</td><td>A/2024-1</td></tr><tr><td>文号：</td><td></td></tr></table>\
        <h1>某局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>x</p>";
    let r = read_published(page, "x");
    assert_eq!(r.draft.meta.index_no, "A/2024-1");
    assert_eq!(r.draft.meta.doc_no, "");
    assert_eq!(r.draft.meta.title(), "某局2023年政府信息公开工作年度报告");
}

#[test]
fn the_fee_is_read_after_the_rules_are_cited_and_never_overflows() {
    let page = |six: &str| {
        format!("<p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>x</p><p>六、其他需要报告的事项</p><p>{six}</p>")
    };
    let fee = |six: &str| {
        read_published(&page(six), "x")
            .draft
            .text(SectionKey::Other)
            .fee
    };
    assert_eq!(
        fee("依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本年度收取信息处理费120元。"),
        "120"
    );
    assert_eq!(fee("本年度收取信息处理费0.5万元。"), "5000");
    assert_eq!(fee("本年度未收取信息处理费。"), "0");
    assert_eq!(
        fee("本年度收取信息处理费1000000000万元。"),
        "",
        "too large: not read, no panic"
    );
}

#[test]
fn a_2021_table_three_alone_is_read_as_2021() {
    // （六）其他处理 is a group heading in 2021 and a data row in 2019: it tells nothing.
    let page = "<table>\
        <tr><td>（六）其他处理</td><td></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>\
        <tr><td>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>\
        </table>";
    let r = read_published(page, "x");
    assert_eq!(r.draft.template, "ogi-2021");
    assert_eq!(r.draft.cell(key("t3/other-no-correction/natural")), "1");
}

#[test]
fn a_traditional_2021_page_reads_like_the_simplified_one() {
    let r = check_fixture("2021-hant.html");
    assert!(r.cells.iter().all(|c| c.value.is_some()));
}

#[test]
fn what_the_worker_sends_back_opens_as_the_same_draft() {
    use nianbao::report::file;
    use nianbao::report::import::{report_html, Imported};
    use nianbao::report::Lang;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let page = std::fs::read_to_string(dir.join("2021-quirks.html")).unwrap();
    let sent = Imported::read(&page, "d1");
    let got = Imported::from_json(&sent.to_json()).expect("the worker's JSON reads back");
    assert!(got.anything);
    let draft = file::from_file(&got.draft).expect("a valid draft file");
    assert_eq!(draft, read_published(&page, "d1").draft);
    let read = read_published(&page, "d1");
    assert_eq!(got.report_zh, report_html(&read, Lang::Zh));
    assert_eq!(got.report_en, report_html(&read, Lang::En));
    assert!(got.report_zh.contains("表格：读取"), "{}", got.report_zh);
    assert_eq!(Imported::from_json("not json"), None);
    assert!(!Imported::read("hello", "d2").anything);
}

#[test]
fn an_amounts_unit_printed_in_its_header_is_used() {
    use nianbao::report::number::MoneyUnit;
    let page = "<p>某镇2019年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><table>\
        <tr><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>\
        <tr><td>信息内容</td><td>采购项目数量</td><td>采购总金额（万元）</td></tr>\
        <tr><td>政府集中采购</td><td>3</td><td>35.5</td></tr></table>\
        <p>五、存在的主要问题及改进情况</p><p>x</p>";
    let r = read_published(page, "x");
    assert_eq!(r.draft.template, "ogi-2019");
    assert_eq!(
        r.draft.cell(key("t2/procurement/procurement-amount")),
        "35.5"
    );
    assert_eq!(
        r.draft.unit(key("t2/procurement/procurement-amount")),
        MoneyUnit::WanYuan
    );
    let cell = r.cell(key("t2/procurement/procurement-amount")).unwrap();
    assert!(
        matches!(cell.status, CellStatus::Converted(_)),
        "{:?}",
        cell.status
    );
}

#[test]
fn report_prose_is_never_taken_for_page_furniture_or_the_title() {
    let page = "<p>本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。</p>\
        <p>一、总体情况</p><p>（一）主动公开</p><p>2023年，我局主动公开相关文件56件，上一篇文章提到的制度已落实。</p>\
        <p>五、存在的主要问题及改进情况</p><p>问题。</p><p>六、其他需要报告的事项</p><p>无。</p>\
        <p>上一篇：关于某某的通知</p><p>主办：某市人民政府办公室</p>";
    let r = read_published(page, "x");
    let overview = r.draft.text(SectionKey::Overview);
    assert!(
        overview
            .aspects
            .get("proactive")
            .is_some_and(|t| t.contains("相关文件56件")),
        "{overview:?}"
    );
    assert_eq!(r.draft.text(SectionKey::Other).text, "无。");
    assert!(r
        .draft
        .opening
        .as_deref()
        .unwrap_or_default()
        .contains("统计期限"));
    assert_eq!(r.draft.meta.year, 2023);
    assert!(r.draft.meta.title.is_none() || !r.draft.meta.title().contains("统计期限"));
}
