//! The drafts in this browser: title, format, year, body, last change, completeness and errors;
//! open, rename, duplicate, delete with undo; entries that cannot be read, kept aside with their
//! raw text to download; how much storage is used and whether the browser keeps it.

use super::download::download;
use super::i18n::{pick, tr, use_lang};
use super::route::Route;
use crate::report::progress::{completion, Completion};
use crate::storage::entry::Entry;
use crate::storage::local::{self, Listing};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::time::Duration;

/// Each listed draft's completion by id, with the stored copy it was worked out for (`None`: a
/// format this version does not know).
type Completions = HashMap<String, (Stamp, Option<Completion>)>;

/// Which stored copy of a draft: its revision and the time it was saved (a draft deleted and
/// imported again starts its revisions over).
type Stamp = (u64, u64);

fn stamp(e: &Entry) -> Stamp {
    (e.revision, e.saved_at.to_bits())
}

/// Works out the completions the list lacks, a slice of about half a frame at a time, so that
/// 200 drafts show at once and checking them never holds up typing; then goes on after a timer.
/// A draft whose revision has not changed keeps what was worked out before.
fn fill(listing: RwSignal<Listing>, completions: RwSignal<Completions>) {
    let start = js_sys::Date::now();
    let mut found = Vec::new();
    let stale = |e: &Entry| {
        completions
            .try_with_untracked(|m| m.get(&e.draft.id).is_none_or(|(s, _)| *s != stamp(e)))
            .unwrap_or(false)
    };
    let more = listing.try_with_untracked(|l| {
        for e in l.entries.iter().filter(|e| stale(e)) {
            if !found.is_empty() && js_sys::Date::now() - start > 8.0 {
                return true;
            }
            let c = e.draft.template().map(|t| completion(t, &e.draft));
            found.push((e.draft.id.clone(), (stamp(e), c)));
        }
        false
    });
    if !found.is_empty() {
        let _ = completions.try_update(|m| m.extend(found));
    }
    if more == Some(true) {
        set_timeout(move || fill(listing, completions), Duration::ZERO);
    }
}

