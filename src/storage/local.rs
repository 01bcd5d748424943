//! Drafts and the interface language in the browser's local storage. Every failure is a value
//! the shell turns into a message; nothing here deletes an entry it cannot read.

use super::entry::{self, Entry, Unreadable};
use crate::report::file::FileError;
use crate::report::{Draft, Lang, Message};
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
    /// Stored as it is, the draft could not be opened again (a value over a limit): not stored.
    WouldNotOpen(FileError),
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
            StorageError::WouldNotOpen(e) => {
                let why = e.message();
                Message::new(
                    format!("最近的修改没有保存：这样保存的草稿以后将无法打开（{}）。修改仍在当前页面中；请缩短刚才填写的内容，保存会自动继续。", why.zh),
                    format!("The latest changes are not saved: stored like this, the draft could not be opened again ({}). They are still in this page; shorten what you just typed and saving resumes by itself.", why.en),
                )
            }
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

/// Where the page was opened, which decides whose storage its drafts are kept in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Served by a web server and opened directly: the site's own storage.
    Served,
    /// Opened from disk (`file://`, the single file `nianbao.html`).
    FromDisk,
    /// Inside a page of another site (an intranet portal's `<iframe>`).
    Embedded,
}

impl Place {
    /// Where this page runs.
    pub fn here() -> Place {
        let Some(window) = web_sys::window() else {
            return Place::Served;
        };
        if from_disk(&window) {
            return Place::FromDisk;
        }
        // In a frame whose page is of another origin, the frame element is hidden from it.
        let me: &wasm_bindgen::JsValue = window.as_ref();
        let framed =
            js_sys::Reflect::get(me, &"top".into()).is_ok_and(|top| !js_sys::Object::is(&top, me));
        if framed && window.frame_element().ok().flatten().is_none() {
            Place::Embedded
        } else {
            Place::Served
        }
    }

    /// What the place means for the drafts, when it is more than "kept in this browser".
    /// Measured in Chromium 156 and Firefox 140 ESR: pages opened from disk share one storage;
    /// a frame of another site than its page gets none in Chromium, storage kept apart under
    /// that page in Firefox (tests/e2e/disk.test.mjs, tests/e2e/embed.test.mjs).
    pub fn message(self) -> Option<Message> {
        match self {
            Place::Served => None,
            Place::FromDisk => Some(Message::new(
                "本工具是从本机文件打开的：草稿保存在这台电脑的这个浏览器中，从磁盘打开的网页共用这份存储。把 nianbao.html 复制到别的文件夹或U盘再打开，仍能看到这些草稿；换一个浏览器、换一台电脑，或从网站打开本工具，就看不到它们。要把草稿带走或交给别人，请“下载草稿文件”。",
                "The tool was opened from a file on this computer: drafts are kept in this browser on this computer, in the storage that pages opened from disk share. A copy of nianbao.html in another folder or on a USB stick sees the same drafts; another browser, another computer or the tool opened from a website does not. To take a draft along or pass it on, use “Download draft file”.",
            )),
            Place::Embedded => Some(Message::new(
                "本工具嵌入在另一个网页中：这个网页与本工具不在同一网站时，浏览器会把这里的草稿与直接打开本工具时的草稿分开保存，或者不允许保存。请经常“下载草稿文件”。",
                "The tool is embedded in another page: where that page is of another site than the tool, the browser keeps the drafts made here apart from those of the tool opened directly, or allows no storage at all. Download the draft file often.",
            )),
        }
    }
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
    load_from(&storage()?, id)
}

/// The draft with this id as a screen opens it: the stored copy, or this tab's own last save
/// when local storage lost it (see `journal`), which is then stored again. Only for opening a
/// screen: elsewhere the journal must not bring back a draft another tab deleted.
pub fn open(id: &str) -> Result<Option<Entry>, StorageError> {
    let store = storage()?;
    let stored = load_from(&store, id)?;
    let key = entry::key(id);
    let kept = journal()
        .and_then(|j| j.get_item(&key).ok().flatten())
        .and_then(|raw| entry::read(&key, &raw).ok())
        .filter(|j| stored.as_ref().is_none_or(|s| j.revision > s.revision));
    match kept {
        Some(e) => {
            let _ = put_in(&store, &e);
            Ok(Some(e))
        }
        None => Ok(stored),
    }
}

