//! The draft file: how a draft is written to disk and to storage, and read back safely.
//!
//! A file is JSON with a `format` marker and a `version`. Reading checks, in order: size, JSON,
//! marker, version (migrating older ones), shape, then every value, and says exactly what is
//! wrong. Documented in `docs/draft-format.md`.

use super::draft::{Draft, Meta};
use super::message::Message;
use super::templates;
use serde_json::{Map, Value};

/// The `format` marker of a draft file.
pub const FORMAT: &str = "nianbao-draft";

/// The version this build writes.
pub const VERSION: u64 = 1;

/// The largest draft file read, in bytes (a full report with long texts is well under 1 MB).
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The longest text field accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 200_000;

/// The longest cell text accepted, in characters.
pub const MAX_CELL_CHARS: usize = 100;
/// The longest title a draft takes (a real title is under a hundred characters).
pub const MAX_TITLE_CHARS: usize = 500;

/// Why a file is not a draft this build can open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// Not JSON at all.
    NotJson {
        /// Line of the first error.
        line: usize,
        /// Column of the first error.
        column: usize,
    },
    /// JSON, but without our `format` marker.
    NotADraft,
    /// A draft of a format (`template`) this build does not know.
    UnknownTemplate(String),
    /// Written by a newer release of nianbao.
    NewerVersion {
        /// The file's version.
        found: u64,
    },
    /// A version number that never existed.
    BadVersion(String),
    /// The marker is right but a field has the wrong shape.
    BadShape(String),
    /// A cell key the format does not have.
    UnknownCell(String),
    /// A text field longer than [`MAX_TEXT_CHARS`].
    TextTooLong {
        /// Which field.
        field: String,
        /// How many characters it holds.
        chars: usize,
    },
    /// A cell's text longer than [`MAX_CELL_CHARS`].
    CellTooLong(String),
    /// JSON that a draft file cannot hold: nested deeper than the reader goes, or a number
    /// beyond what JSON readers take (`1e309`).
    JsonLimit {
        /// Nesting (`true`) or a number out of range (`false`).
        nesting: bool,
        /// Line of the first error.
        line: usize,
        /// Column of the first error.
        column: usize,
    },
    /// A field whose value is of the wrong kind (text where a number belongs …), by its path.
    WrongValue(String),
    /// Written by a newer release of nianbao (named), which may hold what this one would lose.
    NewerApp(String),
}

