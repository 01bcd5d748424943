//! Numbers in the text bound to the tables, and rule N-text on texts that contradict them the
//! way real published reports do.

use crate::common::key;
use nianbao::report::bindings::fill;
use nianbao::report::export::page;
use nianbao::report::sample::sample;
use nianbao::report::templates::{OGI_2019, OGI_2021};
use nianbao::report::{check, Draft, Finding, SectionKey, Sheet};

fn n_text(draft: &Draft) -> Vec<Finding> {
    check(draft)
        .into_iter()
        .filter(|f| f.rule.id() == "N-text")
        .collect()
}

#[test]
fn placeholders_are_filled_from_the_tables() {
    let draft = sample(&OGI_2021).unwrap();
    let sheet = Sheet::compute(&OGI_2021, &draft);
    assert_eq!(
        fill(&OGI_2021, &sheet, OGI_2021.data_phrases[0].text),
        "本年度共收到政府信息公开申请109件，上年结转5件，办结106件，结转下年度继续办理8件。"
    );
    assert_eq!(
        fill(
            &OGI_2021,
            &sheet,
            "行政复议{{行政复议}}件，行政诉讼{{ 行政诉讼 }}件"
        ),
        "行政复议4件，行政诉讼2件"
    );
    assert_eq!(
        fill(&OGI_2021, &sheet, "{{不存在}}与{{未闭合"),
        "{{不存在}}与{{未闭合"
    );
    // The export prints the filled numbers, and they follow the tables.
    let mut d = draft.clone();
    d.texts.get_mut(&SectionKey::Problems).unwrap().text = OGI_2021.data_phrases[0].text.into();
    assert!(page(&OGI_2021, &d)
        .contains("<p>本年度共收到政府信息公开申请109件，上年结转5件，办结106件"));
    d.set_cell(key("t3/new/natural"), "90");
    d.set_cell(key("t3/carried-over/natural"), "9");
    assert!(page(&OGI_2021, &d).contains("<p>本年度共收到政府信息公开申请113件，上年结转5件，办结106件，结转下年度继续办理12件。</p>"));
    // The hand-typed numbers of section 一 are now out of date; the bound ones in 五 never are.
    let found = n_text(&d);
    use nianbao::report::Location;
    let section = |f: &Finding| match &f.location {
        Location::Text { section, .. } => Some(*section),
        _ => None,
    };
    assert!(found
        .iter()
        .any(|f| section(f) == Some(SectionKey::Overview)));
    assert!(found
        .iter()
        .all(|f| section(f) != Some(SectionKey::Problems)));
}

#[test]
fn n_text_catches_texts_that_contradict_the_tables() {
    let mut draft = sample(&OGI_2021).unwrap();
    assert!(
        n_text(&draft).is_empty(),
        "the sample's text agrees with its tables"
    );
    // As real reports do: totals from last year's text, a sum done by hand, a miscount.
    draft.texts.get_mut(&SectionKey::Overview).unwrap().aspects.insert(
        "on-request".into(),
        "全年共收到政府信息公开申请112件，上年结转5件，办结108件，结转下年度继续办理8件。发生行政复议３件，行政诉讼2件。".into(),
    );
    let found = n_text(&draft);
    let messages: Vec<&str> = found.iter().map(|f| f.message.zh.as_ref()).collect();
    assert_eq!(found.len(), 3, "{messages:#?}");
    assert!(
        messages[0].contains("写“收到政府信息公开申请112件”")
            && messages[0].contains("一、本年新收政府信息公开申请数量 109")
            && messages[0].contains("也不等于"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].contains("“办结108件”") && messages[1].contains("（七）总计 106"),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].contains("“行政复议３件”") && messages[2].contains("行政复议 总计 4"),
        "{}",
        messages[2]
    );
    assert!(found
        .iter()
        .all(|f| f.severity == nianbao::report::Severity::Warning));
    assert!(found[0].message.en.contains("{{本年新收申请}}"));
}

#[test]
fn n_text_leaves_other_numbers_alone_and_names_unknown_placeholders() {
    let mut draft = sample(&OGI_2019).unwrap();
    let text = &mut draft.texts.get_mut(&SectionKey::Problems).unwrap().text;
    *text = "主动公开信息245条，新制发规范性文件3件，开展培训2次，回复人大代表建议7件。{{办结数}}"
        .into();
    let found = n_text(&draft);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].message.zh.contains("{{办结数}}"),
        "{}",
        found[0].message.zh
    );
}

#[test]
fn n_text_reads_each_number_with_its_own_words() {
    let mut draft = sample(&OGI_2021).unwrap();
    let text = &mut draft.texts.get_mut(&SectionKey::Problems).unwrap().text;
    // 行政复议 4 and 行政诉讼 2 in the sample: an enumeration comma separates them, and the
    // nearest words decide (已办结…行政复议 quotes 行政复议, not 办结).
    *text = "全年被申请行政复议4件、提起行政诉讼2件。已办结行政复议案件4件。".into();
    assert!(n_text(&draft).is_empty(), "{:#?}", n_text(&draft));
    // Placeholders in a sub-part of 一 are filled too.
    draft
        .texts
        .get_mut(&SectionKey::Overview)
        .unwrap()
        .aspects
        .insert("oversight".into(), "行政复议{{行政复议}}件。".into());
    assert!(page(&OGI_2021, &draft).contains("<p>行政复议4件。</p>"));
}

#[test]
fn huge_counts_chart_and_write_without_panicking() {
    let mut draft = sample(&OGI_2021).unwrap();
    draft.charts = true;
    draft.set_cell(key("t3/new/natural"), "4294967296");
    draft.set_cell(key("t4/cases/review-upheld"), "999999999999");
    draft.texts.get_mut(&SectionKey::Problems).unwrap().text =
        "第一行\n第二行\u{c}换页\u{0}".into();
    let html = page(&OGI_2021, &draft);
    assert!(html.contains("自然人4294967296件"));
    let docx = nianbao::report::docx::document(&OGI_2021, &draft).unwrap();
    assert_eq!(&docx[..2], b"PK");
}
