//! Drafts and the interface language in the browser's local storage. Every failure is a value
//! the shell turns into a message; nothing here deletes an entry it cannot read.

use super::entry::{self, Entry, Unreadable};
use crate::report::file::FileError;
use crate::report::{Lang, Message};
use wasm_bindgen::JsCast;

/// Why storage did not do what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// The browser gives the page no local storage (disabled, some private modes).
    Unavailable,
    /// Storage is full: the browser refused to write.
    Full,
    /// The browser refused to write for another reason.
    WriteRefused(String),
    /// The entry is there but this release cannot read it.
    Unreadable(FileError),
    /// Another tab deleted the draft this page shows.
    DeletedElsewhere,
}

impl StorageError {
    /// What happened and what to do, for the person using the app.
    pub fn message(&self) -> Message {
        match self {
            StorageError::Unavailable => Message::new(
                "此浏览器不允许本网页保存数据（可能是隐私模式或浏览器设置）。草稿只在当前页面中，关闭页面就会丢失：请“下载草稿文件”保存。",
                "This browser does not let the page store data (private mode or a setting). The draft lives in this page only and is lost when it closes: use “Download draft file”.",
            ),
            StorageError::Full => Message::new(
                "浏览器存储空间已满，最近的修改没有保存到浏览器中（仍在当前页面里，存储中的旧副本保持不变）。请“下载草稿文件”，或删除不用的草稿腾出空间；腾出空间后会自动保存。",
                "Browser storage is full, so the latest changes are not saved in the browser (they are still in this page; the stored copy is unchanged). Use “Download draft file”, or delete drafts you no longer need; saving resumes by itself once there is room.",
            ),
            StorageError::WriteRefused(why) => Message::new(
                format!("浏览器拒绝保存（{why}）。修改仍在当前页面中，请“下载草稿文件”。"),
                format!("The browser refused to save ({why}). Your changes are still in this page: use “Download draft file”."),
            ),
            StorageError::Unreadable(e) => e.message(),
            StorageError::DeletedElsewhere => Message::new(
                "这份草稿已在另一个标签页（或窗口）中删除。本页的内容仍在；继续修改会把它重新保存到浏览器中，也可以“下载草稿文件”。",
                "This draft was deleted in another tab or window. What this page shows is still here; changing it stores it again, or use “Download draft file”.",
            ),
        }
    }
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    // Asking for localStorage itself throws when it is disabled; gloo's helpers would panic.
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// Whether the browser lets the page use local storage at all.
pub fn available() -> bool {
    storage().is_ok()
}

/// Everything stored: readable drafts (entries of the previous version migrated on the way)
/// and entries that cannot be read, which stay where they are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    /// The drafts, newest change first.
    pub entries: Vec<Entry>,
    /// Entries kept aside.
    pub unreadable: Vec<Unreadable>,
}

/// Lists every stored draft.
pub fn list() -> Listing {
    let mut listing = Listing::default();
    let Ok(store) = storage() else {
        return listing;
    };
    let keys: Vec<String> = (0..store.length().unwrap_or(0))
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| entry::id_of(k).is_some())
        .collect();
    for key in keys {
        let Some(raw) = store.get_item(&key).ok().flatten() else {
            continue;
        };
        match entry::read(&key, &raw) {
            Ok(e) if entry::is_v1(&key) => {
                // Listed even when the rewrite fails (storage full): it is readable as it is.
                let kept = e.clone();
                listing
                    .entries
                    .push(migrate(&store, &key, e).unwrap_or(kept));
            }
            Ok(e) => listing.entries.push(e),
            Err(why) => listing.unreadable.push(Unreadable {
                key,
                raw,
                why: why.message(),
            }),
        }
    }
    let mut seen = std::collections::HashSet::new();
    listing.entries.retain(|e| seen.insert(e.draft.id.clone()));
    listing
        .entries
        .sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
    listing
}

