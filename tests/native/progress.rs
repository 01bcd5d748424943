//! The task list: each step's status follows what is filled and what is wrong.

use crate::common::key;
use nianbao::report::progress::{completion, status, Completion, Status, Step};
use nianbao::report::sample::sample;
use nianbao::report::templates::{OGI_2019, OGI_2021};
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

    draft.meta.body = "某局".into();
    assert_eq!(st(&draft, Step::Meta), Status::InProgress);
    draft.texts.get_mut(&SectionKey::Other).unwrap().text = "无。".into();
    assert_eq!(
        st(&draft, Step::Section(SectionKey::Other)),
        Status::InProgress,
        "the fee is still missing"
    );
    draft.texts.get_mut(&SectionKey::Other).unwrap().fee = "0".into();
    assert_eq!(st(&draft, Step::Section(SectionKey::Other)), Status::Done);

    for t in [&OGI_2021, &OGI_2019] {
        let s = sample(t).unwrap();
        let findings = check(&s);
        for step in Step::all(t) {
            let expected = match step {
                // The samples leave some cells blank (they count as 0).
                Step::Section(SectionKey::Requests | SectionKey::Disputes) | Step::Review => {
                    Status::InProgress
                }
                _ => Status::Done,
            };
            assert_eq!(
                status(t, &s, &findings, step),
                expected,
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
    let full = sample(&OGI_2021).expect("sample");
    // The example leaves cells of 三 and 四 blank (they print as 0): those two are in progress.
    assert_eq!(
        completion(&OGI_2021, &full),
        Completion {
            done: 5,
            steps: 7,
            errors: 0
        }
    );
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
