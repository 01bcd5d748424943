//! Keyboard movement between cells and pasting rows copied from Excel or WPS.

use crate::common::key;
use nianbao::report::grid::{
    clipboard_rows, is_multi_value, neighbor, pastes_as_typed, plan_rows, split_pasted,
    Direction::*,
};
use nianbao::report::number::ValueKind;
use nianbao::report::template::CellKey;
use nianbao::report::templates::{OGI_2019, OGI_2021};
use nianbao::report::Template;

/// A paste of plain text at `key`, as the editor plans it.
fn plan_paste(template: &Template, at: &str, text: &str) -> nianbao::report::grid::PastePlan {
    plan_rows(template, key(at), clipboard_rows(text, None))
}

fn n(at: &str, d: nianbao::report::grid::Direction) -> Option<String> {
    neighbor(&OGI_2021, key(at), d).map(|k| k.to_string())
}

#[test]
fn arrows_move_between_input_cells_and_skip_totals() {
    assert_eq!(
        n("t3/new/natural", Right).as_deref(),
        Some("t3/new/business")
    );
    assert_eq!(
        n("t3/new/other-org", Right),
        None,
        "the 总计 column is skipped, then the edge"
    );
    assert_eq!(n("t3/new/natural", Left), None);
    assert_eq!(n("t3/new/natural", Up), None);
    assert_eq!(
        n("t3/new/natural", Down).as_deref(),
        Some("t3/carried/natural")
    );
    assert_eq!(
        n("t3/other-misc/natural", Down).as_deref(),
        Some("t3/carried-over/natural"),
        "（七）总计 is skipped"
    );
    assert_eq!(
        n("t3/carried-over/natural", Up).as_deref(),
        Some("t3/other-misc/natural")
    );
    assert_eq!(n("t3/carried-over/natural", Down), None);
    assert_eq!(
        n("t4/cases/review-pending", Right).as_deref(),
        Some("t4/cases/direct-upheld")
    );
    assert_eq!(
        n("t4/cases/direct-upheld", Left).as_deref(),
        Some("t4/cases/review-pending")
    );
    // Each block of 二 is its own grid.
    assert_eq!(n("t2/normative/made", Down), None);
    assert_eq!(
        n("t2/penalty/decisions", Down).as_deref(),
        Some("t2/coercion/decisions")
    );
    assert_eq!(
        neighbor(&OGI_2019, key("t3/other/natural"), Down)
            .map(|k| k.to_string())
            .as_deref(),
        Some("t3/carried-over/natural")
    );
    assert_eq!(
        neighbor(&OGI_2021, CellKey::new("t9", "x", "y"), Down),
        None
    );
}

#[test]
fn pasted_text_splits_at_tabs_or_spaces() {
    assert_eq!(split_pasted("1\t2\t3\r\n"), [["1", "2", "3"]]);
    assert_eq!(split_pasted("1 2  3"), [["1", "2", "3"]]);
    assert_eq!(
        split_pasted("1\t\t3"),
        [["1", "", "3"]],
        "an empty spreadsheet cell stays a position"
    );
    assert_eq!(split_pasted("1\t2\n3\t4\n\n"), [["1", "2"], ["3", "4"]]);
    assert!(is_multi_value("1\t2") && is_multi_value("1\n2"));
    assert!(!is_multi_value("12") && !is_multi_value("12\n"));
}

