//! Pieces both official formats share word for word: the section headings and guidance, the
//! columns and most rows of table 三, and the whole of table 四.

use crate::report::message::Message;
use crate::report::number::ValueKind;
use crate::report::template::*;

const COUNT: ColumnKind = ColumnKind::Value(ValueKind::Count);

pub const HEADING_OVERVIEW: &str = "一、总体情况";
pub const HEADING_PROACTIVE: &str = "二、主动公开政府信息情况";
pub const HEADING_REQUESTS: &str = "三、收到和处理政府信息公开申请情况";
pub const HEADING_DISPUTES: &str = "四、政府信息公开行政复议、行政诉讼情况";
pub const HEADING_PROBLEMS: &str = "五、存在的主要问题及改进情况";
pub const HEADING_OTHER: &str = "六、其他需要报告的事项";

/// The five aspects section 一 covers (2021 notice).
pub const OVERVIEW_ASPECTS: &[Aspect] = &[
    Aspect {
        id: "proactive",
        label: "主动公开",
    },
    Aspect {
        id: "on-request",
        label: "依申请公开",
    },
    Aspect {
        id: "management",
        label: "政府信息管理",
    },
    Aspect {
        id: "platforms",
        label: "政府信息公开平台建设",
    },
    Aspect {
        id: "oversight",
        label: "监督保障",
    },
];

pub const GUIDE_OVERVIEW: Message = Message::fixed("概述本机关政府信息公开工作，围绕主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面，每方面可单列小标题。监督保障包括工作考核、社会评议和责任追究结果情况。文中的数字应与表格一致。", "Summarise the body's open-government-information work under five aspects (proactive disclosure, disclosure on request, information management, disclosure platforms, oversight), one sub-heading each if you like. Oversight includes assessment, public evaluation and accountability. Numbers in the text must agree with the tables.");
pub const GUIDE_PROACTIVE: Message = Message::fixed("按《条例》第二十条各项填写本年度主动公开的件数和处理决定数量。空白按0计。", "Counts of proactively disclosed items under article 20 of the Regulations. A blank cell counts as 0.");
pub const GUIDE_REQUESTS: Message = Message::fixed("按申请人类型填写本年度收到和处理的申请。总计列和（七）总计行自动计算；第一项加第二项之和须等于第三项加第四项之和。", "Requests received and handled this year, by type of applicant. The 总计 column and row （七）总计 are computed; items 一 + 二 must equal 三 + 四.");
pub const GUIDE_DISPUTES: Message = Message::fixed("填写因政府信息公开引起的行政复议、行政诉讼案件数。各总计自动计算。复议机关作共同被告的案件只计入原行为机关。", "Administrative reviews and lawsuits about disclosure. Each 总计 is computed. A case in which the review body is a co-defendant counts only for the original acting body.");
pub const GUIDE_PROBLEMS: Message = Message::fixed("如实写明存在的主要问题、改进措施，以及上年度改进措施的落实情况。", "The real problems, the measures to fix them, and how last year's promised measures were carried out.");

/// The seven columns of table 三 under 申请人情况.
pub const REQUEST_COLUMNS: &[Column] = &[Column {
    id: "applicants",
    label: "申请人情况",
    kind: ColumnKind::Group,
    children: &[
        Column {
            id: "natural",
            label: "自然人",
            kind: COUNT,
            children: &[],
        },
        Column {
            id: "legal",
            label: "法人或其他组织",
            kind: ColumnKind::Group,
            children: &[
                Column {
                    id: "business",
                    label: "商业企业",
                    kind: COUNT,
                    children: &[],
                },
                Column {
                    id: "research",
                    label: "科研机构",
                    kind: COUNT,
                    children: &[],
                },
                Column {
                    id: "nonprofit",
                    label: "社会公益组织",
                    kind: COUNT,
                    children: &[],
                },
                Column {
                    id: "legal-service",
                    label: "法律服务机构",
                    kind: COUNT,
                    children: &[],
                },
                Column {
                    id: "other-org",
                    label: "其他",
                    kind: COUNT,
                    children: &[],
                },
            ],
        },
        Column {
            id: "total",
            label: "总计",
            kind: ColumnKind::Total(Sum {
                of: &[
                    "natural",
                    "business",
                    "research",
                    "nonprofit",
                    "legal-service",
                    "other-org",
                ],
                rule: Rule::T3Total,
            }),
            children: &[],
        },
    ],
}];

/// The official note in table 三's top-left corner.
pub const REQUEST_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// 一 + 二 = （七）总计 + 四, column by column.
pub const REQUEST_BALANCE: &[Balance] = &[Balance {
    rule: Rule::T3Balance,
    left: &["new", "carried"],
    right: &["total", "carried-over"],
}];

