//! 导入已发布的年报: each fixture under `tests/fixtures/published/` is a page as real sites
//! print it (see its README), read back and compared cell by cell with its `.expect.json`.

use crate::common::key;
use nianbao::report::import::{read_file, read_published, CellStatus, Recognition};
use nianbao::report::{check, SectionKey, Severity};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

const DIR: &str = "tests/fixtures/published";

/// Reads a fixture as the app and the CLI read a file, whatever its kind.
fn load(name: &str) -> (Recognition, Value) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let bytes = std::fs::read(dir.join(name)).unwrap();
    let expect = std::fs::read_to_string(dir.join(format!("{name}.expect.json"))).unwrap();
    (
        read_file(name, &bytes, "imported").unwrap_or_else(|e| panic!("{name}: {e}")),
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
    let page_text = String::from_utf8_lossy(
        &std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR).join(name)).unwrap(),
    )
    .into_owned();
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
        .any(|n| n.zh.contains("2022") && n.zh.contains("2019年格式")));
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
    // 四 keeps its group headers over their columns, as the printed form has them.
    assert!(
        html.contains("<th scope=\"colgroup\" colspan=\"5\">行政复议</th>"),
        "{html}"
    );
    assert!(html.contains(">未经复议直接起诉</th>") && html.contains(">复议后起诉</th>"));
}

#[test]
fn rows_not_read_are_listed_a_hundred_at_a_time() {
    use nianbao::report::import::{Imported, UNPLACED_PAGE};
    use nianbao::report::Lang;
    let rows: String = (0..250)
        .map(|i| format!("<tr><td>不是表格的行{i}</td><td>1</td><td>2</td></tr>"))
        .collect();
    let page = format!(
        "<p>一、总体情况</p><table>{rows}<tr><td>（一）予以公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>"
    );
    let imported = Imported::read(&page, "x");
    let first = imported.report(Lang::Zh);
    let listed = first.matches("不是表格的行").count();
    assert_eq!(listed, UNPLACED_PAGE, "the report lists the first hundred");
    assert!(first.contains("共250行，先列出前100行"), "{first}");
    let more = imported.more(Lang::Zh);
    assert_eq!(more.len(), 2);
    assert_eq!(more[0].matches("<li>").count(), 100);
    assert_eq!(more[1].matches("<li>").count(), 50);
    assert!(!more.concat().contains("<script"));
    assert_eq!(imported.more(Lang::En).len(), 2);
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

#[test]
fn every_fixture_with_an_expectation_reads_as_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if dir.join(format!("{name}.expect.json")).exists() {
            check_fixture(&name);
            checked += 1;
        }
    }
    assert!(checked >= 11, "{checked} fixtures");
}

#[test]
fn the_word_file_libreoffice_makes_of_a_page_reads_as_the_page() {
    let r = check_fixture("2021-clean.docx");
    assert!(r.cells.iter().all(|c| c.value.is_some()));
    assert!(
        !r.notes.iter().any(|n| n.zh.contains("繁体")),
        "a 繁體版 link is not a Traditional page"
    );
}

#[test]
fn single_file_pages_from_chromium_and_ie_mode_read_as_the_page() {
    check_fixture("2021-quirks.mhtml");
    let r = check_fixture("2019-hant-gbk.mht");
    assert!(r.notes.iter().any(|n| n.zh.contains("繁体")));
}

#[test]
fn text_copied_from_a_pdf_reads_completely_with_its_paragraphs_whole() {
    let r = check_fixture("2021-sample-pdf.txt");
    assert!(r.unplaced.is_empty());
    let sample = nianbao::report::sample::sample(&nianbao::report::templates::OGI_2021).unwrap();
    for key in [
        SectionKey::Overview,
        SectionKey::Problems,
        SectionKey::Other,
    ] {
        assert_eq!(r.draft.text(key), sample.text(key), "{key:?}");
    }
}

