//! The exported page itself, shown in a sandboxed frame: what the user sees is what they publish.

use leptos::prelude::*;

/// Shows `page` (a complete HTML document) when there is one.
#[component]
pub fn Preview(page: ReadSignal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || page.with(Option::is_some)>
            <section class="nb-preview" aria-labelledby="nb-preview-heading">
                <h2 id="nb-preview-heading">"示例报告预览"</h2>
                <iframe
                    title="导出的年报网页"
                    sandbox=""
                    srcdoc=move || page.get().unwrap_or_default()
                ></iframe>
            </section>
        </Show>
    }
}