/// The key of a cell of table 三.
pub const fn t3(row: &'static str, column: &'static str) -> CellKey {
    CellKey::new("t3", row, column)
}

/// The key of a cell of table 四 (one data row).
pub const fn t4(column: &'static str) -> CellKey {
    CellKey::new("t4", "cases", column)
}

pub const fn input(id: &'static str, label: &'static str) -> Row {
    Row {
        id,
        label,
        kind: RowKind::Input,
        children: &[],
    }
}

pub const fn group(id: &'static str, label: &'static str, children: &'static [Row]) -> Row {
    Row {
        id,
        label,
        kind: RowKind::Group,
        children,
    }
}

pub const ROW_NEW: Row = input("new", "一、本年新收政府信息公开申请数量");
pub const ROW_CARRIED: Row = input("carried", "二、上年结转政府信息公开申请数量");
pub const ROW_DISCLOSED: Row = input("disclosed", "（一）予以公开");
pub const ROW_PARTLY: Row = input(
    "partly",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
);
pub const ROW_WITHHELD: Row = group(
    "withheld",
    "（三）不予公开",
    &[
        input("withheld-secret", "1.属于国家秘密"),
        input("withheld-prohibited", "2.其他法律行政法规禁止公开"),
        input("withheld-security", "3.危及“三安全一稳定”"),
        input("withheld-third-party", "4.保护第三方合法权益"),
        input("withheld-internal", "5.属于三类内部事务信息"),
        input("withheld-process", "6.属于四类过程性信息"),
        input("withheld-enforcement", "7.属于行政执法案卷"),
        input("withheld-inquiry", "8.属于行政查询事项"),
    ],
);
pub const ROW_UNABLE: Row = group(
    "unable",
    "（四）无法提供",
    &[
        input("unable-not-held", "1.本机关不掌握相关政府信息"),
        input("unable-needs-making", "2.没有现成信息需要另行制作"),
        input("unable-unclear", "3.补正后申请内容仍不明确"),
    ],
);
pub const ROW_DECLINED: Row = group(
    "declined",
    "（五）不予处理",
    &[
        input("declined-petition", "1.信访举报投诉类申请"),
        input("declined-repeated", "2.重复申请"),
        input("declined-publication", "3.要求提供公开出版物"),
        input("declined-mass", "4.无正当理由大量反复申请"),
        input("declined-confirm", "5.要求行政机关确认或重新出具已获取信息"),
    ],
);
/// X-carry: this year's 二、上年结转 is last year's 四、结转下年度继续办理, in both formats.
pub const CARRY_REQUESTS: YearLink = YearLink::Carry {
    rule: Rule::XCarry,
    table: "t3",
    from: "carried-over",
    to: "carried",
};

pub const ROW_CARRIED_OVER: Row = input("carried-over", "四、结转下年度继续办理");

/// （七）总计 over the given leaf rows of 三、本年度办理结果.
pub const fn total_row(of: &'static [&'static str]) -> Row {
    Row {
        id: "total",
        label: "（七）总计",
        kind: RowKind::Total(Sum {
            of,
            rule: Rule::T3Sum,
        }),
        children: &[],
    }
}

const fn case_total(of: &'static [&'static str]) -> ColumnKind {
    ColumnKind::Total(Sum {
        of,
        rule: Rule::T4Total,
    })
}

const fn leaf(id: &'static str, label: &'static str) -> Column {
    Column {
        id,
        label,
        kind: COUNT,
        children: &[],
    }
}

/// Table 四, the same in both formats: three blocks of results, each with its computed 总计.
pub static DISPUTES: Table = Table {
    id: "t4",
    caption: "政府信息公开行政复议、行政诉讼情况",
    blocks: &[Block {
        caption: None,
        corner: Corner::NoRowLabels,
        columns: &[
            Column {
                id: "review",
                label: "行政复议",
                kind: ColumnKind::Group,
                children: &[
                    leaf("review-upheld", "结果维持"),
                    leaf("review-corrected", "结果纠正"),
                    leaf("review-other", "其他结果"),
                    leaf("review-pending", "尚未审结"),
                    Column {
                        id: "review-total",
                        label: "总计",
                        kind: case_total(&[
                            "review-upheld",
                            "review-corrected",
                            "review-other",
                            "review-pending",
                        ]),
                        children: &[],
                    },
                ],
            },
            Column {
                id: "suit",
                label: "行政诉讼",
                kind: ColumnKind::Group,
                children: &[
                    Column {
                        id: "direct",
                        label: "未经复议直接起诉",
                        kind: ColumnKind::Group,
                        children: &[
                            leaf("direct-upheld", "结果维持"),
                            leaf("direct-corrected", "结果纠正"),
                            leaf("direct-other", "其他结果"),
                            leaf("direct-pending", "尚未审结"),
                            Column {
                                id: "direct-total",
                                label: "总计",
                                kind: case_total(&[
                                    "direct-upheld",
                                    "direct-corrected",
                                    "direct-other",
                                    "direct-pending",
                                ]),
                                children: &[],
                            },
                        ],
                    },
                    Column {
                        id: "after-review",
                        label: "复议后起诉",
                        kind: ColumnKind::Group,
                        children: &[
                            leaf("after-upheld", "结果维持"),
                            leaf("after-corrected", "结果纠正"),
                            leaf("after-other", "其他结果"),
                            leaf("after-pending", "尚未审结"),
                            Column {
                                id: "after-total",
                                label: "总计",
                                kind: case_total(&[
                                    "after-upheld",
                                    "after-corrected",
                                    "after-other",
                                    "after-pending",
                                ]),
                                children: &[],
                            },
                        ],
                    },
                ],
            },
        ],
        rows: &[input("cases", "")],
        balances: &[],
    }],
};

