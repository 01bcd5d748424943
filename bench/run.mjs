// The benchmark: nianbao's release build against a SurveyJS peer of table 三, in the same
// headless Chromium and the same run. Prints one table: ours, the peer's, and the ratio.
// Method and latest figures: docs/performance.md. No thresholds: numbers, not verdicts.
import { execFileSync } from 'node:child_process';
import { copyFile, cp, mkdir, readFile, rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import path from 'node:path';
import { ROOT, OUT, serve, launch } from '../tests/e2e/harness.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const KEYS = Number(process.env.BENCH_KEYS ?? 200);
const SUB = '/bench/app/';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const spread = (xs) => `${pct(xs, 0.1).toFixed(1)}–${pct(xs, 0.9).toFixed(1)}`;

// Ours: dist/ under a sub-path; the peer: bench/peer with its node_modules, same server.
const site = path.join(OUT, 'bench-site');
await rm(site, { recursive: true, force: true });
await mkdir(path.join(site, SUB), { recursive: true });
await cp(path.join(ROOT, 'dist'), path.join(site, SUB), { recursive: true });
await cp(path.join(ROOT, 'bench', 'peer'), path.join(site, 'bench', 'peer'), { recursive: true });
for (const pkg of ['survey-core', 'survey-js-ui']) {
  await cp(path.join(ROOT, 'bench', 'node_modules', pkg), path.join(site, 'bench', 'node_modules', pkg), { recursive: true });
}
const server = await serve(site);
const browser = await launch();
const ours = { url: server.url + SUB, usable: '#nb-new-body' };
const peer = { url: `${server.url}/bench/peer/`, usable: 'table input' };

/** Records, in the page, when `selector` first exists (ms since navigation start). */
function watch(selector) {
  return (sel) => {
    const seen = () => {
      if (!window.__usable && document.querySelector(sel)) window.__usable = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', seen);
  };
}

async function coldLoad(target) {
  const context = await browser.newContext(target.storageState ? { storageState: target.storageState } : {});
  await context.addInitScript(watch(target.usable), target.usable);
  const page = await context.newPage();
  const bodies = [];
  const reading = [];
  page.on('response', (r) => {
    reading.push(r.body().then((body) => bodies.push({ url: r.url(), body }), () => { /* redirects, aborted */ }));
  });
  await page.goto(target.url);
  await page.waitForFunction(() => window.__usable !== undefined, null, { timeout: 60000 });
  const usable = await page.evaluate(() => window.__usable);
  // What was loaded before the screen was usable is what had fully arrived by then; what
  // arrives afterwards (ours: the modules of the other ways in and of the editor, fetched while
  // the clerk reads the start screen) is counted apart, once everything has arrived.
  await page.waitForLoadState('networkidle');
  await Promise.all(reading);
  const before = new Set(await page.evaluate((t) => [location.href, ...performance.getEntriesByType('resource')
    .filter((e) => e.responseEnd <= t).map((e) => e.name)], usable));
  await context.close();
  return {
    usable,
    bodies: bodies.filter((b) => before.has(b.url)),
    later: bodies.filter((b) => !before.has(b.url)),
  };
}

function transfer(bodies) {
  const sum = (f) => bodies.reduce((a, b) => a + f(b.body), 0);
  const raw = sum((b) => b.length);
  const gzip = sum((b) => gzipSync(b, { level: 9 }).length);
  const brotli = sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  const wasm = bodies.filter((b) => b.url.endsWith('.wasm')).reduce((a, b) => a + b.body.length, 0);
  return { raw, gzip, brotli, wasm };
}

/** Keystroke → the row's total updated, and → the next frame (its animation-frame callback:
 * the frame that shows the keystroke starting), measured inside the page over `keys` inputs,
 * each after a random pause so keystrokes fall anywhere between two frames, as a clerk's do.
 * A p95 within 16.7 ms means the keystroke's work almost never made the page miss the next
 * frame. `total` names where a row's total is: the app's CSP allows no `new Function`, so the
 * two pages' ways are written here. */
async function keystrokes(page, inputSelector, total, keys) {
  return page.evaluate(async ([sel, where, n]) => {
    const totalOf = (input) => (where === 'output'
      ? input.closest('tr').querySelector('output')
      : [...input.closest('tr').querySelectorAll('td')].pop());
    const inputs = [...document.querySelectorAll(sel)];
    const times = [];
    const frames = [];
    const afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
    for (let i = 0; i < n; i++) {
      const input = inputs[(i * 7) % inputs.length];
      const total = totalOf(input);
      const before = total.textContent;
      const changed = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (total.textContent !== before) { mo.disconnect(); resolve(performance.now()); }
        });
        mo.observe(total, { childList: true, characterData: true, subtree: true });
      });
      const start = performance.now();
      input.value = String(Number(input.value || 0) + 1);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const frame = afterFrame();
      times.push((await changed) - start);
      frames.push((await frame) - start);
      await new Promise((r) => setTimeout(r, Math.random() * 17));
    }
    return { times, frames };
  }, [inputSelector, total, keys]);
}

