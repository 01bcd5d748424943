//! 汇总: the units' reports (draft files, saved pages, Word files) summed into a new draft for
//! the government. Each unit is listed with its verdict; one with errors is summed only when
//! ticked; the per-unit breakdown downloads as .xlsx and .csv.

use super::download::download_bytes;
use super::i18n::{pick, tr, use_lang};
use super::route::Route;
use super::units::UnitFiles;
use super::worker::ask;
use crate::report::area::sum::{self, Summed, Target, Verdict};
use crate::report::area::workbook::Grid;
use crate::report::area::UnitRead;
use crate::report::{templates, Draft, Message, Severity};
use crate::storage::local;
use leptos::prelude::*;
use std::collections::BTreeSet;
use wasm_bindgen::{JsCast, JsValue};

/// The units added: each one's file as read, its draft (read once), and the id its row keeps
/// while others are removed. Three lists of one length, so the core takes them as slices.
#[derive(Clone, Debug, Default, PartialEq)]
struct Units {
    reads: Vec<UnitRead>,
    drafts: Vec<Option<Draft>>,
    ids: Vec<u32>,
}

impl Units {
    fn index(&self, id: u32) -> Option<usize> {
        self.ids.iter().position(|x| *x == id)
    }
}

/// The 汇总 screen.
#[component]
pub fn SumScreen() -> impl IntoView {
    let lang = use_lang();
    let units = RwSignal::new(Units::default());
    let consent = RwSignal::new(BTreeSet::<u32>::new());
    let running = RwSignal::new(false);
    let next_id = StoredValue::new(0u32);
    // The first hundred units are drawn, the rest on request (see `more_rows`).
    let limit = RwSignal::new(super::more_rows::PAGE);
    // `None`: the format and year most units are in.
    let chosen = RwSignal::new(None::<(i32, &'static str)>);
    let body = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Message>);
    let target_key = Memo::new(move |_| {
        chosen.get().or_else(|| {
            units.with(|u| {
                Target::most_common_of(
                    u.reads
                        .iter()
                        .filter(|r| r.refused.is_none())
                        .map(|r| (r.year, r.template.as_str())),
                )
                .map(|t| (t.year, t.template.id))
            })
        })
    });
    let target = move || {
        target_key
            .get()
            .and_then(|(year, id)| templates::by_id(id).map(|template| Target { template, year }))
    };
    // What depends on every unit (duplicates, the sum) waits until the files are read.
    let verdicts = Memo::new(move |_| {
        if running.get() {
            return Vec::new();
        }
        let Some(t) = target() else { return Vec::new() };
        units.with(|u| sum::assess(&u.reads, &u.drafts, &t))
    });
    let preview = Memo::new(move |_| {
        if running.get() {
            return None;
        }
        let t = target()?;
        let body = body.get();
        Some(units.with(|u| {
            let agreed: Vec<bool> =
                consent.with(|c| u.ids.iter().map(|id| c.contains(id)).collect());
            verdicts.with(|v| sum::sum(&u.reads, &u.drafts, v, &agreed, &t, body.trim(), "preview"))
        }))
    });
    let choices = Memo::new(move |_| {
        let mut c: Vec<(i32, &'static str)> = units.with(|u| {
            u.reads
                .iter()
                .filter(|r| r.refused.is_none())
                .filter_map(|r| templates::by_id(&r.template).map(|t| (r.year, t.id)))
                .collect()
        });
        c.sort();
        c.dedup();
        c
    });

    let on_read = move |unit: UnitRead| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        let draft = unit.draft();
        units.update(|u| {
            u.reads.push(unit);
            u.drafts.push(draft);
            u.ids.push(id);
        });
    };
    let remove = move |id: u32| {
        units.update(|u| {
            if let Some(i) = u.index(id) {
                u.reads.remove(i);
                u.drafts.remove(i);
                u.ids.remove(i);
            }
        });
        consent.update(|c| {
            c.remove(&id);
        });
    };
    let create = move |_| {
        let Some(Ok(summed)) = preview.get_untracked() else {
            problem.set(Some(Message::fixed(
                "没有可以汇总的单位报告。",
                "There is no unit's report to sum.",
            )));
            return;
        };
        let mut draft = summed.draft;
        draft.id = local::new_id();
        problem.set(None);
        leptos::task::spawn_local(async move {
            if super::deferred::store_and_open(draft, || true)
                .await
                .is_err()
            {
                problem.set(Some(Message::fixed(
                    "新报告没有建立：编辑器的程序文件没有下载成功，请稍后重试。",
                    "The new report was not created: the editor did not download; try again later.",
                )));
            }
        });
    };
    let download = move |kind: &'static str| {
        let t = target_key
            .get_untracked()
            .and_then(|(year, id)| templates::by_id(id).map(|template| Target { template, year }));
        let (Some(t), Some(Ok(summed))) = (t, preview.get_untracked()) else {
            return;
        };
        let grid = units.with_untracked(|u| sum::breakdown(&u.reads, &u.drafts, &summed, &t));
        save_grids(
            vec![grid],
            kind,
            format!("{}年度汇总-分单位明细", t.year),
            problem,
        );
    };

    view! {
        <p class="nb-back"><a href=Route::Start.href()>{tr("← 返回首页", "← Back to the start")}</a></p>
        <h1 id="nb-step-heading" tabindex="-1">{tr("汇总各单位的年报", "Sum units' reports")}</h1>
        <p class="nb-lead">{tr(
            "把各部门、各乡镇（街道）的年报加进来，表格中每个数字按单位相加，生成本级政府年报的新草稿；总计照常自动计算，每个单位的来源都记录在新草稿中。",
            "Add the departments' and townships' reports: every figure of the tables is summed across the units into a new draft of the government's report; totals are computed as usual, and the new draft records which units it was built from.",
        )}</p>
        <UnitFiles id="nb-sum-files" label=Message::fixed("添加各单位的年报文件", "Add the units' report files") on_read on_done=|_| () running />
        {move || problem.get().map(|p| view! { <p class="nb-banner nb-banner-error" role="alert">{p.get(lang.get()).to_string()}</p> })}
        <Show when=move || !units.with(|u| u.ids.is_empty())>
            <h2>{tr("单位列表", "Units")}</h2>
            <div class="nb-field">
                <label for="nb-sum-target">{tr("汇总为", "Sum into")}</label>
                <select id="nb-sum-target" class="nb-select"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        chosen.set(v.split_once('/').and_then(|(y, id)| {
                            Some((y.parse().ok()?, templates::by_id(id)?.id))
                        }));
                    }>
                    {move || choices.get().into_iter().map(|(year, id)| {
                        let selected = target_key.get() == Some((year, id));
                        let name = templates::by_id(id).map_or(id, |t| t.issued_with);
                        view! {
                            <option value=format!("{year}/{id}") selected=selected>
                                {move || pick(lang.get(), format!("{year}年度，{name}格式"), format!("{year}, format of {name}"))}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <table class="nb-list-table">
                <caption class="nb-visually-hidden">{tr("各单位及处理结果", "Each unit and what is done with it")}</caption>
                <thead><tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{tr("文件", "File")}</th>
                    <th scope="col">{tr("发布机构", "Body")}</th>
                    <th scope="col">{tr("年度", "Year")}</th>
                    <th scope="col">{tr("错误与提示", "Errors and warnings")}</th>
                    <th scope="col">{tr("处理", "Summed?")}</th>
                    <th scope="col"><span class="nb-visually-hidden">{tr("操作", "Actions")}</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || units.with(|u| u.ids.iter().take(limit.get()).copied().collect::<Vec<_>>()) key=|id| *id let:id>
                        <UnitRow id unit=units.with_untracked(|u| u.index(id).map(|i| u.reads[i].clone())).unwrap_or_default() units verdicts consent remove />
                    </For>
                </tbody>
            </table>
            <super::more_rows::MoreRows limit total=Signal::derive(move || units.with(|u| u.ids.len())) />
            <div class="nb-field">
                <label for="nb-sum-body">{tr("汇总后的发布机构", "Body of the summed report")}</label>
                <p class="nb-hint" id="nb-sum-body-hint">{tr("通常是本级人民政府，例如“青禾市临江区人民政府”。", "Usually the government itself, e.g. 青禾市临江区人民政府.")}</p>
                <input id="nb-sum-body" class="nb-input" type="text" aria-describedby="nb-sum-body-hint"
                    prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev)) />
            </div>
            {move || preview.get().map(|p| match p {
                Ok(s) => view! { <SumSummary summed=s /> }.into_any(),
                Err(why) => view! { <p class="nb-banner nb-banner-error" role="status">{move || why.get(lang.get()).to_string()}</p> }.into_any(),
            })}
            <div class="nb-actions">
                <button type="button" class="nb-button" on:click=create>{tr("汇总生成新报告", "Create the summed report")}</button>
                <button type="button" class="nb-button nb-button-secondary" on:click=move |_| download("xlsx")>{tr("下载分单位明细（Excel）", "Download the breakdown (Excel)")}</button>
                <button type="button" class="nb-button nb-button-secondary" on:click=move |_| download("csv")>{tr("下载分单位明细（CSV）", "Download the breakdown (CSV)")}</button>
            </div>
        </Show>
    }
}

