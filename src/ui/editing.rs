//! The draft being edited, shared by every step through context: the draft itself, its format,
//! and the sheet and findings derived from it (computed once per change, read everywhere).

use crate::report::progress::Step;
use crate::report::template::{CellKey, SectionBody};
use crate::report::{ntext, rules, Draft, Finding, Sheet, Template};
use leptos::prelude::*;

/// Texts up to this many bytes are checked by rule N-text on every change; longer ones once
/// typing pauses, with the last findings kept meanwhile (a megabyte took ~160 ms a keystroke).
const TEXT_CHECKED_AT_ONCE: usize = 32 * 1024;

/// How long typing must pause before N-text reads long texts again.
const TEXT_PAUSE_MS: u64 = 400;

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
        // The last N-text findings; a counter a timer bumps once typing pauses, and the value
        // of it the findings last saw.
        let text = StoredValue::new(None::<Vec<Finding>>);
        let paused = RwSignal::new(0u32);
        let scheduled = StoredValue::new(0u32);
        let seen = StoredValue::new(0u32);
        let findings = Memo::new(move |_| {
            let settled = paused.get();
            let timer_fired = settled != seen.get_value();
            seen.set_value(settled);
            draft.with(|d| {
                sheet.with(|s| {
                    let long = ntext::text_size(d) > TEXT_CHECKED_AT_ONCE;
                    let reused = (long && !timer_fired)
                        .then(|| {
                            text.with_value(|last| {
                                last.as_deref().map(|found| {
                                    rules::check_reusing_text(template, d, s, Some(found))
                                })
                            })
                        })
                        .flatten();
                    match reused {
                        Some(all) => {
                            // The timer may outlive the screen (the clerk left within the pause):
                            // then its values are gone and it does nothing.
                            let next = scheduled.get_value().wrapping_add(1);
                            scheduled.set_value(next);
                            set_timeout(
                                move || {
                                    if scheduled.try_get_value() == Some(next) {
                                        paused.try_set(next);
                                    }
                                },
                                std::time::Duration::from_millis(TEXT_PAUSE_MS),
                            );
                            all
                        }
                        None => {
                            let found = ntext::findings(template, d, s);
                            let all = rules::check_reusing_text(template, d, s, Some(&found));
                            text.set_value(Some(found));
                            all
                        }
                    }
                })
            })
        });
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

/// Focuses a text field and selects `start..end` in it (UTF-16 offsets, as the DOM counts):
/// a finding's words, highlighted where the clerk types.
pub fn focus_and_select(id: &str, start: u32, end: u32) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = el.focus();
        let _ = el.set_selection_range(start, end);
    }
}

/// Where focus goes once the next screen is drawn (a finding's field, from the review),
/// instead of the new screen's heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FocusTarget {
    /// The element's id.
    pub id: String,
    /// The words to select in it, in UTF-16 offsets.
    pub select: Option<(u32, u32)>,
}

thread_local! {
    static PENDING_FOCUS: std::cell::RefCell<Option<FocusTarget>> = const { std::cell::RefCell::new(None) };
}

/// Asks for focus on `target` after the coming screen change.
pub fn focus_after_navigation(target: FocusTarget) {
    PENDING_FOCUS.with(|p| *p.borrow_mut() = Some(target));
}

/// Moves focus where a screen change asked for it, or to the new screen's heading.
pub fn focus_after_screen_change() {
    match PENDING_FOCUS.with(|p| p.borrow_mut().take()) {
        Some(t) => focus_target(&t),
        None => focus_id("nb-step-heading"),
    }
}

/// Focuses a target now.
pub fn focus_target(target: &FocusTarget) {
    match target.select {
        Some((start, end)) => focus_and_select(&target.id, start, end),
        None => focus_id(&target.id),
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

/// Which table steps the clerk has asked to be checked: a table's errors (red cells, the error
/// summary) wait until 检查并继续 or until the clerk leaves the step, as GOV.UK validates on
/// submit; meanwhile a neutral running note says what does not balance yet. Other steps show
/// their findings as they come.
#[derive(Clone, Copy)]
pub struct Asked(pub RwSignal<std::collections::HashSet<Step>>);

impl Asked {
    /// Nothing asked yet.
    pub fn new() -> Asked {
        Asked(RwSignal::new(std::collections::HashSet::new()))
    }

    /// Marks `step` as asked (its errors show from now on).
    pub fn ask(self, step: Step) {
        if !self.0.with_untracked(|s| s.contains(&step)) {
            self.0.update(|s| {
                s.insert(step);
            });
        }
    }
}

impl Default for Asked {
    fn default() -> Self {
        Asked::new()
    }
}

/// Whether `step`'s errors are shown now (tracked when called): always, except on a table step
/// the clerk has not yet asked to check. Without an `Asked` (a component mounted alone), always.
pub fn errors_shown(
    template: &'static Template,
    step: Step,
) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let is_table = matches!(step, Step::Section(k) if matches!(template.section(k).body, SectionBody::Table(_)));
    let asked = use_context::<Asked>();
    move || !is_table || asked.is_none_or(|a| a.0.with(|s| s.contains(&step)))
}

/// The step of the table a cell is in.
pub fn step_of_cell(template: &Template, key: CellKey) -> Option<Step> {
    template
        .sections
        .iter()
        .find(|s| matches!(&s.body, SectionBody::Table(t) if t.id == key.table))
        .map(|s| Step::Section(s.key))
}
