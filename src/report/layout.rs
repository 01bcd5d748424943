//! Where every heading and cell of a table block sits in the printed grid: row and column spans
//! of the header tree and the row tree. The exporter and the table editor both lay tables out
//! from this, so the editor looks exactly like the published page.

use super::template::{Block, CellAt, Column, ColumnKind, Corner, Row, RowKind, Table};

/// A heading cell of the header tree.
#[derive(Clone, Debug)]
pub struct HeaderCell {
    /// The column (group or value column) it heads.
    pub column: &'static Column,
    /// How many value columns it spans.
    pub colspan: usize,
    /// How many header rows it spans (a leaf reaches down to the last header row).
    pub rowspan: usize,
}

impl HeaderCell {
    /// Whether it heads a group of columns rather than one column.
    pub fn is_group(&self) -> bool {
        !self.column.children.is_empty()
    }

    /// Whether it heads a computed total.
    pub fn is_total(&self) -> bool {
        matches!(self.column.kind, ColumnKind::Total(_))
    }
}

/// A group label in the row-label columns, spanning the data rows under it.
#[derive(Clone, Debug)]
pub struct GroupCell {
    /// The group row.
    pub row: &'static Row,
    /// How many data rows it spans.
    pub rowspan: usize,
}

/// One printed data row: the group labels that start here, its own label, its cells.
#[derive(Clone, Debug)]
pub struct BodyRow {
    /// Group labels whose span starts at this row, outermost first.
    pub groups: Vec<GroupCell>,
    /// The row's own label cell and how many label columns it spans (none in table 四).
    pub label: Option<(&'static Row, usize)>,
    /// The value cells, left to right.
    pub cells: Vec<CellAt>,
}

impl BodyRow {
    /// Whether this is a computed total row.
    pub fn is_total(&self) -> bool {
        self.cells
            .first()
            .is_some_and(|c| matches!(c.row.row.kind, RowKind::Total(_)))
    }
}

/// A block laid out as the printed form.
#[derive(Clone, Debug)]
pub struct BlockLayout {
    /// What stands in the top-left corner, spanning all header rows and label columns.
    pub corner: Corner,
    /// How many header rows there are.
    pub header_depth: usize,
    /// How many label columns there are.
    pub label_columns: usize,
    /// Header cells, row by row.
    pub header_rows: Vec<Vec<HeaderCell>>,
    /// Data rows.
    pub rows: Vec<BodyRow>,
}

/// Lays out one block of `table`.
pub fn layout(table: &'static Table, block: &'static Block) -> BlockLayout {
    let depth = block.header_depth();
    let mut header_rows = vec![Vec::new(); depth];
    fn walk(cols: &'static [Column], level: usize, depth: usize, out: &mut [Vec<HeaderCell>]) {
        for column in cols {
            let leaf = column.children.is_empty();
            out[level].push(HeaderCell {
                column,
                colspan: count_columns(column),
                rowspan: if leaf { depth - level } else { 1 },
            });
            walk(column.children, level + 1, depth, out);
        }
    }
    walk(block.columns, 0, depth, &mut header_rows);

    let labels = block.label_depth();
    let columns = block.value_columns();
    let rows = block
        .data_rows()
        .into_iter()
        .map(|row| {
            let groups = row
                .ancestors
                .iter()
                .filter(|g| first_leaf(g).id == row.row.id)
                .map(|g| GroupCell {
                    row: g,
                    rowspan: count_rows(g),
                })
                .collect();
            let label = (labels > 0).then(|| (row.row, labels - row.ancestors.len()));
            let cells = columns
                .iter()
                .map(|column| CellAt {
                    table,
                    block,
                    row: row.clone(),
                    column: column.clone(),
                })
                .collect();
            BodyRow {
                groups,
                label,
                cells,
            }
        })
        .collect();
    BlockLayout {
        corner: block.corner,
        header_depth: depth,
        label_columns: labels,
        header_rows,
        rows,
    }
}

fn count_columns(column: &Column) -> usize {
    if column.children.is_empty() {
        1
    } else {
        column.children.iter().map(count_columns).sum()
    }
}

fn count_rows(row: &Row) -> usize {
    if row.children.is_empty() {
        1
    } else {
        row.children.iter().map(count_rows).sum()
    }
}

fn first_leaf(row: &'static Row) -> &'static Row {
    match row.children.first() {
        None => row,
        Some(child) => first_leaf(child),
    }
}
