//! Draft files: a round trip keeps everything, and each kind of bad file gets its own error.

use crate::common::key;
use nianbao::report::file::{
    from_file, to_file, FileError, FORMAT, MAX_FILE_BYTES, MAX_TEXT_CHARS, VERSION,
};
use nianbao::report::number::MoneyUnit;
use nianbao::report::sample::sample;
use nianbao::report::templates::{ALL, OGI_2021};
use nianbao::report::{Draft, SectionKey};
use serde_json::{json, Value};

fn sample_json() -> Value {
    serde_json::from_str(&to_file(&sample(&OGI_2021).unwrap())).unwrap()
}

#[test]
fn round_trip_is_identical() {
    for t in ALL {
        let mut draft = sample(t).unwrap();
        draft.opening = Some("自定义开头。\n\n第二段".into());
        draft.meta.title = Some("自定义标题".into());
        draft.set_cell(key("t3/new/natural"), "１，２３４"); // kept exactly as typed
        if t.id == "ogi-2019" {
            draft.units.insert(
                "t2/procurement/procurement-amount".into(),
                MoneyUnit::WanYuan,
            );
        }
        let text = to_file(&draft);
        assert_eq!(from_file(&text), Ok(draft.clone()), "{}", t.id);
        assert_eq!(
            to_file(&from_file(&text).unwrap()),
            text,
            "writing is deterministic"
        );
    }
    let empty = Draft::new("e", &OGI_2021, 2025, "");
    assert_eq!(from_file(&to_file(&empty)), Ok(empty));
}

#[test]
fn the_file_starts_with_its_marker_and_version() {
    let v = sample_json();
    assert_eq!(v["format"], FORMAT);
    assert_eq!(v["version"], VERSION);
    assert_eq!(v["template"], "ogi-2021");
    let text = to_file(&sample(&OGI_2021).unwrap());
    assert!(
        text.starts_with("{\n  \"format\": \"nianbao-draft\",\n  \"version\": 1,"),
        "{}",
        &text[..80]
    );
}

