//! What the app writes, the importer reads back: for random consistent drafts of every format,
//! the exported page, the CMS fragment and the Word file, imported again, give the same cells,
//! texts and catalogue.

use nianbao::report::compute::{CellValue, Sheet};
use nianbao::report::draft::Draft;
use nianbao::report::import::{read_file, read_published};
use nianbao::report::number::{MoneyUnit, ValueKind};
use nianbao::report::template::{SectionBody, Template};
use nianbao::report::templates::ALL;
use nianbao::report::{docx, export};
use proptest::prelude::*;

/// Prose as clerks write it: words of ordinary characters, digits and punctuation, in
/// paragraphs (no heading-like line, no data phrase).
fn prose() -> impl Strategy<Value = String> {
    let word = "[工作规范信息平台建设完善提升群众服务机制制度培训公开网站栏目更新落实]{2,8}";
    let sentence = prop::collection::vec(word, 1..5).prop_map(|w| format!("{}。", w.join("，")));
    let paragraph = prop::collection::vec(sentence, 1..4).prop_map(|s| s.concat());
    prop::collection::vec(paragraph, 0..3).prop_map(|p| p.join("\n\n"))
}

/// A value of a cell's kind, as a clerk types it (blank sometimes).
fn value(kind: ValueKind) -> BoxedStrategy<String> {
    match kind {
        ValueKind::Count => {
            prop_oneof![Just(String::new()), (0u32..500).prop_map(|n| n.to_string())].boxed()
        }
        ValueKind::SignedCount => (-50i32..50).prop_map(|n| n.to_string()).boxed(),
        ValueKind::Decimal { .. } | ValueKind::Amount => (0u32..100_000, 0u32..100)
            .prop_map(|(a, b)| {
                format!("{a}.{b:02}")
                    .trim_end_matches('0')
                    .trim_end_matches('.')
                    .to_string()
            })
            .boxed(),
    }
}

/// A consistent draft of `template`: every input a value of its kind, texts, a fee, a
/// catalogue, a unit for each amount.
fn draft_of(template: &'static Template) -> impl Strategy<Value = Draft> {
    let cells: Vec<_> = template.input_cells().collect();
    let values: Vec<BoxedStrategy<String>> = cells
        .iter()
        .map(|c| value(c.value_kind().unwrap_or(ValueKind::Count)))
        .collect();
    let (first, last) = (
        template.years.0,
        template.years.1.unwrap_or(template.years.0 + 5),
    );
    (
        values,
        prop::collection::vec(prose(), 8),
        (
            first..=last,
            "[青禾临江望湖市区县镇街道办事处人民政府局]{4,14}",
            "[A-Z0-9]{4,10}/20[0-9]{2}-[0-9]{3}",
            "[京政办发]{0,3}",
        ),
        (
            1u32..=12,
            1u32..=28,
            0u32..24,
            0u32..60,
            0u32..100,
            any::<bool>(),
        ),
    )
        .prop_map(
            move |(values, texts, (year, body, index, doc), (m, d, h, min, fee, wan))| {
                let mut draft = Draft::new("rt", template, year, &body);
                for (cell, v) in cells.iter().zip(values) {
                    draft.set_cell(cell.key(), &v);
                    if cell.value_kind() == Some(ValueKind::Amount) && wan {
                        draft.set_unit(cell.key(), MoneyUnit::WanYuan);
                    }
                }
                draft.meta.index_no = index;
                draft.meta.doc_no = doc;
                draft.meta.pub_date = format!("{}-{m:02}-{d:02}", year + 1);
                draft.meta.pub_time = format!("{h:02}:{min:02}");
                let mut texts = texts.into_iter();
                for section in template.sections {
                    if let SectionBody::Text(spec) = &section.body {
                        draft.set_text(section.key, None, texts.next().unwrap_or_default());
                        for aspect in spec.aspects {
                            draft.set_text(
                                section.key,
                                Some(aspect.id),
                                texts.next().unwrap_or_default(),
                            );
                        }
                        if spec.fee.is_some() {
                            draft.texts.get_mut(&section.key).unwrap().fee = fee.to_string();
                        }
                    }
                }
                draft
            },
        )
}

fn drafts() -> impl Strategy<Value = Draft> {
    (0..ALL.len()).prop_flat_map(|i| draft_of(ALL[i]))
}

