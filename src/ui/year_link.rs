//! 年度衔接 on the task list: start next year's report from this one, and link this draft to
//! last year's report (a stored draft or a draft file) so the cross-year checks can run.

use super::editing::use_editing;
use super::i18n::{pick, tr, use_lang};
use super::import;
use crate::report::draft::Previous;
use crate::report::next_year::next_year;
use crate::report::Message;
use crate::storage::local;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the last "new next year" did, by the new draft's id, shown on its task list.
#[derive(Clone, Copy)]
pub struct CarryNotes(pub RwSignal<Option<(String, Vec<Message>)>>);

/// The notes of the last carry-over, to show on the new draft.
pub fn use_carry_notes() -> CarryNotes {
    expect_context::<CarryNotes>()
}

/// The task list's card for the year before and the year after.
#[component]
pub fn YearLink() -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let problem = RwSignal::new(None::<Message>);

    // Last year's copy follows last year's draft while that draft is stored here.
    if let Some(previous) = e.draft.with_untracked(|d| d.previous.clone()) {
        if previous.from_file {
            // Chosen as a file: kept as read.
        } else if let Ok(Some(entry)) = local::load(&previous.id) {
            let fresh = Previous::of(&entry.draft);
            if fresh != previous {
                e.draft.update(|d| d.previous = Some(fresh));
            }
        }
    }

    // What the card shows of the link; not the cells, so a keystroke compares three fields.
    let previous = Memo::new(move |_| {
        e.draft.with(|d| {
            d.previous
                .as_ref()
                .map(|p| (p.title.clone(), p.year, p.template.clone()))
        })
    });

    view! {
        <section class="nb-card" aria-labelledby="nb-years-heading">
            <h2 id="nb-years-heading">{tr("年度衔接", "Year to year")}</h2>
            {move || match previous.get() {
                Some((title, year, template)) => view! { <LinkedPrevious title year template /> }.into_any(),
                None => view! { <LinkPrevious problem /> }.into_any(),
            }}
            {move || problem.get().map(|p| view! {
                <p class="nb-banner nb-banner-error" role="alert">{p.get(lang.get()).to_string()}</p>
            })}
            <NextYear />
        </section>
    }
}

/// The linked report, and unlinking it (which asks first: the copy of last year's numbers goes).
#[component]
fn LinkedPrevious(title: String, year: i32, template: String) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let confirming = RwSignal::new(false);
    view! {
        <p>
            {tr("上一年度报告：", "Last year's report: ")}
            <strong lang="zh-CN">{title}</strong>
            {move || pick(lang.get(), format!("（{year}年，{template}）"), format!(" ({year}, {template})"))}
        </p>
        <p class="nb-hint">{tr("“二、上年结转”和“现行有效件数”会与它核对，不一致时给出提示。", "“二、上年结转” and “现行有效件数” are checked against it; a difference is shown as a warning.")}</p>
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <button type="button" class="nb-button nb-button-secondary"
                    on:click=move |_| confirming.set(true)>
                    {tr("取消关联", "Unlink")}
                </button>
            }
        >
            <p role="alert">{tr("取消后，本草稿保存的上一年度数字也会删除；如果上一年度只有草稿文件，需要重新选择文件才能再关联。", "Unlinking deletes the copy of last year's numbers this draft keeps; if last year's report is only a file, you will need the file to link it again.")}</p>
            <div class="nb-actions">
                <button type="button" class="nb-button nb-button-warning"
                    on:click=move |_| { confirming.set(false); e.draft.update(|d| d.previous = None); }>
                    {tr("确定取消关联", "Unlink")}
                </button>
                <button type="button" class="nb-button nb-button-secondary"
                    on:click=move |_| confirming.set(false)>
                    {tr("保留关联", "Keep the link")}
                </button>
            </div>
        </Show>
    }
}

