//! Rule N-text on texts as real reports write them: the corpus in `tests/fixtures/ntext/`
//! (precision and recall printed, no false alarm allowed), and the cases the issue names.

use crate::common::key;
use nianbao::report::ntext::{apply_fix, excerpt};
use nianbao::report::sample::sample;
use nianbao::report::templates::{by_id, OGI_2019, OGI_2021};
use nianbao::report::{check, Draft, Finding, Location, SectionKey, Template};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Entry {
    id: String,
    template: String,
    #[serde(default)]
    cells: BTreeMap<String, String>,
    section: SectionKey,
    aspect: Option<String>,
    text: String,
    findings: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    at: String,
    why: String,
}

fn n_text(draft: &Draft) -> Vec<Finding> {
    check(draft)
        .into_iter()
        .filter(|f| f.rule.id() == "N-text")
        .collect()
}

/// The sample of `template` with no text but `text` in `section` (and `aspect`).
fn with_text(template: &Template, section: SectionKey, aspect: Option<&str>, text: &str) -> Draft {
    let mut draft = sample(template).unwrap();
    for t in draft.texts.values_mut() {
        t.text.clear();
        t.aspects.clear();
    }
    draft.set_text(section, aspect, text.to_string());
    draft
}

/// The words a finding points at.
fn flagged(f: &Finding) -> Option<&str> {
    match &f.location {
        Location::Text { found, .. } => Some(found.as_str()),
        _ => None,
    }
}

#[test]
fn the_corpus_is_read_with_no_false_alarm_and_most_contradictions_found() {
    // corpus.json was written first, heldout.json later by someone who never saw the checker.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ntext");
    let corpus: Vec<Entry> = ["corpus.json", "heldout.json"]
        .iter()
        .flat_map(|name| {
            let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
            serde_json::from_str::<Vec<Entry>>(&text).unwrap()
        })
        .collect();
    assert!(corpus.len() >= 40, "{} texts", corpus.len());
    let (mut expected, mut found, mut right) = (0, 0, 0);
    let mut false_alarms = Vec::new();
    let mut missed = Vec::new();
    let mut agreeing = 0;
    for e in &corpus {
        let template = by_id(&e.template).unwrap();
        let mut draft = with_text(template, e.section, e.aspect.as_deref(), &e.text);
        for (cell, value) in &e.cells {
            draft.set_cell(key(cell), value);
        }
        let got = n_text(&draft);
        if e.findings.is_empty() {
            agreeing += 1;
        }
        // Each expected finding takes one finding at the same words.
        let mut left: Vec<&Finding> = got.iter().collect();
        for x in &e.findings {
            expected += 1;
            match left.iter().position(|f| flagged(f) == Some(x.at.as_str())) {
                Some(i) => {
                    right += 1;
                    left.remove(i);
                }
                None => missed.push(format!("{}: “{}” ({})", e.id, x.at, x.why)),
            }
        }
        found += got.len();
        false_alarms.extend(left.iter().map(|f| format!("{}: {}", e.id, f.message.zh)));
    }
    let precision = right as f64 / found.max(1) as f64;
    let recall = right as f64 / expected.max(1) as f64;
    println!(
        "N-text corpus: {} texts ({agreeing} agreeing with their tables), {expected} contradictions; {found} findings, {right} right",
        corpus.len()
    );
    println!(
        "N-text corpus: precision {:.1} %, recall {:.1} %",
        precision * 100.0,
        recall * 100.0
    );
    for m in &missed {
        println!("  missed {m}");
    }
    assert!(
        agreeing * 2 >= corpus.len() - 2 && expected * 2 >= corpus.len() - 2,
        "about half agree, half contradict"
    );
    assert!(false_alarms.is_empty(), "false alarms: {false_alarms:#?}");
    assert!(recall >= 0.9, "recall {recall:.3}; missed: {missed:#?}");
}

