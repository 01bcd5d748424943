//! The text sections 一, 五 and 六: the official guidance beside plain-paragraph editors, one per
//! optional sub-part, with a character count; 六 also takes the fee amount under `ogi-2021`.

use super::editing::{focus_target, use_announcer, use_editing};
use super::error_summary::{focus_for, text_id};
use super::i18n::{pick, tr, tr_msg, use_lang};
use super::step_frame::StepFrame;
use crate::report::draft::{char_count, SectionText};
use crate::report::ntext::{apply_fix, excerpt};
use crate::report::progress::Step;
use crate::report::rules::Location;
use crate::report::template::{SectionKey, TextSpec};
use crate::report::{Finding, Message, Severity};
use leptos::prelude::*;

/// Where the clerk's caret was in this step's texts when they last left one: the sub-part
/// (`None`: the main text) and the selection, in UTF-16 units as the text area gives them.
#[derive(Clone, Copy)]
struct Caret(RwSignal<(Option<&'static str>, u32, u32)>);

/// A text section's step.
#[component]
pub fn TextStep(section: SectionKey, spec: &'static TextSpec) -> impl IntoView {
    let e = use_editing();
    // Until the clerk has been in a text area: the end of the main text.
    provide_context(Caret(RwSignal::new((None, u32::MAX, u32::MAX))));
    let key = section;
    let section = e.template.section(key);
    let slug = Step::Section(key).slug();
    let main_label = if spec.aspects.is_empty() {
        Message::fixed("正文", "Text")
    } else {
        Message::fixed("概述（可选）", "Introduction (optional)")
    };
    let is_empty = move || {
        e.draft.with(|d| {
            let t = d.text(key);
            t.text.trim().is_empty() && t.aspects.values().all(|a| a.trim().is_empty())
        })
    };
    view! {
        <StepFrame step=Step::Section(key)>
            <div class="nb-with-aside">
                <div class="nb-editor">
                    {spec.fee.as_ref().map(|fee| view! { <FeeField section=key label=fee.label unit=fee.unit /> })}
                    <SectionTextArea section=key aspect=None id=text_id(key, None) label=main_label />
                    {spec
                        .aspects
                        .iter()
                        .map(|a| {
                            // Unnumbered here: the page numbers the filled sub-parts in order.
                            let label = Message::new(format!("{}（可选）", a.label), format!("{} (optional)", a.label));
                            view! {
                                <SectionTextArea section=key aspect=Some(a.id) id=text_id(key, Some(a.id))
                                    label />
                            }
                        })
                        .collect_view()}
                    <InsertData section=key />
                    {(key == SectionKey::Overview).then(|| view! { <SummedSentence /> })}
                    <Show when=is_empty>
                        <button type="button" class="nb-button nb-button-secondary"
                            on:click=move |_| e.draft.update(|d| {
                                d.texts.entry(key).or_insert_with(SectionText::default).text = "无。".into();
                            })>
                            {tr("没有要报告的：填入“无。”", "Nothing to report: write “无。”")}
                        </button>
                    </Show>
                </div>
                <aside class="nb-aside" aria-labelledby=format!("nb-guide-{slug}")>
                    <h2 id=format!("nb-guide-{slug}")>{tr("填写要求", "What to write")}</h2>
                    <p>{tr_msg(&section.guidance)}</p>
                    <p class="nb-hint">{tr("段落之间空一行；填写了的小标题部分在网页中按顺序编号为（一）（二）……", "Separate paragraphs with a blank line; the filled sub-parts get numbered sub-headings （一）（二）… on the page, in order.")}</p>
                </aside>
            </div>
        </StepFrame>
    }
}

/// 插入数据: the data sentences and the single figures (`{{…}}`, filled from the tables at
/// export), put where the caret was in the text area the clerk was last in, which then gets the
/// focus back with the caret after what was put in, so the clerk sees it happen.
#[component]
fn InsertData(section: SectionKey) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let announcer = use_announcer();
    let caret = expect_context::<Caret>().0;
    let key = section;
    let insert = move |piece: &'static str, token: bool| {
        // After a selection, never over it: a paragraph selected and forgotten is not lost.
        let (aspect, _, end) = caret.get_untracked();
        let mut after = 0;
        e.draft.update(|d| {
            let current = d.text_part(key, aspect).to_string();
            let at_end = end as usize >= current.encode_utf16().count();
            let piece = match (token, at_end && !current.trim().is_empty()) {
                (true, _) => format!("{{{{{piece}}}}}"),
                // A data sentence after the last paragraph is a paragraph of its own.
                (false, true) => format!("\n\n{piece}"),
                (false, false) => piece.to_string(),
            };
            let (text, caret_after) =
                crate::report::draft::splice_at_caret(&current, end, end, &piece);
            after = caret_after;
            d.set_text(key, aspect, text);
        });
        caret.set((aspect, after, after));
        let id = text_id(key, aspect);
        request_animation_frame(move || {
            use wasm_bindgen::JsCast;
            if let Some(area) = document()
                .get_element_by_id(&id)
                .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                let _ = area.focus();
                let _ = area.set_selection_range(after, after);
            }
        });
        announcer.say(
            pick(
                lang.get_untracked(),
                "已插入到光标所在的位置",
                "Inserted at the cursor",
            )
            .to_string(),
        );
    };
    view! {
        <div class="nb-phrase">
            <div class="nb-actions">
                {e.template.data_phrases.iter().map(|phrase| view! {
                    <button type="button" class="nb-button nb-button-secondary" on:click=move |_| insert(phrase.text, false)>
                        {tr_msg(&phrase.label)}
                    </button>
                }).collect_view()}
            </div>
            <details class="nb-insert">
                <summary>{tr("插入数据", "Insert data")}</summary>
                <p class="nb-hint">{tr(
                    "{{…}} 在导出时填入表格中的数字，文字永远与表格一致。按一下，插入到最后编辑的文本框中光标所在的位置（数据句也是）。",
                    "Each {{…}} is filled from the tables at export, so text and tables always agree. Press one to put it where the cursor was in the text box you were last in (the sentences above go there too).",
                )}</p>
                <ul class="nb-token-list" lang="zh-CN">
                    {e.template.bindings.iter().map(|b| view! {
                        <li><button type="button" class="nb-link-button" on:click=move |_| insert(b.token, true)>{format!("{{{{{}}}}}", b.token)}</button></li>
                    }).collect_view()}
                </ul>
            </details>
        </div>
    }
}

