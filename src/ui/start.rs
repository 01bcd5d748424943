//! The start screen: create a report (format, year, issuing body), open the example, or open a
//! draft kept in this browser.

use super::deferred::{DeferredOtherWaysIn, DeferredStartPart, StartPart};
use super::drafts_list::{date_time, DraftsList};
use super::i18n::{pick, tr, tr_msg, use_lang};
use super::import::{self, Import};
use super::import_published::{is_page, PublishedImport};
use crate::report::{sample, templates, Draft, Meta};
use crate::storage::local as storage;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A file dropped anywhere on the app, waiting for the start screen to import it.
#[derive(Clone, Copy)]
pub struct Dropped(pub RwSignal<Option<web_sys::File>, LocalStorage>);

/// What the clerk gave to start this year's report from last year's.
#[derive(Clone)]
pub enum LastYearInput {
    /// A saved page, a Word file, a text file or a draft file.
    File(web_sys::File),
    /// Text copied from last year's PDF.
    Text(String),
}

/// 从去年的年报开始, the start screen's first choice: last year's report (a saved page, a Word
/// file, a draft file, or its PDF's text) becomes this year's draft, as 以此为基础新建下一年度
/// makes it, without last year's draft being left in the list. A draft file is read here; a
/// page or text goes to the recognition of the other ways in, which shows what was read first.
#[component]
pub fn FromLastYearCard() -> impl IntoView {
    let lang = use_lang();
    let notes = super::year_link::use_carry_notes();
    let hand_over = FromLastYear::get();
    let file = RwSignal::new_local(None::<web_sys::File>);
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<crate::report::Message>);
    let go = move |_| {
        problem.set(None);
        match (file.get_untracked(), text.get_untracked()) {
            (Some(f), _) if !is_page(&f) => leptos::task::spawn_local(async move {
                match import::read(f).await {
                    Ok(last) => import::open_next_year(last, notes),
                    Err(why) => problem.set(Some(why)),
                }
            }),
            (Some(f), _) => hand_over.0.set(Some(LastYearInput::File(f))),
            (None, t) if !t.trim().is_empty() => hand_over.0.set(Some(LastYearInput::Text(t))),
            (None, _) => problem.set(Some(crate::report::Message::fixed(
                "请选择去年的年报文件，或粘贴去年年报PDF中的文字。",
                "Choose last year's report file, or paste the text of last year's PDF.",
            ))),
        }
    };
    view! {
        <section class="nb-card" aria-labelledby="nb-last-year-heading">
            <h2 id="nb-last-year-heading">{tr("从去年的年报开始", "Start from last year's report")}</h2>
            <p class="nb-hint">{tr(
                "读取去年的年报（保存的网页、Word文件、PDF中复制的文字，或草稿文件），直接新建下一年度的草稿：沿用机构信息和文字（标为“待更新”），带入结转的申请；去年的那份不会留在草稿列表中。",
                "Reads last year's report (a saved page, a Word file, text copied from its PDF, or a draft file) and opens next year's draft made from it: the body's details and the texts are kept (marked “to update”), carried-over requests are brought in; last year's copy is not left in the drafts list.",
            )}</p>
            <div class="nb-field">
                <label for="nb-last-year-file">{tr("去年的年报文件", "Last year's report file")}</label>
                <input id="nb-last-year-file" class="nb-file" type="file"
                    accept=".html,.htm,.shtml,.txt,.mht,.mhtml,.docx,.json,text/html,text/plain,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    on:change=move |ev: leptos::ev::Event| {
                        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
                        file.set(input.and_then(|i| i.files()).and_then(|f| f.get(0)));
                    } />
            </div>
            <div class="nb-field">
                <label for="nb-last-year-text">{tr("或粘贴去年年报PDF中的文字", "Or paste the text of last year's PDF")}</label>
                <textarea id="nb-last-year-text" class="nb-textarea" rows=3
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            {move || problem.get().map(|p| view! { <p class="nb-banner nb-banner-error" role="alert">{p.get(lang.get()).to_string()}</p> })}
            <button type="button" class="nb-button" on:click=go>{tr("用去年的年报新建", "Create from last year's report")}</button>
        </section>
    }
}

