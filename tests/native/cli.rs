//! `nianbao-cli`: sample, check and export, with the exit codes batch users rely on.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn cli(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao-cli"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nianbao-cli runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn temp(name: &str, content: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn sample_check_and_export_a_consistent_report() {
    for format in ["ogi-2021", "ogi-2019"] {
        let sample = cli(&["sample", format], None);
        assert!(sample.status.success());
        let draft = text(&sample.stdout);
        assert!(draft.contains(&format!("\"template\": \"{format}\"")));
        let path = temp(&format!("{format}.json"), &draft);
        let check = cli(&["check", path.to_str().unwrap()], None);
        assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
        assert!(text(&check.stdout).contains("0 个错误，0 个提示"));
        // The pipeline of the issue: the draft on standard input, as /dev/stdin and as -.
        for input in ["/dev/stdin", "-"] {
            let page = cli(&["export", input], Some(&draft));
            assert!(page.status.success(), "{}", text(&page.stderr));
            assert!(text(&page.stdout).starts_with("<!DOCTYPE html>"));
        }
        let out = path.with_extension("html");
        let fragment = cli(
            &[
                "export",
                path.to_str().unwrap(),
                "--fragment",
                "-o",
                out.to_str().unwrap(),
            ],
            None,
        );
        assert!(fragment.status.success());
        let written = std::fs::read_to_string(&out).unwrap();
        // The form a site's editor keeps: no style sheet, no wrapper, the catalogue as lines.
        assert!(
            written.starts_with("<p>索引号：")
                && !written.contains("<style")
                && written.contains("<table border=\"1\"")
        );
    }
}

#[test]
fn check_exits_1_on_errors_and_names_them() {
    let draft = text(&cli(&["sample", "ogi-2021"], None).stdout)
        .replace("\"t3/new/natural\": \"86\"", "\"t3/new/natural\": \"90\"");
    let path = temp("broken.json", &draft);
    let check = cli(&["check", path.to_str().unwrap()], None);
    assert_eq!(check.status.code(), Some(1));
    let out = text(&check.stdout);
    assert!(
        out.contains("勾稽关系核对") && out.contains("“自然人”列") && out.contains("相差4"),
        "{out}"
    );
    assert!(out.contains("1 个错误"));
    // The text's count no longer agrees either: the sentence is printed with the number marked.
    assert!(
        out.contains("正文数字与表格核对")
            && !out.contains("[N-text]")
            && out.contains("→ 全年新收政府信息公开申请【109】件，上年结转5件"),
        "{out}"
    );
}

