//! Example reports: complete and consistent, with realistic but invented numbers and text.
//!
//! They let a person look around the app, and give the tests and the CLI a full report.

use super::draft::{Draft, Meta, SectionText, Site};
use super::template::{CellKey, RowKind, SectionBody, SectionKey, Template};
use std::collections::BTreeMap;

/// The applicant columns of table 三, in order.
const APPLICANTS: [&str; 6] = [
    "natural",
    "business",
    "research",
    "nonprofit",
    "legal-service",
    "other-org",
];

/// Table 三 rows shared by both formats, one number per applicant column.
const REQUESTS: &[(&str, [u32; 6])] = &[
    ("new", [86, 12, 1, 2, 5, 3]),
    ("carried", [4, 1, 0, 0, 0, 0]),
    ("disclosed", [40, 6, 1, 1, 2, 1]),
    ("partly", [8, 2, 0, 0, 1, 0]),
    ("withheld-prohibited", [1, 0, 0, 0, 0, 0]),
    ("withheld-third-party", [2, 1, 0, 0, 0, 0]),
    ("withheld-internal", [1, 0, 0, 0, 0, 0]),
    ("withheld-process", [2, 0, 0, 0, 0, 0]),
    ("withheld-enforcement", [1, 0, 0, 0, 0, 0]),
    ("unable-not-held", [15, 2, 0, 1, 1, 1]),
    ("unable-needs-making", [3, 0, 0, 0, 0, 0]),
    ("unable-unclear", [2, 0, 0, 0, 0, 0]),
    ("declined-petition", [3, 0, 0, 0, 0, 0]),
    ("declined-repeated", [2, 1, 0, 0, 0, 0]),
    ("declined-publication", [1, 0, 0, 0, 0, 0]),
    ("declined-confirm", [1, 0, 0, 0, 0, 0]),
    ("carried-over", [5, 1, 0, 0, 1, 1]),
];

/// （六）其他处理 in `ogi-2021`, split into its three sub-items.
const OTHER_2021: &[(&str, [u32; 6])] = &[
    ("other-no-correction", [2, 0, 0, 0, 0, 0]),
    ("other-misc", [1, 0, 0, 0, 0, 0]),
];

/// （六）其他处理 in `ogi-2019`, a single row.
const OTHER_2019: &[(&str, [u32; 6])] = &[("other", [3, 0, 0, 0, 0, 0])];

const DISPUTES: &[(&str, u32)] = &[
    ("review-upheld", 2),
    ("review-corrected", 1),
    ("review-pending", 1),
    ("direct-upheld", 1),
    ("direct-pending", 1),
];

/// Table 二's cells by row and column id, as typed.
const PROACTIVE_2021: &[((&str, &str), &str)] = &[
    (("rules", "made"), "0"),
    (("rules", "repealed"), "0"),
    (("rules", "in-force"), "0"),
    (("normative", "made"), "3"),
    (("normative", "repealed"), "1"),
    (("normative", "in-force"), "12"),
    (("licensing", "decisions"), "156"),
    (("penalty", "decisions"), "48"),
    (("coercion", "decisions"), "3"),
    (("fees", "fee-amount"), "2.35"),
];

const PROACTIVE_2019: &[((&str, &str), &str)] = &[
    (("rules", "made"), "0"),
    (("rules", "published"), "0"),
    (("rules", "total-published"), "0"),
    (("normative", "made"), "3"),
    (("normative", "published"), "3"),
    (("normative", "total-published"), "15"),
    (("licensing", "previous-items"), "25"),
    (("licensing", "change"), "-2"),
    (("licensing", "decisions"), "140"),
    (("other-services", "previous-items"), "12"),
    (("other-services", "change"), "1"),
    (("other-services", "decisions"), "320"),
    (("penalty", "previous-items"), "30"),
    (("penalty", "change"), "0"),
    (("penalty", "decisions"), "48"),
    (("coercion", "previous-items"), "5"),
    (("coercion", "change"), "0"),
    (("coercion", "decisions"), "3"),
    (("fees", "previous-items"), "2"),
    (("fees", "change"), "0"),
    (("procurement", "procurement-items"), "6"),
    (("procurement", "procurement-amount"), "251000"),
];

const BODY: &str = "青禾市临江区望湖街道办事处";

/// A complete, consistent example draft in `template`'s format, or `None` for an unknown format.
pub fn sample(template: &Template) -> Option<Draft> {
    let year = match template.id {
        "ogi-2021" => 2025,
        "ogi-2019" => 2020,
        _ => return None,
    };
    sample_for(template, year)
}

