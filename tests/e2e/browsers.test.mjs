// The browser floor, stated and checked: the README and the boot guard name the oldest Chromium
// and Firefox that can run the build, derived from what the build really uses
// (scripts/browser-floor.mjs). When the build starts needing more, this fails; so does a README
// that still claims an older floor than the build allows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, launch } from './harness.mjs';
import { hostApp } from './site.mjs';
import { floor, wasmFeatures } from '../../scripts/browser-floor.mjs';

const WASM_OPT = path.join(ROOT, 'node_modules', '.bin', 'wasm-opt');
const dist = path.join(ROOT, 'dist');
let built;

before(() => {
  built = floor(dist);
});

test('the README names the floor the build allows', async () => {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const stated = {
    chromium: Number(/Chromium (\d+) or later/.exec(readme)?.[1]),
    firefox: Number(/Firefox (\d+) or later/.exec(readme)?.[1]),
  };
  const why = built.reasons.filter((r) => r.chromium === built.chromium || r.firefox === built.firefox).map((r) => r.what);
  assert.deepEqual(stated, { chromium: built.chromium, firefox: built.firefox }, `derived from: ${why.join('; ')}`);
});

test('the boot guard names the same floor', async () => {
  const guard = await readFile(path.join(ROOT, 'static', 'boot.js'), 'utf8');
  const m = /var FLOOR = \{ chromium: (\d+), firefox: (\d+) \}/.exec(guard);
  assert.deepEqual({ chromium: Number(m?.[1]), firefox: Number(m?.[2]) }, { chromium: built.chromium, firefox: built.firefox });
});

test('the boot guard probes every WebAssembly feature the build needs, each probe using just that feature', async (t) => {
  const app = await hostApp('site-browsers');
  const browser = await launch();
  t.after(async () => { await browser.close(); await app.server.close(); });
  const page = await browser.newPage();
  await page.goto(app.url);
  const probes = await page.evaluate(() => Object.fromEntries(
    Object.entries(window.nianbaoWasmProbes).map(([name, bytes]) => [name, [...bytes]])));
  const valid = await page.evaluate(() => Object.values(window.nianbaoWasmProbes).every((b) => WebAssembly.validate(b)));
  assert.ok(valid, 'every probe validates in this Chromium');
  // binaryen's names for parts of a proposal the guard probes as a whole.
  const proposal = { 'bulk-memory-opt': 'bulk-memory', 'call-indirect-overlong': 'reference-types' };
  const needed = new Set(built.reasons.filter((r) => r.what.includes('WebAssembly ')).map((r) => {
    const feature = r.what.split('WebAssembly ')[1];
    return proposal[feature] ?? feature;
  }));
  for (const feature of needed) assert.ok(feature in probes, `no probe for ${feature}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'probes-'));
  try {
    for (const [name, bytes] of Object.entries(probes)) {
      const file = path.join(dir, `${name}.wasm`);
      await writeFile(file, Buffer.from(bytes));
      execFileSync(WASM_OPT, ['--all-features', file, '-o', path.join(dir, 'ok.wasm')], { stdio: 'pipe' });
      const uses = wasmFeatures(file).map((f) => proposal[f] ?? f);
      assert.deepEqual([...new Set(uses)], [name], `the ${name} probe uses ${uses}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the served page loads without top-level await, and the JS is within the floor', () => {
  const scripts = built.reasons.filter((r) => r.what.includes('JS syntax'));
  assert.ok(scripts.length >= 4, scripts.map((r) => r.what).join());
  for (const r of scripts) {
    assert.ok(r.chromium <= built.chromium && r.firefox <= built.firefox, `${r.what}: ${r.chromium}/${r.firefox}`);
  }
  // Top-level await alone would need Chromium 89 and Firefox 89; the loader does without it.
  const loader = built.reasons.find((r) => r.what === 'index.html script 2: JS syntax');
  assert.ok(loader && loader.firefox < 89, JSON.stringify(loader));
});