#[test]
fn an_old_word_file_or_a_pdf_is_a_message_saying_what_to_do() {
    let doc = read_file(
        "2019年报.doc",
        &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
        "x",
    )
    .unwrap_err();
    assert!(
        doc.zh.contains("另存为") && doc.zh.contains(".docx"),
        "{doc:?}"
    );
    let pdf = read_file("年报.pdf", b"%PDF-1.7\n", "x").unwrap_err();
    assert!(pdf.zh.contains("复制文字"), "{pdf:?}");
    let broken = read_file("年报.docx", b"PK\x03\x04 not really", "x").unwrap_err();
    assert!(broken.zh.contains("Word"), "{broken:?}");
}

/// A page around `head` with a heading and one table row, for the catalogue's forms.
fn page_with_head(head: &str) -> String {
    format!(
        "<html><body>{head}<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p>\
         <table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\
         <tr><td>规章</td><td>0</td><td>0</td><td>5</td></tr></table>\
         <p>五、存在的主要问题及改进情况</p><p>问题。</p><p>六、其他需要报告的事项</p><p>无。</p></body></html>"
    )
}

#[test]
fn the_catalogue_on_one_line_as_sites_print_it() {
    for (head, body, date, time) in [
        (
            "<p>2023年临江县水利局政府信息公开工作年度报告</p><p>来源：临江县水利局 时间：2024-03-08 15:34</p>",
            "临江县水利局",
            "2024-03-08",
            "15:34",
        ),
        (
            "<p>发布机构：临江县 水利局 时间：2024-01-20</p><p>临江县水利局2023年政府信息公开工作年度报告</p>",
            "临江县 水利局",
            "2024-01-20",
            "",
        ),
        (
            "<div><span>信息来源：临江县水利局</span> <span>发布时间：2024-01-19 08:05</span> <span>浏览次数：12</span></div>",
            "临江县水利局",
            "2024-01-19",
            "08:05",
        ),
    ] {
        let r = read_published(&page_with_head(head), "x");
        let m = &r.draft.meta;
        assert_eq!(
            (m.body.as_str(), m.pub_date.as_str(), m.pub_time.as_str()),
            (body, date, time),
            "{head}"
        );
    }
}

#[test]
fn the_catalogue_as_a_table_with_entries_that_are_not_fields() {
    let head = "<table><tr><td>索引号</td><td>11331125MB1C4/2024-00031</td><td>发布机构</td><td>临江县水利局</td></tr>\
        <tr><td>公开日期</td><td>2024-01-18</td><td>文号</td><td></td><td>关键词</td><td>年报</td></tr></table>\
        <h1>临江县水利局2023年政府信息公开工作年度报告</h1>";
    let r = read_published(&page_with_head(head), "x");
    let m = &r.draft.meta;
    assert_eq!(m.body, "临江县水利局");
    assert_eq!(m.index_no, "11331125MB1C4/2024-00031");
    assert_eq!(m.pub_date, "2024-01-18");
    assert_eq!(
        m.doc_no, "",
        "an empty 文号 never takes the next entry's label"
    );
}

#[test]
fn with_no_catalogue_the_body_comes_from_the_title_and_says_so() {
    for (title, body) in [
        (
            "2019年某某市人民政府办公厅政府信息公开工作年度报告",
            "某某市人民政府办公厅",
        ),
        (
            "某某县统计局2023年度政府信息公开工作年度报告",
            "某某县统计局",
        ),
        ("某某镇人民政府2022年政府信息公开年度报告", "某某镇人民政府"),
    ] {
        let r = read_published(&page_with_head(&format!("<h1>{title}</h1>")), "x");
        assert_eq!(r.draft.meta.body, body, "{title}");
        let field = r.fields.iter().find(|f| f.label == "发布机构").unwrap();
        assert!(
            field
                .note
                .as_ref()
                .is_some_and(|n| n.zh.contains("取自标题")),
            "{field:?}"
        );
        assert!(r
            .report_text(nianbao::report::Lang::Zh)
            .contains("取自标题"));
    }
}

