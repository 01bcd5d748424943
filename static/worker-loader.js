// Starts the app's worker (src/bin/nianbao-worker.rs: the Word file, reading published pages),
// built by Trunk for wasm-bindgen's no-modules target. Ours rather than Trunk's shim, which
// calls the deprecated init form.
importScripts('./nianbao-worker.js');
// A module that fails to load or start answers with why, so the page is not left waiting.
wasm_bindgen({ module_or_path: './nianbao-worker_bg.wasm' })
  .catch((e) => postMessage(`worker failed to start: ${e}`));
