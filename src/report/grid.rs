//! Moving between the cells of a table block and pasting rows copied from a spreadsheet, as
//! pure functions of the template, so the editor's keyboard and paste behaviour are tested
//! natively.

use super::import::value::Read;
use super::message::Message;
use super::number::{MoneyUnit, ValueKind};
use super::template::{Block, CellAt, CellKey, Template};

/// A direction to move in the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The row above.
    Up,
    /// The row below.
    Down,
    /// The column to the left.
    Left,
    /// The column to the right.
    Right,
}

/// A block's cells by row and value column; `None` where the cell is computed.
type Grid = Vec<Vec<Option<CellAt>>>;

/// The input cells of the block holding `key`, with the position of `key`.
fn grid_of(template: &Template, key: CellKey) -> Option<(Grid, usize, usize)> {
    let cell = template.cell(key)?;
    let block: &'static Block = cell.block;
    let grid: Grid = super::layout::layout(cell.table, block)
        .rows
        .into_iter()
        .map(|row| {
            row.cells
                .into_iter()
                .map(|c| c.is_input().then_some(c))
                .collect()
        })
        .collect();
    let (r, c) = grid.iter().enumerate().find_map(|(r, row)| {
        row.iter()
            .position(|c| c.as_ref().is_some_and(|c| c.key() == key))
            .map(|c| (r, c))
    })?;
    Some((grid, r, c))
}

/// The next input cell from `key` in `direction` within the same block, skipping computed
/// cells; `None` at the block's edge.
pub fn neighbor(template: &Template, key: CellKey, direction: Direction) -> Option<CellKey> {
    let (grid, mut r, mut c) = grid_of(template, key)?;
    loop {
        match direction {
            Direction::Up => r = r.checked_sub(1)?,
            Direction::Down => r += 1,
            Direction::Left => c = c.checked_sub(1)?,
            Direction::Right => c += 1,
        }
        match grid.get(r)?.get(c)? {
            Some(cell) => return Some(cell.key()),
            None => continue,
        }
    }
}

/// The next input cell after `key` in reading order (left to right, then the next row, then
/// the next block of the same table), or the one before it when `forward` is false: where
/// Enter (Shift+Enter) goes, so that typing 1⏎2⏎0 fills three cells in any table, one-row
/// blocks and table 四 included. `None` past the table's last (or first) input cell.
pub fn next_input(template: &Template, key: CellKey, forward: bool) -> Option<CellKey> {
    let cell = template.cell(key)?;
    let order: Vec<CellKey> = cell
        .table
        .blocks
        .iter()
        .flat_map(|block| super::layout::layout(cell.table, block).rows)
        .flat_map(|row| row.cells)
        .filter(|c| c.is_input())
        .map(|c| c.key())
        .collect();
    let at = order.iter().position(|k| *k == key)?;
    if forward {
        order.get(at + 1).copied()
    } else {
        order.get(at.checked_sub(1)?).copied()
    }
}

/// What a paste would do: the cells it fills and the values it leaves out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastePlan {
    /// `(cell key, text)` for each cell filled, in order.
    pub fills: Vec<(CellKey, String)>,
    /// Values that fell on computed cells (totals are never typed).
    pub on_computed: usize,
    /// Values that fell beyond the block's last row or column.
    pub outside: usize,
    /// Values longer than a cell takes ([`super::file::MAX_CELL_CHARS`]).
    pub too_long: usize,
    /// Values that are not numbers of their cell's kind, as pasted (left out).
    pub not_numbers: Vec<String>,
    /// Values written the way published tables do (`/`, `-`, `无`, `12件`), filled as numbers.
    pub converted: usize,
    /// The unit printed with an amount whose unit the user picks (`35.5万元`), by cell key.
    pub units: Vec<(CellKey, MoneyUnit)>,
}

