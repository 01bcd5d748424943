//! The interface language: Simplified Chinese by default, English on request, remembered.
//! Official labels of the report stay in Chinese in both.

use crate::report::{Lang, Message};
use leptos::prelude::*;

/// The current interface language, provided by the app.
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// Reactive interface text in the current language.
pub fn tr(zh: &'static str, en: &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let lang = use_lang();
    move || match lang.get() {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Reactive text of a fixed message (a format's guidance, a part's notice) in the current
/// language.
pub fn tr_msg(m: &'static Message) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let lang = use_lang();
    move || match lang.get() {
        Lang::Zh => &m.zh,
        Lang::En => &m.en,
    }
}

/// Picks one of two texts for a language.
/// An English count with its noun in the right number: `1 error`, `2 errors`.
pub fn count_en(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn pick<T>(lang: Lang, zh: T, en: T) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}