/// A text area for a section's main text or one of its sub-parts, with a character count.
#[component]
fn SectionTextArea(
    section: SectionKey,
    aspect: Option<&'static str>,
    id: String,
    label: Message,
) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let key = section;
    let read = move || e.draft.with(|d| d.text_part(key, aspect).to_string());
    // Not there when the text area is used outside a text step (基本信息's 开头).
    let caret = use_context::<Caret>();
    let count_id = format!("{id}-count");
    let findings_id = format!("{id}-findings");
    let stale = Memo::new(move |_| e.draft.with(|d| d.is_stale(Some(key), aspect)));
    let found = Memo::new(move |_| {
        e.findings.with(|fs| {
            fs.iter()
                .filter(|f| matches!(&f.location, Location::Text { section: s, aspect: a, .. } if *s == key && *a == aspect))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let described_by = {
        let (count_id, findings_id) = (count_id.clone(), findings_id.clone());
        move || {
            if found.with(Vec::is_empty) {
                count_id.clone()
            } else {
                format!("{count_id} {findings_id}")
            }
        }
    };
    view! {
        <div class="nb-field">
            <label for=id.clone()>
                {move || label.get(lang.get()).to_string()}
                <StaleTag stale=stale />
            </label>
            <StaleKeep stale=stale on_keep=move || e.draft.update(|d| d.mark_updated(Some(key), aspect)) />
            <textarea
                id=id
                class="nb-textarea"
                maxlength=crate::report::file::MAX_TEXT_CHARS
                rows=if aspect.is_some() { 5 } else { 8 }
                aria-describedby=described_by
                prop:value=read
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    e.draft.update(|d| d.set_text(key, aspect, text));
                }
                on:blur=move |ev| {
                    use wasm_bindgen::JsCast;
                    if let (Some(caret), Some(area)) = (
                        caret,
                        ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()),
                    ) {
                        let start = area.selection_start().ok().flatten().unwrap_or(u32::MAX);
                        let end = area.selection_end().ok().flatten().unwrap_or(start);
                        caret.0.set((aspect, start, end));
                    }
                }
            ></textarea>
            <p class="nb-hint" id=count_id>
                {move || {
                    let n = char_count(&read());
                    pick(lang.get(), format!("已输入{n}字"), format!("{n} characters"))
                }}
            </p>
            <TextFindings id=findings_id section=key aspect found />
        </div>
    }
}

/// The findings of rule N-text in one text: each sentence with its words marked, what the
/// tables say, a way to the words in the text area, and the fixes.
#[component]
fn TextFindings(
    id: String,
    section: SectionKey,
    aspect: Option<&'static str>,
    found: Memo<Vec<Finding>>,
) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let announcer = use_announcer();
    let read = move || {
        e.draft
            .with_untracked(|d| d.text_part(section, aspect).to_string())
    };
    let item = move |f: Finding| {
        let text = read();
        let (before, words, after) = excerpt(&text, &f.location).unwrap_or_default();
        let message = f.message.clone();
        let location = f.location.clone();
        let fixes = match &f.location {
            Location::Text { fixes, .. } => fixes.clone(),
            _ => Vec::new(),
        };
        let show = {
            let f = f.clone();
            move |_| focus_target(&e.draft.with_untracked(|d| focus_for(e.template, d, &f)))
        };
        view! {
            <li class="nb-text-finding">
                <p class="nb-excerpt" lang="zh-CN">{before}<mark>{words}</mark>{after}</p>
                <p>{move || message.get(lang.get()).to_string()}</p>
                <div class="nb-actions">
                    <button type="button" class="nb-link-button" on:click=show>
                        {tr("在文中选中", "Select it in the text")}
                    </button>
                    {fixes.into_iter().map(|fix| {
                        let location = location.clone();
                        let label = fix.clone();
                        view! {
                            <button type="button" class="nb-button nb-button-secondary" on:click=move |_| {
                                let changed = apply_fix(&read(), &location, &fix);
                                if let Some(text) = changed {
                                    e.draft.update(|d| d.set_text(section, aspect, text));
                                    announcer.say(pick(lang.get_untracked(), format!("已改为“{fix}”"), format!("Replaced with “{fix}”")).to_string());
                                }
                            }>
                                {move || pick(lang.get(), format!("改为“{label}”"), format!("Replace with “{label}”"))}
                            </button>
                        }
                    }).collect_view()}
                </div>
            </li>
        }
    };
    view! {
        <div class="nb-text-findings" id=id hidden=move || found.with(Vec::is_empty)>
                <p class="nb-text-findings-title">
                    {move || {
                        let n = found.with(Vec::len);
                        pick(lang.get(), format!("与表格核对：{n}条提示"), format!("Checked against the tables: {n} things to check"))
                    }}
                </p>
                <ul>{move || found.get().into_iter().map(item).collect_view()}</ul>
        </div>
    }
}

