//! Properties over generated input: reading numbers and draft files never panics whatever the
//! text, and a draft written to a file reads back as the same draft.

use nianbao::report::file::{from_file, to_file};
use nianbao::report::number::{parse, ValueKind};
use nianbao::report::template::{SectionBody, Template};
use nianbao::report::templates::ALL;
use nianbao::report::{Draft, SectionKey};
use proptest::prelude::*;

/// Every kind of value a cell takes.
fn kinds() -> impl Strategy<Value = ValueKind> {
    prop_oneof![
        Just(ValueKind::Count),
        Just(ValueKind::SignedCount),
        Just(ValueKind::Decimal { unit: "万元" }),
        Just(ValueKind::Amount),
    ]
}

/// Text as clerks type it into a cell: digits of both widths, separators, signs, units, words.
fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9０-９,，. ．+\\-－元万件/无]{0,16}",
        "-?[0-9]{1,15}(\\.[0-9]{0,9})?",
        any::<String>(),
    ]
}

/// A text of a text section: any characters, line breaks and placeholders among them.
fn prose() -> impl Strategy<Value = String> {
    prop_oneof![
        "[一-龥，。、；：“”（）0-9{}\\n ]{0,80}",
        any::<String>().prop_map(|s| s.chars().take(200).collect()),
    ]
}

/// A draft of one of the formats: some input cells filled (any text), metadata and texts.
pub fn drafts() -> impl Strategy<Value = Draft> {
    (0..ALL.len()).prop_flat_map(|i| {
        let template: &'static Template = ALL[i];
        let inputs: Vec<_> = template.input_cells().map(|c| c.key()).collect();
        let n = inputs.len();
        (
            Just(template),
            prop::collection::btree_map(0..n, cell_text(), 0..40),
            (1990i32..=2100, "[一-龥]{0,20}", "[a-zA-Z0-9/\\-]{0,20}"),
            prop::collection::vec(prose(), 3),
            any::<bool>(),
        )
            .prop_map(
                move |(template, cells, (year, body, index), texts, charts)| {
                    let mut d = Draft::new("prop", template, year, &body);
                    d.meta.index_no = index;
                    d.charts = charts;
                    for (i, text) in cells {
                        let text: String = text.chars().take(100).collect();
                        d.set_cell(inputs[i], &text);
                    }
                    let text_sections = template
                        .sections
                        .iter()
                        .filter(|s| matches!(s.body, SectionBody::Text(_)))
                        .map(|s| s.key);
                    for (key, text) in text_sections.zip(texts) {
                        d.set_text(key, None, text);
                    }
                    d
                },
            )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsing_any_text_never_panics(text in any::<String>(), kind in kinds()) {
        let _ = parse(&text, kind);
    }

    #[test]
    fn a_parsed_number_prints_as_itself(text in cell_text(), kind in kinds()) {
        if let Ok(Some(n)) = parse(&text, kind) {
            prop_assert_eq!(parse(&n.to_string(), kind), Ok(Some(n)));
        }
    }

    #[test]
    fn reading_any_text_as_a_draft_file_never_panics(text in any::<String>()) {
        let _ = from_file(&text);
    }

    #[test]
    fn reading_a_damaged_draft_file_never_panics(draft in drafts(), cut in any::<prop::sample::Index>(), junk in any::<String>()) {
        let file = to_file(&draft);
        let at = cut.index(file.len());
        let at = (0..=at).rev().find(|i| file.is_char_boundary(*i)).unwrap_or(0);
        let _ = from_file(&format!("{}{junk}", &file[..at]));
    }

    #[test]
    fn a_draft_written_to_a_file_reads_back_the_same(draft in drafts()) {
        let back = from_file(&to_file(&draft));
        prop_assert_eq!(back.as_ref(), Ok(&draft));
    }
}

#[test]
fn the_generated_drafts_cover_every_format_and_fill_cells() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut formats = std::collections::BTreeSet::new();
    let mut filled = 0;
    for _ in 0..64 {
        let d = drafts().new_tree(&mut runner).unwrap().current();
        formats.insert(d.template.clone());
        filled += d.cells.len();
        assert!(d.texts.contains_key(&SectionKey::Overview));
    }
    assert_eq!(formats.len(), ALL.len());
    assert!(filled > 64, "cells were filled: {filled}");
}

/// The XML documents inside a zip file, each parsed to its end: `Err` names one that is not
/// well-formed.
fn parse_xml_parts(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| e.to_string())?;
        let name = part.name().to_string();
        if !name.ends_with(".xml") && !name.ends_with(".rels") {
            continue;
        }
        let mut text = String::new();
        std::io::Read::read_to_string(&mut part, &mut text).map_err(|e| format!("{name}: {e}"))?;
        // XML 1.0 forbids these characters even written as they are.
        if let Some(c) = text
            .chars()
            .find(|c| !nianbao::report::markup::xml_allows(*c))
        {
            return Err(format!("{name}: U+{:04X}", c as u32));
        }
        let mut reader = quick_xml::Reader::from_str(&text);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => return Err(format!("{name}: {e}")),
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_xml_the_app_writes_is_well_formed_whatever_the_text(draft in drafts(), odd in "[\u{0}-\u{1f}\u{fffe}\u{ffff}\u{fdd0}]{1,8}") {
        use nianbao::report::area::workbook::{self, Cell, Grid};
        let mut draft = draft;
        let template = draft.template().unwrap();
        draft.meta.body.push_str(&odd);
        for t in draft.texts.values_mut() {
            t.text.push_str(&odd);
        }
        let docx = nianbao::report::docx::document(template, &draft).unwrap();
        prop_assert_eq!(parse_xml_parts(&docx), Ok(()));
        let grid = Grid {
            sheet: format!("表{odd}"),
            header: vec![format!("发布机构{odd}")],
            rows: vec![vec![Cell::Text(format!("{}{odd}", draft.meta.body))]],
        };
        let xlsx = workbook::xlsx(&[grid]).unwrap();
        prop_assert_eq!(parse_xml_parts(&xlsx), Ok(()));
    }
}