impl PastePlan {
    /// What the paste did, in words for the live region and the table's status line.
    pub fn summary(&self) -> Message {
        let filled = self.fills.len();
        let mut zh = format!("已粘贴{filled}个单元格");
        let mut en = format!("Pasted {filled} cells");
        if self.converted > 0 {
            zh.push_str(&format!(
                "（其中{}个按“/”“-”“无”或单位换算）",
                self.converted
            ));
            en.push_str(&format!(
                " ({} read from /, -, 无 or units)",
                self.converted
            ));
        }
        let mut skipped_zh = Vec::new();
        let mut skipped_en = Vec::new();
        if self.on_computed > 0 {
            skipped_zh.push(format!("{}个落在自动计算的总计上", self.on_computed));
            skipped_en.push(format!("{} on computed totals", self.on_computed));
        }
        if self.outside > 0 {
            skipped_zh.push(format!("{}个超出表格", self.outside));
            skipped_en.push(format!("{} outside the table", self.outside));
        }
        if self.too_long > 0 {
            skipped_zh.push(format!("{}个过长", self.too_long));
            skipped_en.push(format!("{} too long", self.too_long));
        }
        if !self.not_numbers.is_empty() {
            let shown: Vec<String> = self
                .not_numbers
                .iter()
                .take(3)
                .map(|v| format!("“{}”", v.chars().take(20).collect::<String>()))
                .collect();
            skipped_zh.push(format!(
                "{}个不是数字（{}）",
                self.not_numbers.len(),
                shown.join("、")
            ));
            skipped_en.push(format!(
                "{} not numbers ({})",
                self.not_numbers.len(),
                shown.join(", ")
            ));
        }
        if !skipped_zh.is_empty() {
            zh.push_str(&format!("；未填入：{}", skipped_zh.join("，")));
            en.push_str(&format!("; left out: {}", skipped_en.join(", ")));
        }
        Message::new(zh + "。", en + ".")
    }
}

/// The rows of values on the clipboard: an HTML table when there is one (copied from a web
/// page or WPS), else the plain text; a row's leading label cells (规章, （一）予以公开) and rows
/// with no values at all (headers) are left out, so a block copied with its labels lands right.
pub fn clipboard_rows(text: &str, html: Option<&str>) -> Vec<Vec<String>> {
    let from_html = html
        .filter(|h| h.to_ascii_lowercase().contains("<table"))
        .map(|h| {
            let super::import::html::PageLines { lines, tables, .. } =
                super::import::html::html_lines(h);
            lines
                .into_iter()
                .enumerate()
                .filter(|(i, _)| tables.iter().any(|t| t.contains(i)))
                .map(|(_, l)| l)
                .collect::<Vec<_>>()
        })
        .filter(|rows| !rows.is_empty());
    let rows = from_html.unwrap_or_else(|| split_pasted(text));
    let is_value = super::import::value::is_value;
    // A label has no digits once its numbering (1. （一）) is off; "约5" is a bad value, kept
    // in place so the values after it do not shift.
    let is_label = |c: &str| {
        !is_value(c)
            && !super::import::label::core(c)
                .chars()
                .any(|ch| ch.is_ascii_digit())
    };
    // Header and group-heading rows (labels, no values) are left out; an all-blank row stays,
    // holding its row's place.
    rows.into_iter()
        .filter(|row| {
            row.iter().all(|c| c.trim().is_empty())
                || row.iter().any(|c| !c.trim().is_empty() && is_value(c))
        })
        .map(|row| {
            let first = row.iter().position(|c| !is_label(c)).unwrap_or(0);
            row[first..].to_vec()
        })
        .collect()
}

/// Plans a paste of `rows` at `key`: values go to consecutive columns and rows, position for
/// position as they were copied; a value that lands on a computed cell (a 总计) is left out,
/// not shifted.
pub fn plan_rows(template: &Template, key: CellKey, rows: Vec<Vec<String>>) -> PastePlan {
    let mut plan = PastePlan::default();
    let Some((grid, r0, c0)) = grid_of(template, key) else {
        return plan;
    };
    for (i, values) in rows.into_iter().enumerate() {
        // A row copied without its totals (table 四's twelve results) has exactly as many
        // values as the input cells ahead: they go to those cells, stepping over the totals.
        let ahead: Vec<&Option<CellAt>> = grid
            .get(r0 + i)
            .map(|row| row.iter().skip(c0).collect())
            .unwrap_or_default();
        let inputs_ahead = ahead.iter().filter(|c| c.is_some()).count();
        let skip_totals = values.len() == inputs_ahead && inputs_ahead < ahead.len();
        let mut slots = ahead.into_iter().filter(|c| !skip_totals || c.is_some());
        for value in values {
            match slots.next() {
                Some(Some(_)) if value.chars().count() > super::file::MAX_CELL_CHARS => {
                    plan.too_long += 1
                }
                Some(Some(cell)) => {
                    let kind = cell.value_kind().unwrap_or(ValueKind::Count);
                    // As pasted when it reads as it is (full-width digits stay as typed).
                    if super::number::parse(&value, kind).is_ok() {
                        plan.fills.push((cell.key(), value));
                        continue;
                    }
                    match super::import::value::read(&value, kind) {
                        Read::Zero => {
                            plan.converted += 1;
                            plan.fills.push((cell.key(), "0".into()));
                        }
                        Read::Value { text, unit, .. } => {
                            plan.converted += 1;
                            if let Some(u) = unit {
                                plan.units.push((cell.key(), u));
                            }
                            plan.fills.push((cell.key(), text));
                        }
                        Read::Blank => plan.fills.push((cell.key(), String::new())),
                        Read::Unreadable(_) => plan.not_numbers.push(value),
                    }
                }
                Some(None) => plan.on_computed += 1,
                None => plan.outside += 1,
            }
        }
    }
    plan
}