fn load_from(store: &web_sys::Storage, id: &str) -> Result<Option<Entry>, StorageError> {
    if let Some(raw) = store.get_item(&entry::key(id)).ok().flatten() {
        return entry::read(&entry::key(id), &raw)
            .map(Some)
            .map_err(StorageError::Unreadable);
    }
    let old = format!("{}{id}", entry::PREFIX_V1);
    match store.get_item(&old).ok().flatten() {
        Some(raw) => {
            let e = entry::read(&old, &raw).map_err(StorageError::Unreadable)?;
            migrate(store, &old, e).map(Some)
        }
        None => Ok(None),
    }
}

/// A second copy of each change, in this tab's session storage, for a page opened from disk:
/// there Chromium loses about one local-storage write in twenty made within 150 ms before the
/// page reloads or closes, and writes made while the page hides (measured in Chromium 156,
/// on-disk and private profiles alike; never over http, never in Firefox). Session storage
/// written as the change is made lost none in a hundred reloads, so a reload finds the newer
/// copy here.
fn journal() -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    if !from_disk(&window) {
        return None;
    }
    window.session_storage().ok().flatten()
}

/// Keeps `e` in this tab's journal at once, where there is one (a page opened from disk): a
/// keystroke is then safe from a reload before the debounced save, and from the save itself
/// being lost (see `journal`). Does nothing elsewhere.
pub fn journal_put(e: &Entry) {
    if let Some(j) = journal() {
        let _ = j.set_item(&entry::key(&e.draft.id), &entry::write(e));
    }
}

/// Whether saves are journaled in this page (it was opened from disk).
pub fn journaled() -> bool {
    web_sys::window().is_some_and(|w| from_disk(&w))
}

fn from_disk(window: &web_sys::Window) -> bool {
    window.location().protocol().ok().as_deref() == Some("file:")
}

/// The revision stored for a draft now, if any (what another tab may have saved); an entry
/// that cannot be read is an error, so that no save overwrites it.
pub fn stored_revision(id: &str) -> Result<Option<u64>, StorageError> {
    load(id).map(|e| e.map(|e| e.revision))
}

/// `draft` as the next revision of whatever is stored under its id (revision 1 for a new
/// one), saved now: what a change made outside the editor (an import, a rename, a copy)
/// stores.
pub fn next_entry(draft: Draft) -> Entry {
    let stored = stored_revision(&draft.id).ok().flatten();
    Entry::next(stored, js_sys::Date::now(), draft)
}

/// Stores an entry, replacing the stored one.
pub fn put(e: &Entry) -> Result<(), StorageError> {
    put_in(&storage()?, e)
}

fn put_in(store: &web_sys::Storage, e: &Entry) -> Result<(), StorageError> {
    // Nothing is stored that the reader would refuse: "saved" means it opens again.
    crate::report::file::storable(&e.draft).map_err(StorageError::WouldNotOpen)?;
    let raw = entry::write(e);
    if let Some(j) = journal() {
        // Best effort: the journal only ever adds a copy.
        let _ = j.set_item(&entry::key(&e.draft.id), &raw);
    }
    store
        .set_item(&entry::key(&e.draft.id), &raw)
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
    if let Some(j) = journal() {
        let _ = j.remove_item(&entry::key(id));
    }
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

/// Notes that a draft was just opened at a step (for the start screen's 继续编写); a browser
/// without storage, or a full one, simply does not remember.
pub fn note_opened(now: super::opened::Opened) {
    use super::opened;
    if let Ok(store) = storage() {
        let raw = store
            .get_item(opened::KEY)
            .ok()
            .flatten()
            .unwrap_or_default();
        let list = opened::note(opened::read(&raw), now);
        let _ = store.set_item(opened::KEY, &opened::write(&list));
    }
}

/// Whether any draft was ever opened here (so the start screen fetches 继续编写): one key
/// looked up, nothing read.
pub fn has_opened() -> bool {
    storage().is_ok_and(|s| matches!(s.get_item(super::opened::KEY), Ok(Some(_))))
}

/// The drafts opened last, newest first, that are still stored.
pub fn recently_opened() -> Vec<super::opened::Opened> {
    use super::opened;
    let Ok(store) = storage() else {
        return Vec::new();
    };
    let raw = store
        .get_item(opened::KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    // The stored drafts' keys only: no draft is read to tell it is still there.
    let keys: Vec<String> = (0..store.length().unwrap_or(0))
        .filter_map(|i| store.key(i).ok().flatten())
        .collect();
    opened::read(&raw)
        .into_iter()
        .filter(|o| keys.contains(&entry::key(&o.id)))
        .collect()
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
