// Trunk's last post_build hook (Trunk.toml), after scripts/split-wasm.sh: finishes the two forms
// of the app in Trunk's staging folder.
//
//   1. The served folder (index.html and its files): the loader Trunk wrote awaits at the top
//      level, which older browsers cannot parse; it becomes a plain call that the boot guard
//      (static/boot.js) can hold back and whose failure the guard reports. The JS files are
//      lowered to the browser floor's syntax (docs/browsers.md).
//      Both forms get a Content Security Policy (see `policy` below and docs/security.md).
//   2. nianbao.html, the single file that runs opened from disk: the style sheet, the boot
//      guard, the app's JS (bundled into one classic script), every wasm part and the worker
//      inlined, so that the file asks for nothing but itself.
//
// Each step stops the build with a message when the files are not what it expects, rather than
// writing an app that cannot start.
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const esbuild = require(path.join(ROOT, 'node_modules', 'esbuild'));

/** The syntax every JS file is lowered to: the browser floor (docs/browsers.md). */
export const SYNTAX_TARGET = ['chrome96', 'firefox79'];

const staging = process.env.TRUNK_STAGING_DIR;

function die(why) {
  console.error(`post-build: ${why}`);
  process.exit(1);
}

/** The one match of `re` in `text`, or the build stops. */
function one(text, re, what) {
  const all = [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))];
  if (all.length !== 1) die(`expected one ${what}, found ${all.length}`);
  return all[0];
}

/** What Trunk and split-wasm.sh wrote: the page, the app's glue and wasm, its parts, the worker. */
async function inventory(dir) {
  const files = await readdir(dir);
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const loader = one(html, /<script type="module">\s*import init, \* as bindings from '\.\/(nianbao-[0-9a-f]+\.js)';[\s\S]*?<\/script>/, 'Trunk loader in index.html');
  const glue = loader[1];
  const stem = glue.replace(/\.js$/, '');
  const wasm = `${stem}_bg.wasm`;
  if (!loader[0].includes(`'./${wasm}'`)) die(`the loader does not load ${wasm}`);
  const split = `${stem}_split.js`;
  const parts = files.filter((f) => f.startsWith(`${stem}_`) && f.endsWith('.wasm') && f !== wasm);
  for (const f of [glue, wasm, split, 'nianbao-worker.js', 'nianbao-worker_bg.wasm']) {
    if (!files.includes(f)) die(`no ${f} in ${dir}`);
  }
  if (parts.length === 0) die('no split wasm part: did scripts/split-wasm.sh run first?');
  const css = one(html, /<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>/, 'style sheet link').map((x) => x);
  const guard = one(html, /<script>\s*\/\/ The boot guard[\s\S]*?<\/script>/, 'inlined boot guard (static/boot.js)')[0];
  return { html, loader: loader[0], glue, wasm, split, parts, css: { tag: css[0], file: css[1] }, guard };
}

/** The served page's loader without top-level await, held back by the boot guard. */
function plainLoader(files) {
  return `<script type="module">
import init from './${files.glue}';
// Not awaited at the top level (older browsers cannot parse that); a failure reaches the boot
// guard as an unhandled rejection.
if (!window.nianbaoBlocked) init({ module_or_path: './${files.wasm}' });
</script>`;
}

/** Lowers a JS file's syntax to the floor, keeping it an ES module. */
async function lower(file) {
  const source = await readFile(file, 'utf8');
  const out = await esbuild.transform(source, { target: SYNTAX_TARGET, format: 'esm', legalComments: 'inline' });
  await writeFile(file, out.code);
}

/** Base64 of a file, for a data block. */
async function base64(file) {
  return (await readFile(file)).toString('base64');
}

/** The single file's script: the app's glue and split loader bundled, reading its wasm from the
 * page's data blocks, and the worker started from a blob built from its data blocks. */
async function singleScript(dir, files, blocks) {
  const entry = `
import init from './${files.glue}';
const blocks = ${JSON.stringify(blocks)};
function bytes(name) {
  const el = document.getElementById(blocks[name]);
  if (!el) throw new Error('nianbao.html is missing its part ' + name);
  const text = atob(el.textContent.trim());
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) out[i] = text.charCodeAt(i);
  return out;
}
// The split loader asks for its parts by name (see the plugin in scripts/post-build.mjs).
globalThis.nianbaoEmbedded = (name) => Promise.resolve(
  new Response(bytes(name), { headers: { 'Content-Type': 'application/wasm' } }));
// src/ui/worker.rs starts the worker from this URL when it is set: a page opened from disk may
// not start one from a file, but may from a blob it made itself.
let workerUrl;
Object.defineProperty(globalThis, 'nianbaoWorkerUrl', {
  get() {
    if (workerUrl === undefined) {
      const glue = new TextDecoder().decode(bytes('nianbao-worker.js'));
      const start = ';(' + ${JSON.stringify(workerStart.toString())} + ')(' + JSON.stringify(document.getElementById(blocks['nianbao-worker_bg.wasm']).textContent.trim()) + ');';
      workerUrl = URL.createObjectURL(new Blob([glue, start], { type: 'text/javascript' }));
    }
    return workerUrl;
  },
});
if (!window.nianbaoBlocked) init({ module_or_path: bytes('${files.wasm}') });
`;
  const embedded = {
    name: 'embedded-parts',
    setup(build) {
      build.onLoad({ filter: /_split\.js$/ }, async (args) => {
        let text = await readFile(args.path, 'utf8');
        let n = 0;
        text = text.replace(/fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\)/g, (_, name) => {
          if (!(name in blocks)) die(`the split loader asks for ${name}, which is not a part`);
          n += 1;
          return `globalThis.nianbaoEmbedded(${JSON.stringify(name)})`;
        });
        if (n !== files.parts.length) die(`rewrote ${n} fetches in the split loader for ${files.parts.length} parts`);
        return { contents: text, loader: 'js' };
      });
    },
  };
  const out = await esbuild.build({
    stdin: { contents: entry, resolveDir: dir, sourcefile: 'single-file-entry.js' },
    bundle: true,
    format: 'iife',
    target: SYNTAX_TARGET,
    write: false,
    minify: false,
    legalComments: 'none',
    define: { 'import.meta.url': 'location.href' },
    plugins: [embedded],
    logLevel: 'error',
  });
  const code = out.outputFiles[0].text;
  if (/<\/script/i.test(code)) die('the bundled script contains </script');
  return code;
}

