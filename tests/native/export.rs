//! The exported page, checked natively; the browser checks (vnu, axe) are in tests/e2e.

use crate::common::key;
use nianbao::report::export::{fragment, page};
use nianbao::report::markup::escape;
use nianbao::report::number::MoneyUnit;
use nianbao::report::sample::sample;
use nianbao::report::templates::{ALL, OGI_2019, OGI_2021};
use nianbao::report::{Draft, SectionKey};
use std::collections::HashSet;

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn a_complete_page_with_its_metadata() {
    let draft = sample(&OGI_2021).unwrap();
    let html = page(&OGI_2021, &draft);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"));
    let title = "青禾市临江区望湖街道办事处2025年政府信息公开工作年度报告";
    assert!(html.contains(&format!("<title>{title}</title>")));
    assert!(html.contains(&format!("<h1>{title}</h1>")));
    for (name, value) in [
        ("ArticleTitle", title),
        ("PubDate", "2026-01-20 09:30"),
        ("ContentSource", "青禾市临江区望湖街道办事处"),
        ("ColumnType", "信息公开年报"),
        ("SiteName", "青禾市临江区人民政府"),
        ("SiteDomain", "www.linjiang.example.gov.cn"),
        ("ColumnName", "政府信息公开年报"),
    ] {
        assert_eq!(
            count(&html, &format!("<meta name=\"{name}\"")),
            1,
            "{name} once"
        );
        assert!(
            html.contains(&format!("<meta name=\"{name}\" content=\"{value}\">")),
            "{name}"
        );
    }
    assert!(
        !html.contains("SiteIDCode"),
        "an empty site field is left out"
    );
    for label in ["索引号", "发布机构", "公开方式", "公开日期", "文号"] {
        assert!(html.contains(&format!("<dt>{label}</dt>")), "{label}");
    }
    assert!(html.contains("<time datetime=\"2026-01-20 09:30\">2026-01-20 09:30</time>"));
    assert!(html.contains("本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止"));
    for s in OGI_2021.sections {
        assert!(
            html.contains(&format!("{}</h2>", s.heading)),
            "{}",
            s.heading
        );
    }
    assert!(html.contains("<h3>（一）主动公开</h3>") && html.contains("<h3>（五）监督保障</h3>"));
    assert!(html.contains("<p>2025年度，本机关收取信息处理费0元。</p>"));
    // Self-contained: no script, no external request.
    assert!(
        !html.contains("<script")
            && !html.contains("src=")
            && !html.contains("@import")
            && !html.contains("url(")
    );
    assert!(
        html.contains("@media print")
            && html.contains("display: table-header-group")
            && html.contains("size: A4")
    );
}

#[test]
fn table_3_has_the_official_layout_with_headers() {
    let html = page(&OGI_2021, &sample(&OGI_2021).unwrap());
    assert!(html.contains("<td class=\"nb-note\" rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"));
    assert!(html.contains(
        "<th scope=\"colgroup\" id=\"nb-t3-c-applicants\" colspan=\"7\">申请人情况</th>"
    ));
    assert!(html.contains("<th scope=\"col\" id=\"nb-t3-c-natural\" rowspan=\"2\">自然人</th>"));
    assert!(html.contains("<th id=\"nb-t3-r-results\" rowspan=\"22\">三、本年度办理结果</th>"));
    assert!(html.contains("<th id=\"nb-t3-r-withheld\" rowspan=\"8\">（三）不予公开</th>"));
    assert!(html.contains(
        "<th scope=\"row\" id=\"nb-t3-r-new\" colspan=\"3\">一、本年新收政府信息公开申请数量</th>"
    ));
    // 1.属于国家秘密 / 自然人: three row headings and three column headings.
    assert!(html.contains(
        "<td headers=\"nb-t3-r-results nb-t3-r-withheld nb-t3-r-withheld-secret nb-t3-c-applicants nb-t3-c-natural\">0</td>"
    ));
    assert!(html.contains("<td headers=\"nb-t3-r-results nb-t3-r-withheld nb-t3-r-withheld-secret nb-t3-c-applicants nb-t3-c-legal nb-t3-c-business\">0</td>"));
    // Computed totals: 109 new requests, 106 handled, 8 carried over.
    assert!(html.contains("nb-t3-c-total\">109</td>"));
    assert!(html.contains("nb-t3-r-total nb-t3-c-applicants nb-t3-c-total\">106</td>"));
    assert!(html.contains("nb-t3-r-carried-over nb-t3-c-applicants nb-t3-c-total\">8</td>"));
}

