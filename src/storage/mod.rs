//! The browser's side of persistence: drafts and the interface language in local storage.
//!
//! Drafts are stored in the draft-file format (`report::file`), one entry per draft under the
//! app's own key prefix, so what storage holds is exactly what a downloaded draft file holds.
//! Every failure is a value; the shell says what happened.

use crate::report::file::{self, FileError};
use crate::report::{Draft, Lang};
use gloo_storage::{LocalStorage, Storage};

const DRAFT_PREFIX: &str = "nianbao.v1.draft.";
const LANG_KEY: &str = "nianbao.v1.lang";

/// Why storage did not do what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser gives no local storage (disabled, private mode).
    Unavailable,
    /// The browser refused to write (usually: storage is full).
    WriteRefused(String),
    /// An entry is there but is not a draft this release can read.
    Unreadable(FileError),
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    // gloo's `raw()` panics when storage is unavailable; ask the window ourselves.
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// Every stored draft that can be read, newest key order as the browser gives it.
pub fn drafts() -> Vec<Draft> {
    let Ok(store) = storage() else {
        return Vec::new();
    };
    let len = store.length().unwrap_or(0);
    (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(DRAFT_PREFIX))
        .filter_map(|k| store.get_item(&k).ok().flatten())
        .filter_map(|text| file::from_file(&text).ok())
        .collect()
}

/// The stored draft with this id.
pub fn load(id: &str) -> Result<Option<Draft>, StorageError> {
    let store = storage()?;
    match store.get_item(&format!("{DRAFT_PREFIX}{id}")) {
        Ok(Some(text)) => file::from_file(&text)
            .map(Some)
            .map_err(StorageError::Unreadable),
        _ => Ok(None),
    }
}

/// Stores a draft, replacing the stored copy.
pub fn save(draft: &Draft) -> Result<(), StorageError> {
    let store = storage()?;
    store
        .set_item(
            &format!("{DRAFT_PREFIX}{}", draft.id),
            &file::to_file(draft),
        )
        .map_err(|e| StorageError::WriteRefused(format!("{e:?}")))
}

/// The interface language last picked, if any.
pub fn lang() -> Option<Lang> {
    let code: String = LocalStorage::get(LANG_KEY).ok()?;
    match code.as_str() {
        "en" => Some(Lang::En),
        "zh" => Some(Lang::Zh),
        _ => None,
    }
}

/// Remembers the interface language.
pub fn set_lang(lang: Lang) {
    let code = match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    };
    // A browser without storage forgets the choice; the app works on in memory.
    let _ = LocalStorage::set(LANG_KEY, code);
}

/// A new draft id, unique enough among one person's drafts: time plus randomness.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1_000_000.0) as u64;
    format!("d{now:x}{random:05x}")
}
