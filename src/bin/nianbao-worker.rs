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
//!   the same JSON;
//! - `["unit", name, bytes]` (a unit's file for 汇总 or 检查: a draft file or any report file)
//!   with the JSON of [`nianbao::report::area::UnitRead`];
//! - `["pair", draft file, draft file of the year before]` (the same body's reports) with the
//!   JSON of their cross-year findings (`Vec<FindingRow>`);
//! - `["sheet", "xlsx" | "csv", grids]` (the JSON of `Vec<Grid>`) with the file's bytes, or an
//!   error message (text).
//!
//! For 汇总 and 检查 the page keeps one worker for a run of files and asks one job at a time.

#[cfg(target_arch = "wasm32")]
fn main() {
    use nianbao::report::{area, docx, file, import};
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
                let bytes = |i| js_sys::Uint8Array::new(&parts.get(i)).to_vec();
                let answer: JsValue = match text(0).as_str() {
                    "file" => JsValue::from_str(
                        &import::Imported::read_file(&text(1), &bytes(3), &text(2)).to_json(),
                    ),
                    "unit" => JsValue::from_str(&area::read_unit(&text(1), &bytes(2)).to_json()),
                    "pair" => {
                        let unit = |draft: String| area::UnitRead {
                            draft,
                            ..area::UnitRead::default()
                        };
                        let found = area::audit::cross_year(&unit(text(1)), &unit(text(2)));
                        JsValue::from_str(&serde_json::to_string(&found).unwrap_or_default())
                    }
                    "sheet" => {
                        let grids: Vec<area::workbook::Grid> =
                            serde_json::from_str(&text(2)).unwrap_or_default();
                        let bytes = match text(1).as_str() {
                            "csv" => grids.first().map_or(Ok(Vec::new()), area::workbook::csv),
                            _ => area::workbook::xlsx(&grids),
                        };
                        match bytes {
                            Ok(b) => js_sys::Uint8Array::from(b.as_slice()).into(),
                            Err(why) => JsValue::from_str(&why.to_string()),
                        }
                    }
                    _ => JsValue::from_str("unknown request"),
                };
                let _ = reply_to.post_message(&answer);
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
