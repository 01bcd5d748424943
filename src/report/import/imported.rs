//! What the import screen needs from a published page, as one value that crosses from the
//! worker that reads the page (`src/bin/nianbao-worker.rs`) to the app: the draft file and the
//! recognition report in both languages. The reading code stays out of the first download.

use super::page::read_published;
use super::report::report_html;
use crate::report::file;
use crate::report::message::Lang;
use serde::{Deserialize, Serialize};

/// A page read back in, ready to show and to open.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Imported {
    /// Whether anything of a report was read (else there is nothing to create).
    pub anything: bool,
    /// The draft, as a draft file.
    pub draft: String,
    /// The recognition report's markup in Chinese.
    pub report_zh: String,
    /// The recognition report's markup in English.
    pub report_en: String,
}

impl Imported {
    /// Reads `page` into a draft with id `id` and renders its report.
    pub fn read(page: &str, id: &str) -> Imported {
        let r = read_published(page, id);
        Imported {
            anything: r.anything(),
            draft: file::to_file(&r.draft),
            report_zh: report_html(&r, Lang::Zh),
            report_en: report_html(&r, Lang::En),
        }
    }

    /// The report in `lang`.
    pub fn report(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.report_zh,
            Lang::En => &self.report_en,
        }
    }

    /// As JSON, to post from the worker.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// From the worker's JSON; `None` when it is not one.
    pub fn from_json(text: &str) -> Option<Imported> {
        serde_json::from_str(text).ok()
    }
}