/// What the start screen opens as the example: the sample on `year` (the year the season
/// offers) when its format is for that year, titled 示例 everywhere a title shows, so that it is
/// never taken for, or published as, a real report.
pub fn example(template: &Template, year: i32) -> Option<Draft> {
    let mut draft = sample(template)?;
    if template.is_for_year(year) && year != draft.meta.year {
        draft = sample_for(template, year)?;
    }
    draft.meta.title = Some(format!("{EXAMPLE_MARK}{}", draft.meta.default_title()));
    Some(draft)
}

/// How an example's title begins.
pub const EXAMPLE_MARK: &str = "示例：";

/// The sample on `year`.
fn sample_for(template: &Template, year: i32) -> Option<Draft> {
    let (proactive, other) = match template.id {
        "ogi-2021" => (PROACTIVE_2021, OTHER_2021),
        "ogi-2019" => (PROACTIVE_2019, OTHER_2019),
        _ => return None,
    };
    let mut draft = Draft::new(&format!("sample-{}", template.id), template, year, BODY);
    draft.meta = Meta {
        year,
        body: BODY.to_string(),
        title: None,
        index_no: format!("11330604MB0000000X/{}-00017", year + 1),
        doc_no: String::new(),
        pub_date: format!("{}-01-20", year + 1),
        pub_time: "09:30".to_string(),
        address: "青禾市临江区望湖路88号".to_string(),
        postcode: "312300".to_string(),
        phone: "0575-80000000".to_string(),
        published_at: "青禾市临江区人民政府门户网站“政府信息公开”专栏".to_string(),
        site: Site {
            name: "青禾市临江区人民政府".to_string(),
            domain: "www.linjiang.example.gov.cn".to_string(),
            id_code: String::new(),
            column: "政府信息公开年报".to_string(),
        },
        ..Meta::default()
    };
    for ((row, col), value) in proactive {
        draft.set_cell(CellKey::new("t2", row, col), value);
    }
    for (row, values) in REQUESTS.iter().chain(other) {
        for (col, value) in APPLICANTS.iter().zip(values) {
            draft.set_cell(CellKey::new("t3", row, col), &value.to_string());
        }
    }
    for (col, value) in DISPUTES {
        draft.set_cell(CellKey::new("t4", "cases", col), &value.to_string());
    }
    draft.texts = texts(template, year);
    // An example is complete: its blank cells are the zeros a clerk would leave blank.
    for section in template.sections {
        if matches!(section.body, SectionBody::Table(_)) {
            draft.confirm_blanks(section.key);
        }
    }
    Some(draft)
}

