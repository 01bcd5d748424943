//! The start screen: create a report (format, year, issuing body), open the example, or open a
//! draft kept in this browser.

use super::i18n::{pick, tr, use_lang};
use super::route::{go, Route};
use crate::report::{sample, templates, Draft, Lang};
use crate::storage;
use leptos::prelude::*;

/// The first screen.
#[component]
pub fn StartScreen() -> impl IntoView {
    let lang = use_lang();
    let template_id = RwSignal::new(templates::default_template().id.to_string());
    let last_year = js_sys::Date::new_0().get_full_year() as i32 - 1;
    let year = RwSignal::new(last_year.to_string());
    let body = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let drafts = storage::drafts();

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(template) = templates::by_id(&template_id.get_untracked()) else {
            return;
        };
        let Ok(y) = year.get_untracked().trim().parse::<i32>() else {
            problem.set(Some(
                pick(
                    lang.get_untracked(),
                    "年度请填写四位数字，例如 2025",
                    "Type the year as four digits, e.g. 2025",
                )
                .into(),
            ));
            return;
        };
        let draft = Draft::new(&storage::new_id(), template, y, body.get_untracked().trim());
        open(draft, &problem, lang.get_untracked());
    };
    let open_example = move |id: &'static str| {
        if let Some(draft) = templates::by_id(id).and_then(sample::sample) {
            let mut draft = draft;
            draft.id = format!("example-{id}");
            open(draft, &problem, lang.get_untracked());
        }
    };

    view! {
        <h1 id="nb-step-heading" tabindex="-1">{tr("编写政府信息公开工作年度报告", "Write the open-government-information annual report")}</h1>
        <p class="nb-lead">
            {tr(
                "按官方格式逐节填写，自动计算每个总计并检查勾稽关系，最后导出可直接发布的网页。草稿自动保存在本浏览器中。",
                "Fill in the official format section by section; every total is computed and every rule checked as you type, and you get a page ready to publish. Drafts are saved in this browser as you go.",
            )}
        </p>
        {move || problem.get().map(|p| view! { <p class="nb-banner nb-banner-error" role="alert">{p}</p> })}
        <form class="nb-card" on:submit=create>
            <h2>{tr("新建报告", "New report")}</h2>
            <fieldset class="nb-field">
                <legend>{tr("报告格式", "Report format")}</legend>
                {templates::ALL
                    .iter()
                    .map(|t| {
                        let id = t.id;
                        view! {
                            <div class="nb-radio">
                                <input
                                    type="radio"
                                    name="template"
                                    id=format!("nb-template-{id}")
                                    value=id
                                    prop:checked=move || template_id.get() == id
                                    on:change=move |_| template_id.set(id.to_string())
                                />
                                <label for=format!("nb-template-{id}")>
                                    <span class="nb-code">{id}</span>
                                    " "
                                    {move || pick(lang.get(), t.summary.zh, t.summary.en)}
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="nb-field">
                <label for="nb-new-year">{tr("年度", "Year")}</label>
                <p class="nb-hint" id="nb-new-year-hint">{tr("报告所统计的年度，通常是上一年。", "The year the report covers, usually last year.")}</p>
                <input
                    id="nb-new-year"
                    class="nb-input nb-input-short"
                    type="text"
                    inputmode="numeric"
                    aria-describedby="nb-new-year-hint"
                    prop:value=move || year.get()
                    on:input=move |ev| year.set(event_target_value(&ev))
                />
            </div>
            <div class="nb-field">
                <label for="nb-new-body">{tr("发布机构", "Issuing body")}</label>
                <p class="nb-hint" id="nb-new-body-hint">{tr("机构全称，例如：绍兴市上虞区曹娥街道办事处。", "The body's full name, e.g. 绍兴市上虞区曹娥街道办事处.")}</p>
                <input
                    id="nb-new-body"
                    class="nb-input"
                    type="text"
                    aria-describedby="nb-new-body-hint"
                    prop:value=move || body.get()
                    on:input=move |ev| body.set(event_target_value(&ev))
                />
            </div>
            <button type="submit" class="nb-button">{tr("新建报告", "Create report")}</button>
        </form>
        <section class="nb-card">
            <h2>{tr("先看看示例", "Look at an example first")}</h2>
            <p>{tr("一份虚构但完整、前后一致的报告，可随意修改。", "An invented but complete and consistent report to explore and change.")}</p>
            <div class="nb-actions">
                <button type="button" class="nb-button nb-button-secondary" on:click=move |_| open_example("ogi-2021")>
                    {tr("打开示例报告（2021年格式）", "Open the example (2021 format)")}
                </button>
                <button type="button" class="nb-button nb-button-secondary" on:click=move |_| open_example("ogi-2019")>
                    {tr("打开示例报告（2019年格式）", "Open the example (2019 format)")}
                </button>
            </div>
        </section>
        <section class="nb-card">
            <h2>{tr("本浏览器中的草稿", "Drafts in this browser")}</h2>
            {if drafts.is_empty() {
                view! { <p>{tr("还没有草稿。", "No drafts yet.")}</p> }.into_any()
            } else {
                view! {
                    <ul class="nb-draft-list">
                        {drafts
                            .into_iter()
                            .map(|d| {
                                let href = Route::Tasks(d.id.clone()).href();
                                let title = d.meta.title();
                                let detail = format!("{} · {}", d.template, d.meta.year);
                                view! {
                                    <li>
                                        <a href=href>{title}</a>
                                        <span class="nb-hint">" " {detail}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

/// Stores a new draft and opens its task list; says why if it cannot be stored.
fn open(draft: Draft, problem: &RwSignal<Option<String>>, lang: Lang) {
    if let Err(e) = storage::save(&draft) {
        // The draft still opens; the draft screen keeps it in memory and says so.
        problem.set(Some(format!(
            "{} ({e:?})",
            pick(
                lang,
                "无法保存到浏览器存储，草稿只在本页面中",
                "Could not save to browser storage; the draft lives in this page only"
            )
        )));
    }
    super::draft_screen::remember(draft.clone());
    go(&Route::Tasks(draft.id));
}