#[test]
fn a_compound_phrase_is_the_sum_of_its_cells() {
    let mut draft = with_text(
        &OGI_2021,
        SectionKey::Overview,
        Some("on-request"),
        "其中予以公开及部分公开42件。",
    );
    let set_total = |d: &mut Draft, row: &str, n: &str| {
        for col in [
            "business",
            "research",
            "nonprofit",
            "legal-service",
            "other-org",
        ] {
            d.set_cell(key(&format!("t3/{row}/{col}")), "");
        }
        d.set_cell(key(&format!("t3/{row}/natural")), n);
    };
    set_total(&mut draft, "disclosed", "22");
    set_total(&mut draft, "partly", "20");
    assert!(n_text(&draft).is_empty(), "{:#?}", n_text(&draft));

    draft.set_text(
        SectionKey::Overview,
        Some("on-request"),
        "其中予以公开及部分公开258件。".into(),
    );
    set_total(&mut draft, "disclosed", "272");
    set_total(&mut draft, "partly", "3");
    let found = n_text(&draft);
    assert_eq!(found.len(), 1, "{found:#?}");
    let m = &found[0].message.zh;
    assert!(
        m.contains("（一）予以公开 272 + （二）部分公开 3 = 275"),
        "the cells compared are stated: {m}"
    );
    assert!(m.contains("“予以公开及部分公开258件”"), "{m}");
    // The fix: the table's number, or the compound placeholder.
    let Location::Text {
        start, end, fixes, ..
    } = &found[0].location
    else {
        panic!("{:?}", found[0].location)
    };
    assert_eq!((*start, *end), (11, 14));
    assert_eq!(
        fixes,
        &["275".to_string(), "{{予以公开及部分公开}}".to_string()]
    );
    let text = draft.text(SectionKey::Overview).aspects["on-request"].clone();
    let fixed = apply_fix(&text, &found[0].location, &fixes[1]).unwrap();
    assert_eq!(fixed, "其中予以公开及部分公开{{予以公开及部分公开}}件。");
    draft.set_text(SectionKey::Overview, Some("on-request"), fixed.clone());
    assert!(n_text(&draft).is_empty());
    assert!(nianbao::report::export::page(&OGI_2021, &draft).contains("予以公开及部分公开275件"));
    // A fix never applies to words that have changed since.
    assert_eq!(apply_fix("其中", &found[0].location, "275"), None);
    assert_eq!(
        excerpt(&text, &found[0].location),
        Some(("其中予以公开及部分公开".into(), "258".into(), "件。".into()))
    );
}

#[test]
fn group_totals_claims_and_shares_are_checked() {
    let draft = with_text(
        &OGI_2021,
        SectionKey::Overview,
        Some("on-request"),
        // The sample: （四）无法提供 15+2+1+1+1 + 3 + 2 = 25; 复议 2 upheld, 1 corrected, 1 pending.
        "因本机关不掌握等原因无法提供265件。全年行政复议4件，诉讼2件，均获维持。予以公开及部分公开62件，占比60.2%。",
    );
    let found = n_text(&draft);
    let words: Vec<&str> = found.iter().filter_map(flagged).collect();
    assert_eq!(words, ["265", "60.2%", "均获维持"], "{found:#?}");
    assert!(found[0].message.zh.contains("（四）无法提供：1.本机关不掌握相关政府信息 20 + 2.没有现成信息需要另行制作 3 + 3.补正后申请内容仍不明确 2 = 25"), "{}", found[0].message.zh);
    assert!(
        found[1].message.zh.contains("= 58.5%"),
        "{}",
        found[1].message.zh
    );
    assert!(
        found[2]
            .message
            .zh
            .contains("行政复议：结果纠正 1 + 尚未审结 1 = 2"),
        "{}",
        found[2].message.zh
    );
    assert!(
        found[2].message.zh.contains("未经复议直接起诉 尚未审结 1"),
        "{}",
        found[2].message.zh
    );
}

