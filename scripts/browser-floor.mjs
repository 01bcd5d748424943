// The oldest Chromium and Firefox that can run a build, derived from what the build really uses:
//   - the WebAssembly features each .wasm needs (binaryen's validator, run with one feature
//     turned off at a time on a copy stripped of its target_features section);
//   - the JS syntax of each script (esbuild's compatibility tables: the oldest version for
//     which lowering to it leaves the script unchanged);
//   - module scripts, where the page loads one.
// `node scripts/browser-floor.mjs [dist]` prints the table; tests/e2e/browsers.test.mjs holds
// the README and the boot guard to it. Runtime APIs the app only uses when they exist
// (FinalizationRegistry, ClipboardItem, navigator.storage) do not count: the app works without.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const esbuild = require(path.join(ROOT, 'node_modules', 'esbuild'));
const WASM_OPT = path.join(ROOT, 'node_modules', '.bin', 'wasm-opt');

/** The first version of each browser with a WebAssembly feature (webassembly.org/features). */
export const WASM_FEATURES = {
  'mutable-globals': { chromium: 74, firefox: 61 },
  'sign-ext': { chromium: 74, firefox: 62 },
  'nontrapping-float-to-int': { chromium: 75, firefox: 64 },
  'bulk-memory': { chromium: 75, firefox: 79 },
  // memory.copy and memory.fill: binaryen's name for the part of bulk memory LLVM uses.
  'bulk-memory-opt': { chromium: 75, firefox: 79 },
  multivalue: { chromium: 85, firefox: 78 },
  'reference-types': { chromium: 96, firefox: 79 },
  // The table index of call_indirect as a LEB: reference types' encoding.
  'call-indirect-overlong': { chromium: 96, firefox: 79 },
  simd: { chromium: 91, firefox: 89 },
  'exception-handling': { chromium: 95, firefox: 100 },
  'tail-call': { chromium: 112, firefox: 121 },
  gc: { chromium: 119, firefox: 120 },
};

/** Compiling wasm under a CSP that allows it by 'wasm-unsafe-eval' and not 'unsafe-eval'
 * (Chromium 97; Firefox applied no CSP to wasm before it had the keyword, in 102). */
const WASM_UNSAFE_EVAL = { chromium: 97, firefox: 79 };

/** Module scripts (`<script type="module">`). */
const MODULE_SCRIPTS = { chromium: 61, firefox: 60 };

/** Features binaryen only allows with another (turning that one off turns them off too). */
const NEEDS = { gc: ['reference-types'], 'bulk-memory': ['bulk-memory-opt'] };

/** The flags that enable every known feature but `off` and those that need it. */
function enabled(off) {
  const without = (f) => f === off || (NEEDS[f] ?? []).includes(off);
  return ['--mvp-features', ...Object.keys(WASM_FEATURES).filter((f) => !without(f)).map((f) => `--enable-${f}`)];
}

/** A module without its `target_features` section, which would tell binaryen what to allow;
 * copied section by section (re-encoding it with binaryen could add new encodings). */
function withoutTargetFeatures(bytes) {
  const leb = (at) => {
    let [value, shift, i] = [0, 0, at];
    for (;;) {
      const b = bytes[i++];
      value += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) return [value, i];
    }
  };
  const kept = [bytes.subarray(0, 8)];
  for (let at = 8; at < bytes.length;) {
    const [size, body] = leb(at + 1);
    const end = body + size;
    let drop = false;
    if (bytes[at] === 0) {
      const [len, name] = leb(body);
      drop = Buffer.from(bytes.subarray(name, name + len)).toString() === 'target_features';
    }
    if (!drop) kept.push(bytes.subarray(at, end));
    at = end;
  }
  return Buffer.concat(kept);
}

/** The WebAssembly features a module needs: each one without which binaryen rejects it. */
export function wasmFeatures(file) {
  const dir = mkdtempSync(path.join(tmpdir(), 'floor-'));
  const valid = (flags) => {
    try {
      execFileSync(WASM_OPT, [...flags, path.join(dir, 'bare.wasm'), '-o', path.join(dir, 'x.wasm')], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  };
  try {
    writeFileSync(path.join(dir, 'bare.wasm'), withoutTargetFeatures(readFileSync(file)));
    if (!valid(enabled(null))) throw new Error(`${file} uses a WebAssembly feature scripts/browser-floor.mjs does not know`);
    return Object.keys(WASM_FEATURES).filter((feature) => !valid(enabled(feature)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ENGINES = { chromium: 'chrome', firefox: 'firefox' };

/** The oldest version of `browser` whose syntax a script needs no lowering for. */
export function syntaxFloor(code, browser, module) {
  const format = module ? { format: 'esm' } : {};
  const as = (target) => {
    try {
      return esbuild.transformSync(code, { target, ...format, logLevel: 'silent' }).code;
    } catch {
      return null;
    }
  };
  const newest = as('esnext');
  let [low, high] = [40, 160];
  if (as(`${ENGINES[browser]}${high}`) !== newest) return Infinity;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (as(`${ENGINES[browser]}${mid}`) === newest) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The inline scripts of a page, with whether each is a module. */
function inlineScripts(html) {
  return [...html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/type="(?:application\/octet-stream|text\/plain)"/.test(m[1] ?? ''))
    .map((m) => ({ code: m[2], module: /type="module"/.test(m[1] ?? '') }))
    .filter((s) => s.code.trim());
}

/** The floor of a built folder: each browser's oldest version, and why. */
export function floor(dist) {
  const reasons = [];
  const need = (what, versions) => reasons.push({ what, ...versions });
  const files = readdirSync(dist);
  for (const f of files.filter((x) => x.endsWith('.wasm'))) {
    for (const feature of wasmFeatures(path.join(dist, f))) need(`${f}: WebAssembly ${feature}`, WASM_FEATURES[feature]);
  }
  const scripts = [];
  for (const f of files.filter((x) => x.endsWith('.js'))) {
    const code = readFileSync(path.join(dist, f), 'utf8');
    scripts.push({ what: f, code, module: /^\s*(import|export)\s/m.test(code) });
  }
  for (const page of files.filter((x) => x.endsWith('.html'))) {
    const html = readFileSync(path.join(dist, page), 'utf8');
    inlineScripts(html).forEach((s, i) => scripts.push({ what: `${page} script ${i + 1}`, ...s }));
    if (/<script type="module"/.test(html)) need(`${page}: module scripts`, MODULE_SCRIPTS);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    if (/script-src[^;]*'wasm-unsafe-eval'/.test(csp) && !/script-src[^;]*'unsafe-eval'/.test(csp)) {
      need(`${page}: wasm under its CSP ('wasm-unsafe-eval')`, WASM_UNSAFE_EVAL);
    }
  }
  for (const s of scripts) {
    need(`${s.what}: JS syntax`, {
      chromium: syntaxFloor(s.code, 'chromium', s.module),
      firefox: syntaxFloor(s.code, 'firefox', s.module),
    });
  }
  const top = (b) => Math.max(...reasons.map((r) => r[b]));
  return { chromium: top('chromium'), firefox: top('firefox'), reasons };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
  const f = floor(dist);
  for (const r of f.reasons) console.log(`${String(r.chromium).padStart(4)} ${String(r.firefox).padStart(4)}  ${r.what}`);
  console.log(`floor: Chromium ${f.chromium}, Firefox ${f.firefox}`);
}