/// 从去年的年报开始: the card hands a page or text to the other ways in, whose recognition
/// shows what was read and then opens next year's draft made from it.
#[derive(Clone, Copy)]
pub struct FromLastYear(pub RwSignal<Option<LastYearInput>, LocalStorage>);

impl FromLastYear {
    /// The start screen's hand-over (a context of the start screen, so it ends with it).
    pub fn get() -> FromLastYear {
        expect_context::<FromLastYear>()
    }
}

/// The first screen: what it needs to be usable (the new-report form) is in the first download;
/// the other ways in follow as a module of their own (see `deferred`).
#[component]
pub fn StartScreen() -> impl IntoView {
    let lang = use_lang();
    let template_id = RwSignal::new(templates::default_template().id.to_string());
    let year = RwSignal::new(offered_year().to_string());
    provide_context(FromLastYear(RwSignal::new_local(None)));
    let body = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    // Set while the editor's module is fetched to store the new report: a second press then
    // would make a second report.
    let creating = RwSignal::new(false);
    // Effects run after the screen is built: the editor downloads while the clerk reads it.
    Effect::new(|_| super::deferred::prefetch_draft_screens());

    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if creating.get_untracked() {
            return;
        }
        let Some(template) = templates::by_id(&template_id.get_untracked()) else {
            return;
        };
        // The same reading of a year as 基本信息's field (four digits, 1990–2100).
        let y = match Meta::read_year(&year.get_untracked()) {
            Ok(y) => y,
            Err(why) => {
                problem.set(Some(why.get(lang.get_untracked()).to_string()));
                return;
            }
        };
        let draft = Draft::new(&storage::new_id(), template, y, body.get_untracked().trim());
        problem.set(None);
        creating.set(true);
        leptos::task::spawn_local(async move {
            // Still wanted while this screen is shown: a clerk who went elsewhere meanwhile is
            // not taken to a report, and one who came back presses on a new screen.
            let wanted = move || creating.try_get_untracked() == Some(true);
            if super::deferred::store_and_open(draft, wanted)
                .await
                .is_err()
            {
                let _ = creating.try_set(false);
                let _ = problem.try_set(Some(
                    pick(
                        lang.get_untracked(),
                        "报告没有新建：编辑器的程序文件没有下载成功，可能是网络中断了。填写的内容仍在下面，可以稍后再按“新建报告”。",
                        "The report was not created: the editor's program file did not download; the network may be down. What you typed is still below; press “Create report” again later.",
                    )
                    .to_string(),
                ));
            }
        });
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
        {storage::has_opened().then(|| view! { <DeferredStartPart part=StartPart::Continue /> })}
        <DeferredStartPart part=StartPart::FromLastYear />
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
                                    <strong>{
                                        let name = t.name();
                                        move || name.get(lang.get()).to_string()
                                    }</strong>
                                    " "
                                    {tr_msg(&t.summary)}
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="nb-field">
                <label for="nb-new-year">{tr("年度", "Year")}</label>
                <p class="nb-hint" id="nb-new-year-hint">{tr("报告所统计的年度：10月至12月开始编写的，默认为当年；1月至9月的，默认为上一年。", "The year the report covers: started in October to December, this year; in January to September, last year.")}</p>
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
            <button type="submit" class="nb-button" aria-disabled=move || creating.get().then_some("true")>
                {move || if creating.get() { pick(lang.get(), "正在新建……", "Creating…") } else { pick(lang.get(), "新建报告", "Create report") }}
            </button>
        </form>
        <DeferredOtherWaysIn />
        <section class="nb-card" aria-labelledby="nb-area-heading">
            <h2 id="nb-area-heading">{tr("汇总与检查", "Summing and checking an area's reports")}</h2>
            <p>{tr("供政务公开办等汇总、检查本地区各单位年报的机构使用。", "For the office that collects and checks an area's reports.")}</p>
            <ul class="nb-link-list">
                <li><a href=super::route::Route::Sum.href()>{tr("汇总各单位的年报", "Sum units' reports")}</a></li>
                <li><a href=super::route::Route::Audit.href()>{tr("批量检查已发布的年报", "Check published reports")}</a></li>
            </ul>
        </section>
    }
}

