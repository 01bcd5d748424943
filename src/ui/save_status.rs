//! Where the draft is, always on screen: saved (with the time), saving, or not saved with why
//! and what to do; and the choice when another tab changed the same draft.

use super::download::download_draft;
use super::editing::use_editing;
use super::i18n::{pick, tr, use_lang};
use super::saver::{use_saver, SaveStatus};
use leptos::prelude::*;

/// Hours and minutes of a browser time, as a clerk reads them.
fn clock(ms: f64) -> String {
    let d = js_sys::Date::new(&ms.into());
    format!(
        "{:02}:{:02}:{:02}",
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds()
    )
}

/// The save state line, and a banner when the draft is not safe.
#[component]
pub fn SaveState() -> impl IntoView {
    let saver = use_saver();
    let e = use_editing();
    let lang = use_lang();
    let save_file = move |_| {
        e.draft.with_untracked(download_draft);
    };
    view! {
        <p class="nb-save-state">
            {move || match (saver.status.get(), lang.get()) {
                (SaveStatus::Saved(at), l) if at > 0.0 => pick(l, format!("✓ 已保存在本浏览器（{}）", clock(at)), format!("✓ Saved in this browser ({})", clock(at))),
                (SaveStatus::Saved(_), l) => pick(l, "✓ 已保存在本浏览器", "✓ Saved in this browser").to_string(),
                (SaveStatus::Saving, l) => pick(l, "正在保存…", "Saving…").to_string(),
                (SaveStatus::NotSaved(_), l) => pick(l, "⚠ 未保存", "⚠ Not saved").to_string(),
                (SaveStatus::Conflict(_), l) => pick(l, "⚠ 未保存：另一个标签页也修改了这份草稿", "⚠ Not saved: another tab changed this draft").to_string(),
            }}
        </p>
        {move || match saver.status.get() {
            SaveStatus::NotSaved(why) => Some(view! {
                <div class="nb-banner nb-banner-error" role="alert">
                    <p>{why.message().get(lang.get()).to_string()}</p>
                    <button type="button" class="nb-button nb-button-secondary" on:click=save_file>{tr("下载草稿文件", "Download draft file")}</button>
                </div>
            }.into_any()),
            SaveStatus::Conflict(revision) => Some(view! {
                <div class="nb-banner nb-banner-error" role="alert">
                    <p>{move || pick(lang.get(),
                        format!("这份草稿在另一个标签页（或窗口）中也被修改并保存了（第{revision}版）。为免互相覆盖，本页的修改暂未保存。请选择保留哪一份："),
                        format!("This draft was also changed and saved in another tab or window (revision {revision}). So that neither overwrites the other, this page's changes are not saved yet. Choose which to keep:"))}</p>
                    <div class="nb-actions">
                        <button type="button" class="nb-button" on:click=move |_| saver.keep_mine()>{tr("保留本页的版本", "Keep this page's version")}</button>
                        <button type="button" class="nb-button nb-button-secondary" on:click=move |_| saver.take_theirs()>{tr("改用另一个标签页的版本", "Use the other tab's version")}</button>
                        <button type="button" class="nb-button nb-button-secondary" on:click=save_file>{tr("先下载本页的版本", "Download this page's version first")}</button>
                    </div>
                </div>
            }.into_any()),
            _ => None,
        }}
    }
}
