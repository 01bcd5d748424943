// Starts the app's worker (src/bin/nianbao-worker.rs: the Word file, reading published pages),
// built by Trunk for wasm-bindgen's no-modules target. Ours rather than Trunk's shim, which
// calls the deprecated init form.
importScripts('./nianbao-worker.js');
wasm_bindgen({ module_or_path: './nianbao-worker_bg.wasm' });