/// The fee amount section 六 must state under `ogi-2021`.
#[component]
fn FeeField(section: SectionKey, label: &'static str, unit: &'static str) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let errors = Memo::new(move |_| {
        e.findings.with(|fs| {
            fs.iter()
                .filter(|f| {
                    f.severity == Severity::Error
                        && matches!(f.location, Location::Fee { section: s } if s == section)
                })
                .map(|f| f.message.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class=move || if errors.with(Vec::is_empty) { "nb-field" } else { "nb-field nb-field-error" }>
            <label for="nb-fee">{move || pick(lang.get(), format!("本年收取{label}金额（{unit}）"), format!("{label} collected this year ({unit})"))}</label>
            <p class="nb-hint" id="nb-fee-hint">{tr("依据国办函〔2020〕109号收取的政府信息公开信息处理费；没有收取填0。", "Information-processing fees under 国办函〔2020〕109号; 0 if none.")}</p>
            {move || {
                let m = errors.get();
                (!m.is_empty()).then(|| view! {
                    <p class="nb-error-message" id="nb-fee-error">
                        <span class="nb-visually-hidden">{pick(lang.get(), "错误：", "Error: ")}</span>
                        {m.iter().map(|x| x.get(lang.get()).to_string()).collect::<Vec<_>>().join("；")}
                    </p>
                })
            }}
            <input
                id="nb-fee"
                maxlength=crate::report::file::MAX_CELL_CHARS
                class="nb-input nb-input-short"
                type="text"
                inputmode="decimal"
                aria-describedby=move || if errors.with(Vec::is_empty) { "nb-fee-hint" } else { "nb-fee-hint nb-fee-error" }
                aria-invalid=move || (!errors.with(Vec::is_empty)).then_some("true")
                prop:value=move || e.draft.with(|d| d.text(section).fee)
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    e.draft.update(|d| d.texts.entry(section).or_default().fee = v);
                }
            />
            <FeeSentence section label unit />
        </div>
    }
}

/// The sentence the fee field puts on the page, shown where the clerk types, so that it is not
/// written a second time in the text; and a note when the text states the fee too.
#[component]
fn FeeSentence(section: SectionKey, label: &'static str, unit: &'static str) -> impl IntoView {
    let e = use_editing();
    let lang = use_lang();
    let spec = crate::report::template::FeeSpec { label, unit };
    move || {
        let (sentence, twice) = e.draft.with(|d| {
            let t = d.text(section);
            let typed = t.fee.trim().to_string();
            let sentence = (!typed.is_empty())
                .then(|| crate::report::export::fee_sentence(d.meta.year, &spec, &typed));
            let twice = sentence.is_some() && crate::report::fee::stated(&t.text).is_some();
            (sentence, twice)
        });
        sentence.map(|s| view! {
            <p class="nb-hint" id="nb-fee-sentence" aria-live="polite">
                {pick(lang.get(), format!("导出时，正文前会印出这一句：“{s}”正文中不必再写。"), format!("On the page this sentence comes before the text: “{s}” No need to write it again."))}
                {twice.then(|| view! {
                    " "
                    <strong>{tr("正文中也写了收费情况，导出后会写两次：可删去正文中的那句。", "The text states the fee too, so the page would say it twice: delete it from the text.")}</strong>
                })}
            </p>
        })
    }
}

/// 待更新 beside a label whose text is last year's, unedited.
#[component]
pub fn StaleTag(stale: Memo<bool>) -> impl IntoView {
    move || {
        stale.get().then(
            || view! { " " <span class="nb-tag nb-tag-stale">{tr("待更新", "to update")}</span> },
        )
    }
}

/// The explanation of 待更新 and a button to keep last year's words as they are.
#[component]
pub fn StaleKeep(
    stale: Memo<bool>,
    on_keep: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        stale.get().then(|| {
            view! {
                <p class="nb-hint nb-stale-hint">
                    {tr("这段文字沿用上一年度，修改后标记消失。", "This is last year's text; the mark goes once you edit it.")}
                    " "
                    <button type="button" class="nb-link-button" on:click=move |_| on_keep()>
                        {tr("无需修改，保留原文", "Keep it as it is")}
                    </button>
                </p>
            }
        })
    }
}

/// For a report summed from units' reports: the sentence saying so, to insert at the start of 一.
#[component]
fn SummedSentence() -> impl IntoView {
    let e = use_editing();
    let sentence = Memo::new(move |_| e.draft.with(crate::report::area::sum::sentence));
    move || {
        sentence.get().map(|s| {
            view! {
                <div class="nb-phrase">
                    <button type="button" class="nb-button nb-button-secondary"
                        on:click=move |_| e.draft.update(|d| {
                            let t = d.texts.entry(SectionKey::Overview).or_default();
                            t.text = if t.text.trim().is_empty() { s.clone() } else { format!("{}\n\n{}", s, t.text) };
                        })>
                        {tr("插入汇总说明句", "Insert the sentence on the units summed")}
                    </button>
                </div>
            }
        })
    }
}