#[test]
fn missing_fields_take_their_defaults() {
    let d = from_file(r#"{"format":"nianbao-draft","version":1,"template":"ogi-2019"}"#).unwrap();
    assert_eq!(d.template, "ogi-2019");
    assert_eq!(d.meta.disclosure, "主动公开");
    assert!(d.cells.is_empty());
    // A byte-order mark from a Windows editor is fine.
    assert!(from_file(
        "\u{feff}{\"format\":\"nianbao-draft\",\"version\":1,\"template\":\"ogi-2021\"}"
    )
    .is_ok());
}

#[test]
fn each_bad_file_has_its_own_error() {
    assert_eq!(
        from_file("这不是JSON"),
        Err(FileError::NotJson { line: 1, column: 1 })
    );
    assert!(matches!(
        from_file("{\"format\": "),
        Err(FileError::NotJson { .. })
    ));
    assert_eq!(from_file("[1,2,3]"), Err(FileError::NotADraft));
    assert_eq!(from_file("{\"name\": \"x\"}"), Err(FileError::NotADraft));
    assert_eq!(
        from_file("{\"format\": \"other\", \"version\": 1}"),
        Err(FileError::NotADraft)
    );

    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = sample_json();
        f(&mut v);
        from_file(&v.to_string())
    };
    assert_eq!(
        with(&|v| v["version"] = json!(VERSION + 1)),
        Err(FileError::NewerVersion { found: VERSION + 1 })
    );
    assert_eq!(
        with(&|v| v["version"] = json!("one")),
        Err(FileError::BadVersion("\"one\"".into()))
    );
    assert_eq!(
        with(&|v| v["version"] = json!(0)),
        Err(FileError::BadVersion("0".into()))
    );
    assert_eq!(
        with(&|v| v["version"] = json!(-1)),
        Err(FileError::BadVersion("-1".into()))
    );
    assert_eq!(
        with(&|v| {
            v.as_object_mut().unwrap().remove("version");
        }),
        Err(FileError::BadVersion("—".into()))
    );
    assert_eq!(
        with(&|v| v["template"] = json!("ogi-2030")),
        Err(FileError::UnknownTemplate("ogi-2030".into()))
    );
    // The field is named, not serde's words.
    assert_eq!(
        with(&|v| v["meta"]["year"] = json!("二〇二五")),
        Err(FileError::WrongValue("meta.year".into()))
    );
    assert_eq!(
        with(&|v| v["cells"] = json!([1, 2])),
        Err(FileError::WrongValue("cells".into()))
    );
    assert_eq!(
        with(&|v| v["cells"]["t3/new/natural"] = json!(5)),
        Err(FileError::WrongValue("cells".into()))
    );
    assert_eq!(
        with(&|v| v["cells"]["t3/nope/natural"] = json!("5")),
        Err(FileError::UnknownCell("t3/nope/natural".into()))
    );
    assert_eq!(
        with(&|v| v["units"]["t9/x/y"] = json!("元")),
        Err(FileError::UnknownCell("t9/x/y".into()))
    );
    assert_eq!(
        with(&|v| v["cells"]["t3/new/natural"] = json!("9".repeat(101))),
        Err(FileError::CellTooLong("t3/new/natural".into()))
    );
    assert_eq!(
        with(&|v| v["meta"]["body"] = json!("长".repeat(MAX_TEXT_CHARS + 1))),
        Err(FileError::TextTooLong {
            field: "发布机构".into(),
            chars: MAX_TEXT_CHARS + 1
        })
    );
    assert!(matches!(
        with(&|v| v["texts"]["problems"]["text"] = json!("长".repeat(MAX_TEXT_CHARS + 1))),
        Err(FileError::TextTooLong { .. })
    ));
    // Last year's copy and the stale list are bounded, so a file cannot smuggle in bulk.
    let previous = |cells: Value| json!({"id": "p", "year": 2024, "template": "ogi-2021", "title": "去年", "cells": cells, "from_file": true});
    assert!(with(&|v| v["previous"] = previous(json!({"t3/carried-over/natural": "5"}))).is_ok());
    let many: serde_json::Map<String, Value> = (0..2001)
        .map(|i| (format!("t3/r{i}/c"), json!("1")))
        .collect();
    assert_eq!(
        with(&|v| v["previous"] = previous(Value::Object(many.clone()))),
        Err(FileError::BadShape("previous.cells".into()))
    );
    assert_eq!(
        with(&|v| v["previous"] = previous(json!({"t3/x/y": "9".repeat(101)}))),
        Err(FileError::CellTooLong("t3/x/y".into()))
    );
    let stale: Vec<String> = (0..65).map(|i| format!("s{i}")).collect();
    assert_eq!(
        with(&|v| v["stale"] = json!(stale)),
        Err(FileError::BadShape("stale".into()))
    );
    assert_eq!(
        with(&|v| v["stale"] = json!(["长".repeat(201)])),
        Err(FileError::BadShape("stale".into()))
    );
    let big = " ".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        from_file(&big),
        Err(FileError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        })
    );
}

#[test]
fn messages_are_clear_in_both_languages() {
    let newer = FileError::NewerVersion { found: 7 }.message();
    assert!(
        newer.zh.contains("较新版本") && newer.zh.contains("版本7"),
        "{}",
        newer.zh
    );
    assert!(newer.en.contains("newer release") && newer.en.contains("version 7"));
    let big = FileError::TooLarge {
        bytes: 50 * 1024 * 1024,
    }
    .message();
    assert!(big.zh.contains("50.0 MB"), "{}", big.zh);
    let not_json = FileError::NotJson { line: 3, column: 9 }.message();
    assert!(not_json.zh.contains("第3行第9列"));
    let unknown = FileError::UnknownTemplate("x".into()).message();
    assert!(unknown.zh.contains("ogi-2021、ogi-2019"));
}

#[test]
fn texts_survive_exactly() {
    let mut draft = sample(&OGI_2021).unwrap();
    let weird = "<script>alert(1)</script>\n\n\"引号\" & 'apostrophe' \u{0}\u{1f600}\r\n";
    draft.texts.get_mut(&SectionKey::Problems).unwrap().text = weird.into();
    draft.meta.body = weird.into();
    let back = from_file(&to_file(&draft)).unwrap();
    assert_eq!(back.text(SectionKey::Problems).text, weird);
    assert_eq!(back.meta.body, weird);
}

#[test]
fn a_year_is_four_digits_in_range_and_anything_else_is_said() {
    use nianbao::report::Meta;
    assert_eq!(Meta::read_year(" 2024 "), Ok(2024));
    assert_eq!(Meta::read_year("２０２４"), Ok(2024));
    for bad in ["20x", "202", "1900", "-2024", "2024.5", ""] {
        let why = Meta::read_year(bad).unwrap_err();
        assert!(why.zh.contains("不是年度"), "{bad}: {}", why.zh);
    }
}