impl FileError {
    /// What is wrong, for the person who opened the file.
    pub fn message(&self) -> Message {
        match self {
            FileError::TooLarge { bytes } => {
                let (over, limit) = sizes_apart(*bytes, MAX_FILE_BYTES);
                Message::new(
                    format!("文件过大（{over}），草稿文件不超过{limit}"),
                    format!("The file is too large ({over}); a draft file is at most {limit}"),
                )
            }
            FileError::JsonLimit { nesting, line, column } => {
                let (zh, en) = if *nesting {
                    ("嵌套层数过多", "nested too deeply")
                } else {
                    ("数字超出范围", "a number out of range")
                };
                Message::new(
                    format!("这不是年报草稿文件：第{line}行第{column}列{zh}，草稿文件不会这样写"),
                    format!("This is not a report draft file: {en} at line {line}, column {column}, which no draft file has"),
                )
            }
            FileError::NewerApp(by) => {
                let ours = super::version::VERSION;
                Message::new(
                    format!("这个草稿文件由较新的 {by} 写成，本工具是 nianbao {ours}：请用新版本打开（用旧版本打开再保存，会丢失新版本才有的内容）"),
                    format!("This draft file was written by {by}, newer than this copy (nianbao {ours}): open it with the newer version (opening and saving it here would lose what only the newer one has)"),
                )
            }
            FileError::WrongValue(field) => Message::new(
                format!("草稿文件内容有误：字段“{field}”的值类型不对（例如该写数字的地方写了别的）"),
                format!("The draft file is damaged: field “{field}” holds a value of the wrong kind (something else where a number belongs, say)"),
            ),
            FileError::NotJson { line, column } => Message::new(
                format!("这不是年报草稿文件：内容不是JSON（第{line}行第{column}列出错）"),
                format!("This is not a report draft file: it is not JSON (error at line {line}, column {column})"),
            ),
            FileError::NotADraft => Message::new(
                "这不是年报草稿文件：缺少 \"format\": \"nianbao-draft\" 标记",
                "This is not a report draft file: the \"format\": \"nianbao-draft\" marker is missing",
            ),
            FileError::UnknownTemplate(id) => Message::new(
                format!("草稿使用了本程序不认识的报告格式“{id}”（支持：{}）", known_templates()),
                format!("The draft uses a report format this program does not know, “{id}” (known: {})", known_templates()),
            ),
            FileError::NewerVersion { found } => Message::new(
                format!("此草稿由较新版本的年报工具保存（文件版本{found}，本程序支持到版本{VERSION}），请使用新版本打开"),
                format!("This draft was saved by a newer release (file version {found}; this one reads up to version {VERSION}); open it with the newer release"),
            ),
            FileError::BadVersion(v) => Message::new(
                format!("草稿文件的版本号“{v}”无效"),
                format!("The draft file's version “{v}” is not valid"),
            ),
            FileError::BadShape(detail) => Message::new(
                format!("草稿文件内容有误：{detail}"),
                format!("The draft file is damaged: {detail}"),
            ),
            FileError::UnknownCell(key) => Message::new(
                format!("草稿文件中有报告格式里不存在的表格单元格“{key}”"),
                format!("The draft file has a table cell “{key}” that its report format does not have"),
            ),
            FileError::TextTooLong { field, chars } => Message::new(
                format!("“{field}”过长（{chars}字，最多{MAX_TEXT_CHARS}字）"),
                format!("“{field}” is too long ({chars} characters; at most {MAX_TEXT_CHARS})"),
            ),
            FileError::CellTooLong(key) => Message::new(
                format!("表格单元格“{key}”的内容过长（最多{MAX_CELL_CHARS}字）"),
                format!("Table cell “{key}” holds too much text (at most {MAX_CELL_CHARS} characters)"),
            ),
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
    }
}

/// A size over a limit and the limit, told apart even where they round alike (5.0 MB).
pub(crate) fn sizes_apart(bytes: usize, limit: usize) -> (String, String) {
    let (over, at) = (size(bytes), size(limit));
    if over == at {
        (format!("{bytes}字节"), format!("{limit}字节"))
    } else {
        (over, at)
    }
}

/// A size as people read it: KB, or MB with one decimal.
pub(crate) fn size(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn known_templates() -> String {
    templates::ALL
        .iter()
        .map(|t| t.id)
        .collect::<Vec<_>>()
        .join("、")
}

/// The file's fields in the order written: the marker and version first, so that a person (or
/// `head`) opening the file sees at once what it is.
#[derive(serde::Serialize)]
struct Outgoing<'a> {
    format: &'static str,
    version: u64,
    /// What wrote it (`nianbao X.Y.Z`), so a file from a newer release is told apart.
    generator: String,
    #[serde(flatten)]
    draft: &'a Draft,
}

/// Writes a draft as a file of the current version.
pub fn to_file(draft: &Draft) -> String {
    let file = Outgoing {
        format: FORMAT,
        version: VERSION,
        generator: super::version::generator(),
        draft,
    };
    // Strings, numbers and maps with string keys always serialise.
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

/// Whether a draft can be stored or written as a file and opened again: every value within
/// what [`from_file`] takes, and the file within [`MAX_FILE_BYTES`]. Checked before storing, so
/// that nothing saved is refused when it is opened.
pub fn storable(draft: &Draft) -> Result<(), FileError> {
    validate(draft)?;
    let bytes = to_file(draft).len();
    if bytes > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes });
    }
    Ok(())
}