#[test]
fn the_2019_label_in_a_2021_table_is_read_as_its_2021_row_and_said() {
    let page = "<p>某局2023年政府信息公开工作年度报告</p><p>二、主动公开政府信息情况</p><table>\
        <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>\
        <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>\
        <tr><td>规范性文件</td><td>3</td><td>1</td><td>12</td></tr></table>\
        <p>五、存在的主要问题及改进情况</p><p>x</p>";
    let r = read_published(page, "x");
    assert_eq!(r.draft.template, "ogi-2021");
    assert_eq!(r.draft.cell(key("t2/normative/in-force")), "12");
    assert!(r.unplaced.is_empty(), "{:?}", r.unplaced);
    assert!(
        r.notes
            .iter()
            .any(|n| n.zh.contains("“规范性文件”") && n.zh.contains("行政规范性文件")),
        "{:?}",
        r.notes
    );
}

/// A .docx with `body` as its document, zipped as Word does.
fn docx_with(body: &str) -> Vec<u8> {
    use std::io::Write;
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_word_file_with_split_runs_merged_cells_and_wps_markup() {
    let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let tc = |t: &str| {
        format!(
            "<w:tc><w:tcPr><w:tcW w:w=\"800\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
            p(t)
        )
    };
    let span = |t: &str, n: u32| {
        format!(
            "<w:tc><w:tcPr><w:gridSpan w:val=\"{n}\"/></w:tcPr>{}</w:tc>",
            p(t)
        )
    };
    let top = |t: &str| {
        format!(
            "<w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>{}</w:tc>",
            p(t)
        )
    };
    let below = "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>";
    // A number split over runs, a run with tracked changes, a content control around a cell.
    let split = "<w:tc><w:p><w:r><w:t>1</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:b/></w:rPr><w:t>5</w:t></w:r><w:del><w:r><w:delText>9</w:delText></w:r></w:del></w:p></w:tc>";
    let sdt = format!("<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>", tc("2"));
    let header = format!(
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}{}{}{}{}{}</w:tr>",
        span(
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            3
        ),
        tc("自然人"),
        tc("商业企业"),
        tc("科研机构"),
        tc("社会公益组织"),
        tc("法律服务机构"),
        tc("其他"),
        tc("总计")
    );
    let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
    let nums = |n: &[&str]| n.iter().map(|v| tc(v)).collect::<Vec<_>>();
    let mut rows = vec![header.clone()];
    rows.push(row(&[
        vec![
            span("一、本年新收政府信息公开申请数量", 3),
            split.to_string(),
            sdt.clone(),
        ],
        nums(&["0", "0", "", "0", "17"]),
    ]
    .concat()));
    rows.push(row(&[
        vec![span("二、上年结转政府信息公开申请数量", 3)],
        nums(&["1", "0", "0", "0", "0", "0", "1"]),
    ]
    .concat()));
    rows.push(row(&[
        vec![top("三、本年度办理结果"), span("（一）予以公开", 2)],
        nums(&["10", "1", "0", "0", "0", "0", "11"]),
    ]
    .concat()));
    // The header printed again after a page break, inside the table.
    rows.push(header.clone());
    rows.push(row(&[
        vec![
            below.to_string(),
            span(
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                2,
            ),
        ],
        nums(&["3", "0", "0", "0", "0", "0", "3"]),
    ]
    .concat()));
    let body = format!(
        "{}{}{}<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:drawing><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></w:drawing></w:r></mc:Choice><mc:Fallback><w:pict>{}</w:pict></mc:Fallback></mc:AlternateContent>{}<w:tbl><w:tblGrid/>{}</w:tbl>{}",
        p("临江县水利局2023年政府信息公开工作年度报告"),
        p("一、总体情况"),
        "<w:p><w:r><w:t xml:space=\"preserve\">全年新收申请</w:t></w:r><w:r><w:t>17</w:t></w:r><w:r><w:t>件。</w:t></w:r></w:p>",
        p("文本框里的字"),
        p("文本框里的字"),
        p("三、收到和处理政府信息公开申请情况"),
        rows.concat(),
        p("五、存在的主要问题及改进情况"),
    );
    let r = read_file("年报.docx", &docx_with(&body), "x").unwrap();
    let d = &r.draft;
    assert_eq!(d.template, "ogi-2021");
    assert_eq!(d.meta.body, "临江县水利局", "from the title");
    assert_eq!(
        d.cell(key("t3/new/natural")),
        "15",
        "a number split over runs, the deleted 9 left out"
    );
    assert_eq!(
        d.cell(key("t3/new/business")),
        "2",
        "a cell in a content control"
    );
    assert_eq!(d.cell(key("t3/new/research")), "0");
    assert_eq!(
        d.cell(key("t3/new/nonprofit")),
        "0",
        "a blank cell in a found row is 0"
    );
    assert_eq!(d.cell(key("t3/disclosed/natural")), "10");
    assert_eq!(
        d.cell(key("t3/partly/natural")),
        "3",
        "under a merged group cell, after the header again"
    );
    assert_eq!(
        d.text(SectionKey::Overview)
            .text
            .matches("文本框里的字")
            .count(),
        1
    );
    assert!(d
        .text(SectionKey::Overview)
        .text
        .contains("全年新收申请17件。"));
}

