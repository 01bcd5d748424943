//! `nianbao-cli`: the report core on the command line, for batch users and CI.
//!
//! Exit codes: 0 fine, 1 the report has errors (`check`), 2 bad usage or a bad file.

use nianbao::report::{
    export, file, import, ntext, rules, sample, templates, Draft, Finding, Location, Severity,
};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
用法 / usage:
  nianbao-cli sample ogi-2021|ogi-2019          打印示例草稿 / print an example draft file
  nianbao-cli check FILE                        检查草稿 / list every finding (exit 1 on errors)
  nianbao-cli export FILE [--fragment] [-o OUT] 导出网页 / write the HTML page (or fragment)
  nianbao-cli export FILE --docx -o OUT.docx   导出Word / write the report as a .docx
  nianbao-cli import FILE                       导入已发布的年报 / read last year's report: a saved page
                                                (.html, .mht), a Word file (.docx) or text from a PDF;
                                                the draft file to stdout, the recognition report to stderr
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
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.to_string()),
    }
}

/// `sample FORMAT`: an example draft file on standard output.
fn sample(args: &[String]) -> Result<ExitCode, String> {
    let id = args
        .first()
        .ok_or_else(|| format!("缺少格式 / missing format\n{USAGE}"))?;
    let template =
        templates::by_id(id).ok_or_else(|| format!("未知格式 / unknown format “{id}”\n{USAGE}"))?;
    let draft = sample::sample(template).ok_or("无示例 / no sample for this format")?;
    write_out(None, &file::to_file(&draft))?;
    Ok(ExitCode::SUCCESS)
}

/// `check FILE`: every finding; exit 1 when there is an error.
fn check(args: &[String]) -> Result<ExitCode, String> {
    let draft = read_draft(args.first())?;
    let findings = rules::check(&draft);
    for f in &findings {
        let level = match f.severity {
            Severity::Error => "错误 error",
            Severity::Warning => "警告 warning",
        };
        println!(
            "{level} [{}] {}\n    {}",
            f.rule, f.message.zh, f.message.en
        );
        if let Some(line) = marked_sentence(&draft, f) {
            println!("    → {line}");
        }
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    println!(
        "{errors} 个错误，{} 个警告 / {errors} errors, {} warnings",
        findings.len() - errors,
        findings.len() - errors
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The sentence a text finding is in, its words in 【】.
fn marked_sentence(draft: &Draft, f: &Finding) -> Option<String> {
    let Location::Text {
        section, aspect, ..
    } = &f.location
    else {
        return None;
    };
    let text = draft.text_part(*section, *aspect);
    let (before, words, after) = ntext::excerpt(text, &f.location)?;
    Some(format!("{before}【{words}】{after}"))
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
    let path = args
        .first()
        .ok_or_else(|| format!("缺少文件 / missing FILE\n{USAGE}"))?;
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
        None | Some("-") => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| format!("无法写出 / cannot write: {e}")),
        Some(p) => {
            std::fs::write(p, bytes).map_err(|e| format!("无法写入 / cannot write “{p}”: {e}"))
        }
    }
}
