//! 显示更多: long tables of units draw their first hundred rows and the rest on request, because
//! laying out a thousand rows on every update is what made the page slow while files were read.

use super::i18n::{pick, tr, use_lang};
use leptos::prelude::*;

/// How many rows are drawn at first, and added by each press of 再显示100份.
pub const PAGE: usize = 100;

/// 显示更多: the rows not drawn yet, a hundred at a time, or all of them.
#[component]
pub fn MoreRows(limit: RwSignal<usize>, total: Signal<usize>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let (shown, total) = (limit.get().min(total.get()), total.get());
        (shown < total).then(|| {
            view! {
                <div class="nb-actions">
                    <p class="nb-hint">{move || pick(lang.get(), format!("显示了前{shown}份，共{total}份。"), format!("The first {shown} of {total} are shown."))}</p>
                    <button type="button" class="nb-button nb-button-secondary" on:click=move |_| limit.update(|l| *l += PAGE)>
                        {tr("再显示100份", "Show 100 more")}
                    </button>
                    <button type="button" class="nb-button nb-button-secondary" on:click=move |_| limit.set(usize::MAX)>
                        {tr("全部显示", "Show all")}
                    </button>
                </div>
            }
        })
    }
}
