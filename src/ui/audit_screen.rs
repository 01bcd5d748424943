//! 检查: many published reports (saved pages, Word files, draft files) checked at once, read in
//! the worker with progress and a cancel button. One table, a row per report, to sort, filter,
//! open as a draft, and download as .xlsx and .csv.

use super::i18n::{pick, tr, use_lang};
use super::more_rows::{MoreRows, PAGE};
use super::route::Route;
use super::sum_screen::{save_grids, FindingList};
use super::units::UnitFiles;
use super::worker::Session;
use crate::report::area::audit::{self, Kind, Row, Timeliness};
use crate::report::area::{FindingRow, UnitRead};
use crate::report::{templates, Message, Severity};
use crate::storage::local;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Which rows are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    All,
    Errors,
    Problems,
}

/// In which order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    Added,
    Worst,
    Body,
}

/// The 检查 screen.
#[component]
pub fn AuditScreen() -> impl IntoView {
    let lang = use_lang();
    let units = RwSignal::new(Vec::<UnitRead>::new());
    let kinds = RwSignal::new(Vec::<Option<Kind>>::new());
    let cross = RwSignal::new(Vec::<Vec<FindingRow>>::new());
    // Each report's report of the year before, found by name or chosen by the person.
    let paired = RwSignal::new(Vec::<Option<usize>>::new());
    let filter = RwSignal::new(Filter::All);
    let order = RwSignal::new(Order::Added);
    let problem = RwSignal::new(None::<Message>);
    let running = RwSignal::new(false);
    // A table of a few hundred rows is laid out again on every row added: the first hundred
    // are drawn, the rest on request.
    let limit = RwSignal::new(PAGE);
    // A row per unit, built as it is read and rebuilt only when its kind or cross-year
    // findings change.
    let rows = RwSignal::new(Vec::<Row>::new());
    let rebuild = move |i: usize| {
        let row = units.with_untracked(|u| {
            u.get(i).map(|unit| {
                let kind = kinds.with_untracked(|k| k.get(i).copied().flatten());
                let previous = paired
                    .with_untracked(|p| p.get(i).copied().flatten())
                    .and_then(|j| u.get(j))
                    .map(|p| p.file.clone());
                Row {
                    previous,
                    ..Row::new(
                        unit,
                        kind,
                        cross.with_untracked(|c| c.get(i).cloned().unwrap_or_default()),
                    )
                }
            })
        });
        if let Some(row) = row {
            rows.update(|r| {
                if let Some(x) = r.get_mut(i) {
                    *x = row;
                }
            });
        }
    };
    // The rows shown, by index, in order: each keyed by what it shows, so that only a row
    // that changed is drawn again.
    let shown = Memo::new(move |_| {
        rows.with(|r| {
            let mut list: Vec<usize> = (0..r.len())
                .filter(|&i| match filter.get() {
                    Filter::All => true,
                    Filter::Errors => r[i].worst() == Some(Severity::Error),
                    Filter::Problems => r[i].worst().is_some(),
                })
                .collect();
            match order.get() {
                Order::Added => {}
                Order::Worst => list.sort_by_key(|&i| {
                    (
                        std::cmp::Reverse(r[i].worst().map(|s| 2 - s as u8)),
                        std::cmp::Reverse(r[i].count(Severity::Error)),
                        i,
                    )
                }),
                Order::Body => list
                    .sort_by(|&a, &b| (&r[a].body, r[a].year, a).cmp(&(&r[b].body, r[b].year, b))),
            }
            list.into_iter()
                .take(limit.get())
                .map(|i| (i, r[i].kind, r[i].findings.len()))
                .collect::<Vec<_>>()
        })
    });

    let on_read = move |u: UnitRead| {
        rows.update(|r| r.push(Row::new(&u, None, Vec::new())));
        units.update(|list| list.push(u));
        kinds.update(|k| k.push(None));
        cross.update(|c| c.push(Vec::new()));
        paired.update(|p| p.push(None));
    };
    // The cross-year checks of pairs (this, before), in the worker, one session for all; a
    // result is kept only while it is still the pair shown (the person may choose again).
    let check_pairs = move |jobs: Vec<(usize, usize)>| {
        let jobs: Vec<(usize, usize, String, String)> = units.with_untracked(|u| {
            jobs.into_iter()
                .filter_map(|(this, before)| {
                    Some((
                        this,
                        before,
                        u.get(this)?.draft.clone(),
                        u.get(before)?.draft.clone(),
                    ))
                })
                .collect()
        });
        if jobs.is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let Ok(session) = Session::start().await else {
                return;
            };
            for (this, before, draft, last) in jobs {
                let request = js_sys::Array::of3(
                    &JsValue::from_str("pair"),
                    &JsValue::from_str(&draft),
                    &JsValue::from_str(&last),
                );
                let found: Vec<FindingRow> = session
                    .ask(request)
                    .await
                    .ok()
                    .and_then(|a| a.as_string())
                    .and_then(|j| serde_json::from_str(&j).ok())
                    .unwrap_or_default();
                if paired.with_untracked(|p| p.get(this).copied().flatten()) == Some(before) {
                    cross.update(|c| {
                        if let Some(x) = c.get_mut(this) {
                            *x = found;
                        }
                    });
                    rebuild(this);
                }
            }
            session.end();
        });
    };
    // Pairs `this` with `before` by hand (or with none).
    let pair = move |this: usize, before: Option<usize>| {
        paired.update(|p| {
            if let Some(x) = p.get_mut(this) {
                *x = before;
            }
        });
        match before {
            Some(before) => check_pairs(vec![(this, before)]),
            None => {
                cross.update(|c| {
                    if let Some(x) = c.get_mut(this) {
                        x.clear();
                    }
                });
                rebuild(this);
            }
        }
    };
    // Once the files are read, the same body's consecutive years are checked against each other.
    let on_done = move |_| {
        let pairs = units.with_untracked(|u| audit::year_pairs(u));
        paired.update(|p| {
            for &(this, before) in &pairs {
                if let Some(x) = p.get_mut(this) {
                    *x = Some(before);
                }
            }
        });
        check_pairs(pairs);
    };
    let download = move |kind: &'static str| {
        let list: Vec<Row> = rows.get_untracked();
        let grids = audit::grids(&list, lang.get_untracked());
        save_grids(
            grids.to_vec(),
            kind,
            pick(lang.get_untracked(), "年报检查结果", "report-check").to_string(),
            problem,
        );
    };
    let counts = move || {
        rows.with(|r| audit::Tally::of(r))
            .sentence()
            .get(lang.get())
            .to_string()
    };

    view! {
        <p class="nb-back"><a href=Route::Start.href()>{tr("← 返回首页", "← Back to the start")}</a></p>
        <h1 id="nb-step-heading" tabindex="-1">{tr("批量检查已发布的年报", "Check published reports")}</h1>
        <p class="nb-lead">{tr(
            "把本地区已发布的年报一次加进来（可达几百份），逐份检查：是否按时发布、格式、表格的勾稽关系、必填内容、文字与表格是否一致；同一机构相邻两年的报告还核对结转和现行有效件数。",
            "Add the area's published reports at once (a few hundred is fine): each is checked for publication on time, its format, the tables' rules, the required content and text against tables; the same body's consecutive years are also checked against each other.",
        )}</p>
        <UnitFiles id="nb-audit-files" label=Message::fixed("添加要检查的年报文件", "Add the reports to check") on_read on_done running />
        {move || problem.get().map(|p| view! { <p class="nb-banner nb-banner-error" role="alert">{p.get(lang.get()).to_string()}</p> })}
        <Show when=move || !units.with(Vec::is_empty)>
            <h2>{tr("检查结果", "Results")}</h2>
            <p role="status">{counts}</p>
            <div class="nb-filters">
                <div class="nb-field">
                    <label for="nb-audit-filter">{tr("显示", "Show")}</label>
                    <select id="nb-audit-filter" class="nb-select" on:change=move |ev| filter.set(match event_target_value(&ev).as_str() {
                        "errors" => Filter::Errors,
                        "problems" => Filter::Problems,
                        _ => Filter::All,
                    })>
                        <option value="all">{tr("全部报告", "Every report")}</option>
                        <option value="errors">{tr("有错误的（含逾期、无法读取）", "With errors (late, unreadable included)")}</option>
                        <option value="problems">{tr("有错误或提示的", "With errors or warnings")}</option>
                    </select>
                </div>
                <div class="nb-field">
                    <label for="nb-audit-order">{tr("排序", "Order")}</label>
                    <select id="nb-audit-order" class="nb-select" on:change=move |ev| order.set(match event_target_value(&ev).as_str() {
                        "worst" => Order::Worst,
                        "body" => Order::Body,
                        _ => Order::Added,
                    })>
                        <option value="added">{tr("按添加顺序", "As added")}</option>
                        <option value="worst">{tr("问题严重的在前", "Worst first")}</option>
                        <option value="body">{tr("按发布机构", "By body")}</option>
                    </select>
                </div>
            </div>
            <div class="nb-actions">
                <button type="button" class="nb-button nb-button-secondary" on:click=move |_| download("xlsx")>{tr("下载检查结果（Excel）", "Download the results (Excel)")}</button>
                <button type="button" class="nb-button nb-button-secondary" on:click=move |_| download("csv")>{tr("下载检查结果（CSV）", "Download the results (CSV)")}</button>
            </div>
            <div class="nb-table-scroll">
                <table class="nb-list-table">
                    <caption class="nb-visually-hidden">{tr("每份报告的检查结果", "Each report's results")}</caption>
                    <thead><tr>
                        <th scope="col">{tr("文件", "File")}</th>
                        <th scope="col">{tr("发布机构", "Body")}</th>
                        <th scope="col">{tr("年度", "Year")}</th>
                        <th scope="col">{tr("格式", "Format")}</th>
                        <th scope="col">{tr("公开日期", "Published")}</th>
                        <th scope="col">{tr("类型", "Kind")}</th>
                        <th scope="col">{tr("是否按时", "On time")}</th>
                        <th scope="col">{tr("错误", "Errors")}</th>
                        <th scope="col">{tr("提示", "Warnings")}</th>
                        <th scope="col">{tr("未能读取的单元格", "Cells not read")}</th>
                        <th scope="col">{tr("上一年度的报告", "Last year's report")}</th>
                        <th scope="col"><span class="nb-visually-hidden">{tr("操作", "Actions")}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || shown.get() key=|k| *k let:k>
                            <ReportRow i=k.0 row=rows.with_untracked(|r| r[k.0].clone()) units kinds paired pair rebuild problem />
                        </For>
                    </tbody>
                </table>
            </div>
            <MoreRows limit total=Signal::derive(move || rows.with(Vec::len)) />
        </Show>
    }
}

