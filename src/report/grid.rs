//! Moving between the cells of a table block and pasting rows copied from a spreadsheet, as
//! pure functions of the template, so the editor's keyboard and paste behaviour are tested
//! natively.

use super::template::{Block, CellAt, Template};

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
fn grid_of(template: &Template, key: &str) -> Option<(Grid, usize, usize)> {
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
pub fn neighbor(template: &Template, key: &str, direction: Direction) -> Option<String> {
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

/// What a paste would do: the cells it fills and the values it leaves out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastePlan {
    /// `(cell key, text)` for each cell filled, in order.
    pub fills: Vec<(String, String)>,
    /// Values that fell on computed cells (totals are never typed).
    pub on_computed: usize,
    /// Values that fell beyond the block's last row or column.
    pub outside: usize,
    /// Values longer than a cell takes ([`super::file::MAX_CELL_CHARS`]).
    pub too_long: usize,
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

/// Plans a paste at `key`: values go to consecutive columns and rows, position for position as
/// they were copied; a value that lands on a computed cell (a 总计) is left out, not shifted.
pub fn plan_paste(template: &Template, key: &str, text: &str) -> PastePlan {
    let mut plan = PastePlan::default();
    let Some((grid, r0, c0)) = grid_of(template, key) else {
        return plan;
    };
    for (i, values) in split_pasted(text).into_iter().enumerate() {
        for (j, value) in values.into_iter().enumerate() {
            match grid.get(r0 + i).and_then(|row| row.get(c0 + j)) {
                Some(Some(_)) if value.chars().count() > super::file::MAX_CELL_CHARS => {
                    plan.too_long += 1
                }
                Some(Some(cell)) => plan.fills.push((cell.key(), value)),
                Some(None) => plan.on_computed += 1,
                None => plan.outside += 1,
            }
        }
    }
    plan
}
