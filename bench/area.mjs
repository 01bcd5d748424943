// The bench of 汇总 and 检查 (#15) on 1,000 reports: the CLI's time and peak memory, and the
// app's worker reading them with the page's keystroke latency while it runs. Prints one table.
// The set is made from the samples with figures of their own and some errors
// (tests/fixtures/county/make.mjs --count), half draft files, half exported pages.
// Method and latest figures: docs/performance.md. No thresholds: numbers, not verdicts.
// Needs dist/ (release) and target/release/nianbao-cli: scripts/bench.sh builds both.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, OUT, serve, launch } from '../tests/e2e/harness.mjs';

const COUNT = Number(process.env.BENCH_REPORTS ?? 1000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const cli = path.join(ROOT, 'target', 'release', 'nianbao-cli');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

const set = path.join(OUT, `area-${COUNT}`);
execFileSync('node', [path.join(ROOT, 'tests', 'fixtures', 'county', 'make.mjs'), '--count', String(COUNT), '--out', set], {
  env: { ...process.env, NIANBAO_CLI: cli },
  stdio: 'inherit',
});
const files = [];
for (const sub of ['drafts', 'pages']) {
  for (const f of (await readdir(path.join(set, sub))).sort()) files.push(path.join(set, sub, f));
}

/** Wall seconds and peak resident memory (KB) of one run. Python's getrusage reports the child's
 * peak, so the bench needs nothing a fresh machine lacks; audit exits 1 on a set with errors,
 * which must not lose the report. */
const TIMER = `
import resource, subprocess, sys, time
t = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("BENCH", time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
`;
function timed(args) {
  const out = execFileSync('python3', ['-c', TIMER, cli, ...args], { maxBuffer: 1 << 28 }).toString();
  const m = out.match(/BENCH ([\d.]+) (\d+)/);
  if (!m) throw new Error(`no timing: ${out.slice(-400)}`);
  return { seconds: Number(m[1]), kb: Number(m[2]) };
}
function runs(args) {
  const rs = [];
  for (let i = 0; i < RUNS; i++) rs.push(timed(args));
  return { seconds: median(rs.map((r) => r.seconds)), kb: median(rs.map((r) => r.kb)) };
}

const auditCli = runs(['audit', '--format', 'csv', '-o', '/dev/null', ...files]);
const sumCli = runs(['sum', '--include-errors', ...files]);

// The browser: the release app served, 检查 and 汇总 fed the same files.
const site = path.join(OUT, 'bench-area-site');
await rm(site, { recursive: true, force: true });
await mkdir(site, { recursive: true });
await cp(path.join(ROOT, 'dist'), site, { recursive: true });
const server = await serve(site);
const browser = await launch();

/** Reads every file on a tool's screen; types into `field` meanwhile; samples the worker's heap. */
async function inBrowser(route, label, field) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await browser.newBrowserCDPSession();
  await page.goto(`${server.url}/#/${route}`);
  await page.getByLabel(label).waitFor();
  // The worker's heap, through the browser's CDP session (Playwright has no worker session).
  let workerPeak = 0;
  let sampling = true;
  const sampler = (async () => {
    let id = 0;
    const replies = new Map();
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const msg = JSON.parse(e.message);
      replies.get(msg.id)?.(msg.result);
    });
    while (sampling) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      for (const t of targetInfos.filter((t) => t.type === 'worker')) {
        try {
          const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
          const asked = ++id;
          const result = await new Promise((resolve) => {
            replies.set(asked, resolve);
            cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: asked, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(null));
            setTimeout(() => resolve(null), 500);
          });
          // The JS heap and what backs array buffers: the wasm module's memory is one.
          if (result) workerPeak = Math.max(workerPeak, result.usedSize + (result.backingStorageSize ?? 0));
          await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
        } catch { /* the worker ended */ }
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  // Keystroke → next frame, measured in the page on a text field of the screen.
  await page.evaluate(() => {
    window.__lat = [];
    document.addEventListener('keydown', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => window.__lat.push(performance.now() - t0));
    }, true);
  });
  const started = Date.now();
  await page.getByLabel(label).setInputFiles(files);
  const typing = (async () => {
    if (!field) return;
    const box = page.getByRole('textbox', { name: field });
    await box.click();
    while (!(await page.getByText(`已读取 ${files.length} / ${files.length} 个文件`).isVisible())) {
      await page.keyboard.press('a');
      await new Promise((r) => setTimeout(r, 40));
    }
  })();
  await page.getByText(`已读取 ${files.length} / ${files.length} 个文件`).waitFor({ timeout: 30 * 60 * 1000 });
  const seconds = (Date.now() - started) / 1000;
  await typing;
  sampling = false;
  await sampler;
  const lat = await page.evaluate(() => window.__lat);
  const mainHeap = (await (await context.newCDPSession(page)).send('Runtime.getHeapUsage')).usedSize;
  await context.close();
  return { seconds, workerPeak, mainHeap, lat };
}

const audit = await inBrowser('audit', '添加要检查的年报文件', null);
const summing = await inBrowser('sum', '添加各单位的年报文件', '汇总后的发布机构');
await browser.close();
await server.close();

const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const rows = [
  [`reports in the set (draft files + pages)`, `${files.length}`],
  [`nianbao-cli audit, ${RUNS} runs: wall median / peak memory`, `${auditCli.seconds.toFixed(2)} s / ${(auditCli.kb / 1024).toFixed(1)} MB`],
  [`nianbao-cli sum, ${RUNS} runs: wall median / peak memory`, `${sumCli.seconds.toFixed(2)} s / ${(sumCli.kb / 1024).toFixed(1)} MB`],
  ['检查 in the browser: all read (wall) / worker heap peak / page heap after', `${audit.seconds.toFixed(1)} s / ${mb(audit.workerPeak)} / ${mb(audit.mainHeap)}`],
  ['汇总 in the browser: all read (wall) / worker heap peak / page heap after', `${summing.seconds.toFixed(1)} s / ${mb(summing.workerPeak)} / ${mb(summing.mainHeap)}`],
  [`keystroke → next frame while 汇总 reads, median / p95 / max of ${summing.lat.length}`, `${median(summing.lat).toFixed(1)} / ${pct(summing.lat, 0.95).toFixed(1)} / ${Math.max(...summing.lat).toFixed(1)} ms`],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`\n| ${'measure'.padEnd(w)} | value |\n|${'-'.repeat(w + 2)}|-------|`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
