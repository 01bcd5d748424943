//! The app's rarely used heavy jobs as a web worker, built by Trunk as its own wasm module and
//! fetched only the first time one is asked for, so the first screen carries neither: writing
//! the Word file, and reading a published report page back in.
//!
//! Protocol: the worker posts `"ready"` once it runs; the page then posts one request:
//! - `docx\n{draft file}` (text) is answered with the .docx bytes (`Uint8Array`) or an error
//!   message (text);
//! - `import\n{draft id}\n{page text}` (text: pasted text) with the JSON of
//!   [`nianbao::report::import::Imported`];
//! - `["file", name, draft id, bytes]` (an array: a file of last year's report, any kind) with
//!   the same JSON.

#[cfg(target_arch = "wasm32")]
fn main() {
    use nianbao::report::{docx, file, import};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let data = ev.data();
            if js_sys::Array::is_array(&data) {
                let parts = js_sys::Array::from(&data);
                let text = |i| parts.get(i).as_string().unwrap_or_default();
                let bytes = js_sys::Uint8Array::new(&parts.get(3)).to_vec();
                let read = import::Imported::read_file(&text(1), &bytes, &text(2));
                let _ = reply_to.post_message(&JsValue::from_str(&read.to_json()));
                return;
            }
            let text = data.as_string().unwrap_or_default();
            let answer: JsValue = match text.split_once('\n') {
                Some(("docx", draft)) => {
                    let result = file::from_file(draft)
                        .map_err(|e| e.message().to_string())
                        .and_then(|draft| {
                            let template = draft.template().ok_or("未知格式 / unknown format")?;
                            docx::document(template, &draft)
                        });
                    match result {
                        Ok(bytes) => js_sys::Uint8Array::from(bytes.as_slice()).into(),
                        Err(why) => JsValue::from_str(&why),
                    }
                }
                Some(("import", rest)) => {
                    let (id, page) = rest.split_once('\n').unwrap_or((rest, ""));
                    JsValue::from_str(&import::Imported::read(page, id).to_json())
                }
                _ => JsValue::from_str("unknown request"),
            };
            let _ = reply_to.post_message(&answer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("nianbao-worker runs in the browser as a web worker; use `nianbao-cli export --docx` or `nianbao-cli import`.");
}
