//! `ogi-2019`: the trial format issued with 国办公开办函〔2019〕60号, for reports on 2019 and 2020.

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

const PREVIOUS_ITEMS: Column = value("previous-items", "上一年项目数量");

/// 本年增/减: a decrease is typed as a negative number.
const CHANGE: Column = Column {
    id: "change",
    label: "本年增/减",
    kind: ColumnKind::Value(ValueKind::SignedCount),
    children: &[],
};

const ITEMS_WITH_DECISIONS: &[Column] =
    &[PREVIOUS_ITEMS, CHANGE, value("decisions", "处理决定数量")];

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
                value("made", "本年新制作数量"),
                value("published", "本年新公开数量"),
                value("total-published", "对外公开总数量"),
            ],
            rows: &[input("rules", "规章"), input("normative", "规范性文件")],
            balances: &[],
        },
        Block {
            caption: Some("第二十条第（五）项"),
            corner: Corner::Heading("信息内容"),
            columns: ITEMS_WITH_DECISIONS,
            rows: &[
                input("licensing", "行政许可"),
                input("other-services", "其他对外管理服务事项"),
            ],
            balances: &[],
        },
        Block {
            caption: Some("第二十条第（六）项"),
            corner: Corner::Heading("信息内容"),
            columns: ITEMS_WITH_DECISIONS,
            rows: &[input("penalty", "行政处罚"), input("coercion", "行政强制")],
            balances: &[],
        },
        Block {
            caption: Some("第二十条第（八）项"),
            corner: Corner::Heading("信息内容"),
            columns: &[PREVIOUS_ITEMS, CHANGE],
            rows: &[input("fees", "行政事业性收费")],
            balances: &[],
        },
        Block {
            caption: Some("第二十条第（九）项"),
            corner: Corner::Heading("信息内容"),
            columns: &[
                value("procurement-items", "采购项目数量"),
                Column {
                    id: "procurement-amount",
                    label: "采购总金额",
                    kind: ColumnKind::Value(ValueKind::Amount),
                    children: &[],
                },
            ],
            rows: &[input("procurement", "政府集中采购")],
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
                    input("other", "（六）其他处理"),
                    results_total!("other"),
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
    TextSpec { aspects: &[], fee: None },
    Message::fixed("其他需要报告的事项，如年度政务公开工作要点落实、人大代表建议和政协提案办理结果公开等。没有时写“无。”", "Anything else to report, such as the year's key open-government tasks or publication of replies to deputies' suggestions. When there is nothing, write “无。”"),
);

static BINDINGS: [Binding; 17] = shared_bindings![other_handled(&[t3("other", "total")])];

/// The historical trial format, for redoing or comparing reports on 2019 and 2020.
pub static OGI_2019: Template = Template {
    id: "ogi-2019",
    issued_with: "国办公开办函〔2019〕60号",
    summary: Message::fixed(
        "2019、2020年度的报告使用此格式（国办公开办函〔2019〕60号，试行）。",
        "For reports on 2019 and 2020 (trial format, notice 国办公开办函〔2019〕60号).",
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
            bars: outcome_bars!(&[t3("other", "total")]),
        },
        CHART_APPLICANTS,
        CHART_DISPUTES,
    ],
    year_over_year: Some(CHART_YEAR_OVER_YEAR),
    years: (2019, Some(2020)),
    links: &[CARRY_REQUESTS],
    label_variants: &[],
};
