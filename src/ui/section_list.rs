//! The six sections of the chosen format, as the official headings.

use crate::report::Template;
use leptos::prelude::*;

/// Lists the sections of `template` in order.
#[component]
pub fn SectionList(template: ReadSignal<&'static Template>) -> impl IntoView {
    view! {
        <h2>"报告的六个部分"</h2>
        <ol class="nb-sections">
            {move || {
                template
                    .get()
                    .sections
                    .iter()
                    .map(|s| view! { <li>{s.heading}</li> })
                    .collect_view()
            }}
        </ol>
    }
}
