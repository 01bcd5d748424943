//! The app's first screen: the product, the chosen format's six sections, and the example report.

use super::preview::Preview;
use super::section_list::SectionList;
use crate::report::{export, sample, templates, Template};
use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let (template, set_template) = signal::<&'static Template>(templates::default_template());
    let (page, set_page) = signal::<Option<String>>(None);

    let load_sample = move |_| {
        let t = template.get();
        set_page.set(sample::sample(t).map(|draft| export::page(t, &draft)));
    };

    view! {
        <header class="nb-app-header">
            <p class="nb-brand" lang="zh-CN">"年报 "<span lang="en">"nianbao"</span></p>
        </header>
        <main class="nb-main">
            <h1>"政府信息公开工作年度报告"</h1>
            <p class="nb-lead">
                "按官方格式逐节填写，自动计算总计并检查勾稽关系，导出符合标准的网页。"
            </p>
            <div class="nb-field">
                <label for="nb-template">"报告格式"</label>
                <select
                    id="nb-template"
                    on:change=move |ev| {
                        if let Some(t) = templates::by_id(&event_target_value(&ev)) {
                            set_template.set(t);
                            set_page.set(None);
                        }
                    }
                >
                    {templates::ALL
                        .iter()
                        .map(|t| view! { <option value=t.id>{t.id}</option> })
                        .collect_view()}
                </select>
                <p class="nb-hint">{move || template.get().summary.zh}</p>
            </div>
            <SectionList template=template />
            <button type="button" class="nb-button" on:click=load_sample>
                "载入示例报告"
            </button>
            <Preview page=page />
        </main>
    }
}
