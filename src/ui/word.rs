//! Asks the app's worker for a .docx (see `worker`): the Word writer is never on the first screen.

use super::worker::ask;
use crate::report::{file, Draft};
use wasm_bindgen::JsCast;

/// The .docx bytes of a draft, or why there are none.
pub async fn document(draft: &Draft) -> Result<Vec<u8>, String> {
    let data = ask(format!("docx\n{}", file::to_file(draft))).await?;
    match data.dyn_into::<js_sys::Uint8Array>() {
        Ok(bytes) => Ok(bytes.to_vec()),
        Err(other) => Err(other.as_string().unwrap_or_else(|| "docx".into())),
    }
}
