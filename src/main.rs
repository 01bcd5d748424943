//! The browser app's entry point: mounts the Leptos shell (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(nianbao::ui::App);
    // The boot guard (static/boot.js) stands down: from here on, failures are the app's to show.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-nb-started", "");
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("nianbao runs in the browser: see README.md (scripts/serve.sh), or use nianbao-cli.");
}
