//! Copying the report to the clipboard as rich text (`text/html`) and plain text together, so
//! it pastes into a CMS editor with its tables, or into a plain text box as text.

use wasm_bindgen::JsValue;

/// Writes both flavours; resolves to an error text when the browser refuses.
pub async fn copy_rich(html: &str, plain: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let blob = |text: &str, mime: &str| -> Result<web_sys::Blob, String> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
            .map_err(|e| format!("{e:?}"))
    };
    let record = js_sys::Object::new();
    js_sys::Reflect::set(
        &record,
        &"text/html".into(),
        &blob(html, "text/html")?.into(),
    )
    .map_err(|e| format!("{e:?}"))?;
    js_sys::Reflect::set(
        &record,
        &"text/plain".into(),
        &blob(plain, "text/plain")?.into(),
    )
    .map_err(|e| format!("{e:?}"))?;
    let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record)
        .map_err(|e| format!("{e:?}"))?;
    let promise = window
        .navigator()
        .clipboard()
        .write(&js_sys::Array::of1(&item));
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}

/// Writes plain text only (a CSS rule for the site's administrator).
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
}