#[test]
fn only_ids_the_address_can_carry_are_kept() {
    use nianbao::report::file::id_is_routable;
    for ok in [
        "d18f3a2b4c01234",
        "example-ogi-2021",
        "varied-ogi-2021-2025-7",
        "a_b",
    ] {
        assert!(id_is_routable(ok), "{ok}");
    }
    let long = "x".repeat(65);
    for bad in [
        "",
        "sum",
        "audit",
        "tasks",
        "a/b",
        "<script>alert(1)</script>",
        "d1#x",
        "草稿",
        "a b",
        "a%2Fb",
        long.as_str(),
    ] {
        assert!(!id_is_routable(bad), "{bad}");
    }
}

#[test]
fn limits_and_wrong_values_are_named_in_both_languages() {
    use nianbao::report::file::{from_file, FileError};
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert!(matches!(
        from_file(&deep),
        Err(FileError::JsonLimit { nesting: true, .. })
    ));
    let huge = r#"{"format": "nianbao-draft", "version": 1, "charts": 1e309}"#;
    let m = from_file(huge).unwrap_err().message();
    assert!(
        m.zh.contains("数字超出范围") && m.en.contains("out of range"),
        "{m:?}"
    );
    let typed = r#"{"format": "nianbao-draft", "version": 1, "template": "ogi-2021", "meta": {"year": 1e20}}"#;
    let m = from_file(typed).unwrap_err().message();
    assert!(
        m.zh.contains("meta.year") && !m.zh.contains("invalid type"),
        "{m:?}"
    );
    let big = FileError::TooLarge {
        bytes: nianbao::report::file::MAX_FILE_BYTES + 1,
    }
    .message();
    assert!(
        !big.zh.contains("（5.0 MB），草稿文件不超过5.0 MB"),
        "{big:?}"
    );
}

#[test]
fn the_rules_read_a_text_at_the_size_limit_in_one_sentence() {
    // One sentence, no 。；！？ or line break, as long as a draft takes: checked (its time is
    // in `make bench`, rules_long_text_ms), and its one count still compared.
    let mut draft = nianbao::report::sample::sample(&nianbao::report::templates::OGI_2021).unwrap();
    let sentence: String = "无数字的普通文字说明"
        .chars()
        .cycle()
        .take(nianbao::report::file::MAX_TEXT_CHARS - 20)
        .collect();
    draft.set_text(
        nianbao::report::SectionKey::Problems,
        None,
        format!("{sentence}共收到政府信息公开申请3件"),
    );
    let found = nianbao::report::check(&draft);
    assert!(
        found.iter().any(|f| f.rule.id() == "N-text"),
        "the count at the end is still read"
    );
    assert!(nianbao::report::file::storable(&draft).is_ok());
}

#[test]
fn nothing_is_storable_that_the_reader_would_refuse() {
    use nianbao::report::file::{storable, MAX_TEXT_CHARS};
    let mut draft = nianbao::report::sample::sample(&nianbao::report::templates::OGI_2021).unwrap();
    assert!(storable(&draft).is_ok());
    // The fee field, typed without limit: refused before storing, not after a reload.
    draft
        .texts
        .entry(nianbao::report::SectionKey::Other)
        .or_default()
        .fee = "1".repeat(MAX_TEXT_CHARS + 1);
    let why = storable(&draft).unwrap_err();
    assert!(nianbao::report::file::from_file(&nianbao::report::file::to_file(&draft)).is_err());
    assert!(why.message().zh.contains("过长"), "{:?}", why.message());
    // Near the file's size limit, what is typed tips it over: refused as the reader would.
    let mut big = nianbao::report::sample::sample(&nianbao::report::templates::OGI_2021).unwrap();
    for (i, key) in [
        nianbao::report::SectionKey::Overview,
        nianbao::report::SectionKey::Problems,
        nianbao::report::SectionKey::Other,
    ]
    .into_iter()
    .enumerate()
    {
        big.set_text(
            key,
            None,
            format!("{i}{}", "字".repeat(MAX_TEXT_CHARS - 10)),
        );
    }
    for aspect in [
        "proactive",
        "on-request",
        "management",
        "platforms",
        "oversight",
    ] {
        big.set_text(
            nianbao::report::SectionKey::Overview,
            Some(aspect),
            "字".repeat(MAX_TEXT_CHARS - 10),
        );
    }
    let file = nianbao::report::file::to_file(&big);
    assert_eq!(
        storable(&big).is_ok(),
        nianbao::report::file::from_file(&file).is_ok(),
        "storable says what the reader does ({} bytes)",
        file.len()
    );
}