/// Reads a draft file, migrating it from an older version, and checks every value.
pub fn from_file(text: &str) -> Result<Draft, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: text.len() });
    }
    let value: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(json_error)?;
    let Value::Object(mut map) = value else {
        return Err(FileError::NotADraft);
    };
    if map.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(FileError::NotADraft);
    }
    let version = match map.get("version") {
        Some(Value::Number(n)) => n
            .as_u64()
            .ok_or_else(|| FileError::BadVersion(n.to_string()))?,
        Some(other) => return Err(FileError::BadVersion(other.to_string())),
        None => return Err(FileError::BadVersion("—".into())),
    };
    if version > VERSION {
        return Err(FileError::NewerVersion { found: version });
    }
    if version == 0 {
        return Err(FileError::BadVersion("0".into()));
    }
    // A newer release may have added what this one would drop on saving: it says so.
    if let Some(by) = map.get("generator").and_then(Value::as_str) {
        if super::version::is_newer_minor(by) {
            return Err(FileError::NewerApp(by.chars().take(40).collect()));
        }
    }
    map = migrate(map, version)?;
    map.remove("format");
    map.remove("version");
    map.remove("generator");
    let draft: Draft = match serde_json::from_value(Value::Object(map.clone())) {
        Ok(d) => d,
        Err(e) => return Err(wrong_value(&map).unwrap_or(FileError::BadShape(e.to_string()))),
    };
    validate(&draft)?;
    Ok(draft)
}

/// Why a text is not JSON a draft file can be: not JSON at all, or past a limit.
pub(crate) fn json_error(e: serde_json::Error) -> FileError {
    let (line, column) = (e.line(), e.column());
    let text = e.to_string();
    if text.contains("recursion limit") {
        FileError::JsonLimit {
            nesting: true,
            line,
            column,
        }
    } else if text.contains("number out of range") {
        FileError::JsonLimit {
            nesting: false,
            line,
            column,
        }
    } else {
        FileError::NotJson { line, column }
    }
}

/// The field of a draft file whose value has the wrong kind, by its path (`meta.year`): each
/// field tried alone, then each of 基本信息's, so the message names the field, not serde's words.
fn wrong_value(map: &Map<String, Value>) -> Option<FileError> {
    let alone = |key: &str, value: &Value| {
        let mut one = Map::new();
        one.insert(key.to_string(), value.clone());
        serde_json::from_value::<Draft>(Value::Object(one)).is_err()
    };
    let (key, value) = map.iter().find(|(k, v)| alone(k, v))?;
    if let (true, Value::Object(fields)) = (key == "meta", value) {
        for (field, v) in fields {
            let mut one = Map::new();
            one.insert(field.clone(), v.clone());
            if serde_json::from_value::<Meta>(Value::Object(one)).is_err() {
                return Some(FileError::WrongValue(format!("meta.{field}")));
            }
        }
    }
    Some(FileError::WrongValue(key.clone()))
}

/// One step per past version: `MIGRATIONS[v - 1]` turns a version-`v` file into version `v + 1`.
/// Version 1 is the first, so there is no step yet; the next format change adds one here and a
/// fixture under `tests/fixtures/` that it must keep opening.
const MIGRATIONS: &[Migration] = &[];

/// A migration step over the file's JSON object.
type Migration = fn(Map<String, Value>) -> Result<Map<String, Value>, FileError>;

fn migrate(mut map: Map<String, Value>, from: u64) -> Result<Map<String, Value>, FileError> {
    for step in MIGRATIONS.iter().skip((from - 1) as usize) {
        map = step(map)?;
    }
    Ok(map)
}

/// Whether a draft id can stand in the app's address (`#/{id}/tasks`): 1 to 64 ASCII letters,
/// digits, `-` or `_`, and not a word the router keeps for itself. A file with any other id (a
/// hand-edited or hostile one) is opened under a new id.
pub fn id_is_routable(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !["sum", "audit", "tasks"].contains(&id)
}

