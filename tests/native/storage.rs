//! Stored drafts: the envelope, migration from storage version 1, and the save decision that
//! keeps two tabs from overwriting each other.

use crate::common::key;
use nianbao::report::file::{file_name, out_of_range, to_file, FileError};
use nianbao::report::sample::sample;
use nianbao::report::templates::OGI_2021;
use nianbao::storage::entry::{self, decide, Entry, SaveDecision};

fn sample_entry() -> Entry {
    Entry {
        revision: 7,
        saved_at: 1_764_230_000_123.0,
        draft: sample(&OGI_2021).unwrap(),
    }
}

#[test]
fn an_entry_round_trips() {
    let e = sample_entry();
    let text = entry::write(&e);
    assert!(text.starts_with("{\"revision\":7,\"saved_at\":1764230000123,\"draft\":{"));
    assert_eq!(entry::read(&entry::key(&e.draft.id), &text), Ok(e));
}

#[test]
fn a_version_1_entry_is_read_as_revision_1() {
    let draft = sample(&OGI_2021).unwrap();
    let old_key = format!("{}{}", entry::PREFIX_V1, draft.id);
    assert!(entry::is_v1(&old_key));
    assert_eq!(entry::id_of(&old_key), Some(draft.id.as_str()));
    let e = entry::read(&old_key, &to_file(&draft)).unwrap();
    assert_eq!((e.revision, e.draft), (1, draft.clone()));
    assert_eq!(entry::id_of(&entry::key("abc")), Some("abc"));
    assert_eq!(entry::id_of("someone.else"), None);
}

#[test]
fn unreadable_entries_say_why() {
    let key = entry::key("x");
    assert!(matches!(
        entry::read(&key, "{not json"),
        Err(FileError::NotJson { .. })
    ));
    assert!(matches!(
        entry::read(&key, "{\"revision\":1}"),
        Err(FileError::BadShape(_))
    ));
    let newer =
        "{\"revision\":1,\"saved_at\":0,\"draft\":{\"format\":\"nianbao-draft\",\"version\":9}}";
    assert_eq!(
        entry::read(&key, newer),
        Err(FileError::NewerVersion { found: 9 })
    );
}

#[test]
fn saves_never_overwrite_a_newer_revision() {
    assert_eq!(decide(None, 0), SaveDecision::Write(1));
    assert_eq!(decide(Some(3), 3), SaveDecision::Write(4));
    assert_eq!(decide(Some(4), 3), SaveDecision::Conflict { stored: 4 });
    // Storage emptied meanwhile (data cleared): write on from this page's revision.
    assert_eq!(decide(None, 5), SaveDecision::Write(6));
}

#[test]
fn draft_file_names_and_range_checks() {
    let mut draft = sample(&OGI_2021).unwrap();
    assert_eq!(
        file_name(&draft, "2027-01-10"),
        "青禾市临江区望湖街道办事处-2025年报-草稿-2027-01-10.json"
    );
    draft.meta.body = "a/b:c*?".into();
    assert_eq!(
        file_name(&draft, "2027-01-10"),
        "abc-2025年报-草稿-2027-01-10.json"
    );
    assert!(out_of_range(&draft).is_empty());
    draft.set_cell(key("t3/new/natural"), "-3");
    draft.set_cell(key("t4/cases/review-upheld"), "99999999999999");
    let problems: Vec<String> = out_of_range(&draft)
        .into_iter()
        .map(|m| m.zh.into_owned())
        .collect();
    assert_eq!(problems.len(), 2);
    assert!(problems[0].contains("一、本年新收政府信息公开申请数量 自然人：“-3”不能为负数"));
    assert!(problems[1].contains("数值过大"));
}
