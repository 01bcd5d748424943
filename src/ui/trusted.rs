//! Trusted Types: the one policy through which markup and script URLs reach the DOM.
//!
//! The app's Content Security Policy (`scripts/post-build.mjs`) sets
//! `require-trusted-types-for 'script'` and `trusted-types nianbao default`: where the browser has
//! Trusted Types, a plain string given to `innerHTML`, `srcdoc` or `new Worker` throws unless a
//! policy passes it. This module creates both policies once, at start, before anything else can:
//!
//! - `nianbao`, kept to this module: the markup the core built and escaped (the recognition
//!   report, the exported page in the preview) and the app's worker script. Nothing else can
//!   reach the DOM as markup with full trust.
//! - `default`, an allowlist: Leptos's `view!` inserts the static parts of our own views (markup
//!   written in the source) through `innerHTML` of a `<template>`. The macro writes each such
//!   part as one string literal, so it sits verbatim in the module's static data, where nothing
//!   read at run time can be put. The default policy passes a string only when those exact bytes
//!   are there ([`compiled_in`]) and, as a second net, nothing in it could run script; it refuses
//!   scripts and script URLs outright. Markup built at run time (from a draft, a stranger's page,
//!   a file) is refused however it hides its tags, so no scanner has to parse as browsers do.
//!   Failing closed is meant: Leptos holds its template cache borrowed while it sets the
//!   markup, so after a refusal the page stops rendering new views (the boot guard's notice
//!   does not cover it) — a broken screen rather than script in the origin of every draft.
//!
//! Browsers without Trusted Types (Firefox ESR 140) get the same strings through the same
//! functions.

use crate::report::markup::could_run_script;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The policy's name, as the CSP's `trusted-types` directive names it.
const NAME: &str = "nianbao";

thread_local! {
    static POLICY: Option<JsValue> = create();
}

extern "C" {
    // Where the linker put the module's static data (literals first, then statics): from the
    // end of the stack to the start of the heap. Nothing allocated at run time lies in it.
    static __global_base: u8;
    static __data_end: u8;
}

/// A copy of the module's static data and where in it a `<` stands (every template starts with
/// one). Copied through the memory's buffer, so no Rust reference ever spans it; copied again
/// on a miss, because a module fetched later (`deferred`) brings its data with it.
struct StaticData {
    data: Vec<u8>,
    tags: Vec<u32>,
}

thread_local! {
    static STATIC_DATA: std::cell::RefCell<Option<StaticData>> = const { std::cell::RefCell::new(None) };
}

impl StaticData {
    fn copy() -> Option<StaticData> {
        let start = core::ptr::addr_of!(__global_base) as u32;
        let end = core::ptr::addr_of!(__data_end) as u32;
        // The copy's room first: growing the memory for it would detach a view made before.
        let mut data = vec![0u8; end.saturating_sub(start) as usize];
        let buffer = js_sys::Reflect::get(&wasm_bindgen::memory(), &"buffer".into()).ok()?;
        js_sys::Uint8Array::new(&buffer)
            .subarray(start, end.max(start))
            .copy_to(&mut data);
        let tags = data
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'<')
            .filter_map(|(i, _)| u32::try_from(i).ok())
            .collect();
        Some(StaticData { data, tags })
    }

    fn holds(&self, needle: &[u8]) -> bool {
        self.tags.iter().any(|&at| {
            self.data
                .get(at as usize..)
                .is_some_and(|rest| rest.starts_with(needle))
        })
    }
}

/// Whether `markup` is, byte for byte, in the module's static data: a literal compiled in.
pub fn compiled_in(markup: &str) -> bool {
    let needle = markup.as_bytes();
    if needle.first() != Some(&b'<') {
        return false;
    }
    STATIC_DATA.with_borrow_mut(|seen| {
        if seen.as_ref().is_some_and(|s| s.holds(needle)) {
            return true;
        }
        *seen = StaticData::copy();
        seen.as_ref().is_some_and(|s| s.holds(needle))
    })
}

/// Whether the default policy passes `markup` to `innerHTML`.
pub fn allowed(markup: &str) -> bool {
    compiled_in(markup) && !could_run_script(markup)
}

/// Makes the default policy: the app's own compiled-in markup only, never a script or a script URL.
fn create_default(factory: &JsValue, create: &js_sys::Function) {
    let rules = js_sys::Object::new();
    let html = Closure::<dyn Fn(String) -> Option<String>>::new(|markup: String| {
        allowed(&markup).then_some(markup)
    });
    let _ = js_sys::Reflect::set(&rules, &"createHTML".into(), &html.into_js_value());
    let _ = create.call2(factory, &"default".into(), &rules);
}

/// Makes the policy, or `None` where the browser has no Trusted Types.
fn create() -> Option<JsValue> {
    let factory = js_sys::Reflect::get(&js_sys::global(), &"trustedTypes".into()).ok()?;
    if factory.is_undefined() || factory.is_null() {
        return None;
    }
    let rules = js_sys::Object::new();
    // Markup: the callers below take only what the core built and escaped.
    let html = Closure::<dyn Fn(String) -> String>::new(|markup: String| markup);
    // Script URLs: the worker's loader beside the page, or the blob the single file made of it.
    let script_url = Closure::<dyn Fn(String) -> Result<String, JsValue>>::new(|url: String| {
        if url == super::worker::LOADER || url.starts_with("blob:") {
            Ok(url)
        } else {
            Err(js_sys::Error::new(&format!("nianbao: not a script of this app: {url}")).into())
        }
    });
    js_sys::Reflect::set(&rules, &"createHTML".into(), &html.into_js_value()).ok()?;
    js_sys::Reflect::set(
        &rules,
        &"createScriptURL".into(),
        &script_url.into_js_value(),
    )
    .ok()?;
    let create: js_sys::Function = js_sys::Reflect::get(&factory, &"createPolicy".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let ours = create.call2(&factory, &NAME.into(), &rules).ok();
    create_default(&factory, &create);
    ours
}

/// Creates the policy now, before any other code could claim its name.
pub fn install() {
    POLICY.with(|_| ());
}

/// `value` through one of the policy's rules, or the string itself without Trusted Types.
fn through(rule: &str, value: &str) -> JsValue {
    POLICY.with(|policy| {
        policy
            .as_ref()
            .and_then(|p| {
                let f: js_sys::Function = js_sys::Reflect::get(p, &rule.into())
                    .ok()?
                    .dyn_into()
                    .ok()?;
                f.call1(p, &value.into()).ok()
            })
            .unwrap_or_else(|| value.into())
    })
}

/// Puts markup the core built (escaped there) inside `element`.
pub fn set_markup(element: &web_sys::Element, markup: &str) {
    let _ = js_sys::Reflect::set(element, &"innerHTML".into(), &through("createHTML", markup));
}

/// Shows a page the core built (the exported report) in `frame`.
pub fn show_page(frame: &web_sys::HtmlIFrameElement, page: &str) {
    let _ = js_sys::Reflect::set(frame, &"srcdoc".into(), &through("createHTML", page));
}

/// Starts a classic worker from one of the app's own scripts.
pub fn worker(url: &str) -> Result<web_sys::Worker, JsValue> {
    let class: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"Worker".into())?.dyn_into()?;
    js_sys::Reflect::construct(
        &class,
        &js_sys::Array::of1(&through("createScriptURL", url)),
    )?
    .dyn_into()
}
