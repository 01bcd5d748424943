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
    // A whole province's reviews and suits on disclosure are in the hundreds.
    scale: 10_000,
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

/// The rows of （三）不予公开, in the total column.
pub const WITHHELD: &[CellKey] = &[
    t3("withheld-secret", "total"),
    t3("withheld-prohibited", "total"),
    t3("withheld-security", "total"),
    t3("withheld-third-party", "total"),
    t3("withheld-internal", "total"),
    t3("withheld-process", "total"),
    t3("withheld-enforcement", "total"),
    t3("withheld-inquiry", "total"),
];
/// The rows of （四）无法提供, in the total column.
pub const UNABLE: &[CellKey] = &[
    t3("unable-not-held", "total"),
    t3("unable-needs-making", "total"),
    t3("unable-unclear", "total"),
];
/// The rows of （五）不予处理, in the total column.
pub const DECLINED: &[CellKey] = &[
    t3("declined-petition", "total"),
    t3("declined-repeated", "total"),
    t3("declined-publication", "total"),
    t3("declined-mass", "total"),
    t3("declined-confirm", "total"),
];

/// A binding with no context word and nothing that may stand for it instead.
pub const fn binding(
    token: &'static str,
    cells: &'static [CellKey],
    phrases: &'static [&'static str],
    label: &'static str,
) -> Binding {
    Binding {
        token,
        cells,
        or: &[],
        phrases,
        context: &[],
        subject: false,
        scoped: false,
        whole: &[],
        not_upheld: &[],
        label,
    }
}

/// 三、（七）总计: what every result of a request is a share of.
const HANDLED: &[CellKey] = &[t3("total", "total")];
/// 三、一: what every applicant column is a share of.
const NEW: &[CellKey] = &[t3("new", "total")];
const NEW_AND_CARRIED: &[CellKey] = &[t3("new", "total"), t3("carried", "total")];

/// A result of a request (（一）…（六）): a part of （七）总计.
const fn result(
    token: &'static str,
    cells: &'static [CellKey],
    phrases: &'static [&'static str],
    label: &'static str,
) -> Binding {
    Binding {
        whole: HANDLED,
        ..binding(token, cells, phrases, label)
    }
}

pub const B_CARRIED_OVER: Binding = binding(
    "结转下年度",
    &[t3("carried-over", "total")],
    &[
        "结转下年度",
        "结转至下年度",
        "结转到下年度",
        "结转下一年度",
        "结转至下一年度",
        "结转到下一年度",
        "转入下年度",
        "转下年度",
        "结转至下年",
    ],
    "四、结转下年度继续办理",
);
pub const B_CARRIED: Binding = binding(
    "上年结转申请",
    &[t3("carried", "total")],
    &["上年结转", "上年度结转", "上一年度结转", "上一年结转"],
    "二、上年结转政府信息公开申请数量",
);
pub const B_HANDLED: Binding = binding(
    "办结申请",
    HANDLED,
    &[
        "办结",
        "办理完毕",
        "办理完结",
        "处理完毕",
        "答复",
        "作出答复",
        "予以答复",
    ],
    "（七）总计",
);
/// 共收到 … X件 counts 上年结转 with this year's requests in some reports.
pub const B_NEW: Binding = Binding {
    or: &[NEW_AND_CARRIED],
    ..binding(
        "本年新收申请",
        NEW,
        &["收到", "新收", "受理", "接收", "接到"],
        "一、本年新收政府信息公开申请数量",
    )
};
pub const B_DISCLOSED: Binding = result(
    "予以公开",
    &[t3("disclosed", "total")],
    &["予以公开", "同意公开", "全部公开"],
    "（一）予以公开",
);
pub const B_PARTLY: Binding = result(
    "部分公开",
    &[t3("partly", "total")],
    &[
        "部分公开",
        "予以部分公开",
        "部分予以公开",
        "区分处理后公开",
        "区分处理后予以公开",
    ],
    "（二）部分公开",
);
pub const B_DISCLOSED_OR_PARTLY: Binding = result(
    "予以公开及部分公开",
    &[t3("disclosed", "total"), t3("partly", "total")],
    &[
        "予以公开及部分公开",
        "予以公开和部分公开",
        "予以公开、部分公开",
        "予以公开或部分公开",
        "予以公开与部分公开",
        "同意公开及部分公开",
        "同意公开和部分公开",
        "同意公开、部分公开",
        "全部公开及部分公开",
        "全部公开和部分公开",
        "全部或部分公开",
        "全部或部分予以公开",
        "公开和部分公开",
        "公开及部分公开",
    ],
    "（一）予以公开 + （二）部分公开",
);
pub const B_WITHHELD: Binding = result("不予公开", WITHHELD, &["不予公开"], "（三）不予公开");
pub const B_UNABLE: Binding = result("无法提供", UNABLE, &["无法提供"], "（四）无法提供");
pub const B_DECLINED: Binding = result("不予处理", DECLINED, &["不予处理"], "（五）不予处理");
/// （六）其他处理 over the rows a format has for it.
pub const fn other_handled(cells: &'static [CellKey]) -> Binding {
    result("其他处理", cells, &["其他处理"], "（六）其他处理")
}

