//! `ogi-2021`: the format issued with 国办公开办函〔2021〕30号, for reports on 2021 and later.

use super::common::*;
use crate::report::message::Message;
use crate::report::number::ValueKind;
use crate::report::template::*;

const COUNT: ColumnKind = ColumnKind::Value(ValueKind::Count);

const fn value(id: &'static str, label: &'static str) -> Column {
    Column {
        id,
        label,
        kind: COUNT,
        children: &[],
    }
}

const DECISIONS: &[Column] = &[value("decisions", "本年处理决定数量")];

static PROACTIVE: Table = Table {
    id: "t2",
    caption: "主动公开政府信息情况",
    // A province's licensing decisions run to millions; ten million is beyond any body.
    scale: 10_000_000,
    blocks: &[
        Block {
            caption: Some("第二十条第（一）项"),
            corner: Corner::Heading("信息内容"),
            columns: &[
                value("made", "本年制发件数"),
                value("repealed", "本年废止件数"),
                value("in-force", "现行有效件数"),
            ],
            rows: &[input("rules", "规章"), input("normative", "行政规范性文件")],
            balances: &[],
        },
        Block {
            caption: Some("第二十条第（五）项"),
            corner: Corner::Heading("信息内容"),
            columns: DECISIONS,
            rows: &[input("licensing", "行政许可")],
            balances: &[],
        },
        Block {
            caption: Some("第二十条第（六）项"),
            corner: Corner::Heading("信息内容"),
            columns: DECISIONS,
            rows: &[input("penalty", "行政处罚"), input("coercion", "行政强制")],
            balances: &[],
        },
        Block {
            caption: Some("第二十条第（八）项"),
            corner: Corner::Heading("信息内容"),
            columns: &[Column {
                id: "fee-amount",
                label: "本年收费金额（单位：万元）",
                kind: ColumnKind::Value(ValueKind::Decimal { unit: "万元" }),
                children: &[],
            }],
            rows: &[input("fees", "行政事业性收费")],
            balances: &[],
        },
    ],
};

static REQUESTS: Table = Table {
    id: "t3",
    caption: "收到和处理政府信息公开申请情况",
    // The busiest bodies receive some thousands of applications a year.
    scale: 100_000,
    blocks: &[Block {
        caption: None,
        corner: Corner::Note(REQUEST_NOTE),
        columns: REQUEST_COLUMNS,
        rows: &[
            ROW_NEW,
            ROW_CARRIED,
            group(
                "results",
                "三、本年度办理结果",
                &[
                    ROW_DISCLOSED,
                    ROW_PARTLY,
                    ROW_WITHHELD,
                    ROW_UNABLE,
                    ROW_DECLINED,
                    group(
                        "other",
                        "（六）其他处理",
                        &[
                            input(
                                "other-no-correction",
                                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                            ),
                            input(
                                "other-no-fee",
                                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                            ),
                            input("other-misc", "3.其他"),
                        ],
                    ),
                    results_total!("other-no-correction", "other-no-fee", "other-misc"),
                ],
            ),
            ROW_CARRIED_OVER,
        ],
        balances: REQUEST_BALANCE,
    }],
};

static SECTIONS: [Section; 6] = sections(
    &PROACTIVE,
    &REQUESTS,
    TextSpec { aspects: &[], fee: Some(FeeSpec { label: "信息处理费", unit: "元" }) },
    Message::fixed("须报告依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况（金额，常为0）。还可写年度政务公开工作要点落实、人大代表建议和政协提案办理结果公开、创新做法等。没有时写“无。”", "Must state the information-processing fees collected under 国办函〔2020〕109号 (an amount, often 0). May add the year's key open-government tasks, publication of replies to deputies' suggestions and proposals, innovations. When there is nothing, write “无。”"),
);

const OTHER_HANDLED: &[CellKey] = &[
    t3("other-no-correction", "total"),
    t3("other-no-fee", "total"),
    t3("other-misc", "total"),
];

/// The words that name the rows of 二's first block.
const RULES: &[&str] = &["规章"];
const NORMATIVE: &[&str] = &["行政规范性文件", "规范性文件"];

const MADE: &[&str] = &["本年制发", "制发", "印发", "出台", "新制定", "制定", "发布"];
const REPEALED: &[&str] = &["本年废止", "废止"];
const IN_FORCE: &[&str] = &["现行有效"];

/// A count of 二's first block: one column of 规章 or of 行政规范性文件, the row named in the
/// sentence before the number.
const fn documents(
    token: &'static str,
    cells: &'static [CellKey],
    phrases: &'static [&'static str],
    context: &'static [&'static str],
    label: &'static str,
) -> Binding {
    Binding {
        context,
        subject: true,
        ..binding(token, cells, phrases, label)
    }
}

static BINDINGS: [Binding; 23] = shared_bindings![
    other_handled(OTHER_HANDLED),
    documents(
        "本年制发规章",
        &[CellKey::new("t2", "rules", "made")],
        MADE,
        RULES,
        "规章 本年制发件数",
    ),
    documents(
        "本年废止规章",
        &[CellKey::new("t2", "rules", "repealed")],
        REPEALED,
        RULES,
        "规章 本年废止件数",
    ),
    documents(
        "现行有效规章",
        &[CellKey::new("t2", "rules", "in-force")],
        IN_FORCE,
        RULES,
        "规章 现行有效件数",
    ),
    documents(
        "本年制发行政规范性文件",
        &[CellKey::new("t2", "normative", "made")],
        MADE,
        NORMATIVE,
        "行政规范性文件 本年制发件数",
    ),
    documents(
        "本年废止行政规范性文件",
        &[CellKey::new("t2", "normative", "repealed")],
        REPEALED,
        NORMATIVE,
        "行政规范性文件 本年废止件数",
    ),
    documents(
        "现行有效行政规范性文件",
        &[CellKey::new("t2", "normative", "in-force")],
        IN_FORCE,
        NORMATIVE,
        "行政规范性文件 现行有效件数",
    ),
];

/// The current format, and the default for new reports.
pub static OGI_2021: Template = Template {
    id: "ogi-2021",
    issued_with: "国办公开办函〔2021〕30号",
    summary: Message::fixed(
        "2021年及以后年度的报告使用此格式（国办公开办函〔2021〕30号）。",
        "For reports on 2021 and later (notice 国办公开办函〔2021〕30号).",
    ),
    sections: &SECTIONS,
    bindings: &BINDINGS,
    rates: RATES,
    text_words: &TEXT_WORDS,
    data_phrases: DATA_PHRASES,
    charts: &[
        Chart {
            title: "本年度申请的办理结果（件）",
            section: SectionKey::Requests,
            bars: outcome_bars!(OTHER_HANDLED),
        },
        CHART_APPLICANTS,
        CHART_DISPUTES,
    ],
    year_over_year: Some(CHART_YEAR_OVER_YEAR),
    years: (2021, None),
    links: &[
        CARRY_REQUESTS,
        YearLink::Stock {
            rule: Rule::XValid,
            table: "t2",
            rows: &["rules", "normative"],
            stock: "in-force",
            added: "made",
            removed: "repealed",
        },
    ],
    label_variants: &[
        LabelVariant {
            table: "t2",
            printed: "规范性文件",
            row: "normative",
        },
        // The 2019 format's single row, still printed by some provinces in 2021 tables.
        LabelVariant {
            table: "t3",
            printed: "（六）其他处理",
            row: "other-misc",
        },
    ],
};