/** Runs in the worker from the blob: the worker's wasm, decoded from base64, then started. */
function workerStart(b64) {
  const text = atob(b64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  // eslint-disable-next-line no-undef
  wasm_bindgen({ module_or_path: bytes }).catch((e) => postMessage(`worker failed to start: ${e}`));
}

/** The Content Security Policy of each form of the app, directive by directive; the inline
 * scripts are allowed by their hashes, nothing else inline runs. docs/security.md says why each
 * directive is there. */
export function policy(html, single) {
  // The browser hashes a script's text as parsed, with line breaks normalised to LF (a CRLF
  // checkout of static/boot.js must not break its hash).
  const hashes = inlineScripts(html).map((code) => `'sha256-${createHash('sha256').update(code.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`);
  if (hashes.length === 0) die('no inline script to allow: is this the page Trunk wrote?');
  const directives = [
    ["default-src", "'none'"],
    // The app's files, its two inline scripts, and compiling its wasm: never eval of JS.
    ['script-src', ...(single ? [] : ["'self'"]), "'wasm-unsafe-eval'", ...hashes],
    // Leptos sets style attributes; a style cannot run script.
    ['style-src', ...(single ? [] : ["'self'"]), "'unsafe-inline'"],
    ['img-src', ...(single ? [] : ["'self'"]), 'data:', 'blob:'],
    // The wasm parts and the worker's wasm (the single file has them inline: nothing to fetch).
    ['connect-src', single ? "'none'" : "'self'"],
    // The single file starts its worker from a blob it made of its own data blocks.
    ['worker-src', single ? 'blob:' : "'self'"],
    ['frame-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    // Markup and script URLs reach the DOM only through the app's policies (src/ui/trusted.rs):
    // nianbao for the core's markup and the worker, default as the tripwire Leptos's static
    // views pass.
    ['require-trusted-types-for', "'script'"],
    ['trusted-types', 'nianbao', 'default'],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** The JS of a page's inline scripts (data blocks are not scripts). */
function inlineScripts(html) {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/type="application\/octet-stream"/.test(m[1] ?? ''))
    .map((m) => m[2]);
}

/** The page with its policy as the first thing in its head (a meta CSP covers only what follows). */
function withPolicy(html, single) {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(html, single)}">`;
  const at = '<meta charset="utf-8">';
  if (!html.includes(at)) die('index.html has no <meta charset="utf-8">');
  return html.replace(at, () => `${at}\n  ${meta}`);
}

/** nianbao.html: one file, nothing fetched. */
async function singleFile(dir, files) {
  const blocks = {};
  const dataBlocks = [];
  const names = [files.wasm, ...files.parts, 'nianbao-worker.js', 'nianbao-worker_bg.wasm'];
  for (const [i, name] of names.entries()) {
    const id = `nb-data-${i}`;
    blocks[name] = id;
    dataBlocks.push(`<script type="application/octet-stream" id="${id}" data-name="${name}">${await base64(path.join(dir, name))}</script>`);
  }
  const script = await singleScript(dir, files, blocks);
  const css = await readFile(path.join(dir, files.css.file), 'utf8');
  if (/<\/style/i.test(css)) die('the style sheet contains </style');
  let html = files.html
    .replace(files.css.tag, () => `<style>\n${css}</style>`)
    .replace(files.loader, () => '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace(/<link rel="preload"[^>]*>/g, '')
    .replace(/<html lang="zh-CN">/, '<html lang="zh-CN" data-nb-single="">')
    .replace(/<!--[\s\S]*?-->\s*/g, '');
  if (!html.includes('data-nb-single')) die('index.html has no <html lang="zh-CN">');
  if (!html.includes(files.guard)) die('the boot guard went missing');
  html = html.replace('</body>', () => `${dataBlocks.join('\n')}\n<script>\n${script}</script>\n</body>`);
  const refs = [...html.matchAll(/\s(?:src|href)="(?!data:|#)([^"]*)"/g)].map((m) => m[1]);
  if (refs.length) die(`nianbao.html still refers to ${refs.join(', ')}`);
  html = withPolicy(html, true);
  await writeFile(path.join(dir, 'nianbao.html'), html);
  return html.length;
}

async function main() {
  if (!staging) die('run by Trunk as a post_build hook (see Trunk.toml)');
  const files = await inventory(staging);
  const single = await singleFile(staging, files);
  const served = withPolicy(files.html.replace(files.loader, () => plainLoader(files)), false);
  await writeFile(path.join(staging, 'index.html'), served);
  for (const js of [files.glue, files.split, 'nianbao-worker.js', 'worker-loader.js']) {
    await lower(path.join(staging, js));
  }
  console.log(`post-build: index.html without top-level await; nianbao.html ${(single / 1024).toFixed(0)} KB`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => die(e.stack ?? String(e)));
}