/// Rewrites a version-1 entry under the current key, then removes the old key (only once the
/// new one is written, and never if a current entry of that id already exists).
fn migrate(store: &web_sys::Storage, old_key: &str, e: Entry) -> Result<Entry, StorageError> {
    let new_key = entry::key(&e.draft.id);
    if let Some(raw) = store.get_item(&new_key).ok().flatten() {
        return entry::read(&new_key, &raw).map_err(StorageError::Unreadable);
    }
    let e = Entry {
        saved_at: js_sys::Date::now(),
        ..e
    };
    put_in(store, &e)?;
    let _ = store.remove_item(old_key);
    Ok(e)
}

/// The stored draft with this id.
pub fn load(id: &str) -> Result<Option<Entry>, StorageError> {
    let store = storage()?;
    if let Some(raw) = store.get_item(&entry::key(id)).ok().flatten() {
        return entry::read(&entry::key(id), &raw)
            .map(Some)
            .map_err(StorageError::Unreadable);
    }
    let old = format!("{}{id}", entry::PREFIX_V1);
    match store.get_item(&old).ok().flatten() {
        Some(raw) => {
            let e = entry::read(&old, &raw).map_err(StorageError::Unreadable)?;
            migrate(&store, &old, e).map(Some)
        }
        None => Ok(None),
    }
}

/// The revision stored for a draft now, if any (what another tab may have saved); an entry
/// that cannot be read is an error, so that no save overwrites it.
pub fn stored_revision(id: &str) -> Result<Option<u64>, StorageError> {
    load(id).map(|e| e.map(|e| e.revision))
}

/// Stores an entry, replacing the stored one.
pub fn put(e: &Entry) -> Result<(), StorageError> {
    put_in(&storage()?, e)
}

fn put_in(store: &web_sys::Storage, e: &Entry) -> Result<(), StorageError> {
    store
        .set_item(&entry::key(&e.draft.id), &entry::write(e))
        .map_err(|err| {
            let name = err
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                StorageError::Full
            } else {
                StorageError::WriteRefused(format!("{err:?}"))
            }
        })
}

/// Removes a stored draft, under the current and the previous key (the caller keeps it for
/// undo).
pub fn remove(id: &str) -> Result<(), StorageError> {
    let store = storage()?;
    let _ = store.remove_item(&format!("{}{id}", entry::PREFIX_V1));
    store
        .remove_item(&entry::key(id))
        .map_err(|e| StorageError::WriteRefused(format!("{e:?}")))
}

/// The interface language last picked, if any.
pub fn lang() -> Option<Lang> {
    match storage().ok()?.get_item(entry::LANG_KEY).ok()??.as_str() {
        "\"en\"" | "en" => Some(Lang::En),
        "\"zh\"" | "zh" => Some(Lang::Zh),
        _ => None,
    }
}

/// Remembers the interface language (a browser without storage forgets it).
pub fn set_lang(lang: Lang) {
    if let Ok(store) = storage() {
        let _ = store.set_item(entry::LANG_KEY, if lang == Lang::En { "en" } else { "zh" });
    }
}

/// A new draft id, unique enough among one person's drafts: time plus randomness.
pub fn new_id() -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1_000_000.0) as u64;
    format!("d{now:x}{random:05x}")
}

/// Asks the browser to keep this site's data (`navigator.storage.persist()`); `None` where the
/// browser has no such request.
pub async fn persist() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let already = wasm_bindgen_futures::JsFuture::from(manager.persisted().ok()?)
        .await
        .ok()?;
    if already.as_bool() == Some(true) {
        return Some(true);
    }
    let granted = wasm_bindgen_futures::JsFuture::from(manager.persist().ok()?)
        .await
        .ok()?;
    granted.as_bool()
}

/// Bytes used and the quota, from `navigator.storage.estimate()`.
pub async fn estimate() -> Option<(f64, f64)> {
    let manager = web_sys::window()?.navigator().storage();
    let e = wasm_bindgen_futures::JsFuture::from(manager.estimate().ok()?)
        .await
        .ok()?;
    let get = |k: &str| {
        js_sys::Reflect::get(&e, &k.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((get("usage")?, get("quota")?))
}
