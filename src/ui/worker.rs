//! Asks the app's worker (`src/bin/nianbao-worker.rs`) to do one job: its wasm module is
//! fetched the first time a job runs, never on the first screen, and the worker ends with it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader (`static/worker-loader.js`), beside index.html in `dist/`.
const LOADER: &str = "./worker-loader.js";

/// Sends `request` (see the worker's protocol) and returns its one answer.
pub async fn ask(request: String) -> Result<JsValue, String> {
    // Trunk builds workers for wasm-bindgen's no-modules target: a classic worker.
    let worker = web_sys::Worker::new(LOADER).map_err(|e| format!("{e:?}"))?;
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let w = worker.clone();
        let request = request.clone();
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                if data.as_string().as_deref() == Some("ready") {
                    let _ = w.post_message(&JsValue::from_str(&request));
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
    result.map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}
