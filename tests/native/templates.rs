//! The formats as data equal the official format in `../shared/spec/report-format.md`, label
//! for label.

use crate::common::key;
use nianbao::report::template::{Block, CellKey, Corner, SectionBody, SectionKey};
use nianbao::report::templates::{by_id, ALL, OGI_2019, OGI_2021};
use nianbao::report::Template;

const HEADINGS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

const T3_ROWS_2021: [&str; 25] = [
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
];

fn block(template: &Template, key: SectionKey, i: usize) -> &'static Block {
    match template.section(key).body {
        SectionBody::Table(t) => &t.blocks[i],
        SectionBody::Text(_) => panic!("{key:?} is not a table"),
    }
}

fn row_labels(block: &'static Block) -> Vec<&'static str> {
    block.data_rows().iter().map(|r| r.row.label).collect()
}

fn column_labels(block: &'static Block) -> Vec<&'static str> {
    block
        .value_columns()
        .iter()
        .map(|c| c.column.label)
        .collect()
}

fn group_labels(block: &'static Block) -> Vec<Vec<&'static str>> {
    block
        .data_rows()
        .iter()
        .map(|r| r.ancestors.iter().map(|a| a.label).collect())
        .collect()
}

#[test]
fn both_formats_have_the_six_sections_in_order() {
    for t in ALL {
        let headings: Vec<&str> = t.sections.iter().map(|s| s.heading).collect();
        assert_eq!(headings, HEADINGS, "{}", t.id);
    }
    assert_eq!(by_id("ogi-2021").map(|t| t.id), Some("ogi-2021"));
    assert_eq!(by_id("ogi-2019").map(|t| t.id), Some("ogi-2019"));
    assert!(by_id("ogi-2030").is_none());
    assert_eq!(ALL[0].id, "ogi-2021", "the default comes first");
}

#[test]
fn input_cell_counts_match_the_spec() {
    let count = |t: &Template, table: &str| t.input_cells().filter(|c| c.table.id == table).count();
    assert_eq!(
        [
            count(&OGI_2021, "t2"),
            count(&OGI_2021, "t3"),
            count(&OGI_2021, "t4")
        ],
        [10, 144, 12]
    );
    assert_eq!(
        [
            count(&OGI_2019, "t2"),
            count(&OGI_2019, "t3"),
            count(&OGI_2019, "t4")
        ],
        [22, 132, 12]
    );
}

#[test]
fn table_2_blocks_2021() {
    let captions: Vec<_> = (0..4)
        .map(|i| block(&OGI_2021, SectionKey::Proactive, i).caption.unwrap())
        .collect();
    assert_eq!(
        captions,
        [
            "第二十条第（一）项",
            "第二十条第（五）项",
            "第二十条第（六）项",
            "第二十条第（八）项"
        ]
    );
    let b = |i| block(&OGI_2021, SectionKey::Proactive, i);
    assert_eq!(
        column_labels(b(0)),
        ["本年制发件数", "本年废止件数", "现行有效件数"]
    );
    assert_eq!(row_labels(b(0)), ["规章", "行政规范性文件"]);
    assert_eq!(column_labels(b(1)), ["本年处理决定数量"]);
    assert_eq!(row_labels(b(1)), ["行政许可"]);
    assert_eq!(column_labels(b(2)), ["本年处理决定数量"]);
    assert_eq!(row_labels(b(2)), ["行政处罚", "行政强制"]);
    assert_eq!(column_labels(b(3)), ["本年收费金额（单位：万元）"]);
    assert_eq!(row_labels(b(3)), ["行政事业性收费"]);
    for i in 0..4 {
        assert_eq!(b(i).corner, Corner::Heading("信息内容"));
    }
}

#[test]
fn table_2_blocks_2019() {
    let b = |i| block(&OGI_2019, SectionKey::Proactive, i);
    let captions: Vec<_> = (0..5).map(|i| b(i).caption.unwrap()).collect();
    assert_eq!(
        captions,
        [
            "第二十条第（一）项",
            "第二十条第（五）项",
            "第二十条第（六）项",
            "第二十条第（八）项",
            "第二十条第（九）项"
        ]
    );
    assert_eq!(
        column_labels(b(0)),
        ["本年新制作数量", "本年新公开数量", "对外公开总数量"]
    );
    assert_eq!(row_labels(b(0)), ["规章", "规范性文件"]);
    assert_eq!(
        column_labels(b(1)),
        ["上一年项目数量", "本年增/减", "处理决定数量"]
    );
    assert_eq!(row_labels(b(1)), ["行政许可", "其他对外管理服务事项"]);
    assert_eq!(
        column_labels(b(2)),
        ["上一年项目数量", "本年增/减", "处理决定数量"]
    );
    assert_eq!(row_labels(b(2)), ["行政处罚", "行政强制"]);
    assert_eq!(column_labels(b(3)), ["上一年项目数量", "本年增/减"]);
    assert_eq!(row_labels(b(3)), ["行政事业性收费"]);
    assert_eq!(column_labels(b(4)), ["采购项目数量", "采购总金额"]);
    assert_eq!(row_labels(b(4)), ["政府集中采购"]);
}

#[test]
fn table_3_rows_and_groups() {
    let b = block(&OGI_2021, SectionKey::Requests, 0);
    assert_eq!(row_labels(b), T3_ROWS_2021);
    let groups = group_labels(b);
    assert!(groups[0].is_empty() && groups[1].is_empty() && groups[24].is_empty());
    assert_eq!(groups[2], ["三、本年度办理结果"]);
    assert_eq!(groups[4], ["三、本年度办理结果", "（三）不予公开"]);
    assert_eq!(groups[12], ["三、本年度办理结果", "（四）无法提供"]);
    assert_eq!(groups[15], ["三、本年度办理结果", "（五）不予处理"]);
    assert_eq!(groups[20], ["三、本年度办理结果", "（六）其他处理"]);
    assert_eq!(groups[23], ["三、本年度办理结果"]);

    let b19 = block(&OGI_2019, SectionKey::Requests, 0);
    let mut expected: Vec<&str> = T3_ROWS_2021.to_vec();
    expected.splice(20..23, ["（六）其他处理"]);
    assert_eq!(row_labels(b19), expected);
    assert_eq!(row_labels(b19).len(), 23);
    assert_eq!(group_labels(b19)[20], ["三、本年度办理结果"]);
}

#[test]
fn table_3_columns_and_note() {
    for t in ALL {
        let b = block(t, SectionKey::Requests, 0);
        assert_eq!(
            column_labels(b),
            [
                "自然人",
                "商业企业",
                "科研机构",
                "社会公益组织",
                "法律服务机构",
                "其他",
                "总计"
            ]
        );
        let legal: Vec<_> = b.value_columns()[1]
            .ancestors
            .iter()
            .map(|a| a.label)
            .collect();
        assert_eq!(legal, ["申请人情况", "法人或其他组织"]);
        assert_eq!(b.header_depth(), 3);
        assert_eq!(b.label_depth(), 3);
        assert_eq!(
            b.corner,
            Corner::Note("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
        );
        let computed: Vec<String> = t
            .cells()
            .filter(|c| c.table.id == "t3" && !c.is_input())
            .map(|c| c.key().to_string())
            .collect();
        // The 总计 column of every row, and the whole （七）总计 row.
        let rows = b.data_rows().len();
        assert_eq!(computed.len(), rows + 6);
        assert!(computed
            .iter()
            .all(|k| k.ends_with("/total") || k.starts_with("t3/total/")));
    }
}

#[test]
fn table_4_header_tree() {
    for t in ALL {
        let b = block(t, SectionKey::Disputes, 0);
        let names: Vec<Vec<&str>> = b
            .value_columns()
            .iter()
            .map(|c| {
                c.ancestors
                    .iter()
                    .map(|a| a.label)
                    .chain([c.column.label])
                    .collect()
            })
            .collect();
        let results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        let mut expected: Vec<Vec<&str>> = Vec::new();
        for r in results {
            expected.push(vec!["行政复议", r]);
        }
        for block in ["未经复议直接起诉", "复议后起诉"] {
            for r in results {
                expected.push(vec!["行政诉讼", block, r]);
            }
        }
        assert_eq!(names, expected);
        assert_eq!(b.corner, Corner::NoRowLabels);
        assert_eq!(t.cells().filter(|c| c.table.id == "t4").count(), 15);
    }
}

#[test]
fn value_kinds_follow_the_spec() {
    use nianbao::report::number::ValueKind;
    let kind = |t: &Template, at: &str| t.cell(key(at)).and_then(|c| c.value_kind());
    assert_eq!(
        kind(&OGI_2021, "t2/fees/fee-amount"),
        Some(ValueKind::Decimal { unit: "万元" })
    );
    assert_eq!(
        kind(&OGI_2019, "t2/licensing/change"),
        Some(ValueKind::SignedCount)
    );
    assert_eq!(
        kind(&OGI_2019, "t2/fees/change"),
        Some(ValueKind::SignedCount)
    );
    assert_eq!(
        kind(&OGI_2019, "t2/procurement/procurement-amount"),
        Some(ValueKind::Amount)
    );
    assert_eq!(kind(&OGI_2021, "t3/new/natural"), Some(ValueKind::Count));
    assert_eq!(kind(&OGI_2021, "t3/new/total"), None);
    let others = OGI_2021
        .input_cells()
        .chain(OGI_2019.input_cells())
        .filter(|c| c.value_kind() != Some(ValueKind::Count))
        .count();
    // 2021 收费金额; 2019 本年增/减 in five rows and 采购总金额.
    assert_eq!(
        others,
        1 + 5 + 1,
        "only the cells the spec names take decimals or signs"
    );
}

#[test]
fn text_sections_and_aspects() {
    let aspects: Vec<&str> = OGI_2021
        .text_spec(SectionKey::Overview)
        .unwrap()
        .aspects
        .iter()
        .map(|a| a.label)
        .collect();
    assert_eq!(
        aspects,
        [
            "主动公开",
            "依申请公开",
            "政府信息管理",
            "政府信息公开平台建设",
            "监督保障"
        ]
    );
    assert!(OGI_2021.text_spec(SectionKey::Other).unwrap().fee.is_some());
    assert!(OGI_2019.text_spec(SectionKey::Other).unwrap().fee.is_none());
}

#[test]
fn cells_are_named_by_row_then_column() {
    let name = |at: &str| OGI_2021.cell(key(at)).unwrap().name();
    assert_eq!(
        name("t3/withheld-secret/natural"),
        "（三）不予公开 1.属于国家秘密 自然人"
    );
    assert_eq!(
        name("t3/disclosed/business"),
        "（一）予以公开 法人或其他组织 商业企业"
    );
    assert_eq!(
        name("t3/new/natural"),
        "一、本年新收政府信息公开申请数量 自然人"
    );
    assert_eq!(name("t4/cases/review-upheld"), "行政复议 结果维持");
    assert_eq!(
        name("t4/cases/after-pending"),
        "行政诉讼 复议后起诉 尚未审结"
    );
    assert_eq!(name("t2/normative/made"), "行政规范性文件 本年制发件数");
    // Names are unique, so screen readers and tests address every cell unambiguously.
    for t in ALL {
        let mut names: Vec<String> = t.input_cells().map(|c| c.name()).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n, "{}", t.id);
    }
}

#[test]
fn keys_round_trip() {
    for t in ALL {
        for cell in t.cells() {
            assert_eq!(t.cell(cell.key()).map(|c| c.key()), Some(cell.key()));
            assert_eq!(t.cell_key(&cell.key().to_string()), Some(cell.key()));
        }
    }
    assert!(OGI_2021.cell_key("t3/new").is_none());
    assert!(OGI_2021.cell_key("t3/new/natural/x").is_none());
    assert!(OGI_2021.cell_key("t9/new/natural").is_none());
    assert!(OGI_2021
        .cell(CellKey::new("t9", "new", "natural"))
        .is_none());
}

#[test]
fn the_glossary_lists_every_row_and_column_id() {
    use nianbao::report::template::{Column, Row};
    let glossary = include_str!("../../docs/glossary.md");
    fn rows(list: &'static [Row], out: &mut Vec<(&'static str, &'static str)>) {
        for r in list {
            out.push((r.id, r.label));
            rows(r.children, out);
        }
    }
    fn cols(list: &'static [Column], out: &mut Vec<(&'static str, &'static str)>) {
        for c in list {
            out.push((c.id, c.label));
            cols(c.children, out);
        }
    }
    let mut ids = Vec::new();
    for t in ALL {
        for table in t.tables() {
            for b in table.blocks {
                rows(b.rows, &mut ids);
                cols(b.columns, &mut ids);
            }
        }
    }
    for (id, label) in ids {
        let line = if label.is_empty() {
            format!("| `{id}` |")
        } else {
            format!("| `{id}` | {label} |")
        };
        assert!(glossary.contains(&line), "docs/glossary.md lacks {line}");
    }
}

#[test]
fn the_results_total_adds_up_every_input_row_of_its_group() {
    use nianbao::report::template::RowKind;
    for t in ALL {
        let block = &t.table("t3").unwrap().blocks[0];
        let rows = block.data_rows();
        let total = rows.iter().find(|r| r.row.id == "total").unwrap();
        let RowKind::Total(sum) = &total.row.kind else {
            panic!("（七）总计 is a total")
        };
        let leaves: Vec<&str> = rows
            .iter()
            .filter(|r| matches!(r.row.kind, RowKind::Input))
            .filter(|r| r.ancestors.first().is_some_and(|g| g.id == "results"))
            .map(|r| r.row.id)
            .collect();
        assert_eq!(sum.of, leaves.as_slice(), "{}", t.id);
    }
}

#[test]
fn year_links_name_input_cells_the_cross_year_checks_can_read_directly() {
    use nianbao::report::template::YearLink;
    for t in ALL {
        for link in t.links {
            let (table, rows, columns): (&str, Vec<&str>, Vec<&str>) = match link {
                YearLink::Carry {
                    table, from, to, ..
                } => (table, vec![from, to], vec![]),
                YearLink::Stock {
                    table,
                    rows,
                    stock,
                    added,
                    removed,
                    ..
                } => (table, rows.to_vec(), vec![stock, added, removed]),
            };
            let cells: Vec<_> = t
                .cells()
                .filter(|c| c.table.id == table)
                .filter(|c| rows.contains(&c.row.row.id))
                .filter(|c| columns.is_empty() || columns.contains(&c.column.column.id))
                .collect();
            assert!(!cells.is_empty(), "{}: {link:?}", t.id);
            // Every such cell that is not a row total is typed, never computed.
            for c in cells.iter().filter(|c| c.column.column.id != "total") {
                assert!(c.is_input(), "{}: {} is computed", t.id, c.key());
            }
        }
    }
}

#[test]
fn every_format_has_a_sample_that_breaks_no_rule() {
    use nianbao::report::{check, sample::sample, Severity};
    for t in ALL {
        let draft = sample(t).unwrap_or_else(|| panic!("{} has no sample", t.id));
        assert_eq!(draft.template, t.id);
        let errors: Vec<_> = check(&draft)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", t.id);
    }
}

/// Every label a page is read by (headings, captions, corners, columns and rows), and every
/// word the format's text check reads.
fn labels(t: &'static Template) -> Vec<&'static str> {
    use nianbao::report::template::{Column, Row};
    fn columns(cs: &'static [Column], out: &mut Vec<&'static str>) {
        for c in cs {
            out.push(c.label);
            columns(c.children, out);
        }
    }
    fn rows(rs: &'static [Row], out: &mut Vec<&'static str>) {
        for r in rs {
            out.push(r.label);
            rows(r.children, out);
        }
    }
    let mut out: Vec<&'static str> = t.sections.iter().map(|s| s.heading).collect();
    for table in t.tables() {
        out.push(table.caption);
        for block in table.blocks {
            out.extend(block.caption);
            match block.corner {
                Corner::Heading(h) | Corner::Note(h) => out.push(h),
                Corner::NoRowLabels => {}
            }
            columns(block.columns, &mut out);
            rows(block.rows, &mut out);
        }
    }
    // The words rule N-text reads, which Traditional texts write too.
    for b in t.bindings {
        out.extend(b.phrases.iter().chain(b.context));
    }
    for r in t.rates {
        out.extend(r.phrases);
    }
    let w = t.text_words;
    for list in [
        w.units,
        w.between,
        w.qualifiers,
        w.elsewhere,
        w.reasons,
        w.any_reason,
        w.respective,
        w.includes,
        w.denials,
        w.denied_between,
        w.denied_after,
        w.connectors,
        w.all_upheld,
        w.except,
        w.share,
    ] {
        out.extend(list);
    }
    out
}

#[test]
fn the_traditional_table_covers_every_label_character() {
    use nianbao::report::hant::COVERED;
    for t in ALL {
        let missing: std::collections::BTreeSet<char> = labels(t)
            .iter()
            .flat_map(|l| l.chars())
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c) && !COVERED.contains(*c))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: labels use {missing:?}, which scripts/gen-hant.py has not covered: run it again",
            t.id
        );
    }
}

#[test]
fn the_glossary_explains_every_rule_and_every_rule_is_used() {
    use nianbao::report::Rule;
    let glossary = include_str!("../../docs/glossary.md");
    for rule in Rule::ALL {
        assert!(
            glossary.contains(&format!("| `{}` |", rule.id())),
            "docs/glossary.md has no line for rule {rule}"
        );
    }
    let ids: std::collections::BTreeSet<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    assert_eq!(ids.len(), Rule::ALL.len(), "rule ids are unique");
}

#[test]
fn each_section_has_one_slug_its_serde_name() {
    for key in SectionKey::ALL {
        let serde_name = serde_json::to_string(&key).unwrap();
        assert_eq!(serde_name, format!("\"{}\"", key.slug()));
        assert_eq!(SectionKey::from_slug(key.slug()), Some(key));
    }
}
