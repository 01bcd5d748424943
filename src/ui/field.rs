//! One labelled form field bound to a part of the draft, with its hint and its error message
//! above the input (GOV.UK form pattern).

use super::editing::use_editing;
use super::i18n::{pick, use_lang};
use crate::report::rules::{Field, Location};
use crate::report::{Draft, Message, Severity};
use leptos::prelude::*;

/// Reads a field's text from the draft.
pub type Getter = fn(&Draft) -> String;
/// Writes a field's text into the draft.
pub type Setter = fn(&mut Draft, String);

/// A text input (or a text area with `rows`) bound to the draft.
#[component]
pub fn DraftField(
    /// The input's id (error summary links point here).
    id: &'static str,
    /// The label.
    label: Message,
    /// A hint under the label.
    #[prop(optional)]
    hint: Option<Message>,
    /// Reads the value.
    get: Getter,
    /// Writes the value.
    set: Setter,
    /// The metadata field whose findings show here.
    #[prop(optional)]
    field: Option<Field>,
    /// Rows of a text area; 0 for a one-line input.
    #[prop(optional)]
    rows: u32,
    /// `inputmode` for touch keyboards.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// A narrow input for short values.
    #[prop(optional)]
    short: bool,
    /// Placeholder text (the value used when left empty).
    #[prop(optional, into)]
    placeholder: Option<Signal<String>>,
    /// Why a typed text cannot be stored (the setter then keeps the draft as it was); said when
    /// the person leaves the field, not while they type.
    #[prop(optional)]
    check: Option<fn(&str) -> Option<crate::report::Message>>,
    /// The text as it is stored when the person leaves the field (a date typed `2027/1/20`
    /// becomes `2027-01-20`), said under the field.
    #[prop(optional)]
    tidy: Option<fn(&str) -> Option<String>>,
) -> impl IntoView {
    let tidied = RwSignal::new(None::<(String, String)>);
    let e = use_editing();
    let lang = use_lang();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let typed_error = RwSignal::new(None::<crate::report::Message>);
    let errors = Memo::new(move |_| {
        let mut out = typed_error.get().into_iter().collect::<Vec<_>>();
        e.findings.with(|fs| {
            out.extend(
                fs.iter()
                    .filter(|f| {
                        f.severity == Severity::Error
                            && matches!(f.location, Location::Field { field: x } if Some(x) == field)
                    })
                    .map(|f| f.message.clone()),
            )
        });
        out
    });
    let has_hint = hint.is_some();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if errors.with(|e| !e.is_empty()) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || errors.with(|e| !e.is_empty()).then_some("true");
    // Only this field's own value: typing elsewhere never rewrites what is in this box (a year
    // typed half-way, not yet a number, stays as typed).
    let value = Memo::new(move |_| e.draft.with(get));
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if check.is_some_and(|c| c(&text).is_none()) {
            typed_error.set(None);
        }
        e.draft.update(|d| set(d, text));
    };
    let on_change = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        if let Some(c) = check {
            typed_error.set(c(&typed));
        }
        match tidy.and_then(|t| t(&typed)).filter(|t| *t != typed.trim()) {
            Some(tidy) => {
                e.draft.update(|d| set(d, tidy.clone()));
                tidied.set(Some((typed.trim().to_string(), tidy)));
            }
            None => tidied.set(None),
        }
    };
    let placeholder = move || placeholder.map(|p| p.get());
    let class = if short {
        "nb-input nb-input-short"
    } else {
        "nb-input"
    };
    let input = if rows > 0 {
        view! {
            <textarea
                id=id
                class="nb-textarea"
                maxlength=crate::report::file::MAX_TEXT_CHARS
                rows=rows
                aria-describedby=described.clone()
                aria-invalid=invalid
                placeholder=placeholder
                prop:value=value
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id
                class=class
                maxlength=crate::report::file::MAX_TEXT_CHARS
                type="text"
                inputmode=inputmode
                aria-describedby=described
                aria-invalid=invalid
                placeholder=placeholder
                prop:value=value
                on:input=on_input
                on:change=on_change
            />
        }
        .into_any()
    };
    view! {
        <div class=move || if errors.with(|e| e.is_empty()) { "nb-field" } else { "nb-field nb-field-error" }>
            <label for=id>{move || label.get(lang.get()).to_string()}</label>
            {hint.map(|h| view! { <p class="nb-hint" id=hint_id.clone()>{move || h.get(lang.get()).to_string()}</p> })}
            {move || {
                let messages = errors.get();
                (!messages.is_empty()).then(|| view! {
                    <p class="nb-error-message" id=error_id.clone()>
                        <span class="nb-visually-hidden">{pick(lang.get(), "错误：", "Error: ")}</span>
                        {messages.iter().map(|m| m.get(lang.get()).to_string()).collect::<Vec<_>>().join("；")}
                    </p>
                })
            }}
            {input}
            {move || tidied.get().map(|(typed, tidy)| view! {
                <p class="nb-hint" role="status">{pick(lang.get(), format!("“{typed}”已读作 {tidy}"), format!("“{typed}” read as {tidy}"))}</p>
            })}
        </div>
    }
}