/// Checks what serde cannot: a known format, known cells, sane lengths.
pub fn validate(draft: &Draft) -> Result<(), FileError> {
    let template = templates::by_id(&draft.template)
        .ok_or_else(|| FileError::UnknownTemplate(draft.template.clone()))?;
    // One set of the format's keys, not a search of every cell per key (drafts lists read
    // hundreds of files).
    let known: std::collections::HashSet<String> =
        template.cells().map(|c| c.key().to_string()).collect();
    for (key, text) in &draft.cells {
        if !known.contains(key) {
            return Err(FileError::UnknownCell(key.clone()));
        }
        if text.chars().count() > MAX_CELL_CHARS {
            return Err(FileError::CellTooLong(key.clone()));
        }
    }
    for key in draft.units.keys().chain(&draft.unread) {
        if !known.contains(key) {
            return Err(FileError::UnknownCell(key.clone()));
        }
    }
    if let Some(previous) = &draft.previous {
        // Last year's copy is only read for the cross-year checks: bounded, not key-checked
        // (its format may be one this release reads only partly).
        if previous.cells.len() > 2_000
            || previous.unread.len() > 2_000
            || previous.unread.iter().any(|k| k.chars().count() > 200)
        {
            return Err(FileError::BadShape("previous.cells".into()));
        }
        if let Some((key, _)) = previous
            .cells
            .iter()
            .find(|(k, v)| k.chars().count() > 200 || v.chars().count() > MAX_CELL_CHARS)
        {
            return Err(FileError::CellTooLong(key.clone()));
        }
    }
    if draft.stale.len() > 64 || draft.stale.iter().any(|k| k.chars().count() > 200) {
        return Err(FileError::BadShape("stale".into()));
    }
    if draft.sources.len() > 10_000
        || draft
            .sources
            .iter()
            .any(|s| s.body.chars().count() > 1_000 || s.file.chars().count() > 1_000)
    {
        return Err(FileError::BadShape("sources".into()));
    }
    let meta = &draft.meta;
    let mut fields: Vec<(String, &str)> = vec![
        ("id".into(), draft.id.as_str()),
        ("发布机构".into(), &meta.body),
        ("标题".into(), meta.title.as_deref().unwrap_or("")),
        ("索引号".into(), &meta.index_no),
        ("文号".into(), &meta.doc_no),
        ("公开方式".into(), &meta.disclosure),
        ("公开日期".into(), &meta.pub_date),
        ("公开时间".into(), &meta.pub_time),
        ("地址".into(), &meta.address),
        ("邮编".into(), &meta.postcode),
        ("电话".into(), &meta.phone),
        ("发布位置".into(), &meta.published_at),
        ("SiteName".into(), &meta.site.name),
        ("SiteDomain".into(), &meta.site.domain),
        ("SiteIDCode".into(), &meta.site.id_code),
        ("ColumnName".into(), &meta.site.column),
        ("开头段落".into(), draft.opening.as_deref().unwrap_or("")),
    ];
    for (key, text) in &draft.texts {
        let heading = template.section(*key).heading;
        fields.push((heading.to_string(), &text.text));
        fields.push((format!("{heading}（金额）"), &text.fee));
        for (aspect, body) in &text.aspects {
            fields.push((format!("{heading}（{aspect}）"), body));
        }
    }
    for (field, text) in fields {
        let chars = text.chars().count();
        if chars > MAX_TEXT_CHARS {
            return Err(FileError::TextTooLong { field, chars });
        }
    }
    Ok(())
}

/// The name of a draft file: `{发布机构}-{年度}年报-草稿-{date}.json`.
pub fn file_name(draft: &Draft, date: &str) -> String {
    let body = file_safe(&draft.meta.body, 60);
    let body = if body.is_empty() {
        "年报".to_string()
    } else {
        body
    };
    format!("{body}-{}年报-草稿-{date}.json", draft.meta.year)
}

/// `text` without the characters file systems refuse in names, at most `max` characters.
pub fn file_safe(text: &str, max: usize) -> String {
    let kept: String = text
        .chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
        })
        .take(max)
        .collect();
    kept.trim().to_string()
}

/// Values in a draft that are out of range for their cells or fields (negative counts,
/// decimals in whole-number cells, numbers too large, text that is not a number, a year
/// outside 1990–2100), named with their place; an importer shows these before opening a file.
pub fn out_of_range(draft: &Draft) -> Vec<Message> {
    super::rules::check(draft)
        .into_iter()
        .filter(|f| f.rule == super::template::Rule::Range)
        .map(|f| f.message)
        .collect()
}