#[test]
fn a_pasted_row_fills_consecutive_cells() {
    let plan = plan_paste(&OGI_2021, "t3/new/natural", "５\t1\t0\t0\t2\t1");
    let keys: Vec<String> = plan.fills.iter().map(|(k, _)| k.to_string()).collect();
    assert_eq!(
        keys,
        [
            "t3/new/natural",
            "t3/new/business",
            "t3/new/research",
            "t3/new/nonprofit",
            "t3/new/legal-service",
            "t3/new/other-org"
        ]
    );
    assert_eq!(plan.fills[0].1, "５");
    assert_eq!((plan.on_computed, plan.outside), (0, 0));
    // A row copied with its total: the total lands on the computed column and is left out.
    let plan = plan_paste(&OGI_2021, "t3/new/natural", "5 1 0 0 2 1 9");
    assert_eq!(
        (plan.fills.len(), plan.on_computed, plan.outside),
        (6, 1, 0)
    );
    // Table 四 copied whole: the three totals are left out, nothing shifts.
    let row = "1\t0\t0\t1\t2\t3\t0\t0\t0\t3\t0\t1\t0\t0\t1";
    let plan = plan_paste(&OGI_2021, "t4/cases/review-upheld", row);
    assert_eq!(plan.on_computed, 3);
    assert!(plan
        .fills
        .contains(&(key("t4/cases/direct-upheld"), "3".into())));
    assert!(plan
        .fills
        .contains(&(key("t4/cases/after-corrected"), "1".into())));
    // Past the edge.
    let plan = plan_paste(&OGI_2021, "t3/new/other-org", "1 2 3");
    assert_eq!(
        (plan.fills.len(), plan.on_computed, plan.outside),
        (1, 1, 1)
    );
    // Rows go down; the （七）总计 row takes no values.
    let plan = plan_paste(&OGI_2021, "t3/other-misc/natural", "1\n2\n3");
    assert_eq!(
        plan.fills,
        [
            (key("t3/other-misc/natural"), "1".into()),
            (key("t3/carried-over/natural"), "3".into())
        ]
    );
    assert_eq!(plan.on_computed, 1);
}

#[test]
fn a_block_copied_from_a_web_page_lands_by_position_with_a_summary() {
    use nianbao::report::grid::{clipboard_rows, plan_rows};
    // Three rows of table 三 copied from a published page: labels, a total column, marks.
    let html = "<meta charset=utf-8><table>\
        <tr><td>一、本年新收政府信息公开申请数量</td><td>12件</td><td>1</td><td>/</td><td>-</td><td>0</td><td>无</td><td>14</td></tr>\
        <tr><td>二、上年结转政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>\
        <tr><td>（一）予以公开</td><td>约5</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>7</td></tr>\
        </table>";
    let rows = clipboard_rows("ignored plain text", Some(html));
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][0], "12件", "the row label is left out");
    let plan = plan_rows(&OGI_2021, key("t3/new/natural"), rows);
    let get = |k: &str| {
        plan.fills
            .iter()
            .find(|(at, _)| at.to_string() == *k)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("t3/new/natural"), Some("12"));
    assert_eq!(get("t3/new/research"), Some("0"));
    assert_eq!(get("t3/new/other-org"), Some("0"));
    assert_eq!(get("t3/carried/natural"), Some("1"));
    assert_eq!(get("t3/disclosed/business"), Some("2"));
    assert_eq!(get("t3/disclosed/natural"), None, "约5 is not a number");
    assert_eq!(
        plan.on_computed, 3,
        "the three totals are left out, not shifted"
    );
    assert_eq!(plan.not_numbers, ["约5"]);
    assert_eq!(plan.converted, 4);
    let zh = plan.summary().zh;
    assert!(
        zh.contains("已粘贴17个单元格")
            && zh.contains("3个落在自动计算的总计上")
            && zh.contains("“约5”"),
        "{zh}"
    );
    // Without a table in the HTML, the plain text is used; a header row is dropped.
    let rows = clipboard_rows("自然人\t商业企业\n3\t4", Some("<b>x</b>"));
    assert_eq!(rows, [["3", "4"]]);
}

#[test]
fn blank_rows_keep_their_place_and_table_four_pastes_without_its_totals() {
    use nianbao::report::grid::{clipboard_rows, plan_rows};
    use nianbao::report::number::MoneyUnit;
    // Excel puts an HTML table on the clipboard; the blank middle row holds its place.
    let html = "<table><tr><td>（一）予以公开</td><td>5</td></tr>\
        <tr><td></td><td></td></tr><tr><td>1.属于国家秘密</td><td>2</td></tr></table>";
    let rows = clipboard_rows("", Some(html));
    assert_eq!(rows.len(), 3);
    let plan = plan_rows(&OGI_2021, key("t3/disclosed/natural"), rows);
    assert!(plan
        .fills
        .contains(&(key("t3/withheld-secret/natural"), "2".into())));
    // Table 四's twelve results, copied without the three totals.
    let twelve = "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12";
    let plan = plan_rows(
        &OGI_2021,
        key("t4/cases/review-upheld"),
        clipboard_rows(twelve, None),
    );
    assert_eq!(plan.on_computed, 0);
    assert!(plan
        .fills
        .contains(&(key("t4/cases/direct-upheld"), "5".into())));
    assert!(plan
        .fills
        .contains(&(key("t4/cases/after-pending"), "12".into())));
    // A placeholder is a value (none), not a row label.
    let plan = plan_rows(
        &OGI_2021,
        key("t3/new/natural"),
        clipboard_rows("暂无\t0\t12", None),
    );
    assert_eq!(plan.fills[2], (key("t3/new/research"), "12".into()));
    // The unit printed with a 2019 采购总金额 comes with it.
    let plan = plan_rows(
        &OGI_2019,
        key("t2/procurement/procurement-items"),
        clipboard_rows("3\t35.5万元", None),
    );
    assert_eq!(
        plan.units,
        [(key("t2/procurement/procurement-amount"), MoneyUnit::WanYuan)]
    );
}

