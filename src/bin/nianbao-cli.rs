//! `nianbao-cli`: the report core on the command line, for batch users and CI.
//!
//! Exit codes: 0 fine, 1 the report has errors (`check`), 2 bad usage or a bad file.

use nianbao::report::area::{self, audit, sum, workbook};
use nianbao::report::{
    export, file, import, ntext, rules, sample, templates, Draft, Lang, Severity,
};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
用法 / usage:
  nianbao-cli sample ogi-2021|ogi-2019 [--body NAME] [--year Y] [--seed N] | [--example Y]
                                                打印示例草稿 / print an example draft file (with an
                                                option: another body's, with figures of its own)
  nianbao-cli check FILE                        检查草稿 / list every finding (exit 1 on errors)
  nianbao-cli export FILE [--fragment] [-o OUT] 导出网页 / write the HTML page (or fragment)
  nianbao-cli export FILE --docx -o OUT.docx   导出Word / write the report as a .docx
  nianbao-cli import FILE                       导入已发布的年报 / read last year's report: a saved page
                                                (.html, .mht), a Word file (.docx) or text from a PDF;
                                                the draft file to stdout, the recognition report to stderr
  nianbao-cli sum FILE... [--year Y] [--format ogi-2021|ogi-2019] [--body NAME]
                  [--include-errors] [--include-unread] [--breakdown OUT.xlsx|OUT.csv]
                                                汇总 / sum units' reports (draft files or any file import
                                                reads) into one draft on stdout, what was summed on
                                                stderr; exit 2 when nothing could be summed
  nianbao-cli audit FILE... [--format csv|json|xlsx] [-o OUT] [--kind department|government]
                                                检查 / check published reports at once, a row per file;
                                                exit 1 when a report has an error or is late, 2 when
                                                a file cannot be read (the others are still listed)
  nianbao-cli --version                         版本 / the version of this build
FILE may be - for standard input.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("nianbao-cli: {message}");
            ExitCode::from(2)
        }
    }
}

/// Each subcommand is a function of its own; this only picks one.
fn run(args: &[String]) -> Result<ExitCode, String> {
    let rest = args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        Some("sample") => sample(rest),
        Some("check") => check(rest),
        Some("export") => export(rest),
        Some("import") => import(rest),
        Some("sum") => sum_units(rest),
        Some("audit") => audit_reports(rest),
        Some("-V" | "--version" | "version") => {
            println!("{}", nianbao::report::version::generator());
            Ok(ExitCode::SUCCESS)
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.to_string()),
    }
}

/// `sample FORMAT [--body NAME] [--year Y] [--seed N]`: an example draft file on standard
/// output; with any option, another body's report with figures of its own (`--seed`);
/// `--example Y`: the example the app's start screen opens when the season offers year Y.
fn sample(args: &[String]) -> Result<ExitCode, String> {
    let id = args
        .first()
        .ok_or_else(|| format!("缺少格式 / missing format\n{USAGE}"))?;
    let template =
        templates::by_id(id).ok_or_else(|| format!("未知格式 / unknown format “{id}”\n{USAGE}"))?;
    let base = sample::sample(template).ok_or("无示例 / no sample for this format")?;
    let (mut body, mut year, mut seed, mut varied) =
        (base.meta.body.clone(), base.meta.year, 0, false);
    let mut example = None;
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        let value = rest
            .next()
            .ok_or_else(|| format!("{arg} 后缺少值 / {arg} needs a value\n{USAGE}"))?;
        let number = |v: &str| {
            v.parse::<i64>()
                .map_err(|_| format!("“{v}”不是数字 / not a number"))
        };
        match arg.as_str() {
            "--body" => body = value.clone(),
            "--year" => {
                year = nianbao::report::Meta::read_year(value)
                    .map_err(|m| format!("{} / {}", m.zh, m.en))?;
            }
            "--seed" => seed = number(value)?.unsigned_abs(),
            "--example" => {
                example = Some(
                    nianbao::report::Meta::read_year(value)
                        .map_err(|m| format!("{} / {}", m.zh, m.en))?,
                );
                continue;
            }
            _ => return Err(format!("多余的参数 / unexpected argument “{arg}”\n{USAGE}")),
        }
        varied = true;
    }
    let draft = if let Some(y) = example.filter(|_| !varied) {
        sample::example(template, y).ok_or("无示例 / no sample for this format")?
    } else if varied {
        sample::varied(template, &body, year, seed).ok_or("无示例 / no sample for this format")?
    } else {
        base
    };
    write_out(None, &file::to_file(&draft))?;
    Ok(ExitCode::SUCCESS)
}

