//! Handing a text to the user as a file download (Blob + object URL), with no server.

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `name`; returns false if the browser refused.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    offer(name, &format!("{mime};charset=utf-8"), &parts).is_some()
}

/// Offers bytes (a .docx) as a download named `name`.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> bool {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    offer(name, mime, &parts).is_some()
}

fn offer(name: &str, mime: &str, parts: &js_sys::Array) -> Option<()> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(parts, &options)
        .or_else(|_| web_sys::Blob::new_with_str_sequence_and_options(parts, &options))
        .ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoking at once can cancel the download in some browsers; a minute later is safe.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Some(())
}

/// Offers a draft as a draft file named from the body, year and today's date.
pub fn download_draft(draft: &crate::report::Draft) {
    let today = js_sys::Date::new_0();
    let date = format!(
        "{:04}-{:02}-{:02}",
        today.get_full_year(),
        today.get_month() + 1,
        today.get_date()
    );
    download(
        &crate::report::file::file_name(draft, &date),
        "application/json",
        &crate::report::file::to_file(draft),
    );
}
