//! The draft being edited, shared by every step through context: the draft itself, its format,
//! and the sheet and findings derived from it (computed once per change, read everywhere).

use crate::report::template::CellKey;
use crate::report::{rules, Draft, Finding, Sheet, Template};
use leptos::prelude::*;

/// The open draft and what is derived from it.
#[derive(Clone, Copy)]
pub struct Editing {
    /// The draft; every edit goes through it.
    pub draft: RwSignal<Draft>,
    /// Its official format.
    pub template: &'static Template,
    /// Every cell's value, typed or computed.
    pub sheet: Memo<Sheet>,
    /// Every finding of the rules.
    pub findings: Memo<Vec<Finding>>,
}

impl Editing {
    /// Starts editing `draft` in `template`'s format.
    pub fn new(template: &'static Template, draft: Draft) -> Editing {
        let draft = RwSignal::new(draft);
        let sheet = Memo::new(move |_| draft.with(|d| Sheet::compute(template, d)));
        let findings =
            Memo::new(move |_| draft.with(|d| sheet.with(|s| rules::check_with(template, d, s))));
        Editing {
            draft,
            template,
            sheet,
            findings,
        }
    }

    /// The draft's id, without tracking.
    pub fn id(&self) -> String {
        self.draft.with_untracked(|d| d.id.clone())
    }
}

/// The draft being edited, provided by the draft screen.
pub fn use_editing() -> Editing {
    expect_context::<Editing>()
}

/// The id of the form control for a table cell, so summaries and keys can move focus to it.
pub fn cell_dom_id(key: CellKey) -> String {
    format!("cell-{}-{}-{}", key.table, key.row, key.column)
}

/// Moves keyboard focus to the element with this id, if it is on the page.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The live region's text; set it to announce a change to screen-reader users.
#[derive(Clone, Copy)]
pub struct Announcer(pub RwSignal<String>);

impl Announcer {
    /// Announces `text` politely.
    pub fn say(&self, text: String) {
        self.0.set(text);
    }
}

/// The app's announcer.
pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}