/// One unit's line: what it is, its findings, and what is done with it.
#[component]
fn UnitRow(
    id: u32,
    unit: UnitRead,
    units: RwSignal<Units>,
    verdicts: Memo<Vec<Verdict>>,
    consent: RwSignal<BTreeSet<u32>>,
    remove: impl Fn(u32) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let u = unit;
    let index = move || units.with(|list| list.index(id));
    let (errors, warnings) = (u.count(Severity::Error), u.count(Severity::Warning));
    let name = u.body_or_file().to_string();
    let findings = u.findings.clone();
    let check_id = format!("nb-sum-consent-{id}");
    let verdict_view = move || {
        let verdict = index().and_then(|i| verdicts.with(|v| v.get(i).cloned()));
        let name = name.clone();
        let check_id = check_id.clone();
        match verdict {
            Some(Verdict::Ready) => view! { <strong class="nb-tag nb-tag-green">{tr("纳入汇总", "Summed")}</strong> }.into_any(),
            // Summed only when the person says so: one checkbox, the question the verdict asks.
            Some(v @ (Verdict::HasErrors(_) | Verdict::Unread(_) | Verdict::SameFigures(_))) => {
                let ask = v.question().unwrap_or_else(|| Message::fixed("", ""));
                view! {
                    <div class="nb-check">
                        <input type="checkbox" id=check_id.clone()
                            prop:checked=move || consent.with(|c| c.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                consent.update(|c| {
                                    if on { c.insert(id); } else { c.remove(&id); }
                                });
                            } />
                        <label for=check_id>{move || ask.get(lang.get()).to_string()}<span class="nb-visually-hidden">{format!(" {name}")}</span></label>
                    </div>
                }.into_any()
            }
            Some(Verdict::Refused(why)) => view! { <span class="nb-tag nb-tag-red">{tr("不纳入", "Not summed")}</span>" "<span>{move || why.get(lang.get()).to_string()}</span> }.into_any(),
            None => view! { <span class="nb-hint">{tr("读取完后判断", "Judged once every file is read")}</span> }.into_any(),
        }
    };
    let body = u.body.clone();
    let shown = u.body_or_file().to_string();
    view! {
        <tr>
            <td>{move || index().map(|i| i + 1)}</td>
            <td class="nb-file-name">{u.file.clone()}</td>
            <td lang="zh-CN">{body}</td>
            <td>{(u.refused.is_none()).then_some(u.year)}</td>
            <td>
                {move || pick(lang.get(), format!("{errors}个错误，{warnings}条提示"), format!("{}, {}", super::i18n::count_en(errors, "error", "errors"), super::i18n::count_en(warnings, "warning", "warnings")))}
                {(!findings.is_empty()).then(|| view! { <FindingList findings=findings.clone() /> })}
            </td>
            <td>{verdict_view}</td>
            <td>
                <button type="button" class="nb-link-button" on:click=move |_| remove(id)>
                    {tr("移除", "Remove")}<span class="nb-visually-hidden">{format!(" {shown}")}</span>
                </button>
            </td>
        </tr>
    }
}

