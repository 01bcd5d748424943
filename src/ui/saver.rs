//! Autosave: every change is stored about 300 ms after the last keystroke and at once when the
//! page is hidden or closed; the screen always says whether the draft is saved. A full or
//! missing storage keeps the edit in memory and says so; another tab's save is never silently
//! overwritten (revision numbers and the `storage` event).

use super::editing::Editing;
use crate::report::Draft;
use crate::storage::entry::{self, decide, Entry, SaveDecision};
use crate::storage::local::{self, StorageError};
use leptos::prelude::*;
use std::time::Duration;

/// Whether the draft on screen is stored.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Stored at this time (ms since 1970).
    Saved(f64),
    /// A change waits to be stored.
    Saving,
    /// Not stored, and why; the edit is in this page.
    NotSaved(StorageError),
    /// Another tab saved this revision since this page last loaded or saved.
    Conflict(u64),
}

/// The autosave of the open draft, shared through context.
#[derive(Clone, Copy)]
pub struct Saver {
    editing: Editing,
    /// What the screen says.
    pub status: RwSignal<SaveStatus>,
    /// The revision this page's copy is based on.
    base: StoredValue<u64>,
    /// The draft as last stored or loaded; a draft equal to it has nothing to save.
    synced: StoredValue<Draft>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

thread_local! {
    /// Drafts left with changes storage refused (full, unavailable, conflict): kept in memory
    /// for as long as the page lives, so reopening them loses nothing.
    static UNSAVED: std::cell::RefCell<std::collections::HashMap<String, (Draft, u64)>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// A draft left unsaved in this page, with the revision its changes are based on.
pub fn unsaved(id: &str) -> Option<(Draft, u64)> {
    UNSAVED.with(|u| u.borrow().get(id).cloned())
}

/// Keeps a draft that could not be stored as unsaved over the stored revision `base` (a file
/// that replaces a stored draft while storage is full): its screen then retries the save
/// against that revision instead of reporting another tab's change.
pub fn keep_unsaved(draft: &Draft, base: u64) {
    UNSAVED.with(|u| {
        u.borrow_mut()
            .insert(draft.id.clone(), (draft.clone(), base))
    });
}

/// Drops the in-memory copy of a draft (deleted, or its stored copy chosen instead).
pub fn forget(id: &str) {
    UNSAVED.with(|u| u.borrow_mut().remove(id));
}

const DEBOUNCE: Duration = Duration::from_millis(300);
const RETRY: Duration = Duration::from_secs(3);

impl Saver {
    /// Starts saving `editing`'s draft; `stored` is the revision and time of the stored copy it
    /// was loaded from, `None` for a draft not stored yet; `unsaved` says the draft has changes
    /// storage does not hold yet. Either way it is stored at once.
    pub fn start(editing: Editing, stored: Option<(u64, f64)>, unsaved: bool) -> Saver {
        let (revision, saved_at) = stored.unwrap_or((0, 0.0));
        // A draft with something to store is "changed" from nothing, so the first run stores it.
        let synced = match stored {
            Some(_) if !unsaved => editing.draft.get_untracked(),
            _ => Draft::default(),
        };
        let saver = Saver {
            editing,
            status: RwSignal::new(if !local::available() {
                SaveStatus::NotSaved(StorageError::Unavailable)
            } else if stored.is_some() {
                SaveStatus::Saved(saved_at)
            } else {
                SaveStatus::Saving
            }),
            base: StoredValue::new(revision),
            synced: StoredValue::new(synced),
            timer: StoredValue::new(None),
        };
        Effect::new(move |_| {
            let changed = editing.draft.with(|d| saver.synced.with_value(|s| s != d));
            if changed {
                // Opened from disk, every change is journaled at once (see `local::journal_put`).
                if local::journaled() {
                    local::journal_put(&Entry {
                        revision: saver.base.get_value() + 1,
                        saved_at: js_sys::Date::now(),
                        draft: editing.draft.get_untracked(),
                    });
                }
                if !matches!(
                    saver.status.get_untracked(),
                    SaveStatus::NotSaved(_) | SaveStatus::Conflict(_)
                ) {
                    saver.status.set(SaveStatus::Saving);
                }
                saver.schedule(DEBOUNCE);
            }
        });
        // Closing, reloading or switching away must not wait for the debounce.
        let flush = move || saver.save_now();
        let listeners = [
            window_event_listener(leptos::ev::pagehide, move |_| flush()),
            window_event_listener(leptos::ev::visibilitychange, move |_| {
                if document().visibility_state() == web_sys::VisibilityState::Hidden {
                    flush();
                }
            }),
            window_event_listener(leptos::ev::storage, move |ev| saver.on_storage(&ev)),
        ];
        // Leaving the draft (another screen, another draft) stores what is pending.
        on_cleanup(move || {
            saver.save_now();
            if !saver.dirty() {
                if let Some(id) = saver.editing.draft.try_with_untracked(|d| d.id.clone()) {
                    forget(&id);
                }
            } else {
                if let Some(d) = saver.editing.draft.try_get_untracked() {
                    let base = saver.base.try_get_value().unwrap_or(0);
                    UNSAVED.with(|u| u.borrow_mut().insert(d.id.clone(), (d, base)));
                }
            }
            if let Some(h) = saver.timer.get_value() {
                h.clear();
            }
            for l in listeners {
                l.remove();
            }
        });
        saver
    }

    fn schedule(self, after: Duration) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(), after).ok();
        self.timer.set_value(handle);
    }