/// Another body's report in `template`'s format, consistent like the sample but with its own
/// figures, drawn from `seed` (the same seed gives the same report): for test sets of many
/// units (汇总, 检查) and their benchmarks. Its requests text quotes the tables through
/// placeholders, so it agrees with them.
pub fn varied(template: &Template, body: &str, year: i32, seed: u64) -> Option<Draft> {
    let mut draft = sample(template)?;
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x2545_f491_4f6c_dd1d);
    draft.id = format!("varied-{}-{year}-{seed}", template.id);
    let sample_body = draft.meta.body.clone();
    draft.meta.body = body.to_string();
    draft.meta.year = year;
    draft.meta.pub_date = format!("{}-01-{:02}", year + 1, 5 + rng.below(25));
    draft.meta.index_no = format!(
        "11330604MB{:07}X/{}-{:05}",
        seed % 10_000_000,
        year + 1,
        rng.below(99_999)
    );
    draft.meta.site.column.clear();
    // 三: every figure times a factor (a balanced table stays balanced), then results added
    // to both a result row and 一 (which keeps 一 + 二 = （七） + 四).
    let factor = 1 + rng.below(4) as i64;
    let SectionBody::Table(requests) = &template.section(SectionKey::Requests).body else {
        return Some(draft);
    };
    let inputs: Vec<CellKey> = requests
        .cells()
        .filter(|c| c.is_input())
        .map(|c| c.key())
        .collect();
    for key in &inputs {
        let n = draft.cell(*key).parse::<i64>().unwrap_or(0) * factor;
        draft.set_cell(*key, &n.to_string());
    }
    let results: Vec<&str> = requests
        .cells()
        .filter_map(|c| match &c.row.row.kind {
            RowKind::Total(sum) => Some(sum.of),
            _ => None,
        })
        .next()
        .unwrap_or_default()
        .to_vec();
    let first_left = requests
        .blocks
        .iter()
        .flat_map(|b| b.balances)
        .find_map(|b| b.left.first().copied());
    if let (Some(new_row), false) = (first_left, results.is_empty()) {
        let columns: Vec<&str> = inputs.iter().map(|k| k.column).collect();
        for _ in 0..(3 + rng.below(12)) {
            let row = results[rng.below(results.len() as u64) as usize];
            let column = columns[rng.below(columns.len() as u64) as usize];
            let add = 1 + rng.below(6) as i64;
            for r in [row, new_row] {
                let key = CellKey::new(requests.id, r, column);
                let n = draft.cell(key).parse::<i64>().unwrap_or(0) + add;
                draft.set_cell(key, &n.to_string());
            }
        }
    }
    // 四: a few cases of each kind.
    if let SectionBody::Table(disputes) = &template.section(SectionKey::Disputes).body {
        for cell in disputes.cells().filter(|c| c.is_input()) {
            draft.set_cell(cell.key(), &rng.below(3).to_string());
        }
    }
    for text in draft.texts.values_mut() {
        text.text = text
            .text
            .replace(&sample_body, body)
            .replace("望湖街道", body);
        for part in text.aspects.values_mut() {
            *part = part.replace("望湖街道", body);
        }
    }
    let phrases: Vec<&str> = template.data_phrases.iter().map(|p| p.text).collect();
    if let Some(overview) = draft.texts.get_mut(&SectionKey::Overview) {
        overview
            .aspects
            .insert("on-request".into(), phrases.join(""));
    }
    Some(draft)
}

/// A small deterministic generator (xorshift64*), enough to vary example figures.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

fn texts(template: &Template, year: i32) -> BTreeMap<SectionKey, SectionText> {
    let mut texts = BTreeMap::new();
    let aspects: BTreeMap<String, String> = [
        ("proactive", format!("{year}年，本街道通过区政府门户网站、政务新媒体和街道、社区公开栏主动公开政府信息312条，其中机构职能、规范性文件、财政预决算、民生保障等重点领域信息186条。\n\n按照“公开为常态、不公开为例外”的原则，全年新制发行政规范性文件3件，均在印发后20个工作日内公开。")),
        ("on-request", "全年新收政府信息公开申请109件，上年结转5件，办结106件，结转下年度继续办理8件。申请内容主要涉及征收补偿、规划建设和社会救助等方面。所有申请均在法定期限内答复。".to_string()),
        ("management", "落实公文公开属性源头认定制度，拟文时同步明确公开方式。开展现行有效规范性文件清理，废止1件，现行有效12件，清理结果已在网站公布。".to_string()),
        ("platforms", "完善政府信息公开专栏栏目设置，更新政务服务事项办事指南46项；在社区便民服务中心设置政府信息查阅点，方便群众现场查询。".to_string()),
        ("oversight", "将政务公开工作纳入机关内部年度考核，组织专题培训2次；全年未发生因政府信息公开工作不到位引起的责任追究情况。".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    texts.insert(
        SectionKey::Overview,
        SectionText {
            text: format!("{year}年，望湖街道深入贯彻《中华人民共和国政府信息公开条例》，围绕群众关切推进政务公开，各项工作有序开展。"),
            aspects,
            fee: String::new(),
        },
    );
    texts.insert(
        SectionKey::Problems,
        SectionText {
            text: "一是部分公开内容更新不够及时，个别栏目存在信息滞后现象；二是政策解读形式较为单一，图解、视频等形式运用不多。\n\n下一步，街道将建立栏目更新提醒机制，每月检查一次；丰富政策解读形式，对重要政策同步制作图解。上年度提出的“加强依申请公开答复规范化”措施已落实，答复文书已统一格式。".to_string(),
            ..SectionText::default()
        },
    );
    let fee = if template
        .text_spec(SectionKey::Other)
        .and_then(|s| s.fee.as_ref())
        .is_some()
    {
        "0".to_string()
    } else {
        String::new()
    };
    texts.insert(
        SectionKey::Other,
        SectionText {
            text: "本年度按要求落实政务公开工作要点，人大代表建议和政协提案办理结果均已公开。"
                .to_string(),
            aspects: BTreeMap::new(),
            fee,
        },
    );
    texts
}
