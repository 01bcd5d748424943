// Where the time of one keystroke in table 三 goes (issue 17): the app's release build served
// as in bench/run.mjs, the example report's table 三, `KEYS` keystrokes as the bench types them
// (every 7th input, round robin). Chromium's own counters (Performance.getMetrics: script,
// style, layout, tasks), a CPU profile of the keystrokes folded by function, and what the DOM
// writes per keystroke (MutationObserver records by kind). Prints tables; docs/performance.md
// keeps the latest. No thresholds.
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, OUT, serve, launch } from '../tests/e2e/harness.mjs';

const KEYS = Number(process.env.BENCH_KEYS ?? 200);
const SUB = '/bench/app/';
const site = path.join(OUT, 'bench-keystroke');
await rm(site, { recursive: true, force: true });
await mkdir(path.join(site, SUB), { recursive: true });
await cp(path.join(ROOT, 'dist'), path.join(site, SUB), { recursive: true });
const server = await serve(site);
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(server.url + SUB);
await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
await page.goto(`${server.url}${SUB}#/example-ogi-2021/requests`);
await page.locator('table.nb-grid input').first().waitFor();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

await page.evaluate(() => {
  window.__records = { attributes: 0, characterData: 0, childList: 0, nodes: 0 };
  new MutationObserver((rs) => {
    for (const r of rs) {
      window.__records[r.type] += 1;
      window.__records.nodes += r.addedNodes.length + r.removedNodes.length;
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
});
const before = await metric();
await cdp.send('Profiler.start');
await page.evaluate(async (n) => {
  const inputs = [...document.querySelectorAll('table.nb-grid input')];
  for (let i = 0; i < n; i++) {
    const input = inputs[(i * 7) % inputs.length];
    input.value = String(Number(input.value || 0) + 1);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }
}, KEYS);
const { profile } = await cdp.send('Profiler.stop');
const after = await metric();
const records = await page.evaluate(() => window.__records);
await browser.close();
await server.close();

const per = (name) => ((after[name] - before[name]) * 1000 / KEYS).toFixed(2);
console.log(`\nPer keystroke, mean of ${KEYS} (Chromium's counters):\n`);
console.log('| counter | ms |\n|---|---|');
for (const [name, what] of [['TaskDuration', 'all tasks'], ['ScriptDuration', 'script (JS and wasm)'], ['RecalcStyleDuration', 'style recalculation'], ['LayoutDuration', 'layout']]) {
  console.log(`| ${what} | ${per(name)} |`);
}
console.log(`| style recalculations / layouts per keystroke | ${((after.RecalcStyleCount - before.RecalcStyleCount) / KEYS).toFixed(1)} / ${((after.LayoutCount - before.LayoutCount) / KEYS).toFixed(1)} |`);

console.log(`\nDOM writes per keystroke (MutationObserver records):\n`);
console.log('| kind | per keystroke |\n|---|---|');
for (const [k, v] of Object.entries(records)) console.log(`| ${k} | ${(v / KEYS).toFixed(1)} |`);

const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const url = n.callFrame.url.split('/').pop();
  const key = `${n.callFrame.functionName || '(anonymous)'}${url ? ` (${url.replace(/-[0-9a-f]{16}/, '')})` : ''}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const busy = [...self.entries()].filter(([k]) => !k.startsWith('(idle)'));
const total = busy.reduce((a, [, v]) => a + v, 0);
console.log(`\nCPU profile of the ${KEYS} keystrokes, self time by function (idle excluded; ${(total / 1000 / KEYS).toFixed(2)} ms per keystroke):\n`);
console.log('| function | ms per keystroke | share |\n|---|---|---|');
for (const [k, v] of busy.sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`| ${k} | ${(v / 1000 / KEYS).toFixed(3)} | ${(100 * v / total).toFixed(1)} % |`);
}
