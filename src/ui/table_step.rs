//! The table sections 二, 三 and 四: each block laid out as the official form, with the
//! guidance, and a way to confirm that blank cells mean 0.

use super::editing::{use_announcer, use_editing};
use super::i18n::{pick, tr, tr_msg, use_lang};
use super::step_frame::StepFrame;
use super::table_editor::BlockEditor;
use crate::report::progress::Step;
use crate::report::template::{SectionKey, Table};
use leptos::prelude::*;

/// What the last paste (or fill) into this step's tables did, shown under the hint, and the
/// draft as it was before it and right after it: it can be undone while the draft is still as
/// it left it (any later change, a unit picked or another tab's copy taken, ends that).
#[derive(Clone, Copy)]
pub struct LastPaste(
    pub RwSignal<Option<crate::report::Message>>,
    pub RwSignal<Option<(crate::report::Draft, crate::report::Draft)>>,
);

impl LastPaste {
    /// Remembers a paste or fill that turned `before` into the draft as it is now.
    pub fn done(self, e: super::editing::Editing, before: crate::report::Draft) {
        let after = e.draft.get_untracked();
        self.1.set((before != after).then_some((before, after)));
    }

    /// Whether the last paste or fill can still be undone: the draft is as it left it.
    pub fn pending(self, e: super::editing::Editing) -> bool {
        self.1.with_untracked(|x| {
            x.as_ref()
                .is_some_and(|(_, after)| e.draft.with_untracked(|d| d == after))
        })
    }

    /// Puts back the draft as it was before the last paste or fill, every cell it changed,
    /// and returns the first of them; `None` when there is nothing to undo any more.
    pub fn undo(self, e: super::editing::Editing) -> Option<Option<String>> {
        let (before, after) = self.1.try_update(Option::take).flatten()?;
        if !e.draft.with_untracked(|d| *d == after) {
            self.0.set(Some(crate::report::Message::fixed(
                "没有撤销：粘贴或填0之后又有修改。",
                "Not undone: the table changed after the paste or fill.",
            )));
            return None;
        }
        let first = before
            .cells
            .keys()
            .chain(after.cells.keys())
            .filter(|k| before.cells.get(*k) != after.cells.get(*k))
            .min()
            .cloned();
        e.draft.set(before);
        self.0.set(Some(crate::report::Message::fixed(
            "已撤销：这些单元格恢复为之前的内容。",
            "Undone: the cells are back as they were.",
        )));
        Some(first)
    }
}

/// A table section's step.
#[component]
pub fn TableStep(section: SectionKey, table: &'static Table) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let announcer = use_announcer();
    let key = section;
    let section = e.template.section(key);
    let pasted = LastPaste(RwSignal::new(None), RwSignal::new(None));
    provide_context(pasted);
    let fill = move |_| {
        let mut n = 0;
        let before = e.draft.get_untracked();
        e.draft.update(|d| n = d.fill_blanks(e.template, table.id));
        let said = crate::report::Message::new(
            format!("已在{n}个空白单元格中填入0。"),
            format!("Typed 0 into {n} blank cells."),
        );
        announcer.say(said.get(lang.get_untracked()).to_string());
        pasted.done(e, before);
        pasted.0.set(Some(said));
    };
    view! {
        <StepFrame step=Step::Section(key)>
            <p class="nb-guidance">{tr_msg(&section.guidance)}</p>
            <p class="nb-hint">
                {tr(
                    "方向键在单元格之间移动，回车键按从左到右、从上到下的顺序移到下一个单元格；可以从Excel、WPS或网页上的表格复制几行数字粘贴进来（连同行名一起复制也可以），落在总计上的数字会跳过；全角数字也可以。灰色的总计自动计算。",
                    "Arrow keys move between cells; Enter moves to the next cell, left to right and row by row; paste rows of numbers copied from Excel, WPS or a web page's table (row labels and all); values that fall on totals are skipped; full-width digits work too. Grey totals are computed.",
                )}
            </p>
            {move || pasted.0.get().map(|m| view! {
                // Not a live region: the announcer has said it already.
                <p class="nb-paste-summary">
                    {m.get(lang.get()).to_string()}
                    {move || pasted.1.with(Option::is_some).then(|| view! {
                        " "
                        <button type="button" class="nb-link-button" on:click=move |_| {
                            if let Some(first) = pasted.undo(e) {
                                announcer.say(pick(lang.get_untracked(), "已撤销", "Undone").to_string());
                                // The button is gone: focus goes to the first cell put back.
                                if let Some(key) = first.as_deref().and_then(crate::report::templates::cell_key) {
                                    super::editing::focus_id(&super::editing::cell_dom_id(key));
                                }
                            }
                        }>{tr("撤销", "Undo")}</button>
                        <span class="nb-hint">{tr("（或按 Ctrl+Z）", " (or press Ctrl+Z)")}</span>
                    })}
                </p>
            })}
            {table.blocks.iter().map(|block| view! { <BlockEditor table=table block=block /> }).collect_view()}
            <button type="button" class="nb-button nb-button-secondary" on:click=fill>
                {tr("其余空白单元格都填0", "Type 0 into every blank cell")}
            </button>
        </StepFrame>
    }
}