#[test]
fn one_plain_value_is_left_to_the_browser_and_anything_else_is_planned() {
    let typed = |text: &str, kind| pastes_as_typed(text, &clipboard_rows(text, None), kind);
    assert!(typed("12", ValueKind::Count));
    assert!(typed("１２", ValueKind::Count));
    assert!(
        typed("约5", ValueKind::Count),
        "typed as pasted, for the range rule"
    );
    assert!(typed("", ValueKind::Count));
    assert!(
        !typed("12件", ValueKind::Count),
        "a unit is read, not typed"
    );
    assert!(!typed("/", ValueKind::Count), "a mark is 0");
    assert!(!typed("无", ValueKind::Count));
    assert!(!typed("1\t2", ValueKind::Count));
    assert!(!typed("1\n2", ValueKind::Count));
    assert!(!typed("251000元", ValueKind::Amount), "converted to 万元");
}

#[test]
fn an_amount_typed_with_its_unit_goes_in_with_the_unit_picked() {
    use nianbao::report::grid::typed_amount;
    use nianbao::report::number::MoneyUnit;
    let typed = typed_amount("251000元", ValueKind::Amount).expect("read");
    assert_eq!(
        (typed.text.as_str(), typed.unit),
        ("251000", Some(MoneyUnit::Yuan))
    );
    assert!(typed.said.zh.contains("单位选为“元”"), "{:?}", typed.said);
    let typed = typed_amount("25.1万元", ValueKind::Amount).expect("read");
    assert_eq!(
        (typed.text.as_str(), typed.unit),
        ("25.1", Some(MoneyUnit::WanYuan))
    );
    // A column in 万元: the value is converted, and the message says to what.
    let wan = ValueKind::Decimal { unit: "万元" };
    let typed = typed_amount("251000元", wan).expect("read");
    assert_eq!((typed.text.as_str(), typed.unit), ("25.1", None));
    assert!(typed.said.zh.contains("25.1"), "{:?}", typed.said);
    // Not yet an amount with its unit, or not a money cell: typing goes on as typed.
    for (text, kind) in [
        ("25.1万", ValueKind::Amount),
        ("251000", ValueKind::Amount),
        ("12元", ValueKind::Count),
        ("约5元", ValueKind::Amount),
    ] {
        assert_eq!(typed_amount(text, kind), None, "{text}");
    }
}

#[test]
fn enter_goes_on_in_reading_order_across_blocks_and_one_row_tables() {
    use nianbao::report::grid::next_input;
    let next = |at: &str| next_input(&OGI_2021, key(at), true).map(|k| k.to_string());
    let back = |at: &str| next_input(&OGI_2021, key(at), false).map(|k| k.to_string());
    // 四 is one row: Enter goes right, never stays (1⏎2⏎0 fills three cells).
    assert_eq!(
        next("t4/cases/review-upheld").as_deref(),
        Some("t4/cases/review-corrected")
    );
    assert_eq!(
        next("t4/cases/review-pending").as_deref(),
        Some("t4/cases/direct-upheld")
    );
    // 二's one-row blocks: on into the next block.
    assert_eq!(
        next("t2/licensing/decisions").as_deref(),
        Some("t2/penalty/decisions")
    );
    assert_eq!(
        back("t2/penalty/decisions").as_deref(),
        Some("t2/licensing/decisions")
    );
    // 三: along the row, then the next row, totals skipped.
    assert_eq!(
        next("t3/new/other-org").as_deref(),
        Some("t3/carried/natural")
    );
    assert_eq!(next("t4/cases/after-pending"), None);
}
