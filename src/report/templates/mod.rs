//! The official formats shipped with nianbao, as data.

mod common;
mod ogi_2019;
mod ogi_2021;

use super::template::{CellKey, Template};

pub use ogi_2019::OGI_2019;
pub use ogi_2021::OGI_2021;

/// Every format, the default first.
pub static ALL: [&Template; 2] = [&OGI_2021, &OGI_2019];

/// The format with this id.
pub fn by_id(id: &str) -> Option<&'static Template> {
    ALL.iter().copied().find(|t| t.id == id)
}

/// The format new reports use.
pub fn default_template() -> &'static Template {
    &OGI_2021
}

/// The format for reports on `year`: the one issued for it, or the default for years before
/// the first format (such reports are redone in the oldest format we have).
pub fn for_year(year: i32) -> &'static Template {
    ALL.iter()
        .copied()
        .find(|t| t.is_for_year(year))
        .or_else(|| ALL.iter().copied().min_by_key(|t| t.years.0))
        .unwrap_or(default_template())
}

/// The key of the cell a draft file names `table/row/column`, in the first format that has it.
pub fn cell_key(text: &str) -> Option<CellKey> {
    ALL.iter().find_map(|t| t.cell_key(text))
}