/// One report's row.
#[component]
fn ReportRow(
    i: usize,
    row: Row,
    units: RwSignal<Vec<UnitRead>>,
    kinds: RwSignal<Vec<Option<Kind>>>,
    paired: RwSignal<Vec<Option<usize>>>,
    pair: impl Fn(usize, Option<usize>) + Copy + Send + Sync + 'static,
    rebuild: impl Fn(usize) + Copy + Send + Sync + 'static,
    problem: RwSignal<Option<Message>>,
) -> impl IntoView {
    let lang = use_lang();
    let name = if row.body.is_empty() {
        row.file.clone()
    } else {
        row.body.clone()
    };
    let kind_id = format!("nb-audit-kind-{i}");
    let previous_id = format!("nb-audit-previous-{i}");
    let previous_label = {
        let name = name.clone();
        move || {
            pick(
                lang.get(),
                format!("{name}的上一年度报告"),
                format!("Last year's report of {name}"),
            )
        }
    };
    // The reports of the year before, as they are read: the person may pair by hand two names
    // that no rule can tell are one body.
    let candidates = move || {
        units.with(|u| {
            audit::earlier_candidates(u, i)
                .into_iter()
                .map(|j| (j, audit::named(u, j).get(lang.get()).to_string()))
                .collect::<Vec<_>>()
        })
    };
    let chosen = move || paired.with(|p| p.get(i).copied().flatten());
    let chosen_text = move || match chosen() {
        Some(j) => units.with(|u| audit::named(u, j).get(lang.get()).to_string()),
        None => pick(
            lang.get(),
            "未找到（未做跨年度核对）",
            "None found (not checked across years)",
        )
        .to_string(),
    };
    // The list of the year before's reports only while the person changes the pair.
    let changing = RwSignal::new(false);
    let change_label = {
        let name = name.clone();
        move || {
            pick(
                lang.get(),
                format!("更改{name}的上一年度报告"),
                format!("Change last year's report of {name}"),
            )
        }
    };
    let refused = row.refused.clone();
    let kind = row.kind;
    let on_time = row.timeliness.label();
    let late = matches!(row.timeliness, Timeliness::Late { .. });
    let (errors, warnings) = (row.count(Severity::Error), row.count(Severity::Warning));
    let mut unread = row.unread.clone();
    if row.missing > 0 {
        unread.push(
            pick(
                lang.get_untracked(),
                format!("{}格未能读取", row.missing),
                format!("{} not read", row.missing),
            )
            .to_string(),
        );
    }
    let format = templates::by_id(&row.format).map(|t| t.name());
    let findings = row.findings.clone();
    let open = move |_| {
        let Some(mut draft) = units.with_untracked(|u| u.get(i).and_then(UnitRead::draft)) else {
            return;
        };
        draft.id = local::new_id();
        leptos::task::spawn_local(async move {
            if super::deferred::store_and_open(draft, || true)
                .await
                .is_err()
            {
                problem.set(Some(Message::fixed(
                    "没有打开：编辑器的程序文件没有下载成功，请稍后重试。",
                    "Not opened: the editor did not download; try again later.",
                )));
            }
        });
    };
    let row_class = if errors > 0 || late || refused.is_some() {
        "nb-row-error"
    } else {
        ""
    };
    let can_open = refused.is_none();
    view! {
        <tr class=row_class>
            <td class="nb-file-name">{row.file.clone()}</td>
            <td lang="zh-CN">{row.body.clone()}</td>
            <td>{refused.is_none().then_some(row.year)}</td>
            <td>{move || format.as_ref().map(|f| f.get(lang.get()).to_string())}</td>
            <td>{row.pub_date.clone()}</td>
            <td>
                <label for=kind_id.clone() class="nb-visually-hidden">{move || pick(lang.get(), format!("{name}的类型"), format!("Kind of {name}"))}</label>
                <select id=kind_id class="nb-select" on:change=move |ev| {
                    let k = match event_target_value(&ev).as_str() {
                        "government" => Some(Kind::Government),
                        "department" => Some(Kind::Department),
                        _ => None,
                    };
                    kinds.update(|list| if let Some(x) = list.get_mut(i) { *x = k });
                    rebuild(i);
                }>
                    <option value="" selected=kind.is_none()>{tr("未知", "Unknown")}</option>
                    <option value="department" selected=kind == Some(Kind::Department)>{tr("部门", "Department")}</option>
                    <option value="government" selected=kind == Some(Kind::Government)>{tr("本级政府", "Government")}</option>
                </select>
            </td>
            <td>{move || on_time.get(lang.get()).to_string()}</td>
            <td>{errors}</td>
            <td>{warnings}</td>
            <td>{unread.join("；")}</td>
            <td>
                <span lang="zh-CN">{chosen_text}</span>
                " "
                <Show
                    when=move || changing.get()
                    fallback=move || view! {
                        <button type="button" class="nb-link-button" aria-label=change_label.clone() on:click=move |_| changing.set(true)>
                            {tr("更改", "Change")}
                        </button>
                    }
                >
                    <label for=previous_id.clone() class="nb-visually-hidden">{previous_label.clone()}</label>
                    <select id=previous_id.clone() class="nb-select" on:change=move |ev| {
                        changing.set(false);
                        pair(i, event_target_value(&ev).parse::<usize>().ok());
                    }>
                        <option value="" selected=move || chosen().is_none()>{tr("不核对（无上一年度报告）", "None (no cross-year check)")}</option>
                        {move || candidates().into_iter().map(|(j, label)| view! {
                            <option value=j.to_string() selected=move || chosen() == Some(j)>{label}</option>
                        }).collect_view()}
                    </select>
                </Show>
            </td>
            <td>
                {refused.map(|why| view! { <p class="nb-error-message">{move || why.get(lang.get()).to_string()}</p> })}
                {(!findings.is_empty()).then(|| view! { <FindingList findings=findings.clone() /> })}
                {can_open.then(|| view! {
                    <button type="button" class="nb-link-button" on:click=open>
                        {tr("打开为草稿", "Open as a draft")}<span class="nb-visually-hidden">{format!(" {}", row.file)}</span>
                    </button>
                })}
            </td>
        </tr>
    }
}