#[test]
fn headings_in_other_words_are_read_by_their_place_and_their_words() {
    let page = "<html><body><p>临江县2024年政府信息公开工作年度报告</p>\
        <p>一总体情况</p><p>总体文字。</p>\
        <p>二、主动公开政府信息情况</p><p>主动公开文字。</p>\
        <p>三、收到和处理政府信息公开申请情况</p><p>申请文字。</p>\
        <p>四、政府信息公开行政复议与行政诉讼情况</p><p>复议文字。</p>\
        <p>五、政府信息公开工作存在的主要问题及改进措施</p><p>问题文字。</p>\
        <p>六、需要说明的其他事项与附表</p><p>本年度没有产生信息公开处理费。</p></body></html>";
    let r = read_published(page, "x");
    assert!(r.sections.iter().all(|s| s.found), "{:#?}", r.sections);
    assert!(r.draft.text(SectionKey::Problems).text.contains("问题文字"));
    assert!(r.draft.text(SectionKey::Other).text.contains("没有产生"));
    assert_eq!(
        r.draft.text(SectionKey::Other).fee,
        "0",
        "the fee in the report's words"
    );
    // Reworded under the format's own numerals: read, and no departure to report.
    assert_eq!(r.layout, None);
    let s_required: Vec<_> = check(&r.draft)
        .into_iter()
        .filter(|f| f.rule.id() == "S-required" && f.message.zh.contains("没有内容"))
        .collect();
    assert!(s_required.is_empty(), "{s_required:#?}");
}

#[test]
fn a_report_in_seven_sections_keeps_its_problems_and_its_other_matters() {
    let page = "<html><body><p>某区2024年政府信息公开工作年度报告</p>\
        <p>一、坚持高位推动，公开工作走深走实</p><p>主题文字。</p>\
        <p>二、主动公开政府信息情况</p><p>主动。</p>\
        <p>三、收到和处理政府信息公开申请情况</p><p>申请。</p>\
        <p>四、政府信息公开行政复议、行政诉讼情况</p><p>复议。</p>\
        <p>五、存在的主要问题</p><p>问题在此。</p>\
        <p>六、改进措施</p><p>改进在此。</p>\
        <p>七、其他需要报告的事项</p><p>无。</p></body></html>";
    let r = read_published(page, "x");
    assert!(r.sections.iter().all(|s| s.found), "{:#?}", r.sections);
    assert!(r.draft.text(SectionKey::Overview).text.contains("主题文字"));
    let problems = r.draft.text(SectionKey::Problems).text;
    assert!(
        problems.contains("问题在此") && problems.contains("改进在此"),
        "{problems}"
    );
    assert_eq!(r.draft.text(SectionKey::Other).text, "无。");
    let layout = r.layout.expect("a layout of the body's own is said once");
    assert!(layout.zh.contains("七、其他需要报告的事项"), "{layout:?}");
}