#[test]
fn bad_files_exit_2_with_a_clear_message() {
    let cases = [
        ("not-json.json", "这不是JSON", "不是JSON"),
        (
            "not-draft.json",
            "{\"a\": 1}",
            "缺少 \"format\": \"nianbao-draft\" 标记",
        ),
        (
            "newer.json",
            "{\"format\": \"nianbao-draft\", \"version\": 99}",
            "较新版本",
        ),
        (
            "unknown.json",
            "{\"format\": \"nianbao-draft\", \"version\": 1, \"template\": \"ogi-1999\"}",
            "ogi-1999",
        ),
    ];
    for (name, content, expected) in cases {
        let path = temp(name, content);
        for command in ["check", "export"] {
            let out = cli(&[command, path.to_str().unwrap()], None);
            assert_eq!(out.status.code(), Some(2), "{name} {command}");
            assert!(
                text(&out.stderr).contains(expected),
                "{name}: {}",
                text(&out.stderr)
            );
        }
    }
    let missing = cli(&["check", "/nonexistent/draft.json"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("无法读取"));
    let binary = temp("binary.json", "");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x81]).unwrap();
    let out = cli(&["check", binary.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("不是UTF-8文本"));
    assert_eq!(cli(&["sample", "ogi-1999"], None).status.code(), Some(2));
    assert_eq!(cli(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(cli(&["export"], None).status.code(), Some(2));
}

#[test]
fn an_oversized_file_is_refused_before_it_is_read_whole() {
    let big = "x".repeat(6 * 1024 * 1024);
    let path = temp("big.json", &big);
    let out = cli(&["check", path.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("文件过大（6.0 MB）"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_oversized_page_is_refused_as_a_page_and_one_that_is_no_text_is_named() {
    // A page may be larger than a draft file, and its refusal speaks of pages.
    let huge = temp("huge.html", &"x".repeat(21 * 1024 * 1024));
    let out = cli(&["import", huge.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("文件过大（21.0 MB），网页文件不超过20.0 MB"),
        "{err}"
    );
    assert!(!err.contains("草稿文件"), "{err}");
    // Bytes that are not text in any encoding: decoded as a browser would (replaced and
    // counted), and nothing of a report was read.
    let bad = temp("bad.html", "");
    std::fs::write(&bad, b"<p>\x81\x20\xff</p>").unwrap();
    let out = cli(&["import", bad.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("没有读到任何年报内容"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_page_with_a_stray_byte_or_a_nul_is_read_like_a_browser_reads_it() {
    let sample = String::from_utf8(cli(&["sample", "ogi-2021"], None).stdout).unwrap();
    let draft = temp("stray.json", &sample);
    let page = cli(&["export", draft.to_str().unwrap()], None).stdout;
    let at = page.windows(4).position(|w| w == b"<h1>").unwrap();
    let mut damaged = page.clone();
    damaged.insert(at, 0xff);
    damaged.insert(at, 0);
    let file = temp("stray.html", "");
    std::fs::write(&file, &damaged).unwrap();
    let out = cli(&["import", file.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("页面中有1处无法按其编码识别的字节"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("青禾市临江区望湖街道办事处"));
}

#[test]
fn import_writes_the_draft_to_stdout_and_the_report_to_stderr() {
    let page = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/published/2021-quirks.html"
    );
    let out = cli(&["import", page], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let draft = nianbao::report::file::from_file(&text(&out.stdout)).expect("a draft file");
    assert_eq!(draft.meta.year, 2022);
    let report = text(&out.stderr);
    assert!(report.contains("“251000元”换算为25.1万元"), "{report}");
    assert!(report.contains("（八）其他"), "{report}");

    // A GBK page, declared in its <meta>, as many government sites serve them.
    let utf8 = std::fs::read_to_string(page).unwrap();
    let declared = utf8.replace("charset=utf-8", "charset=gbk");
    let (gbk, _, _) = encoding_rs::GBK.encode(&declared);
    let gbk_path = temp("gbk.html", "");
    std::fs::write(&gbk_path, &gbk).unwrap();
    let out = cli(&["import", gbk_path.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("临江县石桥镇"));

    let nothing = temp(
        "nothing.html",
        "<html><body><p>404 页面不存在</p></body></html>",
    );
    let out = cli(&["import", nothing.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("没有读到任何年报内容"));
}

fn county(dir: &str) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/county")
        .join(dir);
    let mut files: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn sum_writes_the_new_draft_and_says_what_went_into_it() {
    let files = county("pages");
    let mut args = vec!["sum", "--body", "青禾市临江区人民政府"];
    args.extend(files.iter().map(String::as_str));
    let out = cli(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let report = text(&out.stderr);
    assert!(report.contains("已汇总18个单位"), "{report}");
    assert!(report.contains("未纳入（加 --include-errors 纳入）"));
    assert!(report.contains("拒绝 / refused: 格式不同"));
    assert!(report.contains("重复"));
    let draft = text(&out.stdout);
    assert!(draft.contains("\"sources\"") && draft.contains("01-青禾市临江区教育局.html"));
    // The breakdown, and nothing to sum: exit 2.
    let dir = std::env::temp_dir().join(format!("nianbao-cli-sum-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("明细.csv");
    let mut args = vec![
        "sum",
        "--include-errors",
        "--breakdown",
        csv.to_str().unwrap(),
    ];
    args.extend(files.iter().map(String::as_str));
    assert_eq!(cli(&args, None).status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap().lines().count(),
        22,
        "header, 20 units, 合计"
    );
    let only_old = cli(&["sum", &files[20]], None);
    assert_eq!(
        only_old.status.code(),
        Some(0),
        "a lone 2019 report is summed in its own format"
    );
    let wrong = cli(&["sum", "--format", "ogi-2021", &files[20]], None);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(text(&wrong.stderr).contains("没有可以汇总的单位报告"));
}

#[test]
fn audit_lists_every_file_and_exits_by_the_worst() {
    let mut files = county("drafts");
    files.extend(county("series"));
    let args: Vec<&str> = ["audit", "--format", "json"]
        .into_iter()
        .chain(files.iter().map(String::as_str))
        .collect();
    let out = cli(&args, None);
    assert_eq!(
        out.status.code(),
        Some(1),
        "errors and late reports: exit 1"
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 26);
    assert!(text(&out.stderr).contains("检查了26份报告"));
    // A file that cannot be read: exit 2, and every other file still listed.
    let missing = "/nonexistent/report.html".to_string();
    let args: Vec<&str> = ["audit"]
        .into_iter()
        .chain(files.iter().map(String::as_str))
        .chain([missing.as_str()])
        .collect();
    let out = cli(&args, None);
    assert_eq!(out.status.code(), Some(2));
    let csv = text(&out.stdout);
    assert_eq!(
        csv.lines()
            .filter(|l| l.contains(".json,") || l.contains("report.html,"))
            .count(),
        27,
        "{csv}"
    );
    // Only clean reports: exit 0.
    let out = cli(&["audit", &files[0], &files[1]], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

#[test]
fn an_unknown_option_is_named_and_a_reader_that_stops_early_is_no_error() {
    let out = cli(&["check", "--bogus"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--bogus"));
    let out = cli(&["audit", "--bogus", "x.html"], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("未知选项"));
    // `check … | head -1`: the pipe closes after one line.
    let sample = cli(&["sample", "ogi-2021"], None);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao-cli"))
        .args(["check", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(&sample.stdout).unwrap();
    }
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_version_is_one_and_everywhere() {
    let version = nianbao::report::version::VERSION;
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    let out = cli(&["--version"], None);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout).trim(), format!("nianbao {version}"));
    // The draft file, the page and the Word file say which build wrote them.
    let draft = text(&cli(&["sample", "ogi-2021"], None).stdout);
    assert!(
        draft.contains(&format!("\"generator\": \"nianbao {version}\"")),
        "{}",
        &draft[..200]
    );
    let page = text(&cli(&["export", "-"], Some(&draft)).stdout);
    assert!(page.contains(&format!(
        "<meta name=\"generator\" content=\"nianbao {version}\">"
    )));
    let d = nianbao::report::file::from_file(&draft).unwrap();
    let docx = nianbao::report::docx::document(&nianbao::report::templates::OGI_2021, &d).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut custom = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("docProps/custom.xml").unwrap(),
        &mut custom,
    )
    .unwrap();
    assert!(custom.contains(&format!("nianbao {version}")), "{custom}");
}

#[test]
fn a_draft_file_from_a_newer_minor_version_says_so_plainly() {
    let (major, minor) = {
        let v: Vec<u64> = nianbao::report::version::VERSION
            .split('.')
            .map(|p| p.parse().unwrap())
            .collect();
        (v[0], v[1])
    };
    let draft = text(&cli(&["sample", "ogi-2021"], None).stdout);
    let newer = draft.replace(
        &format!(
            "\"generator\": \"nianbao {}\"",
            nianbao::report::version::VERSION
        ),
        &format!("\"generator\": \"nianbao {major}.{}.0\"", minor + 1),
    );
    let why = nianbao::report::file::from_file(&newer)
        .unwrap_err()
        .message();
    assert!(
        why.zh.contains("较新的") && why.zh.contains("请用新版本打开"),
        "{why:?}"
    );
    // A newer patch release writes the same format: it opens.
    let patch = draft.replace(
        &format!(
            "\"generator\": \"nianbao {}\"",
            nianbao::report::version::VERSION
        ),
        &format!("\"generator\": \"nianbao {major}.{minor}.99\""),
    );
    assert!(nianbao::report::file::from_file(&patch).is_ok());
}