/// 继续编写: a returning clerk's drafts, the last opened first, each with the step it was left
/// at and when, above the form for a new one. Read from a few short lines (`storage::opened`),
/// so the first screen parses no draft to show it.
#[component]
pub fn ContinueWriting() -> impl IntoView {
    let lang = use_lang();
    let recent = storage::recently_opened();
    (!recent.is_empty()).then(|| {
        let items = recent
            .into_iter()
            .take(3)
            .map(|o| {
                let route = match crate::report::progress::Step::from_slug(&o.step) {
                    Some(step) => super::route::Route::Step(o.id.clone(), step),
                    None => super::route::Route::Tasks(o.id.clone()),
                };
                let at = date_time(o.at as f64);
                let step_title = o.step_title.clone();
                // A section's heading is the official Chinese wording in either language.
                let official = !matches!(o.step.as_str(), "tasks" | "meta" | "review");
                // 基本信息 and 审阅与导出 in the reader's language (as the steps name them); a
                // section by the heading noted, the same in both.
                let step = move || match crate::report::progress::Step::from_slug(&o.step) {
                    Some(s @ (crate::report::progress::Step::Meta | crate::report::progress::Step::Review)) => {
                        super::status::step_title(templates::default_template(), s, lang.get())
                    }
                    Some(_) => step_title.clone(),
                    None => pick(lang.get(), "任务列表", "the task list").to_string(),
                };
                view! {
                    <li>
                        <a href=route.href()>{o.title}</a>
                        <span class="nb-hint nb-continue-where">
                            {move || pick(lang.get(), "上次停在“", "Left at “")}
                            <span lang=move || (lang.get() == crate::report::Lang::En && !official).then_some("zh-CN")>{step}</span>
                            {move || pick(lang.get(), format!("”，{at}"), format!("”, {at}"))}
                        </span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="nb-card nb-continue" aria-labelledby="nb-continue-heading">
                <h2 id="nb-continue-heading">{tr("继续编写", "Continue writing")}</h2>
                <ul class="nb-link-list">{items}</ul>
                <p class="nb-hint">{tr("全部草稿见下面的“本浏览器中的草稿”。", "All drafts are under “Drafts in this browser” below.")}</p>
            </section>
        }
    })
}

/// The report year the season offers today (`calendar::report_year_on`).
fn offered_year() -> i32 {
    let today = js_sys::Date::new_0();
    crate::report::calendar::report_year_on(today.get_full_year() as i32, today.get_month() + 1)
}

/// The start screen's other ways in: the example, a draft file, a published page (also when
/// dropped on the app), and the drafts kept in this browser.
#[component]
pub fn OtherWaysIn() -> impl IntoView {
    let lang = use_lang();
    let import_state = RwSignal::new(Import::Idle);
    let dropped = expect_context::<Dropped>();
    let page_dropped = RwSignal::new_local(None::<web_sys::File>);
    // Last year's report given on the start form: a draft file is read here, a page or text
    // goes to the recognition below, which then makes next year's draft from it.
    let next_year_mode = RwSignal::new(false);
    let pasted_last_year = RwSignal::new(None::<String>);
    let notes = super::year_link::use_carry_notes();
    {
        let from_last = FromLastYear::get();
        Effect::new(move |_| {
            let Some(input) = from_last.0.get() else {
                return;
            };
            from_last.0.set(None);
            match input {
                LastYearInput::File(file) if !is_page(&file) => {
                    leptos::task::spawn_local(async move {
                        match import::read(file).await {
                            Ok(last) => import::open_next_year(last, notes),
                            Err(why) => import_state.set(Import::Refused(why)),
                        }
                    });
                }
                LastYearInput::File(file) => {
                    next_year_mode.set(true);
                    page_dropped.set(Some(file));
                }
                LastYearInput::Text(text) => {
                    next_year_mode.set(true);
                    pasted_last_year.set(Some(text));
                }
            }
        });
    }
    Effect::new(move |_| {
        if let Some(file) = dropped.0.get() {
            dropped.0.set(None);
            if is_page(&file) {
                next_year_mode.set(false);
                page_dropped.set(Some(file));
            } else {
                import::start(file, import_state);
            }
        }
    });
    let pick_file = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        {
            import::start(file, import_state);
        }
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let open_example = move |id: &'static str| {
        // Reopen the example as the clerk left it; create it only the first time.
        let example_id = format!("example-{id}");
        let kept = super::saver::unsaved(&example_id).is_some()
            || !matches!(storage::load(&example_id), Ok(None));
        if kept {
            super::route::go(&super::route::Route::Tasks(example_id));
        } else if let Some(mut draft) =
            templates::by_id(id).and_then(|t| sample::example(t, offered_year()))
        {
            draft.id = example_id;
            import::store_and_open(draft);
        }
    };

    view! {
        <section class="nb-card">
            <h2>{tr("先看看示例", "Look at an example first")}</h2>
            <p>{tr("一份虚构但完整、前后一致的报告，可随意修改。", "An invented but complete and consistent report to explore and change.")}</p>
            <div class="nb-actions">
                {templates::ALL
                    .iter()
                    .map(|t| {
                        let (id, year) = (t.id, t.years.0);
                        view! {
                            <button type="button" class="nb-button nb-button-secondary" on:click=move |_| open_example(id)>
                                {move || pick(lang.get(), format!("打开示例报告（{year}年格式）"), format!("Open the example ({year} format)"))}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
        <section class="nb-card" aria-labelledby="nb-open-file-heading">
            <h2 id="nb-open-file-heading">{tr("打开草稿文件", "Open a draft file")}</h2>
            <p>{tr("选择同事发来的或自己下载的草稿文件（.json），也可以把文件拖到本页面上。", "Choose a draft file (.json) you downloaded or a colleague sent, or drop the file onto this page.")}</p>
            <label for="nb-open-file" class="nb-file-label">{tr("选择草稿文件", "Choose a draft file")}</label>
            <input id="nb-open-file" class="nb-file" type="file" accept=".json,application/json" on:change=pick_file />
            <ImportQuestions state=import_state />
        </section>
        <PublishedImport dropped=page_dropped pasted=pasted_last_year next_year=next_year_mode />
        <DraftsList />
        <About />
    }
}

/// 关于本工具: which build this is (the version a clerk quotes when reporting a problem), when
/// it was built, the formats it knows, and what changed in this version.
#[component]
fn About() -> impl IntoView {
    use crate::report::version;
    let lang = use_lang();
    let built = version::build_date();
    let formats = move || {
        templates::ALL
            .iter()
            .map(|t| t.name().get(lang.get()).to_string())
            .collect::<Vec<_>>()
            .join(pick(lang.get(), "、", ", "))
    };
    view! {
        <section class="nb-card" aria-labelledby="nb-about-heading">
            <h2 id="nb-about-heading">{tr("关于本工具", "About this tool")}</h2>
            <p id="nb-version">
                {move || match built {
                    Some(day) => pick(lang.get(), format!("版本 nianbao {}，构建于 {day}。", version::VERSION), format!("Version nianbao {}, built on {day}.", version::VERSION)),
                    None => pick(lang.get(), format!("版本 nianbao {}（开发构建）。", version::VERSION), format!("Version nianbao {} (development build).", version::VERSION)),
                }}
                " "
                {move || pick(lang.get(), format!("支持的格式：{}。", formats()), format!("Formats: {}.", formats()))}
            </p>
            {version::changes().map(|changes| view! {
                <details class="nb-changes">
                    <summary>{move || pick(lang.get(), format!("本版本（{}）的变化", version::VERSION), format!("What changed in {}", version::VERSION))}</summary>
                    <pre class="nb-changelog" lang="zh-CN">{changes}</pre>
                </details>
            })}
        </section>
    }
}

/// The outcome of an import, or the question it asks.
#[component]
fn ImportQuestions(state: RwSignal<Import>) -> impl IntoView {
    let lang = use_lang();
    move || {
        match state.get() {
        Import::Idle => None,
        Import::Refused(why) => Some(view! {
            <div class="nb-banner nb-banner-error" role="alert">
                <p><strong>{tr("没有打开这个文件：", "The file was not opened: ")}</strong>{why.get(lang.get()).to_string()}</p>
                <p>{tr("本浏览器中的草稿没有任何改变。", "Nothing in this browser was changed.")}</p>
            </div>
        }.into_any()),
        Import::AskRange(draft, problems, file_time) => Some(view! {
            <div class="nb-banner nb-banner-error" role="alert">
                <p><strong>{pick(lang.get(), format!("这个文件有{}处数值超出范围：", problems.len()), format!("This file has {} values out of range:", problems.len()))}</strong></p>
                <ul>{problems.iter().map(|m| view! { <li>{m.get(lang.get()).to_string()}</li> }).collect_view()}</ul>
                <p>{tr("可以不打开；也可以照原样打开，这些单元格会标为错误，待修改。", "You can leave it, or open it as it is with these cells marked as errors to fix.")}</p>
                <div class="nb-actions">
                    <button type="button" class="nb-button" on:click={
                        let draft = draft.clone();
                        move |_| match import::next_question((*draft).clone(), true, file_time) {
                            Ok(d) => import::store_and_open(d),
                            Err(q) => state.set(q),
                        }
                    }>{tr("照原样打开", "Open it as it is")}</button>
                    <button type="button" class="nb-button nb-button-secondary" on:click=move |_| state.set(Import::Idle)>{tr("不打开", "Do not open")}</button>
                </div>
            </div>
        }.into_any()),
        Import::AskId(draft, file_time) => Some({
            let stored = storage::load(&draft.id).ok().flatten().map(|e| e.saved_at).unwrap_or(0.0);
            let newer = match (stored > 0.0, file_time > 0.0) {
                (true, true) if file_time > stored => Some(pick(lang.get(), "文件较新。", "The file is newer. ")),
                (true, true) if stored > file_time => Some(pick(lang.get(), "本浏览器中的较新。", "The copy in this browser is newer. ")),
                _ => None,
            };
            view! {
            <div class="nb-banner nb-banner-error" role="alert">
                <p><strong>{pick(lang.get(), format!("本浏览器中已经有这份草稿（“{}”）。", draft.meta.title()), format!("This browser already holds this draft (“{}”).", draft.meta.title()))}</strong></p>
                <ul class="nb-copies">
                    <li>{pick(lang.get(), format!("本浏览器中的草稿：最后保存于 {}", date_time(stored)), format!("The draft in this browser: last saved {}", date_time(stored)))}</li>
                    <li>{pick(lang.get(), format!("文件：修改于 {}", date_time(file_time)), format!("The file: modified {}", date_time(file_time)))}</li>
                </ul>
                <p>{newer.unwrap_or_default()}{tr("两份都保留最稳妥：什么也不会丢，之后可以对比、删掉不要的一份。", "Keeping both is safest: nothing is lost, and you can compare them and delete the one you do not want.")}</p>
                <div class="nb-actions">
                    <button type="button" class="nb-button" on:click={
                        let draft = draft.clone();
                        move |_| import::store_and_open(import::with_new_id((*draft).clone()))
                    }>{tr("两份都保留", "Keep both")}</button>
                    <button type="button" class="nb-button nb-button-secondary" on:click={
                        let draft = draft.clone();
                        move |_| import::store_and_open((*draft).clone())
                    }>{tr("用文件替换现有草稿", "Replace it with the file")}</button>
                    <button type="button" class="nb-button nb-button-secondary" on:click=move |_| state.set(Import::Idle)>{tr("取消", "Cancel")}</button>
                </div>
            </div>
        }}.into_any()),
    }
    }
}