#[test]
fn numbers_about_something_else_are_never_compared() {
    for template in [&OGI_2021, &OGI_2019] {
        for text in [
            "主动公开政府信息312条，开展培训2次，回复人大代表建议7件。",
            // A part (按时), another year, a reason that narrows, numbers paired in order.
            "按时办结申请100件。2019年收到申请80件。因本机关不掌握相关政府信息无法提供20件。予以公开、部分公开分别为51件、11件。",
            // Two phrases compete for one number.
            "收到并办结申请42件。行政复议答复3件。",
            "推进“一件事一次办”，上年收到申请80件，较上年增加29件，同比增长15.3%，按时办结率100%。",
            "未发生行政复议被纠错的情况。其余均获维持。",
            // The rows a sentence names first scope what follows; other subjects; 不予受理.
            "在已办结的106件申请中，自然人80件、法人或其他组织26件。",
            "全年受理群众信访件63件，信访件办结率100%；人大代表建议办结12件。",
            "对重复申请不予受理3件。依申请公开答复率100%。",
            "予以公开（含部分公开）70件。申请人不服复议决定提起行政诉讼1件。",
            // A bracket after another count breaks that count down (莆田市城市管理局 2023);
            // a platform's own cases are not requests.
            "主动公开规范性文件16件，完成历史公文属性转换13件（现行有效8件，废止5件）。",
            "2023年微信公众号共受理案件1809件，处理1803件。",
        ] {
            let draft = with_text(template, SectionKey::Problems, None, text);
            assert!(n_text(&draft).is_empty(), "{}: {text}: {:#?}", template.id, n_text(&draft));
        }
    }
}

#[test]
fn the_sample_reports_agree_with_themselves() {
    for t in nianbao::report::templates::ALL {
        let draft = sample(t).unwrap();
        assert!(n_text(&draft).is_empty(), "{}: {:#?}", t.id, n_text(&draft));
    }
}

#[test]
fn a_share_after_a_placeholder_is_checked_too() {
    let text = "其中予以公开及部分公开{{予以公开及部分公开}}件，占比56.88%。";
    let draft = with_text(&OGI_2021, SectionKey::Problems, None, text);
    let found = n_text(&draft);
    assert_eq!(
        found.iter().filter_map(flagged).collect::<Vec<_>>(),
        ["56.88%"]
    );
    let fixed = text.replace("56.88%", "58.49%");
    let draft = with_text(&OGI_2021, SectionKey::Problems, None, &fixed);
    assert!(n_text(&draft).is_empty());
}

#[test]
fn a_table_nobody_filled_in_is_not_compared_with() {
    // A draft begun from its text, or a page whose tables its CMS lost.
    let mut draft = with_text(
        &OGI_2019,
        SectionKey::Overview,
        None,
        "全年受理政府信息公开申请3件，未发生因政府信息公开引起的行政复议和行政诉讼。",
    );
    draft.cells.clear();
    draft.confirmed.clear();
    assert!(n_text(&draft).is_empty(), "{:#?}", n_text(&draft));
    // Once something is typed in 三, its text is read against it (blank cells are 0).
    draft.set_cell(key("t3/new/natural"), "2");
    let found = n_text(&draft);
    assert_eq!(found.iter().filter_map(flagged).collect::<Vec<_>>(), ["3"]);
    // 四 still empty: the denial is not compared; confirmed as 0, it agrees.
    draft.confirmed.insert(SectionKey::Disputes);
    assert_eq!(n_text(&draft).len(), 1);
}

#[test]
fn everyone_named_at_once_is_the_total_and_never_the_legal_columns() {
    for everyone in [
        "公民、法人和其他组织",
        "公民、法人或者其他组织",
        "公民、法人和（或）其他组织",
    ] {
        let text = format!("本年度共收到{everyone}政府信息公开申请3件。");
        let mut draft = with_text(&OGI_2021, SectionKey::Overview, None, &text);
        draft.cells.clear();
        draft.set_cell(key("t3/new/natural"), "3");
        let found = n_text(&draft);
        assert!(
            found.is_empty(),
            "{everyone}: 3 is every applicant's total, not 法人或其他组织's 0: {found:#?}"
        );
        // The total itself is still checked.
        draft.set_cell(key("t3/new/natural"), "5");
        assert_eq!(
            n_text(&draft).len(),
            1,
            "{everyone}: 3 against a total of 5"
        );
    }
}