const REVIEW_NOT_UPHELD: &[CellKey] = &[
    t4("review-corrected"),
    t4("review-other"),
    t4("review-pending"),
];
const DIRECT_NOT_UPHELD: &[CellKey] = &[
    t4("direct-corrected"),
    t4("direct-other"),
    t4("direct-pending"),
];
const AFTER_NOT_UPHELD: &[CellKey] = &[
    t4("after-corrected"),
    t4("after-other"),
    t4("after-pending"),
];

/// A count of cases of table 四.
const fn cases(
    token: &'static str,
    cells: &'static [CellKey],
    phrases: &'static [&'static str],
    not_upheld: &'static [CellKey],
    label: &'static str,
) -> Binding {
    Binding {
        subject: true,
        not_upheld,
        ..binding(token, cells, phrases, label)
    }
}

pub const B_REVIEW: Binding = cases(
    "行政复议",
    &[t4("review-total")],
    &["行政复议", "复议"],
    REVIEW_NOT_UPHELD,
    "行政复议",
);
pub const B_SUIT: Binding = cases(
    "行政诉讼",
    &[t4("direct-total"), t4("after-total")],
    &["行政诉讼", "诉讼", "起诉"],
    &[
        t4("direct-corrected"),
        t4("direct-other"),
        t4("direct-pending"),
        t4("after-corrected"),
        t4("after-other"),
        t4("after-pending"),
    ],
    "行政诉讼",
);
pub const B_DIRECT: Binding = cases(
    "直接起诉",
    &[t4("direct-total")],
    &[
        "未经复议直接起诉",
        "直接起诉",
        "直接提起行政诉讼",
        "直接提起诉讼",
    ],
    DIRECT_NOT_UPHELD,
    "未经复议直接起诉",
);
pub const B_AFTER_REVIEW: Binding = cases(
    "复议后起诉",
    &[t4("after-total")],
    &[
        "复议后起诉",
        "复议后提起行政诉讼",
        "复议后提起诉讼",
        "复议后又起诉",
    ],
    AFTER_NOT_UPHELD,
    "复议后起诉",
);

pub const B_NATURAL: Binding = Binding {
    or: &[&[t3("new", "natural"), t3("carried", "natural")]],
    subject: true,
    scoped: true,
    whole: NEW,
    ..binding(
        "自然人申请",
        &[t3("new", "natural")],
        &["自然人"],
        "一、本年新收 自然人",
    )
};
pub const B_LEGAL: Binding = Binding {
    or: &[&[
        t3("new", "business"),
        t3("new", "research"),
        t3("new", "nonprofit"),
        t3("new", "legal-service"),
        t3("new", "other-org"),
        t3("carried", "business"),
        t3("carried", "research"),
        t3("carried", "nonprofit"),
        t3("carried", "legal-service"),
        t3("carried", "other-org"),
    ]],
    subject: true,
    scoped: true,
    whole: NEW,
    ..binding(
        "法人或其他组织申请",
        &[
            t3("new", "business"),
            t3("new", "research"),
            t3("new", "nonprofit"),
            t3("new", "legal-service"),
            t3("new", "other-org"),
        ],
        &[
            "法人或其他组织",
            "法人或者其他组织",
            "法人和其他组织",
            "法人及其他组织",
        ],
        "一、本年新收 法人或其他组织",
    )
};

/// The bindings of table 三 and 四, which both formats share, in the order placeholders are
/// listed; a format adds its 其他处理 and its table 二.
macro_rules! shared_bindings {
    ($($more:expr),* $(,)?) => {
        [
            B_NEW,
            B_CARRIED,
            B_HANDLED,
            B_CARRIED_OVER,
            B_DISCLOSED_OR_PARTLY,
            B_DISCLOSED,
            B_PARTLY,
            B_WITHHELD,
            B_UNABLE,
            B_DECLINED,
            B_REVIEW,
            B_SUIT,
            B_DIRECT,
            B_AFTER_REVIEW,
            B_NATURAL,
            B_LEGAL,
            $($more),*
        ]
    };
}
pub(crate) use shared_bindings;

/// 办结率: （七）总计 over 一 + 二, the requests there were to handle.
pub const RATES: &[Rate] = &[Rate {
    phrases: &["办结率"],
    numerator: HANDLED,
    denominator: NEW_AND_CARRIED,
}];