#[test]
fn the_date_a_page_carries_in_its_meta_or_under_its_title() {
    let meta = "<html><head><meta name=\"PubDate\" content=\"2024-01-26 09:30\"></head><body>\
        <p>临江县水利局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文。</p></body></html>";
    let r = read_published(meta, "x");
    assert_eq!(r.draft.meta.pub_date, "2024-01-26");
    let under =
        "临江县水利局2023年政府信息公开工作年度报告\n发布时间：2024年1月22日\n一、总体情况\n正文。";
    assert_eq!(read_published(under, "x").draft.meta.pub_date, "2024-01-22");
}

#[test]
fn a_table_not_read_is_not_the_units_blank_and_its_rules_do_not_run() {
    // Cells run together as a crawler flattens them: the figures are there, not placed.
    let text = "临江县2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n\
        二、主动公开政府信息情况\n规章000\n\
        三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量5100006\n\
        四、政府信息公开行政复议、行政诉讼情况\n0000000000000000\n\
        五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n无。";
    let r = read_published(text, "x");
    let findings = check(&r.draft);
    assert!(
        !findings
            .iter()
            .any(|f| f.message.zh.contains("一个数字也没有填写")),
        "{findings:#?}"
    );
    assert!(
        findings
            .iter()
            .any(|f| f.rule.id() == "S-unread" && f.message.zh.contains("未能从页面读取")),
        "{findings:#?}"
    );
    assert!(
        !findings.iter().any(|f| f.severity == Severity::Error),
        "no rule runs on cells not read: {findings:#?}"
    );
}

#[test]
fn pdf_text_broken_at_every_digit_is_put_back_and_its_footers_dropped() {
    let text = "临江县2023年政府信息公开工作年度报告\n一、总体情况\n本年度共收到政府信息公开申请\n17\n件，其中自然人申请\n15\n件。\n- 1 -\n\
        三、收到和处理政府信息公开申请情况\n五、存在的主要问题及改进情况\n问题。\n— 2 —\n六、其他需要报告的事项\n无。";
    let r = read_published(text, "x");
    let overview = r.draft.text(SectionKey::Overview).text;
    assert!(
        overview.contains("收到政府信息公开申请17件，其中自然人申请15件。"),
        "{overview}"
    );
    assert!(!r.draft.text(SectionKey::Problems).text.contains('2'));
}

#[test]
fn a_count_in_prose_is_never_a_row_and_a_page_number_never_joins_a_sentence() {
    // 二's one-value rows: a count in the opening's prose is not the row, the table's run is.
    let text = "临江县2023年政府信息公开工作年度报告\n一、总体情况\n本年度公开行政处罚300余条，行政许可信息1200条。\n\
        二、主动公开政府信息情况\n第二十条第（六）项信息内容本年处理决定数量行政处罚2629行政强制54\n\
        五、存在的主要问题及改进情况\n进一步加强政务公开\n5\n工作，提升质量。\n六、其他需要报告的事项\n无。";
    let r = read_published(text, "x");
    assert_eq!(r.draft.cell(key("t2/penalty/decisions")), "2629");
    assert_eq!(r.draft.cell(key("t2/coercion/decisions")), "54");
    let problems = r.draft.text(SectionKey::Problems).text;
    assert!(
        !problems.contains("公开5工作"),
        "a bare footer number stays out of the sentence: {problems}"
    );
}
