//! The Word writer as a web worker, built by Trunk as its own small wasm module and loaded only
//! when someone asks for a .docx, so the first screen does not carry it.
//!
//! Protocol: the worker posts `"ready"` once it runs; the page then posts a draft file (text);
//! the worker answers with the .docx bytes (`Uint8Array`) or an error message (text).

#[cfg(target_arch = "wasm32")]
fn main() {
    use nianbao::report::{docx, file};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let text = ev.data().as_string().unwrap_or_default();
            let result = file::from_file(&text)
                .map_err(|e| e.message().to_string())
                .and_then(|draft| {
                    let template = draft.template().ok_or("未知格式 / unknown format")?;
                    docx::document(template, &draft)
                });
            let answer: JsValue = match result {
                Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
                Err(why) => JsValue::from_str(&why),
            };
            let _ = reply_to.post_message(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("docx-worker runs in the browser as a web worker; use `nianbao-cli export --docx`.");
}
