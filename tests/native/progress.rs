//! The task list: each step's status follows what is filled and what is wrong.

use crate::common::key;
use nianbao::report::progress::{completion, missing, status, Completion, Status, Step};
use nianbao::report::sample::sample;
use nianbao::report::templates::{ALL, OGI_2021};
use nianbao::report::{check, Draft, SectionKey, Severity};

#[test]
fn steps_and_slugs() {
    let steps = Step::all(&OGI_2021);
    assert_eq!(steps.len(), 8);
    assert_eq!(steps[0], Step::Meta);
    assert_eq!(steps[7], Step::Review);
    for s in steps {
        assert_eq!(Step::from_slug(s.slug()), Some(s));
    }
    assert_eq!(
        Step::from_slug("requests"),
        Some(Step::Section(SectionKey::Requests))
    );
    assert_eq!(Step::from_slug("nope"), None);
}

#[test]
fn status_follows_the_draft() {
    let mut draft = Draft::new("x", &OGI_2021, 2025, "");
    let st = |d: &Draft, s: Step| status(&OGI_2021, d, &check(d), s);
    for s in Step::all(&OGI_2021) {
        assert_eq!(st(&draft, s), Status::NotStarted, "{s:?}");
    }
    draft.set_cell(key("t3/new/natural"), "3");
    let requests = Step::Section(SectionKey::Requests);
    // 3 new requests with nothing handled or carried over breaks the balance.
    assert_eq!(st(&draft, requests), Status::Errors(1));
    draft.set_cell(key("t3/carried-over/natural"), "3");
    assert_eq!(st(&draft, requests), Status::InProgress);
    draft.set_cell(key("t3/new/business"), "-1");
    assert_eq!(st(&draft, requests), Status::Errors(1));
    assert_eq!(st(&draft, Step::Review), Status::Errors(1));

    // 基本信息: the issuing body and the 公开日期 hold it back; 索引号 and 文号 never do.
    draft.meta.index_no = "k1/2026-1".into();
    draft.meta.pub_date = String::new();
    assert_eq!(st(&draft, Step::Meta), Status::InProgress);
    assert_eq!(
        missing(&OGI_2021, &draft, &check(&draft), Step::Meta).map(|m| m.zh.into_owned()),
        Some("尚未填写发布机构".into())
    );
    draft.meta.body = "某局".into();
    assert_eq!(
        missing(&OGI_2021, &draft, &check(&draft), Step::Meta).map(|m| m.zh.into_owned()),
        Some("尚未填写公开日期（发布当天的日期）".into())
    );
    draft.meta.pub_date = "2026-01-20".into();
    assert_eq!(st(&draft, Step::Meta), Status::Done);
    draft
        .stale
        .insert(nianbao::report::draft::text_key(None, None));
    assert_eq!(
        st(&draft, Step::Meta),
        Status::InProgress,
        "last year's opening"
    );
    draft.stale.clear();
    draft.texts.get_mut(&SectionKey::Other).unwrap().text = "无。".into();
    assert_eq!(
        st(&draft, Step::Section(SectionKey::Other)),
        Status::InProgress,
        "the fee is still missing"
    );
    draft.texts.get_mut(&SectionKey::Other).unwrap().fee = "0".into();
    assert_eq!(st(&draft, Step::Section(SectionKey::Other)), Status::Done);

    for t in ALL {
        let s = sample(t).unwrap();
        let findings = check(&s);
        for step in Step::all(t) {
            assert_eq!(
                status(t, &s, &findings, step),
                Status::Done,
                "{} {step:?}",
                t.id
            );
        }
    }
}

#[test]
fn completion_counts_the_steps_done_and_every_error() {
    let mut draft = Draft::new("x", &OGI_2021, 2025, "");
    assert_eq!(
        completion(&OGI_2021, &draft),
        Completion {
            done: 0,
            steps: 7,
            errors: 0
        }
    );
    let mut full = sample(&OGI_2021).expect("sample");
    assert_eq!(
        completion(&OGI_2021, &full),
        Completion {
            done: 7,
            steps: 7,
            errors: 0
        }
    );
    // Blank cells nobody confirmed as 0: 三 and 四 are in progress, and say how to finish.
    full.confirmed.clear();
    assert_eq!(completion(&OGI_2021, &full).done, 5);
    let why = missing(
        &OGI_2021,
        &full,
        &check(&full),
        Step::Section(SectionKey::Requests),
    )
    .expect("a reason");
    assert!(
        why.zh.contains("空白单元格") && why.zh.contains("检查并继续"),
        "{why:?}"
    );
    let review = missing(&OGI_2021, &full, &check(&full), Step::Review).expect("a reason");
    assert!(
        review.zh.contains("三、收到和处理政府信息公开申请情况"),
        "{review:?}"
    );
    full.confirm_blanks(SectionKey::Requests);
    full.confirm_blanks(SectionKey::Disputes);
    assert_eq!(completion(&OGI_2021, &full).done, 7);
    // A number that is not one is an error of its step, and the draft counts it.
    draft.set_cell(key("t3/new/natural"), "x");
    let c = completion(&OGI_2021, &draft);
    assert_eq!(
        c.errors,
        check(&draft)
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    );
    assert!(c.errors >= 1);
}

#[test]
fn a_data_phrase_goes_where_the_caret_is_and_the_caret_follows_it() {
    use nianbao::report::draft::splice_at_caret;
    // The caret after “全年”: the phrase goes there, not at the end.
    assert_eq!(
        splice_at_caret("全年共办结。", 2, 2, "{{办结申请}}"),
        ("全年{{办结申请}}共办结。".into(), 10)
    );
    // A selection is replaced.
    assert_eq!(
        splice_at_caret("收到申请X件", 4, 5, "{{新收申请}}"),
        ("收到申请{{新收申请}}件".into(), 12)
    );
    // A character outside the BMP counts two UTF-16 units, as the browser counts them.
    assert_eq!(splice_at_caret("𠀀年", 2, 2, "a"), ("𠀀a年".into(), 3));
    // Past the end, or inside a surrogate pair: clamped, never a panic.
    assert_eq!(splice_at_caret("无", 9, 40, "。"), ("无。".into(), 2));
    assert_eq!(splice_at_caret("𠀀", 1, 1, "a"), ("a𠀀".into(), 1));
}

#[test]
fn check_your_answers_shows_what_was_written_and_names_empty_catalogue_fields() {
    use nianbao::report::progress::summary;
    let mut draft = sample(&OGI_2021).unwrap();
    draft.meta.index_no = String::new();
    draft.meta.pub_date = String::new();
    let meta = summary(&OGI_2021, &draft, Step::Meta).zh.into_owned();
    assert!(meta.ends_with("尚未填写：公开日期、索引号"), "{meta}");
    let other = summary(&OGI_2021, &draft, Step::Section(SectionKey::Problems))
        .zh
        .into_owned();
    let begins: String = draft
        .text(SectionKey::Problems)
        .text
        .chars()
        .take(10)
        .collect();
    assert!(other.starts_with(&format!("“{begins}")), "{other}");
    assert!(other.contains("字）"), "{other}");
    draft.texts.clear();
    let empty = summary(&OGI_2021, &draft, Step::Section(SectionKey::Problems))
        .zh
        .into_owned();
    assert!(empty.starts_with("尚无内容"), "{empty}");
}