/// `check FILE`: every finding; exit 1 when there is an error.
fn check(args: &[String]) -> Result<ExitCode, String> {
    let draft = read_draft(one_path(args)?.as_ref())?;
    let findings = rules::check(&draft);
    let mut out = String::new();
    for f in &findings {
        let level = match f.severity {
            Severity::Error => "错误 error",
            Severity::Warning => "提示 warning",
        };
        // People read this: the rule in words, never its id.
        let (zh, en) = f.rule.words();
        out.push_str(&format!(
            "{level}（{zh} / {en}）{}\n    {}\n",
            f.message.zh, f.message.en
        ));
        if let Some(line) = ntext::marked_sentence(&draft, &f.location) {
            out.push_str(&format!("    → {line}\n"));
        }
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    out.push_str(&format!(
        "{errors} 个错误，{} 个提示 / {errors} error{}, {} warning{}\n",
        findings.len() - errors,
        if errors == 1 { "" } else { "s" },
        findings.len() - errors,
        if findings.len() - errors == 1 {
            ""
        } else {
            "s"
        },
    ));
    write_out(None, &out)?;
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `export FILE [--fragment|--docx] [-o OUT]`: the page, the fragment or the Word file.
fn export(args: &[String]) -> Result<ExitCode, String> {
    let mut path = None;
    let mut out = None;
    let mut fragment = false;
    let mut docx = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--fragment" => fragment = true,
            "--docx" => docx = true,
            "-o" => {
                out = Some(
                    rest.next()
                        .ok_or("-o 后缺少文件名 / -o needs a file name")?,
                )
            }
            _ if path.is_none() => path = Some(arg),
            _ => return Err(format!("多余的参数 / unexpected argument “{arg}”\n{USAGE}")),
        }
    }
    let draft = read_draft(path)?;
    let template = draft.template().ok_or("未知格式 / unknown format")?;
    if docx {
        let bytes = nianbao::report::docx::document(template, &draft)?;
        write_bytes(out.map(String::as_str), &bytes)?;
        return Ok(ExitCode::SUCCESS);
    }
    let html = if fragment {
        export::fragment(template, &draft)
    } else {
        export::page(template, &draft)
    };
    write_out(out.map(String::as_str), &html)?;
    Ok(ExitCode::SUCCESS)
}

/// `import FILE`: last year's report read back in (a saved page, a single-file page, a Word
/// file, text copied from a PDF); the draft file on standard output, the recognition report on
/// standard error.
fn import(args: &[String]) -> Result<ExitCode, String> {
    let path = one_path(args)?.ok_or_else(|| format!("缺少文件 / missing FILE\n{USAGE}"))?;
    let path = &path;
    let bytes = read_bytes(path, import::MAX_PAGE_BYTES, |b| {
        import::page_too_large(b).to_string()
    })?;
    // A fresh id per import, so two imported drafts never replace each other.
    let id = format!(
        "imported-{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or_default()
    );
    let name = if path == "-" { "" } else { path.as_str() };
    let recognition =
        import::read_file(name, &bytes, &id).map_err(|why| format!("{path}: {why}"))?;
    eprint!("{}", recognition.report_text(nianbao::report::Lang::Zh));
    if !recognition.anything() {
        return Err(format!(
            "{path}: 没有读到任何年报内容 / nothing of an annual report could be read"
        ));
    }
    write_out(None, &file::to_file(&recognition.draft))?;
    Ok(ExitCode::SUCCESS)
}

/// Reads and checks a draft file, refusing an oversized one before reading it whole.
/// Reads every unit's file; one that cannot be read is a unit with the reason, not a failure.
fn read_units(paths: &[String]) -> Vec<area::UnitRead> {
    paths
        .iter()
        .map(|path| {
            match read_bytes(path, import::MAX_PAGE_BYTES, |b| {
                import::page_too_large(b).to_string()
            }) {
                // The file's own name, as the app shows it (not where it was on this computer).
                Ok(bytes) => area::read_unit(
                    std::path::Path::new(path)
                        .file_name()
                        .map_or(path.as_str(), |n| n.to_str().unwrap_or(path)),
                    &bytes,
                ),
                Err(why) => area::UnitRead {
                    file: path.clone(),
                    refused: Some(nianbao::report::Message::new(why.clone(), why)),
                    ..area::UnitRead::default()
                },
            }
        })
        .collect()
}

