//! Helpers the test modules share.

use nianbao::report::template::CellKey;
use nianbao::report::templates;

/// The cell a draft file names `table/row/column`, in whichever format has it.
pub fn key(text: &str) -> CellKey {
    templates::cell_key(text).unwrap_or_else(|| panic!("no format has the cell {text}"))
}
