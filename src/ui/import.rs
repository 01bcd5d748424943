//! Opening a draft file (picker or drag and drop): every bad file gets its own message and
//! changes nothing; out-of-range values and an id that already exists ask first.

use super::draft_screen::remember;
use super::route::{go, Route};
use crate::report::file::{self, FileError, MAX_FILE_BYTES};
use crate::report::{Draft, Message};
use crate::storage::local;
use leptos::prelude::*;

/// Where an import stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Import {
    /// Nothing going on.
    Idle,
    /// The file was refused; nothing changed.
    Refused(Message),
    /// The file holds values out of range: open it anyway? (With the file's modification time.)
    AskRange(Box<Draft>, Vec<Message>, f64),
    /// A draft with this id is already stored: replace it, or keep both? The file's
    /// modification time (ms) lets the question say which copy is newer.
    AskId(Box<Draft>, f64),
}

/// Reads a chosen or dropped file, refusing an oversized one before reading it.
pub async fn read(file: web_sys::File) -> Result<Draft, Message> {
    let size = file.size();
    if size > MAX_FILE_BYTES as f64 {
        return Err(FileError::TooLarge {
            bytes: size as usize,
        }
        .message());
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| Message::new("无法读取这个文件", "The file cannot be read"))?;
    let mut draft = file::from_file(&text).map_err(|e| e.message())?;
    // Last year's copy in a file is kept as the file has it: it never silently becomes
    // another stored draft's figures (a link to last year is made only by the person).
    if let Some(previous) = draft.previous.as_mut() {
        previous.from_file = true;
    }
    Ok(draft)
}

/// The next question for a draft read from a file modified at `file_time` (ms), or `None` when
/// it can be opened.
pub fn next_question(draft: Draft, range_accepted: bool, file_time: f64) -> Result<Draft, Import> {
    // An id the address cannot carry would store a draft nobody can open.
    let draft = if file::id_is_routable(&draft.id) {
        draft
    } else {
        with_new_id(draft)
    };
    if !range_accepted {
        let problems = file::out_of_range(&draft);
        if !problems.is_empty() {
            return Err(Import::AskRange(Box::new(draft), problems, file_time));
        }
    }
    // A stored draft of this id, readable or not, or one kept unsaved in this page (storage
    // full), is only replaced when the user says so.
    if !matches!(local::load(&draft.id), Ok(None)) || super::saver::unsaved(&draft.id).is_some() {
        return Err(Import::AskId(Box::new(draft), file_time));
    }
    Ok(draft)
}

/// Stores the draft (replacing a stored one of the same id) and opens it; a draft storage
/// refuses opens all the same, in memory, and its screen says so.
pub fn store_and_open(draft: Draft) {
    let e = local::next_entry(draft);
    let id = e.draft.id.clone();
    match (local::put(&e), local::stored_revision(&id)) {
        (Ok(()), _) => remember(e.draft, Some((e.revision, e.saved_at))),
        // Replacing a stored draft while storage refuses: unsaved over the stored copy, so
        // the screen says why it is not saved (not that another tab changed it).
        (Err(_), Ok(Some(base))) => super::saver::keep_unsaved(&e.draft, base),
        (Err(_), _) => remember(e.draft, None),
    }
    go(&Route::Tasks(id));
}

/// Opens next year's draft made from `last` (last year's report, read from a file or a page),
/// with the notes of what was carried; `last` itself is not stored (only the copy the new draft
/// keeps for the cross-year checks).
pub fn open_next_year(last: Draft, notes: super::year_link::CarryNotes) {
    let made = crate::report::next_year::next_year(&last, &local::new_id());
    notes.0.set(Some((made.draft.id.clone(), made.notes)));
    store_and_open(made.draft);
}

/// A copy of the draft under a new id, for "keep both".
pub fn with_new_id(mut draft: Draft) -> Draft {
    draft.id = local::new_id();
    draft
}

/// Runs a file through the import questions, setting `state` as it goes.
pub fn start(file: web_sys::File, state: RwSignal<Import>) {
    let file_time = file.last_modified();
    leptos::task::spawn_local(async move {
        match read(file).await {
            Err(why) => state.set(Import::Refused(why)),
            Ok(draft) => match next_question(draft, false, file_time) {
                Ok(draft) => store_and_open(draft),
                Err(question) => state.set(question),
            },
        }
    });
}
