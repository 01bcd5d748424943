// Starts the Word-writer worker (src/bin/docx-worker.rs), built by Trunk for wasm-bindgen's
// no-modules target. Ours rather than Trunk's shim, which calls the deprecated init form.
importScripts('./docx-worker.js');
wasm_bindgen({ module_or_path: './docx-worker_bg.wasm' });