/// A time as the drafts list and the import questions show it (`YYYY-MM-DD HH:MM`, local), or
/// "—" for none.
pub fn date_time(ms: f64) -> String {
    if ms <= 0.0 {
        return "—".into();
    }
    let d = js_sys::Date::new(&ms.into());
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The drafts list of the start screen.
#[component]
pub fn DraftsList() -> impl IntoView {
    let lang = use_lang();
    let listing = RwSignal::new(local::list());
    let newest_first = RwSignal::new(true);
    let deleted = RwSignal::new(None::<Entry>);
    let renaming = RwSignal::new(None::<String>);
    let completions = RwSignal::new(Completions::new());
    // After each render of the list: the first slice now, the rest after timers.
    Effect::new(move |_| {
        // Drafts no longer listed are forgotten, then what is missing is worked out.
        listing.with(|l| {
            let listed: HashSet<&str> = l.entries.iter().map(|e| e.draft.id.as_str()).collect();
            completions.update(|m| m.retain(|id, _| listed.contains(id.as_str())))
        });
        fill(listing, completions);
    });
    let refresh = move || listing.set(local::list());
    // Another tab's change shows here too.
    let listener = window_event_listener(leptos::ev::storage, move |_| refresh());
    on_cleanup(move || listener.remove());

    let rows = move || {
        let Listing { mut entries, .. } = listing.get();
        if !newest_first.get() {
            entries.reverse();
        }
        entries
    };
    let remove = move |e: Entry| {
        if local::remove(&e.draft.id).is_ok() {
            super::saver::forget(&e.draft.id);
            deleted.set(Some(e));
            refresh();
        }
    };
    let undo = move |_| {
        if let Some(e) = deleted.get_untracked() {
            // If another tab has stored the draft again meanwhile, its copy is newer: keep it.
            let gone = matches!(local::load(&e.draft.id), Ok(None));
            if !gone || local::put(&e).is_ok() {
                deleted.set(None);
                refresh();
            }
        }
    };
    let duplicate = move |e: Entry| {
        let mut copy = e.draft.clone();
        copy.id = local::new_id();
        copy.meta.title = Some(format!("{}（副本）", e.draft.meta.title()));
        let _ = local::put(&local::next_entry(copy));
        refresh();
    };
    let rename = move |(e, title): (Entry, String)| {
        let mut draft = e.draft.clone();
        draft.meta.title = (!title.trim().is_empty()).then(|| title.trim().to_string());
        let _ = local::put(&local::next_entry(draft));
        renaming.set(None);
        refresh();
    };
    let actions = RowActions {
        renaming,
        rename: Callback::new(rename),
        duplicate: Callback::new(duplicate),
        remove: Callback::new(remove),
    };

    view! {
        <section class="nb-card nb-card-wide" aria-labelledby="nb-drafts-heading">
            <h2 id="nb-drafts-heading">{tr("本浏览器中的草稿", "Drafts in this browser")}</h2>
            <StorageInfo />
            {move || deleted.get().map(|e| view! {
                <p class="nb-banner nb-banner-ok" role="status">
                    {pick(lang.get(), format!("已删除“{}”。", e.draft.meta.title()), format!("Deleted “{}”. ", e.draft.meta.title()))}
                    <button type="button" class="nb-link-button" on:click=undo>{tr("撤销删除", "Undo")}</button>
                </p>
            })}
            {move || if listing.with(|l| l.entries.is_empty()) {
                view! { <p>{tr("还没有草稿。", "No drafts yet.")}</p> }.into_any()
            } else {
                view! {
                    <button type="button" class="nb-link-button" on:click=move |_| newest_first.update(|n| *n = !*n)>
                        {move || match (newest_first.get(), lang.get()) {
                            (true, l) => pick(l, "按最后修改排序：最新在前（点按改为最早在前）", "Sorted by last change, newest first (switch to oldest first)"),
                            (false, l) => pick(l, "按最后修改排序：最早在前（点按改为最新在前）", "Sorted by last change, oldest first (switch to newest first)"),
                        }}
                    </button>
                    <div class="nb-table-wrap">
                        <table class="nb-drafts">
                            <caption class="nb-visually-hidden">{tr("草稿列表", "Drafts")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{tr("标题", "Title")}</th>
                                    <th scope="col">{tr("格式", "Format")}</th>
                                    <th scope="col">{tr("年度", "Year")}</th>
                                    <th scope="col">{tr("发布机构", "Issuing body")}</th>
                                    <th scope="col">{tr("最后修改", "Last change")}</th>
                                    <th scope="col">{tr("完成度", "Completed")}</th>
                                    <th scope="col">{tr("错误", "Errors")}</th>
                                    <th scope="col">{tr("操作", "Actions")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || rows().into_iter().map(|e| view! { <DraftRow e completions actions /> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <Unreadable listing=listing />
        </section>
    }
}

/// What a row of the drafts list can do to its draft.
#[derive(Clone, Copy)]
struct RowActions {
    /// The id of the draft whose title is being edited, if any.
    renaming: RwSignal<Option<String>>,
    rename: Callback<(Entry, String)>,
    duplicate: Callback<Entry>,
    remove: Callback<Entry>,
}

/// One draft of the list: its title (a link, or a form while it is renamed), its columns, and
/// its actions.
#[component]
fn DraftRow(e: Entry, completions: RwSignal<Completions>, actions: RowActions) -> impl IntoView {
    let lang = use_lang();
    let (id, copy) = (e.draft.id.clone(), stamp(&e));
    let shown = move |part: fn(Completion) -> String| {
        let (id, checking) = (id.clone(), tr("检查中", "Checking"));
        move || {
            completions.with(|m| match m.get(&id).filter(|(s, _)| *s == copy) {
                None => checking().to_string(),
                Some((_, None)) => "—".to_string(),
                Some((_, Some(c))) => part(*c),
            })
        }
    };
    let done = shown(|c| format!("{}/{}", c.done, c.steps));
    let errors = shown(|c| c.errors.to_string());
    let title = e.draft.meta.title();
    let id = e.draft.id.clone();
    let href = Route::Tasks(id.clone()).href();
    let renaming = actions.renaming;
    let editing_this = {
        let id = id.clone();
        move || renaming.get().as_deref() == Some(id.as_str())
    };
    let input_id = format!("nb-rename-{id}");
    let submit = {
        let (e, input_id) = (e.clone(), input_id.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let value = document()
                .get_element_by_id(&input_id)
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
                .map(|i| i.value())
                .unwrap_or_default();
            actions.rename.run((e.clone(), value));
        }
    };
    let (e1, e2) = (e.clone(), e.clone());
    let title_for_input = title.clone();
    view! {
        <tr>
            <th scope="row">
                <Show when=editing_this fallback={
                    let (href, title) = (href.clone(), title.clone());
                    move || view! { <a href=href.clone()>{title.clone()}</a> }
                }>
                    <form class="nb-rename" on:submit=submit.clone()>
                        <label for=input_id.clone() class="nb-visually-hidden">{tr("新标题", "New title")}</label>
                        <input id=input_id.clone() class="nb-input" type="text" maxlength=crate::report::file::MAX_TITLE_CHARS value=title_for_input.clone() />
                        <button type="submit" class="nb-button">{tr("保存标题", "Save title")}</button>
                        <button type="button" class="nb-button nb-button-secondary" on:click=move |_| renaming.set(None)>{tr("取消", "Cancel")}</button>
                    </form>
                </Show>
            </th>
            <td>{
                let name = e.draft.template().map(|t| t.name());
                let id = e.draft.template.clone();
                move || name.as_ref().map_or(id.clone(), |n| n.get(lang.get()).to_string())
            }</td>
            <td>{e.draft.meta.year}</td>
            <td>{e.draft.meta.body.clone()}</td>
            <td>{date_time(e.saved_at)}</td>
            <td>{done}</td>
            <td>{errors}</td>
            <td class="nb-row-actions">
                <button type="button" class="nb-link-button" on:click={
                    let id = id.clone();
                    move |_| renaming.set(Some(id.clone()))
                }>{tr("重命名", "Rename")}<span class="nb-visually-hidden">" " {title.clone()}</span></button>
                <button type="button" class="nb-link-button" on:click=move |_| actions.duplicate.run(e1.clone())>
                    {tr("复制一份", "Duplicate")}<span class="nb-visually-hidden">" " {title.clone()}</span>
                </button>
                <button type="button" class="nb-link-button nb-danger" on:click=move |_| actions.remove.run(e2.clone())>
                    {tr("删除", "Delete")}<span class="nb-visually-hidden">" " {title.clone()}</span>
                </button>
            </td>
        </tr>
    }
}

/// Entries that cannot be read: kept, never deleted, their raw text downloadable.
#[component]
fn Unreadable(listing: RwSignal<Listing>) -> impl IntoView {
    let lang = use_lang();
    move || {
        let bad = listing.with(|l| l.unreadable.clone());
        (!bad.is_empty()).then(|| view! {
            <div class="nb-banner nb-banner-error" role="alert">
                <h3>{tr("有无法读取的存储内容", "Some stored entries cannot be read")}</h3>
                <p>{tr("这些内容保持原样，没有删除。可以下载原始内容，交给技术人员检查。", "They are left as they are, not deleted. Download the raw text to have it looked at.")}</p>
                <ul>
                    {bad.into_iter().map(|u| {
                        let name = format!("{}.txt", crate::report::file::file_safe(&u.key, 80));
                        let raw = u.raw.clone();
                        view! {
                            <li>
                                <code>{u.key.clone()}</code> "：" {u.why.get(lang.get()).to_string()} " "
                                <button type="button" class="nb-link-button" on:click=move |_| { download(&name, "text/plain", &raw); }>
                                    {tr("下载原始内容", "Download raw text")}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}

/// How much the browser stores for us and whether it promised to keep it.
#[component]
fn StorageInfo() -> impl IntoView {
    let lang = use_lang();
    let info = RwSignal::new(None::<(Option<bool>, Option<(f64, f64)>)>);
    leptos::task::spawn_local(async move {
        info.set(Some((local::persist().await, local::estimate().await)));
    });
    move || {
        let l = lang.get();
        if !local::available() {
            return view! { <p class="nb-banner nb-banner-error" role="alert">{crate::storage::local::StorageError::Unavailable.message().get(l).to_string()}</p> }.into_any();
        }
        let (persisted, estimate) = info.get().unwrap_or((None, None));
        let kept = match persisted {
            Some(true) => pick(l, "浏览器已同意长期保存本工具的数据。", "The browser agreed to keep this tool's data."),
            _ => pick(l, "浏览器没有承诺长期保存：清除浏览器数据会删除这些草稿。草稿文件才是长期副本，请定期“下载草稿文件”。", "The browser has not promised to keep this data: clearing browsing data deletes these drafts. The draft file is the durable copy: download it regularly."),
        };
        // What is used, as people read sizes (已用 12 KB); the browser's quota is no one's business.
        let used = estimate.map(|(usage, _quota)| {
            let used = crate::report::file::size(usage.max(0.0) as usize);
            pick(
                l,
                format!("本工具已用存储 {used}。"),
                format!("This tool uses {used} of storage."),
            )
        });
        let place = local::Place::here()
            .message()
            .map(|m| view! { <p class="nb-hint" id="nb-storage-place">{m.get(l).to_string()}</p> });
        view! { <p class="nb-hint">{kept} " " {used}</p> {place} }.into_any()
    }
}