/// Paragraphs, each trimmed, blank ones gone: how a text reads on a page.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// What must come back: every input's value (blank reads as 0), every unit picked, every text
/// and the catalogue.
fn assert_same(written: &Draft, read: &Draft, how: &str) -> Result<(), TestCaseError> {
    let template = written.template().unwrap();
    prop_assert_eq!(&read.template, &written.template, "{}: format", how);
    let (a, b) = (
        Sheet::compute(template, written),
        Sheet::compute(template, read),
    );
    for cell in template.input_cells() {
        let number = |v: CellValue| match v {
            CellValue::Blank => "0".to_string(),
            CellValue::Number(n) => n.to_string(),
            CellValue::Invalid(e) => format!("{e:?}"),
        };
        prop_assert_eq!(
            number(a.get(cell.key())),
            number(b.get(cell.key())),
            "{}: {}",
            how,
            cell.name()
        );
        if cell.value_kind() == Some(ValueKind::Amount) && !written.cell(cell.key()).is_empty() {
            prop_assert_eq!(
                written.unit(cell.key()),
                read.unit(cell.key()),
                "{}: unit of {}",
                how,
                cell.name()
            );
        }
    }
    for section in template.sections {
        if let SectionBody::Text(spec) = &section.body {
            let (w, r) = (written.text(section.key), read.text(section.key));
            prop_assert_eq!(
                paragraphs(&w.text),
                paragraphs(&r.text),
                "{}: text of {}",
                how,
                section.heading
            );
            for aspect in spec.aspects {
                let get = |t: &nianbao::report::SectionText| {
                    paragraphs(t.aspects.get(aspect.id).map_or("", String::as_str))
                };
                prop_assert_eq!(
                    get(&w),
                    get(&r),
                    "{}: {} of {}",
                    how,
                    aspect.label,
                    section.heading
                );
            }
            prop_assert_eq!(w.fee.trim(), r.fee.trim(), "{}: fee", how);
        }
    }
    let (m, n) = (&written.meta, &read.meta);
    prop_assert_eq!(
        (
            m.year,
            m.body.trim(),
            m.index_no.trim(),
            m.doc_no.trim(),
            &m.pub_date,
            &m.pub_time,
            m.title()
        ),
        (
            n.year,
            n.body.trim(),
            n.index_no.trim(),
            n.doc_no.trim(),
            &n.pub_date,
            &n.pub_time,
            n.title()
        ),
        "{}: catalogue",
        how
    );
    prop_assert_eq!(
        paragraphs(&written.opening()),
        paragraphs(&read.opening()),
        "{}: opening",
        how
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_page_reads_back_as_written(draft in drafts()) {
        let template = draft.template().unwrap();
        let read = read_published(&export::page(template, &draft), "rt");
        assert_same(&draft, &read.draft, "page")?;
    }

    #[test]
    fn the_fragment_reads_back_as_written(draft in drafts()) {
        let template = draft.template().unwrap();
        let read = read_published(&export::fragment(template, &draft), "rt");
        assert_same(&draft, &read.draft, "fragment")?;
    }

    #[test]
    fn the_word_file_reads_back_as_written(draft in drafts()) {
        let template = draft.template().unwrap();
        let bytes = docx::document(template, &draft).unwrap();
        let read = read_file("report.docx", &bytes, "rt").map_err(|e| TestCaseError::fail(e.to_string()))?;
        assert_same(&draft, &read.draft, "docx")?;
    }
}

#[test]
fn the_word_files_tables_repeat_their_header_rows_never_split_a_row_and_pages_are_numbered() {
    use std::io::Read;
    let template = &nianbao::report::templates::OGI_2021;
    let draft = nianbao::report::sample::sample(template).unwrap();
    let bytes = nianbao::report::docx::document(template, &draft).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    // 三 has three header rows, 四 three, and 二's four blocks one each.
    let headers = xml.matches("<w:tblHeader />").count();
    assert!(headers >= 10, "{headers} header rows marked to repeat");
    assert!(
        !xml.contains(r#"w:val="7" w:hRule="auto""#),
        "every mark replaced"
    );
    assert_eq!(
        xml.matches("<w:tr>").count() + xml.matches("<w:tr ").count(),
        xml.matches("<w:cantSplit />").count(),
        "no row splits across pages"
    );
    let footer = (0..zip.len())
        .filter_map(|i| {
            let mut part = zip.by_index(i).ok()?;
            let mut text = String::new();
            (part.name().starts_with("word/footer"))
                .then(|| part.read_to_string(&mut text))?
                .ok()?;
            Some(text)
        })
        .collect::<String>();
    assert!(
        footer.contains("PAGE"),
        "a page number field in the footer: {footer}"
    );
    // And the file still reads back as the report.
    assert!(nianbao::report::import::read_file("r.docx", &bytes, "x").is_ok());
}