/// Each field, one by one: at the reader's limit it is stored and opens again; one character
/// over, it is refused before storing (and the reader would refuse it too), so nothing typed
/// into any field can be saved as a draft that cannot be opened.
#[test]
fn every_field_is_refused_before_storing_one_past_the_limit_the_reader_holds_it_to() {
    use nianbao::report::file::{storable, MAX_CELL_CHARS};
    type Set = fn(&mut Draft, String);
    let mut fields: Vec<(String, usize, Set)> = vec![
        ("发布机构".into(), MAX_TEXT_CHARS, |d, v| {
            d.meta.body = v
        }),
        ("标题".into(), MAX_TEXT_CHARS, |d, v| {
            d.meta.title = Some(v)
        }),
        ("索引号".into(), MAX_TEXT_CHARS, |d, v| {
            d.meta.index_no = v
        }),
        ("文号".into(), MAX_TEXT_CHARS, |d, v| d.meta.doc_no = v),
        ("公开方式".into(), MAX_TEXT_CHARS, |d, v| {
            d.meta.disclosure = v
        }),
        ("公开日期".into(), MAX_TEXT_CHARS, |d, v| {
            d.meta.pub_date = v
        }),
        ("公开时间".into(), MAX_TEXT_CHARS, |d, v| {
            d.meta.pub_time = v
        }),
        ("地址".into(), MAX_TEXT_CHARS, |d, v| d.meta.address = v),
        ("邮编".into(), MAX_TEXT_CHARS, |d, v| d.meta.postcode = v),
        ("电话".into(), MAX_TEXT_CHARS, |d, v| d.meta.phone = v),
        ("发布位置".into(), MAX_TEXT_CHARS, |d, v| {
            d.meta.published_at = v
        }),
        ("SiteName".into(), MAX_TEXT_CHARS, |d, v| {
            d.meta.site.name = v
        }),
        ("SiteDomain".into(), MAX_TEXT_CHARS, |d, v| {
            d.meta.site.domain = v
        }),
        ("SiteIDCode".into(), MAX_TEXT_CHARS, |d, v| {
            d.meta.site.id_code = v
        }),
        ("ColumnName".into(), MAX_TEXT_CHARS, |d, v| {
            d.meta.site.column = v
        }),
        ("单元格".into(), MAX_CELL_CHARS, |d, v| {
            d.set_cell(key("t3/new/natural"), &v)
        }),
        ("六 信息处理费".into(), MAX_TEXT_CHARS, |d, v| {
            d.texts.entry(SectionKey::Other).or_default().fee = v
        }),
    ];
    let texts: [(&str, Set); 6] = [
        ("一 概述", |d, v| {
            d.set_text(SectionKey::Overview, None, v)
        }),
        ("一 主动公开", |d, v| {
            d.set_text(SectionKey::Overview, Some("proactive"), v)
        }),
        ("一 依申请公开", |d, v| {
            d.set_text(SectionKey::Overview, Some("on-request"), v)
        }),
        ("五", |d, v| d.set_text(SectionKey::Problems, None, v)),
        ("六", |d, v| d.set_text(SectionKey::Other, None, v)),
        ("一 监督保障", |d, v| {
            d.set_text(SectionKey::Overview, Some("oversight"), v)
        }),
    ];
    fields.extend(
        texts
            .into_iter()
            .map(|(n, s)| (n.to_string(), MAX_TEXT_CHARS, s)),
    );
    for (name, limit, set) in fields {
        let mut at = sample(&OGI_2021).unwrap();
        set(&mut at, "1".repeat(limit));
        assert!(
            storable(&at).is_ok(),
            "{name} at its limit {limit} is stored"
        );
        assert!(
            from_file(&to_file(&at)).is_ok(),
            "{name} at its limit opens again"
        );
        let mut over = sample(&OGI_2021).unwrap();
        set(&mut over, "1".repeat(limit + 1));
        assert!(
            storable(&over).is_err(),
            "{name} one over its limit is refused before storing"
        );
        assert!(
            from_file(&to_file(&over)).is_err(),
            "{name}: and the reader refuses it"
        );
    }
}