/// `sum FILE... [--year Y] [--format F] [--body NAME] [--include-errors] [--breakdown OUT]`:
/// the units' reports summed into one draft.
fn sum_units(args: &[String]) -> Result<ExitCode, String> {
    let (mut paths, mut year, mut format, mut body) = (Vec::new(), None, None, String::new());
    let (mut include_errors, mut include_unread, mut breakdown) = (false, false, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |what: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{arg} 后缺少{what} / {arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--year" => {
                let v = value("年度")?;
                year = Some(
                    nianbao::report::Meta::read_year(&v)
                        .map_err(|m| format!("{} / {}", m.zh, m.en))?,
                );
            }
            "--format" => format = Some(value("格式")?),
            "--body" => body = value("发布机构")?,
            "--include-errors" => include_errors = true,
            "--include-unread" => include_unread = true,
            "--breakdown" => breakdown = Some(value("文件名")?),
            _ => paths.push(path_arg(arg)?),
        }
    }
    if paths.is_empty() {
        return Err(format!("缺少文件 / missing FILE\n{USAGE}"));
    }
    let units = read_units(&paths);
    let most = sum::Target::most_common(&units);
    let template = match &format {
        Some(id) => {
            templates::by_id(id).ok_or_else(|| format!("未知格式 / unknown format “{id}”"))?
        }
        None => most.map_or(templates::default_template(), |t| t.template),
    };
    let target = sum::Target {
        template,
        year: year.or(most.map(|t| t.year)).unwrap_or(0),
    };
    let drafts = area::drafts(&units);
    let verdicts = sum::assess(&units, &drafts, &target);
    // A unit with errors and cells not read needs both words.
    let consent: Vec<bool> = verdicts
        .iter()
        .zip(&drafts)
        .map(|(v, d)| match v {
            sum::Verdict::Unread(_) => include_unread,
            sum::Verdict::HasErrors(_) => {
                include_errors && (include_unread || d.as_ref().is_none_or(|d| d.unread.is_empty()))
            }
            _ => include_errors,
        })
        .collect();
    eprintln!(
        "汇总为{}年度报告（{}的格式）/ summing into a report on {} in the format of {}",
        target.year, target.template.issued_with, target.year, target.template.id
    );
    for (i, (u, v)) in units.iter().zip(&verdicts).enumerate() {
        let what = match v {
            sum::Verdict::Ready => "纳入 / summed".to_string(),
            sum::Verdict::HasErrors(n) if consent[i] => {
                format!("有{n}个错误，按要求纳入 / {n} errors, summed as asked")
            }
            sum::Verdict::HasErrors(n) => format!(
                "有{n}个错误，未纳入（加 --include-errors 纳入）/ {n} errors, not summed (--include-errors sums it)"
            ),
            sum::Verdict::Unread(n) if include_unread => format!(
                "有{n}个单元格未能读取，按要求纳入（按0计）/ {n} cells not read, summed as asked (as 0)"
            ),
            sum::Verdict::Unread(n) => format!(
                "有{n}个单元格未能读取，未纳入（加 --include-unread 纳入，这些单元格按0计）/ {n} cells not read, not summed (--include-unread sums it, with those cells as 0)"
            ),
            sum::Verdict::SameFigures(j) if consent[i] => format!(
                "数字与第{}个完全相同，按要求纳入 / the same figures as no. {}, summed as asked",
                j + 1,
                j + 1
            ),
            sum::Verdict::SameFigures(j) => format!(
                "数字与第{}个完全相同，可能是同一份报告，未纳入（核对后加 --include-errors 纳入）/ exactly the figures of no. {}, perhaps the same report; not summed (--include-errors sums it once checked)",
                j + 1,
                j + 1
            ),
            sum::Verdict::Refused(why) => format!("拒绝 / refused: {} / {}", why.zh, why.en),
        };
        eprintln!(
            "{:>3}. {} — {} {}: {what}",
            i + 1,
            u.file,
            u.body_or_file(),
            u.year
        );
    }
    let id = format!("summed-{}", target.year);
    let summed = sum::sum(&units, &drafts, &verdicts, &consent, &target, &body, &id)
        .map_err(|why| format!("{} / {}", why.zh, why.en))?;
    for note in &summed.notes {
        eprintln!("注意 / note: {} / {}", note.zh, note.en);
    }
    eprintln!(
        "已汇总{}个单位 / summed {} units",
        summed.included.len(),
        summed.included.len()
    );
    if let Some(out) = breakdown {
        let grid = sum::breakdown(&units, &drafts, &summed, &target);
        let bytes = if out.to_lowercase().ends_with(".csv") {
            workbook::csv(&grid)
        } else {
            workbook::xlsx(&[grid])
        }
        .map_err(|why| why.to_string())?;
        write_bytes(Some(&out), &bytes)?;
    }
    write_out(None, &file::to_file(&summed.draft))?;
    Ok(ExitCode::SUCCESS)
}