async function oursTyping() {
  const page = await (await browser.newContext()).newPage();
  await page.goto(ours.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.goto(`${ours.url}#/example-ogi-2021/requests`);
  await page.locator('table input').first().waitFor();
  const times = await keystrokes(page, 'table.nb-grid input', 'output', KEYS);
  await page.context().close();
  return times;
}

async function peerTyping() {
  const page = await (await browser.newContext()).newPage();
  await page.goto(peer.url);
  await page.locator('table input').first().waitFor();
  const times = await keystrokes(page, 'table input', 'last-cell', KEYS);
  await page.context().close();
  return times;
}

/** The drafts list with 200 drafts: time to show it, and one keystroke into a 1 MB section. */
async function scale() {
  const page = await (await browser.newContext()).newPage();
  await page.goto(ours.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('link', { name: '基本信息' }).waitFor();
  await page.evaluate(() => {
    const text = localStorage.getItem('nianbao.v2.draft.example-ogi-2021');
    for (let i = 0; i < 200; i++) {
      localStorage.setItem(`nianbao.v2.draft.copy-${i}`, text.replace('"id": "example-ogi-2021"', `"id": "copy-${i}"`));
    }
  });
  const listTimes = [];
  const checkedTimes = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${ours.url}#/example-ogi-2021/tasks`);
    await page.getByRole('link', { name: '基本信息' }).waitFor();
    // Rows shown, then every row's 完成度 and 错误 worked out (done in slices after the rows).
    const [shown, checked] = await page.evaluate(async () => {
      const start = performance.now();
      location.hash = '#/';
      const wait = () => new Promise((r) => setTimeout(r, 1));
      while (document.querySelectorAll('table.nb-drafts tbody tr').length < 201) await wait();
      const shown = performance.now() - start;
      const deadline = performance.now() + 60000;
      while (document.querySelector('table.nb-drafts tbody').textContent.includes('检查中')) {
        if (performance.now() > deadline) throw new Error('the drafts list never finished its checks');
        await wait();
      }
      return [shown, performance.now() - start];
    });
    listTimes.push(shown);
    checkedTimes.push(checked);
  }
  await page.goto(`${ours.url}#/example-ogi-2021/problems`);
  const area = page.getByRole('textbox', { name: '正文' });
  await area.waitFor();
  await area.fill('很长的文字。'.repeat(180000)); // about 1 MB of UTF-8
  const typing = await page.evaluate(async () => {
    const area = document.getElementById('nb-text-problems');
    const count = document.getElementById('nb-text-problems-count');
    const times = [];
    for (let i = 0; i < 20; i++) {
      const before = count.textContent;
      const changed = new Promise((resolve) => {
        const mo = new MutationObserver(() => { if (count.textContent !== before) { mo.disconnect(); resolve(performance.now()); } });
        mo.observe(count, { childList: true, characterData: true, subtree: true });
      });
      const start = performance.now();
      area.value += '字';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      times.push((await changed) - start);
    }
    return times;
  });
  await page.context().close();
  return { listTimes, checkedTimes, typing };
}

/** The single file opened from disk: its size, and cold loads until the start screen is usable. */
async function singleFile() {
  const file = path.join(OUT, 'bench-disk', 'nianbao.html');
  await mkdir(path.dirname(file), { recursive: true });
  await copyFile(path.join(ROOT, 'dist', 'nianbao.html'), file);
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    await context.addInitScript(watch(ours.usable), ours.usable);
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => window.__usable !== undefined, null, { timeout: 60000 });
    times.push(await page.evaluate(() => window.__usable));
    await context.close();
  }
  return { times, size: transfer([{ url: file, body: await readFile(file) }]) };
}