/// Splits pasted text into rows of values: lines are rows; a line is split at tabs when it has
/// any (Excel, WPS, web tables), otherwise at runs of spaces.
pub fn split_pasted(text: &str) -> Vec<Vec<String>> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<&str> = text.split('\n').collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines
        .into_iter()
        .map(|line| {
            if line.contains('\t') {
                line.split('\t').map(|v| v.trim().to_string()).collect()
            } else if is_one_number(line) {
                // "1 234" is one number with a thousands separator, not two cells.
                vec![line.trim().to_string()]
            } else {
                line.split_whitespace().map(str::to_string).collect()
            }
        })
        .collect()
}

fn is_one_number(line: &str) -> bool {
    matches!(
        super::number::parse(line, super::number::ValueKind::Amount),
        Ok(Some(_))
    ) || matches!(
        super::number::parse(line, super::number::ValueKind::SignedCount),
        Ok(Some(_))
    )
}

/// Whether pasted text is more than one value, so the editor should spread it over cells.
pub fn is_multi_value(text: &str) -> bool {
    let rows = split_pasted(text);
    rows.len() > 1 || rows.first().is_some_and(|r| r.len() > 1)
}

/// Whether a paste into a cell of `kind` is left to the browser, at the caret: one plain value,
/// text no reading makes a number of ("约5": typed as pasted, for the range rule to flag, never
/// dropped), or nothing usable. Anything else (several values, 12件, /, 无) goes through
/// [`plan_rows`]. `rows` are the text's [`clipboard_rows`].
pub fn pastes_as_typed(text: &str, rows: &[Vec<String>], kind: ValueKind) -> bool {
    match rows {
        [] => true,
        [row] if row.len() == 1 => {
            !is_multi_value(text)
                && (super::number::parse(&row[0], kind).is_ok()
                    || matches!(
                        super::import::value::read(&row[0], kind),
                        Read::Unreadable(_)
                    ))
        }
        _ => false,
    }
}

/// An amount typed as pages print it: the number that goes into the cell, the unit picked for
/// it (when the clerk chooses the cell's unit), and what was done, to say so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypedAmount {
    /// The cell's new text: the number alone.
    pub text: String,
    /// The unit to pick, for a cell whose unit the clerk chooses.
    pub unit: Option<MoneyUnit>,
    /// What was read, for the person typing.
    pub said: Message,
}

/// An amount typed with its unit (`251000元`, `25.1万元`) into a money cell, read as pasting
/// and importing read it: the number goes in and the unit is picked, or the value converted to
/// the column's unit. `None` for anything else (typing goes on as typed).
pub fn typed_amount(text: &str, kind: ValueKind) -> Option<TypedAmount> {
    // A count typed with its unit (`12件`): the number goes in.
    if matches!(kind, ValueKind::Count) {
        let typed = text.trim();
        let number = super::import::value::COUNT_UNITS
            .iter()
            .find_map(|u| typed.strip_suffix(u))
            .map(str::trim)
            .filter(|n| !n.is_empty())?;
        let Ok(Some(n)) = super::number::parse(number, kind) else {
            return None;
        };
        let value = n.to_string();
        return Some(TypedAmount {
            said: Message::new(
                format!("“{typed}”已填为{value}"),
                format!("“{typed}” entered as {value}"),
            ),
            text: value,
            unit: None,
        });
    }
    if !matches!(kind, ValueKind::Amount | ValueKind::Decimal { .. })
        || !text.trim().ends_with('元')
    {
        return None;
    }
    let Read::Value {
        text: value, unit, ..
    } = super::import::value::read(text, kind)
    else {
        return None;
    };
    let typed = text.trim();
    let said = match (kind, unit) {
        (ValueKind::Decimal { unit: column }, _) => Message::new(
            format!("“{typed}”已填为{value}（单位：{column}）"),
            format!("“{typed}” entered as {value} ({column})"),
        ),
        (_, Some(u)) => Message::new(
            format!("“{typed}”：已填入{value}，单位选为“{}”", u.label()),
            format!("“{typed}”: {value} entered, unit set to {}", u.label()),
        ),
        _ => return None,
    };
    Some(TypedAmount {
        text: value,
        unit,
        said,
    })
}