/// The words of the text check, the same in both formats.
pub const TEXT_WORDS: TextWords = TextWords {
    units: &["件", "起", "份", "宗", "个"],
    between: &[
        "政府信息公开申请",
        "信息公开申请",
        "公开申请",
        "申请",
        "案件",
        "事项",
        "件数",
        "数量",
        "总数",
        "总量",
        "共计",
        "合计",
        "总计",
        "累计为",
        "共",
        "计",
        "为",
        "达到",
        "达",
        "了",
        "的",
        "是",
        "有",
        "继续办理",
        "继续",
        "办理",
        "政府",
        "一共",
        "答复",
        "予以",
        "给予",
        "相关信息",
    ],
    qualifiers: &[
        "通过",
        "网上",
        "网络",
        "在线",
        "当面",
        "现场",
        "信函",
        "邮寄",
        "传真",
        "电子邮件",
        "邮件",
        "电话",
        "书面",
        "口头",
        "按时",
        "按期",
        "如期",
        "及时",
        "逾期",
        "超期",
        "延期",
        "当场",
        "即时",
        "未",
        "没有",
        "不予",
        "不再",
        "待",
        "上年",
        "去年",
        "上一年",
        "前年",
        "同期",
        "累计",
        "以来",
        "历年",
        "此前",
        "以前",
        "月份",
        "季度",
        "上半年",
        "下半年",
        "其余",
        "另有",
        "平均",
        "约",
        "近",
        "超过",
        "以上",
        "不足",
    ],
    elsewhere: &[
        "建议",
        "提案",
        "信访",
        "来信",
        "来访",
        "投诉",
        "举报",
        "热线",
        "诉求",
        "咨询",
        "工单",
        "留言",
        "督办",
        "12345",
        "微信",
        "公众号",
        "微博",
        "小程序",
        "客户端",
    ],
    reasons: &["因", "由于", "属于", "涉及"],
    any_reason: &["等", "各类", "各种", "信息公开"],
    respective: &["分别", "依次"],
    includes: &["包含", "包括", "含"],
    denials: &[
        "未发生",
        "没有发生",
        "未出现",
        "没有出现",
        "未产生",
        "未曾发生",
        "未收到",
        "没有收到",
        "无",
    ],
    denied_between: &[
        "因政府信息公开",
        "政府信息公开",
        "信息公开",
        "引起的",
        "引起",
        "引发的",
        "引发",
        "而",
        "被申请",
        "被提起",
        "申请",
        "提起",
        "被",
        "发生",
        "涉及",
        "任何",
        "相关",
        "的",
    ],
    denied_after: &[
        "政府信息公开申请",
        "申请",
        "案件",
        "案例",
        "事件",
        "事项",
        "情况",
        "情形",
        "发生",
        "的",
    ],
    connectors: &["以及", "和", "及", "与", "、", "或"],
    all_upheld: &[
        "均获维持",
        "均被维持",
        "均予维持",
        "均得到维持",
        "全部获得维持",
        "全部获维持",
        "全部被维持",
        "全部维持",
        "均维持原行政行为",
        "均维持原决定",
        "均维持",
        "均为维持",
        "结果均为维持",
    ],
    except: &["其余", "其他", "除", "剩余", "余下", "另"],
    share: &["所占比例", "占比", "占"],
};

/// The customary sentence on requests, with every number bound to table 三.
pub const REQUESTS_PHRASE: DataPhrase = DataPhrase {
    label: Message::fixed("插入申请情况数据句", "Insert the requests sentence"),
    text: "本年度共收到政府信息公开申请{{本年新收申请}}件，上年结转{{上年结转申请}}件，办结{{办结申请}}件，结转下年度继续办理{{结转下年度}}件。",
};

/// The customary sentence on how requests were handled, with the compound sums.
pub const RESULTS_PHRASE: DataPhrase = DataPhrase {
    label: Message::fixed("插入办理结果数据句", "Insert the results sentence"),
    text: "其中予以公开及部分公开{{予以公开及部分公开}}件，不予公开{{不予公开}}件，无法提供{{无法提供}}件，不予处理{{不予处理}}件，其他处理{{其他处理}}件。",
};

/// The customary sentence on reviews and lawsuits.
pub const DISPUTES_PHRASE: DataPhrase = DataPhrase {
    label: Message::fixed("插入复议诉讼数据句", "Insert the disputes sentence"),
    text: "因政府信息公开引起行政复议{{行政复议}}件，行政诉讼{{行政诉讼}}件。",
};

/// The data phrases both formats offer.
pub const DATA_PHRASES: &[DataPhrase] = &[REQUESTS_PHRASE, RESULTS_PHRASE, DISPUTES_PHRASE];

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
                cells: WITHHELD,
            },
            Bar {
                label: "（四）无法提供",
                cells: UNABLE,
            },
            Bar {
                label: "（五）不予处理",
                cells: DECLINED,
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