/// The six sections in order: the parts both formats share, with each format's tables of 二 and
/// 三 and its section 六 (which differ).
pub const fn sections(
    proactive: &'static Table,
    requests: &'static Table,
    other: TextSpec,
    other_guidance: Message,
) -> [Section; 6] {
    [
        Section {
            key: SectionKey::Overview,
            heading: HEADING_OVERVIEW,
            body: SectionBody::Text(TextSpec {
                aspects: OVERVIEW_ASPECTS,
                fee: None,
            }),
            guidance: GUIDE_OVERVIEW,
        },
        Section {
            key: SectionKey::Proactive,
            heading: HEADING_PROACTIVE,
            body: SectionBody::Table(proactive),
            guidance: GUIDE_PROACTIVE,
        },
        Section {
            key: SectionKey::Requests,
            heading: HEADING_REQUESTS,
            body: SectionBody::Table(requests),
            guidance: GUIDE_REQUESTS,
        },
        Section {
            key: SectionKey::Disputes,
            heading: HEADING_DISPUTES,
            body: SectionBody::Table(&DISPUTES),
            guidance: GUIDE_DISPUTES,
        },
        Section {
            key: SectionKey::Problems,
            heading: HEADING_PROBLEMS,
            body: SectionBody::Text(TextSpec {
                aspects: &[],
                fee: None,
            }),
            guidance: GUIDE_PROBLEMS,
        },
        Section {
            key: SectionKey::Other,
            heading: HEADING_OTHER,
            body: SectionBody::Text(other),
            guidance: other_guidance,
        },
    ]
}

/// The numbers text sections usually quote, in the order the N-text check tries them (the more
/// specific words first: 结转下年度 before 上年结转).
pub const BINDINGS: &[Binding] = &[
    Binding {
        token: "结转下年度",
        cells: &[t3("carried-over", "total")],
        words: &["结转下年度"],
        label: "三、四、结转下年度继续办理（总计）",
    },
    Binding {
        token: "上年结转申请",
        cells: &[t3("carried", "total")],
        words: &["上年结转"],
        label: "三、二、上年结转政府信息公开申请数量（总计）",
    },
    Binding {
        token: "办结申请",
        cells: &[t3("total", "total")],
        words: &["办结"],
        label: "三、（七）总计（总计）",
    },
    Binding {
        token: "本年新收申请",
        cells: &[t3("new", "total")],
        words: &["收到", "申请"],
        label: "三、一、本年新收政府信息公开申请数量（总计）",
    },
    Binding {
        token: "本年新收申请",
        cells: &[t3("new", "total")],
        words: &["新收", "申请"],
        label: "三、一、本年新收政府信息公开申请数量（总计）",
    },
    Binding {
        token: "予以公开",
        cells: &[t3("disclosed", "total")],
        words: &["予以公开"],
        label: "三、（一）予以公开（总计）",
    },
    Binding {
        token: "部分公开",
        cells: &[t3("partly", "total")],
        words: &["部分公开"],
        label: "三、（二）部分公开（总计）",
    },
    Binding {
        token: "行政复议",
        cells: &[t4("review-total")],
        words: &["行政复议"],
        label: "四、行政复议 总计",
    },
    Binding {
        token: "行政诉讼",
        cells: &[t4("direct-total"), t4("after-total")],
        words: &["行政诉讼"],
        label: "四、行政诉讼（未经复议直接起诉 总计 + 复议后起诉 总计）",
    },
];

