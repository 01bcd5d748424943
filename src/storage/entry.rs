//! One stored draft in local storage: the key it lives under, the envelope around the draft
//! file (a revision number and the time of saving), and how entries written by earlier storage
//! versions are read. Pure code, tested natively; `local.rs` does the browser calls.

use crate::report::file::{self, FileError};
use crate::report::{Draft, Message};
use serde_json::Value;

/// Key prefix of drafts written by storage version 1 (a bare draft file, no envelope).
pub const PREFIX_V1: &str = "nianbao.v1.draft.";
/// Key prefix of drafts written by the current storage version.
pub const PREFIX: &str = "nianbao.v2.draft.";
/// Key of the remembered interface language (unchanged since version 1).
pub const LANG_KEY: &str = "nianbao.v1.lang";

/// A stored draft with its revision (raised by one on every save) and when it was saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// How many times this draft has been saved; another tab's save raises it.
    pub revision: u64,
    /// When it was saved, in milliseconds since 1970 (browser time).
    pub saved_at: f64,
    /// The draft.
    pub draft: Draft,
}

/// The storage key of the draft with this id.
pub fn key(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// The draft id in a storage key of ours, current or older version.
pub fn id_of(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)
        .or_else(|| key.strip_prefix(PREFIX_V1))
}

/// Whether a key holds a version-1 entry that reading migrates.
pub fn is_v1(key: &str) -> bool {
    key.starts_with(PREFIX_V1)
}

/// The text stored for an entry.
pub fn write(entry: &Entry) -> String {
    format!(
        "{{\"revision\":{},\"saved_at\":{},\"draft\":{}}}",
        entry.revision,
        if entry.saved_at.is_finite() {
            entry.saved_at
        } else {
            0.0
        },
        file::to_file(&entry.draft).trim_end()
    )
}

/// Reads a stored entry; a version-1 entry (a bare draft file) becomes revision 1.
pub fn read(key: &str, text: &str) -> Result<Entry, FileError> {
    if is_v1(key) {
        return file::from_file(text).map(|draft| Entry {
            revision: 1,
            saved_at: 0.0,
            draft,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(crate::report::file::json_error)?;
    let revision = value.get("revision").and_then(Value::as_u64);
    let saved_at = value.get("saved_at").and_then(Value::as_f64);
    let (Some(revision), Some(saved_at), Some(draft)) = (revision, saved_at, value.get("draft"))
    else {
        return Err(FileError::BadShape(
            "storage entry without revision, saved_at and draft".into(),
        ));
    };
    let draft = file::from_file(&draft.to_string())?;
    Ok(Entry {
        revision,
        saved_at,
        draft,
    })
}

impl Entry {
    /// `draft` saved at `saved_at` as the revision after `stored` (the stored one's, if any).
    pub fn next(stored: Option<u64>, saved_at: f64, draft: Draft) -> Entry {
        Entry {
            revision: stored.unwrap_or(0) + 1,
            saved_at,
            draft,
        }
    }
}

/// What a save should do, given the revision now in storage and the one this page started from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveDecision {
    /// Write this revision.
    Write(u64),
    /// Another tab saved a newer revision since this page loaded or last saved: do not overwrite.
    Conflict {
        /// The revision in storage.
        stored: u64,
    },
}

/// Decides a save: write the next revision unless storage moved past `base` meanwhile.
pub fn decide(stored: Option<u64>, base: u64) -> SaveDecision {
    match stored {
        Some(s) if s > base => SaveDecision::Conflict { stored: s },
        _ => SaveDecision::Write(base.max(stored.unwrap_or(0)) + 1),
    }
}

/// An entry that cannot be read, kept aside untouched so the user can download its raw text.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// Its storage key.
    pub key: String,
    /// What it holds, as stored.
    pub raw: String,
    /// Why it cannot be read.
    pub why: Message,
}