#[test]
fn every_headers_reference_exists_in_its_table_and_ids_are_unique() {
    for t in ALL {
        let html = page(t, &sample(t).unwrap());
        for table in html.split("<table>").skip(1) {
            let table = table.split("</table>").next().unwrap();
            let ids: HashSet<&str> = table
                .split(" id=\"")
                .skip(1)
                .map(|s| s.split('"').next().unwrap())
                .collect();
            for refs in table.split(" headers=\"").skip(1) {
                for id in refs.split('"').next().unwrap().split(' ') {
                    assert!(
                        ids.contains(id),
                        "{}: headers refers to missing id {id}",
                        t.id
                    );
                }
            }
        }
        let all: Vec<&str> = html
            .split(" id=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap())
            .collect();
        let unique: HashSet<&&str> = all.iter().collect();
        assert_eq!(all.len(), unique.len(), "{}: duplicate ids", t.id);
    }
}

#[test]
fn blank_inputs_print_as_zero_and_units_are_kept() {
    let empty = Draft::new("e", &OGI_2021, 2025, "某局");
    let html = page(&OGI_2021, &empty);
    let zeros = count(&html, ">0</td>");
    // Every cell of every table prints 0: 10 + 25×7 + 15.
    assert_eq!(zeros, 10 + 25 * 7 + 15);
    let mut d19 = sample(&OGI_2019).unwrap();
    let html = page(&OGI_2019, &d19);
    assert!(html.contains(">251000元</td>"));
    assert!(
        html.contains(">-2</td>"),
        "a signed change prints with its sign"
    );
    d19.units.insert(
        "t2/procurement/procurement-amount".into(),
        MoneyUnit::WanYuan,
    );
    d19.set_cell(key("t2/procurement/procurement-amount"), "25.1");
    assert!(page(&OGI_2019, &d19).contains(">25.1万元</td>"));
}

#[test]
fn paragraphs_come_from_blank_lines() {
    let mut draft = sample(&OGI_2021).unwrap();
    draft.texts.get_mut(&SectionKey::Problems).unwrap().text =
        "第一段第一行\n第一段第二行\n\n\n  第二段  \r\n\r\n第三段".into();
    let html = page(&OGI_2021, &draft);
    assert!(html.contains("<p>第一段第一行<br>第一段第二行</p>\n<p>第二段</p>\n<p>第三段</p>"));
}

#[test]
fn user_text_is_never_markup() {
    let hostile =
        "<script>alert(1)</script><img src=x onerror=alert(1)>\"'&amp;\u{0}\u{7}\u{85}\u{fdd0}";
    let mut draft = sample(&OGI_2021).unwrap();
    draft.meta.body = hostile.into();
    draft.meta.index_no = hostile.into();
    draft.meta.site.name = hostile.into();
    draft.opening = Some(hostile.into());
    draft.texts.get_mut(&SectionKey::Problems).unwrap().text = hostile.into();
    draft.set_cell(key("t3/new/natural"), hostile);
    let html = page(&OGI_2021, &draft);
    assert!(!html.contains("<script>") && !html.contains("<img"));
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;amp;";
    // Each context on its own: catalogue, attribute, paragraph, table cell.
    assert!(html.contains(&format!("<dt>索引号</dt><dd>{escaped}</dd>")));
    assert!(html.contains(&format!("<meta name=\"SiteName\" content=\"{escaped}\">")));
    assert!(html.contains(&format!(
        "<meta name=\"ContentSource\" content=\"{escaped}\">"
    )));
    assert!(html.contains(&format!("<p>{escaped}</p>")));
    assert!(html.contains(&format!("nb-t3-c-natural\">{escaped}</td>")));
    assert!(
        !html.contains('\u{0}')
            && !html.contains('\u{7}')
            && !html.contains('\u{85}')
            && !html.contains('\u{fdd0}')
    );
    assert_eq!(escape("a<b>&\"'c"), "a&lt;b&gt;&amp;&quot;&#39;c");
}

#[test]
fn the_fragment_is_in_the_form_editors_keep() {
    for template in ALL {
        let html = fragment(template, &sample(template).unwrap());
        // Nothing editors drop, flatten or show as text.
        for gone in [
            "<html",
            "<head",
            "<body",
            "<meta",
            "<style",
            "<article",
            "<section",
            "<div",
            "<dl",
            "<dt",
            "<dd",
            "<caption",
            "<svg",
            "<figure",
            "class=\"nb-visually-hidden\"",
        ] {
            assert!(
                !html.contains(gone),
                "{}: the fragment has {gone}",
                template.id
            );
        }
        // The catalogue as lines, each table with its borders as attributes, every cell styled.
        assert!(html.starts_with("<p>索引号："), "{}", &html[..80]);
        let tables = html.matches("<table").count();
        assert_eq!(
            tables,
            html.matches("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\"")
                .count()
        );
        let cells = html.matches("<td").count() + html.matches("<th ").count();
        assert_eq!(
            cells,
            html.matches("style=\"border: 1px solid").count(),
            "{}",
            template.id
        );
        // Each block title of 二 is a first row spanning its table.
        for table in template.tables() {
            if table.blocks.len() > 1 {
                for block in table.blocks {
                    let title = block.caption.unwrap();
                    assert!(
                        html.contains("<thead>\n<tr><th scope=\"colgroup\" colspan="),
                        "{title}"
                    );
                    assert!(html.contains(&format!(">{title}</th></tr>")), "{title}");
                }
            }
        }
        assert_eq!(html.matches("<h2>").count(), 6);
    }
}

#[test]
fn plain_text_for_the_clipboard() {
    use nianbao::report::export::plain_text;
    let text = plain_text(&OGI_2021, &sample(&OGI_2021).unwrap());
    assert!(text.starts_with("青禾市临江区望湖街道办事处2025年政府信息公开工作年度报告\n"));
    assert!(text.contains("索引号：11330604MB0000000X/2026-00017"));
    assert!(text.contains("\n三、收到和处理政府信息公开申请情况\n"));
    assert!(text.contains("\t申请人情况 自然人\t申请人情况 法人或其他组织 商业企业\t"));
    assert!(text.contains("\n一、本年新收政府信息公开申请数量\t86\t12\t1\t2\t5\t3\t109\n"));
    assert!(text.contains("\n（七）总计\t85\t12\t1\t2\t4\t2\t106\n"));
    assert!(text.contains("\n\t行政复议 结果维持\t"));
    assert!(text.contains("（一）主动公开\n2025年，本街道"));
    assert!(!text.contains('<'));
}

#[test]
fn charts_are_optional_accessible_svg_drawn_from_the_tables() {
    let mut draft = sample(&OGI_2021).unwrap();
    assert!(
        !page(&OGI_2021, &draft).contains("<svg"),
        "off unless asked for"
    );
    draft.charts = true;
    let html = page(&OGI_2021, &draft);
    assert_eq!(count(&html, "<svg role=\"img\""), 3);
    assert!(html.contains("<title id=\"nb-chart-1-title\">本年度申请的办理结果（件）</title>"));
    // Every number in words in the description: 51 disclosed, 11 partly, 8 withheld …
    assert!(html.contains("<desc id=\"nb-chart-1-desc\">（一）予以公开51件，（二）部分公开11件，（三）不予公开8件，（四）无法提供25件，（五）不予处理8件，（六）其他处理3件</desc>"));
    assert!(html.contains("<desc id=\"nb-chart-2-desc\">自然人86件，商业企业12件"));
    assert!(html.contains("行政诉讼 尚未审结1件"));
    // The charts follow their tables: 三's two after table 三, 四's after table 四.
    let t3 = html
        .find("<caption class=\"nb-visually-hidden\">收到和处理政府信息公开申请情况")
        .unwrap();
    let t4 = html
        .find("<caption class=\"nb-visually-hidden\">政府信息公开行政复议、行政诉讼情况")
        .unwrap();
    let c1 = html.find("nb-chart-1-title").unwrap();
    let c3 = html.find("nb-chart-3-title").unwrap();
    assert!(t3 < c1 && c1 < t4 && t4 < c3);
    // 2019's single （六） row is charted too.
    let mut d19 = sample(&OGI_2019).unwrap();
    d19.charts = true;
    assert!(page(&OGI_2019, &d19).contains("（六）其他处理3件"));
}

#[test]
fn the_trusted_types_tripwire_refuses_every_vector_and_passes_our_views() {
    use nianbao::report::markup::could_run_script;
    let vectors = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xss-vectors.txt"),
    )
    .unwrap();
    // Lines that carry markup or a handler (a few of the list are bare strings that only
    // matter inside a script, which no path here gives them).
    let passing: Vec<&str> = vectors
        .lines()
        .filter(|l| l.contains('<') && !could_run_script(l))
        .collect();
    // A plain link to another site runs nothing; the tripwire is about script.
    assert_eq!(passing, ["<A HREF=\"http://xss.example.invalid/\">XSS</A>"]);
    for v in vectors.lines().filter(|l| l.contains('<')) {
        assert!(!could_run_script(&escape(v)), "escaped, refused: {v}");
    }
    for ours in [
        "<span lang=\"zh-CN\">年报</span>",
        "<p class=\"nb-hint\">Metadata: what the page says on one line</p>",
        "<a href=\"#/sum\">汇总 on the county</a>",
        "<label for=\"nb-open-file\" class=\"nb-file-label\">选择草稿文件</label>",
        "<td style=\"border: 1px solid #4d4d4d\">12</td>",
        "<button type=\"button\" class=\"nb-button\">Turn on</button>",
    ] {
        assert!(!could_run_script(ours), "refused: {ours}");
    }
}
