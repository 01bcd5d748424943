//! Asks the Word-writer worker (`src/bin/docx-worker.rs`) for a .docx: the worker's wasm module
//! is fetched the first time this runs, never on the first screen.

use crate::report::{file, Draft};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader (`static/docx-worker-loader.js`), beside index.html in `dist/`.
const LOADER: &str = "./docx-worker-loader.js";

/// The .docx bytes of a draft, or why there are none.
pub async fn document(draft: &Draft) -> Result<Vec<u8>, String> {
    // Trunk builds workers for wasm-bindgen's no-modules target: a classic worker.
    let worker = web_sys::Worker::new(LOADER).map_err(|e| format!("{e:?}"))?;
    let text = file::to_file(draft);
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let w = worker.clone();
        let text = text.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                if data.as_string().as_deref() == Some("ready") {
                    let _ = w.post_message(&JsValue::from_str(&text));
                } else {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            });
        let on_error =
            Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&ev.message()));
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_message.forget();
        on_error.forget();
    });
    let result = wasm_bindgen_futures::JsFuture::from(answer).await;
    worker.terminate();
    let data = result.map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    match data.dyn_into::<js_sys::Uint8Array>() {
        Ok(bytes) => Ok(bytes.to_vec()),
        Err(other) => Err(other.as_string().unwrap_or_else(|| "docx".into())),
    }
}
