//! What the import screen needs from last year's report, as one value that crosses from the
//! worker that reads it (`src/bin/nianbao-worker.rs`) to the app: the draft file and the
//! recognition report in both languages, or why the file was not read. The reading code stays
//! out of the first download.

use super::page::{read_published, Recognition};
use super::report::{page_errors, report_html_with, unplaced_pages};
use crate::report::file;
use crate::report::message::{Lang, Message};
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
    /// Why the file was not read at all (an old .doc, a PDF, damage); nothing else is set.
    pub refused: Option<Message>,
    /// The rows not read beyond the report's first page of them, a page of list items to a
    /// string, in Chinese and in English (the screen adds them on request).
    #[serde(default)]
    pub more_zh: Vec<String>,
    /// The same in English.
    #[serde(default)]
    pub more_en: Vec<String>,
}

impl Imported {
    /// Reads page text (pasted) into a draft with id `id` and renders its report.
    pub fn read(page: &str, id: &str) -> Imported {
        Imported::of(&read_published(page, id))
    }

    /// Reads a file of any kind the importer takes (see `source`).
    pub fn read_file(name: &str, bytes: &[u8], id: &str) -> Imported {
        match super::source::read_file(name, bytes, id) {
            Ok(r) => Imported::of(&r),
            Err(why) => Imported {
                refused: Some(why),
                ..Imported::default()
            },
        }
    }

    fn of(r: &Recognition) -> Imported {
        // The rules run once, for both languages.
        let errors = page_errors(r);
        Imported {
            anything: r.anything(),
            draft: file::to_file(&r.draft),
            report_zh: report_html_with(r, Lang::Zh, &errors),
            report_en: report_html_with(r, Lang::En, &errors),
            refused: None,
            more_zh: unplaced_pages(r, Lang::Zh),
            more_en: unplaced_pages(r, Lang::En),
        }
    }

    /// The further pages of rows not read, in `lang`.
    pub fn more(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Zh => &self.more_zh,
            Lang::En => &self.more_en,
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