/// Linking last year's report: a draft stored in this browser, or a draft file.
#[component]
fn LinkPrevious(problem: RwSignal<Option<Message>>) -> impl IntoView {
    let e = use_editing();
    let chosen = RwSignal::new(String::new());
    let this_id = e.id();
    let candidates = move || {
        let year = e.draft.with_untracked(|d| d.meta.year);
        let mut drafts: Vec<(String, String, i32)> = local::list()
            .entries
            .into_iter()
            .filter(|entry| entry.draft.id != this_id)
            .map(|entry| {
                let d = entry.draft;
                (d.id.clone(), d.meta.title(), d.meta.year)
            })
            .collect();
        // Last year's drafts first.
        drafts.sort_by_key(|(_, _, y)| (Some(*y) != year.checked_sub(1), std::cmp::Reverse(*y)));
        drafts
    };
    let link = move |previous: Previous| {
        problem.set(None);
        e.draft.update(|d| d.previous = Some(previous));
    };
    let link_stored = move |_| {
        let id = chosen.get_untracked();
        match local::load(&id) {
            Ok(Some(entry)) => link(Previous::of(&entry.draft)),
            Ok(None) => problem.set(Some(Message::new(
                "请先选择一份草稿",
                "Choose a draft first",
            ))),
            Err(err) => problem.set(Some(err.message())),
        }
    };
    let link_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        if let Some(i) = input {
            i.set_value("");
        }
        leptos::task::spawn_local(async move {
            match import::read(file).await {
                Ok(draft) => link(Previous {
                    from_file: true,
                    ..Previous::of(&draft)
                }),
                Err(why) => problem.set(Some(why)),
            }
        });
    };
    view! {
        <p>{tr("尚未关联上一年度的报告。关联后，跨年度的数字（上年结转、现行有效件数）会自动核对。", "Not linked to last year's report. Once linked, the numbers that carry across years are checked.")}</p>
        <div class="nb-field">
            <label for="nb-previous-draft">{tr("本浏览器中的草稿", "A draft in this browser")}</label>
            <select id="nb-previous-draft" class="nb-input"
                on:change=move |ev| chosen.set(event_target_value(&ev))>
                <option value="">{tr("— 请选择 —", "— choose —")}</option>
                {candidates()
                    .into_iter()
                    .map(|(id, title, year)| view! { <option value=id>{format!("{year} · {title}")}</option> })
                    .collect_view()}
            </select>
            <button type="button" class="nb-button nb-button-secondary" on:click=link_stored>
                {tr("关联", "Link")}
            </button>
        </div>
        <div class="nb-field">
            <label for="nb-previous-file" class="nb-file-label">{tr("或选择上一年度的草稿文件", "Or choose last year's draft file")}</label>
            <input id="nb-previous-file" class="nb-file" type="file" accept=".json,application/json" on:change=link_file />
        </div>
    }
}

/// 以此为基础新建下一年度: next year's draft from this one, opened with its notes.
#[component]
fn NextYear() -> impl IntoView {
    let e = use_editing();
    let notes = use_carry_notes();
    let make_next = move |_| {
        let made = e.draft.with_untracked(|d| next_year(d, &local::new_id()));
        notes.0.set(Some((made.draft.id.clone(), made.notes)));
        import::store_and_open(made.draft);
    };
    view! {
        <h3>{tr("下一年度", "Next year")}</h3>
        <p class="nb-hint">{tr("新建的草稿沿用机构信息和文字（标为“待更新”），清空本年数字，并把“结转下年度继续办理”带入“上年结转”。", "The new draft keeps the body's details and the texts (marked “to update”), clears this year's numbers, and carries “结转下年度继续办理” into “上年结转”.")}</p>
        // Secondary: on a draft just made, one stray click must not start another year's.
        <button type="button" class="nb-button nb-button-secondary" on:click=make_next>
            {tr("以此为基础新建下一年度", "Start next year's report from this one")}
        </button>
    }
}

/// The notes of a carry-over, shown on the new draft until dismissed.
#[component]
pub fn CarryNotesBanner() -> impl IntoView {
    let notes = use_carry_notes();
    let id = use_editing().id();
    let mine = {
        let id = id.clone();
        move |n: &Option<(String, Vec<Message>)>| n.as_ref().is_some_and(|(of, _)| *of == id)
    };
    let clear = {
        let mine = mine.clone();
        move || {
            if notes.0.with_untracked(&mine) {
                notes.0.set(None);
            }
        }
    };
    on_cleanup(clear.clone());
    let lang = use_lang();
    move || {
        let list = notes
            .0
            .with(|n| {
                if mine(n) {
                    n.as_ref().map(|(_, l)| l.clone())
                } else {
                    None
                }
            })
            .unwrap_or_default();
        let clear = clear.clone();
        (!list.is_empty()).then(|| {
            view! {
                <div class="nb-banner" role="status">
                    <p><strong>{tr("已根据上一年度新建：", "Started from last year's report:")}</strong></p>
                    <ul>{list.iter().map(|m| view! { <li>{m.get(lang.get()).to_string()}</li> }).collect_view()}</ul>
                    <button type="button" class="nb-button nb-button-secondary"
                        on:click=move |_| clear()>
                        {tr("知道了", "OK")}
                    </button>
                </div>
            }
        })
    }
}
