// The README's two commands at the same time in one checkout: `scripts/serve.sh` runs while this
// suite runs. It builds into a folder of its own, serves it without a live-reload script, and
// does not touch dist/, which the other tests use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, launch } from './harness.mjs';

/** A fingerprint of every file in dist/: names, sizes and contents. */
async function fingerprint(dir) {
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).sort()) {
    hash.update(name);
    hash.update(await readFile(path.join(dir, name)));
  }
  return hash.digest('hex');
}

test('scripts/serve.sh serves its own build beside the tests, with no live reload, leaving dist/ alone', async (t) => {
  const dist = path.join(ROOT, 'dist');
  const before = await fingerprint(dist);
  const server = spawn('scripts/serve.sh', [], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ } });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address in 10 minutes:\n${output}`)), 600000);
    const read = (chunk) => {
      output += chunk;
      const m = /nianbao is served at\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.on('exit', (code) => reject(new Error(`serve.sh exited with ${code}:\n${output}`)));
  });
  const html = await (await fetch(url)).text();
  assert.ok(!/__trunk_address__|new WebSocket|live-reload/i.test(html), 'no live-reload script');
  assert.equal((await fetch(`${url}nianbao.html`)).status, 200, 'the single file is served too');
  const browser = await launch();
  t.after(() => browser.close());
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: '编写政府信息公开工作年度报告' }).waitFor();
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('link', { name: '审阅与导出' }).waitFor();
  assert.deepEqual(problems, []);
  assert.equal(await fingerprint(dist), before, 'dist/ is unchanged');
});