/// A unit's findings, folded.
#[component]
pub fn FindingList(findings: Vec<crate::report::area::FindingRow>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <details class="nb-findings">
            <summary>{tr("查看", "Show")}</summary>
            <ul>
                {findings.into_iter().map(|f| {
                    let level = match f.severity {
                        Severity::Error => tr("错误", "Error"),
                        Severity::Warning => tr("提示", "Warning"),
                    };
                    let check = f.check();
                    view! {
                        <li>
                            <strong>{level}</strong>"（"{move || check.get(lang.get()).to_string()}"）"
                            {(!f.place.is_empty()).then(|| view! { <span lang="zh-CN">{f.place.clone()}</span>" — " })}
                            {move || f.message.get(lang.get()).to_string()}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}

/// What the sum will hold: how many units, the main totals, and anything to know.
#[component]
fn SumSummary(summed: Summed) -> impl IntoView {
    let lang = use_lang();
    let n = summed.included.len();
    let notes = summed.notes.clone();
    let sentence = sum::sentence(&summed.draft).unwrap_or_default();
    view! {
        <div class="nb-summary-box" role="status">
            <p><strong>{move || pick(lang.get(), format!("将汇总{n}个单位的报告。"), format!("{n} units' reports will be summed."))}</strong></p>
            <p class="nb-hint" lang="zh-CN">{sentence}</p>
            {(!notes.is_empty()).then(|| view! {
                <ul>{notes.into_iter().map(|m| view! { <li>{move || m.get(lang.get()).to_string()}</li> }).collect_view()}</ul>
            })}
        </div>
    }
}

/// Asks the worker for the grids as a file and offers it.
pub fn save_grids(
    grids: Vec<Grid>,
    kind: &'static str,
    stem: String,
    problem: RwSignal<Option<Message>>,
) {
    let json = serde_json::to_string(&grids).unwrap_or_default();
    leptos::task::spawn_local(async move {
        let request = js_sys::Array::of3(
            &JsValue::from_str("sheet"),
            &JsValue::from_str(kind),
            &JsValue::from_str(&json),
        );
        match ask(request).await {
            Ok(answer) if answer.is_instance_of::<js_sys::Uint8Array>() => {
                let bytes = js_sys::Uint8Array::new(&answer).to_vec();
                let (name, mime) = match kind {
                    "csv" => (format!("{stem}.csv"), "text/csv"),
                    _ => (
                        format!("{stem}.xlsx"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ),
                };
                download_bytes(&name, mime, &bytes);
            }
            Ok(answer) => problem.set(Some(Message::new(
                answer.as_string().unwrap_or_default(),
                answer.as_string().unwrap_or_default(),
            ))),
            Err(why) => problem.set(Some(Message::new(
                format!("表格文件没有生成：{why}"),
                format!("The spreadsheet was not made: {why}"),
            ))),
        }
    });
}