/// The customary sentence on requests, with every number bound to table 三.
pub const REQUESTS_PHRASE: &str = "本年度共收到政府信息公开申请{{本年新收申请}}件，上年结转{{上年结转申请}}件，办结{{办结申请}}件，结转下年度继续办理{{结转下年度}}件。";

const fn bar(label: &'static str, cells: &'static [CellKey]) -> Bar {
    Bar { label, cells }
}

/// 申请人类型: this year's new requests by applicant.
pub const CHART_APPLICANTS: Chart = Chart {
    title: "本年新收申请的申请人类型（件）",
    section: SectionKey::Requests,
    bars: &[
        bar("自然人", &[t3("new", "natural")]),
        bar("商业企业", &[t3("new", "business")]),
        bar("科研机构", &[t3("new", "research")]),
        bar("社会公益组织", &[t3("new", "nonprofit")]),
        bar("法律服务机构", &[t3("new", "legal-service")]),
        bar("其他", &[t3("new", "other-org")]),
    ],
};

/// 行政复议、行政诉讼 by result.
pub const CHART_DISPUTES: Chart = Chart {
    title: "行政复议、行政诉讼的结果（件）",
    section: SectionKey::Disputes,
    bars: &[
        bar("行政复议 结果维持", &[t4("review-upheld")]),
        bar("行政复议 结果纠正", &[t4("review-corrected")]),
        bar("行政复议 其他结果", &[t4("review-other")]),
        bar("行政复议 尚未审结", &[t4("review-pending")]),
        bar(
            "行政诉讼 结果维持",
            &[t4("direct-upheld"), t4("after-upheld")],
        ),
        bar(
            "行政诉讼 结果纠正",
            &[t4("direct-corrected"), t4("after-corrected")],
        ),
        bar(
            "行政诉讼 其他结果",
            &[t4("direct-other"), t4("after-other")],
        ),
        bar(
            "行政诉讼 尚未审结",
            &[t4("direct-pending"), t4("after-pending")],
        ),
    ],
};

/// The bars of 办理结果 both formats share, before （六）.
macro_rules! outcome_bars {
    ($other:expr) => {
        &[
            Bar {
                label: "（一）予以公开",
                cells: &[t3("disclosed", "total")],
            },
            Bar {
                label: "（二）部分公开",
                cells: &[t3("partly", "total")],
            },
            Bar {
                label: "（三）不予公开",
                cells: &[
                    t3("withheld-secret", "total"),
                    t3("withheld-prohibited", "total"),
                    t3("withheld-security", "total"),
                    t3("withheld-third-party", "total"),
                    t3("withheld-internal", "total"),
                    t3("withheld-process", "total"),
                    t3("withheld-enforcement", "total"),
                    t3("withheld-inquiry", "total"),
                ],
            },
            Bar {
                label: "（四）无法提供",
                cells: &[
                    t3("unable-not-held", "total"),
                    t3("unable-needs-making", "total"),
                    t3("unable-unclear", "total"),
                ],
            },
            Bar {
                label: "（五）不予处理",
                cells: &[
                    t3("declined-petition", "total"),
                    t3("declined-repeated", "total"),
                    t3("declined-publication", "total"),
                    t3("declined-mass", "total"),
                    t3("declined-confirm", "total"),
                ],
            },
            Bar {
                label: "（六）其他处理",
                cells: $other,
            },
        ]
    };
}
pub(crate) use outcome_bars;

/// This year against last year: the headline numbers, with keys both formats share, so a
/// 2021-format report compares with a 2019-format predecessor.
pub const CHART_YEAR_OVER_YEAR: Chart = Chart {
    title: "本年与上年对比（件）",
    section: SectionKey::Disputes,
    bars: &[
        bar("本年新收申请", &[t3("new", "total")]),
        bar("办理结果总计", &[t3("total", "total")]),
        bar("结转下年度继续办理", &[t3("carried-over", "total")]),
        bar("行政复议", &[t4("review-total")]),
        bar("行政诉讼", &[t4("direct-total"), t4("after-total")]),
    ],
};

/// （七）总计 over the leaf rows of 三、本年度办理结果: the ones both formats share, then the
/// format's own （六） rows.
macro_rules! results_total {
    ($($other:literal),+) => {
        total_row(&[
            "disclosed",
            "partly",
            "withheld-secret",
            "withheld-prohibited",
            "withheld-security",
            "withheld-third-party",
            "withheld-internal",
            "withheld-process",
            "withheld-enforcement",
            "withheld-inquiry",
            "unable-not-held",
            "unable-needs-making",
            "unable-unclear",
            "declined-petition",
            "declined-repeated",
            "declined-publication",
            "declined-mass",
            "declined-confirm",
            $($other),+
        ])
    };
}
pub(crate) use results_total;