/** A browser's storage holding the example report, as a returning clerk's does. */
async function storedDraft() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(ours.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('heading', { level: 1, name: /年度报告$/ }).waitFor();
  await page.waitForTimeout(600);
  const state = await context.storageState();
  await context.close();
  return state;
}

/** A reload with the browser's cache warm (the files sent as README's deployment section
 * says): time to usable and what crossed the network (resource timing's transferSize, 0 for a
 * file from the cache). */
async function warmReloads(target) {
  const context = await browser.newContext(target.storageState ? { storageState: target.storageState } : {});
  await context.addInitScript(watch(target.usable), target.usable);
  const page = await context.newPage();
  await page.goto(target.url);
  await page.waitForFunction(() => window.__usable !== undefined, null, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  const times = [];
  const bytes = [];
  for (let i = 0; i < LOADS; i++) {
    await page.reload();
    await page.waitForFunction(() => window.__usable !== undefined, null, { timeout: 60000 });
    times.push(await page.evaluate(() => window.__usable));
    bytes.push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return (nav?.transferSize ?? 0) + performance.getEntriesByType('resource')
        .filter((e) => e.responseEnd <= window.__usable).reduce((a, e) => a + e.transferSize, 0);
    }));
  }
  await context.close();
  return { times, bytes: median(bytes) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(2)} ms`;
const ratio = (a, b) => (b ? (a / b).toFixed(2) : '—');

const loads = { ours: [], peer: [] };
let sizes = {};
for (const [name, target] of [['ours', ours], ['peer', peer]]) {
  for (let i = 0; i < LOADS; i++) {
    const { usable, bodies, later } = await coldLoad(target);
    loads[name].push(usable);
    if (i === 0) sizes[name] = { ...transfer(bodies), later: transfer(later) };
  }
}
// A returning clerk: a stored draft's table 三 opened straight from a bookmark.
const deep = { url: `${ours.url}#/example-ogi-2021/requests`, usable: 'table.nb-grid input', storageState: await storedDraft() };
const deepLoads = [];
let deepSize;
for (let i = 0; i < LOADS; i++) {
  const { usable, bodies } = await coldLoad(deep);
  deepLoads.push(usable);
  if (i === 0) deepSize = transfer(bodies);
}
const warm = { start: await warmReloads(ours), deep: await warmReloads(deep), peer: await warmReloads(peer) };
const single = await singleFile();
const typing = { ours: await oursTyping(), peer: await peerTyping() };
const big = await scale();
const core = JSON.parse(execFileSync('cargo', ['bench', '--quiet', '--bench', 'core'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop());
await browser.close();
await server.close();

const rows = [
  ['transfer before first use, raw', kb(sizes.ours.raw), kb(sizes.peer.raw), ratio(sizes.ours.raw, sizes.peer.raw)],
  ['transfer before first use, gzip', kb(sizes.ours.gzip), kb(sizes.peer.gzip), ratio(sizes.ours.gzip, sizes.peer.gzip)],
  ['transfer before first use, brotli', kb(sizes.ours.brotli), kb(sizes.peer.brotli), ratio(sizes.ours.brotli, sizes.peer.brotli)],
  ['wasm alone, raw', kb(sizes.ours.wasm), '—', '—'],
  ['fetched after first use (other modules), raw / brotli', `${kb(sizes.ours.later.raw)} / ${kb(sizes.ours.later.brotli)}`, `${kb(sizes.peer.later.raw)} / ${kb(sizes.peer.later.brotli)}`, ''],
  [`first usable screen, median of ${LOADS} cold loads`, ms(median(loads.ours)), ms(median(loads.peer)), ratio(median(loads.ours), median(loads.peer))],
  ['first usable screen, p10–p90', spread(loads.ours) + ' ms', spread(loads.peer) + ' ms', ''],
  ['the single file nianbao.html: raw / gzip / brotli', `${kb(single.size.raw)} / ${kb(single.size.gzip)} / ${kb(single.size.brotli)}`, '—', ''],
  [`the single file from disk: usable, median of ${LOADS} (served app: ${ms(median(loads.ours))})`, ms(median(single.times)), '—', ratio(median(single.times), median(loads.ours)) + ' of served'],
  ['the single file from disk: p10–p90', spread(single.times) + ' ms', '—', ''],
  ['a stored draft\'s table 三 opened cold (#/id/requests): transfer before usable, raw / brotli', `${kb(deepSize.raw)} / ${kb(deepSize.brotli)}`, `${kb(sizes.peer.raw)} / ${kb(sizes.peer.brotli)} (its page)`, ratio(deepSize.brotli, sizes.peer.brotli)],
  [`the same: time to usable, median of ${LOADS} (p10–p90)`, `${ms(median(deepLoads))} (${spread(deepLoads)})`, ms(median(loads.peer)), ratio(median(deepLoads), median(loads.peer))],
  [`warm reload of the start screen: usable, median of ${LOADS} / bytes over the network`, `${ms(median(warm.start.times))} / ${kb(warm.start.bytes)}`, `${ms(median(warm.peer.times))} / ${kb(warm.peer.bytes)}`, ratio(median(warm.start.times), median(warm.peer.times))],
  [`warm reload of a stored draft's table 三: usable / bytes over the network`, `${ms(median(warm.deep.times))} / ${kb(warm.deep.bytes)}`, '—', ''],
  [`keystroke → totals in table 三 (DOM updated), median of ${KEYS}`, ms(median(typing.ours.times)), ms(median(typing.peer.times)), ratio(median(typing.ours.times), median(typing.peer.times))],
  ['keystroke → totals, p95', ms(pct(typing.ours.times, 0.95)), ms(pct(typing.peer.times, 0.95)), ratio(pct(typing.ours.times, 0.95), pct(typing.peer.times, 0.95))],
  [`keystroke → next frame, median / p95 of ${KEYS}`, `${ms(median(typing.ours.frames))} / ${ms(pct(typing.ours.frames, 0.95))}`, `${ms(median(typing.peer.frames))} / ${ms(pct(typing.peer.frames, 0.95))}`, ratio(pct(typing.ours.frames, 0.95), pct(typing.peer.frames, 0.95))],
  ['export of a full report to HTML (native, median)', ms(core.export_ms), '—', ''],
  ['one autosave: read revision + write entry (native, median)', ms(core.autosave_ms), '—', ''],
  ['drafts list with 200 drafts: rows shown / all checked, median of 5', `${ms(median(big.listTimes))} / ${ms(median(big.checkedTimes))}`, '—', ''],
  ['keystroke in a section holding 1 MB, median / p95 of 20', `${ms(median(big.typing))} / ${ms(pct(big.typing, 0.95))}`, '—', ''],
];
const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i]).length), ['measure', 'nianbao', 'SurveyJS peer', 'ours/peer'][i].length));
const line = (r) => `| ${r.map((c, i) => String(c).padEnd(width[i])).join(' | ')} |`;
console.log(line(['measure', 'nianbao', 'SurveyJS peer', 'ours/peer']));
console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
