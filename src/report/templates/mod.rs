//! The official formats shipped with nianbao, as data.

mod common;
mod ogi_2019;
mod ogi_2021;

use super::template::Template;

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