    fn dirty(self) -> bool {
        self.editing
            .draft
            .try_with_untracked(|d| self.synced.try_with_value(|s| s != d).unwrap_or(false))
            .unwrap_or(false)
    }

    /// Stores the draft now if it has changed; retries later if storage refused.
    pub fn save_now(self) {
        if !self.dirty() {
            if self.status.try_get_untracked() == Some(SaveStatus::Saving) {
                self.status.set(SaveStatus::Saved(js_sys::Date::now()));
            }
            return;
        }
        if matches!(self.status.get_untracked(), SaveStatus::Conflict(_)) {
            return;
        }
        let draft = self.editing.draft.get_untracked();
        let stored = match local::stored_revision(&draft.id) {
            Ok(stored) => stored,
            // Never write over an entry this release cannot read (a newer release's, say).
            Err(why) => return self.status.set(SaveStatus::NotSaved(why)),
        };
        match decide(stored, self.base.get_value()) {
            SaveDecision::Conflict { stored } => self.status.set(SaveStatus::Conflict(stored)),
            SaveDecision::Write(revision) => self.write(revision, draft),
        }
    }

    fn write(self, revision: u64, draft: Draft) {
        let now = js_sys::Date::now();
        let e = Entry {
            revision,
            saved_at: now,
            draft,
        };
        match local::put(&e) {
            Ok(()) => {
                UNSAVED.with(|u| u.borrow_mut().remove(&e.draft.id));
                self.base.set_value(revision);
                self.synced.set_value(e.draft);
                self.status.set(SaveStatus::Saved(now));
            }
            Err(why) => {
                let retry = matches!(why, StorageError::Full | StorageError::WriteRefused(_));
                self.status.set(SaveStatus::NotSaved(why));
                if retry {
                    self.schedule(RETRY);
                }
            }
        }
    }

    /// Another tab wrote storage: take its copy if this page has nothing unsaved, else ask.
    fn on_storage(self, ev: &web_sys::StorageEvent) {
        let id = self.editing.id();
        if ev.key().as_deref() != Some(entry::key(&id).as_str()) {
            return;
        }
        if ev.new_value().is_none() {
            // Deleted elsewhere: say so; the next change stores this page's copy again.
            self.status
                .set(SaveStatus::NotSaved(StorageError::DeletedElsewhere));
            return;
        }
        let Ok(Some(theirs)) = local::load(&id) else {
            return;
        };
        if theirs.revision <= self.base.get_value() {
            return;
        }
        if self.dirty() {
            self.status.set(SaveStatus::Conflict(theirs.revision));
        } else {
            self.adopt(theirs);
        }
    }

    fn adopt(self, theirs: Entry) {
        forget(&theirs.draft.id);
        self.base.set_value(theirs.revision);
        self.synced.set_value(theirs.draft.clone());
        self.editing.draft.set(theirs.draft);
        self.status.set(SaveStatus::Saved(theirs.saved_at));
    }

    /// Resolves a conflict by loading the other tab's copy (this page's changes are dropped).
    pub fn take_theirs(self) {
        if let Ok(Some(theirs)) = local::load(&self.editing.id()) {
            self.adopt(theirs);
        }
    }

    /// Resolves a conflict by storing this page's copy over the other tab's.
    pub fn keep_mine(self) {
        let stored = local::stored_revision(&self.editing.id())
            .ok()
            .flatten()
            .unwrap_or(0);
        // Based on the other tab's revision now, so a retry after a failed write is no conflict.
        self.base.set_value(stored);
        self.write(stored + 1, self.editing.draft.get_untracked());
    }
}

/// The open draft's autosave.
pub fn use_saver() -> Saver {
    expect_context::<Saver>()
}