/// `audit FILE... [--format csv|json|xlsx] [-o OUT] [--kind department|government]`: a row per
/// report with every finding.
fn audit_reports(args: &[String]) -> Result<ExitCode, String> {
    let (mut paths, mut format, mut out, mut kind) = (Vec::new(), "csv".to_string(), None, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = || {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{arg} 后缺少值 / {arg} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "--format" => format = value()?,
            "-o" => out = Some(value()?),
            "--kind" => {
                kind = Some(match value()?.as_str() {
                    "department" => audit::Kind::Department,
                    "government" => audit::Kind::Government,
                    other => return Err(format!("未知类型 / unknown kind “{other}”\n{USAGE}")),
                })
            }
            _ => paths.push(path_arg(arg)?),
        }
    }
    if paths.is_empty() {
        return Err(format!("缺少文件 / missing FILE\n{USAGE}"));
    }
    let units = read_units(&paths);
    let rows = audit::rows(&units, &vec![kind; units.len()]);
    match format.as_str() {
        "json" => write_out(
            out.as_deref(),
            &(serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"),
        )?,
        "csv" => {
            let [table, _] = audit::grids(&rows, Lang::Zh);
            write_bytes(
                out.as_deref(),
                &workbook::csv(&table).map_err(|w| w.to_string())?,
            )?;
        }
        "xlsx" => {
            let out = out.ok_or("xlsx 需要 -o 文件名 / xlsx needs -o OUT.xlsx")?;
            let bytes =
                workbook::xlsx(&audit::grids(&rows, Lang::Zh)).map_err(|w| w.to_string())?;
            write_bytes(Some(&out), &bytes)?;
        }
        other => {
            return Err(format!(
                "未知输出格式 / unknown --format “{other}”\n{USAGE}"
            ))
        }
    }
    let audit::Tally {
        flagged: with_errors,
        late,
        unreadable,
        ..
    } = audit::Tally::of(&rows);
    eprintln!(
        "检查了{}份报告：{with_errors}份有错误或逾期（其中逾期{late}份），{unreadable}份无法读取 / checked {} reports: {with_errors} with errors or late ({late} late), {unreadable} unreadable",
        rows.len(),
        rows.len()
    );
    Ok(if unreadable > 0 {
        ExitCode::from(2)
    } else if with_errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A FILE argument: `-` is standard input, any other word starting with `-` an option this
/// command does not know.
fn path_arg(arg: &str) -> Result<String, String> {
    if arg.starts_with('-') && arg != "-" {
        Err(format!("未知选项 / unknown option “{arg}”\n{USAGE}"))
    } else {
        Ok(arg.to_string())
    }
}

/// The one FILE of a command that takes one.
fn one_path(args: &[String]) -> Result<Option<String>, String> {
    match args {
        [] => Ok(None),
        [path] => path_arg(path).map(Some),
        [_, extra, ..] => {
            path_arg(extra)?;
            Err(format!(
                "多余的参数 / unexpected argument “{extra}”\n{USAGE}"
            ))
        }
    }
}

fn read_draft(path: Option<&String>) -> Result<Draft, String> {
    let path = path.ok_or_else(|| format!("缺少文件 / missing FILE\n{USAGE}"))?;
    let bytes = read_bytes(path, file::MAX_FILE_BYTES, |bytes| {
        file::FileError::TooLarge { bytes }.to_string()
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "“{path}”不是UTF-8文本，不是草稿文件 / “{path}” is not UTF-8 text, so not a draft file"
        )
    })?;
    file::from_file(&text).map_err(|e| format!("{path}: {e}"))
}

/// Reads at most `max` bytes of a file (or standard input), refusing a larger one before
/// reading it whole, with `too_large`'s words for its size.
fn read_bytes(path: &str, max: usize, too_large: fn(usize) -> String) -> Result<Vec<u8>, String> {
    let limit = max as u64 + 1;
    if let Some(meta) = std::fs::metadata(path).ok().filter(|m| m.is_file()) {
        if meta.len() >= limit {
            let bytes = usize::try_from(meta.len()).unwrap_or(usize::MAX);
            return Err(format!("{path}: {}", too_large(bytes)));
        }
    }
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("无法读取 / cannot read “{path}”: {e}"))?;
    if bytes.len() as u64 >= limit {
        return Err(format!("{path}: {}", too_large(bytes.len())));
    }
    Ok(bytes)
}

fn write_out(path: Option<&str>, text: &str) -> Result<(), String> {
    write_bytes(path, text.as_bytes())
}

fn write_bytes(path: Option<&str>, bytes: &[u8]) -> Result<(), String> {
    match path {
        // A reader that stops early (`| head -1`) is no error: stop quietly.
        None | Some("-") => match std::io::stdout().write_all(bytes) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(format!("无法写出 / cannot write: {e}"))
            }
            _ => Ok(()),
        },
        Some(p) => {
            std::fs::write(p, bytes).map_err(|e| format!("无法写入 / cannot write “{p}”: {e}"))
        }
    }
}
