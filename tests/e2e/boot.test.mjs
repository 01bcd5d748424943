// Never a blank page: wherever the app cannot start, the boot guard (static/boot.js) says so in
// Chinese and English, without the app, and says what to do. Each way it can fail, as a clerk
// would meet it: the served folder opened from disk, a browser without WebAssembly or without
// a feature the build needs, the app's files blocked by a proxy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, axe, launch, violations } from './harness.mjs';
import { hostApp } from './site.mjs';

let app;
let browser;

before(async () => {
  app = await hostApp('site-boot');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.server.close();
});

/** Opens `url` and waits for the guard's notice; returns its kind, its text and axe's verdict. */
async function notice(url, { init, route, rewrite } = {}) {
  const context = await browser.newContext();
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  if (route) await page.route(route, (r) => r.abort('blockedbyclient'));
  if (rewrite) {
    await page.route(url, async (r) => {
      const response = await r.fetch();
      await r.fulfill({ response, body: rewrite(await response.text()) });
    });
  }
  await page.goto(url);
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 1, name: '年报 nianbao 无法在这里运行' }).waitFor();
  await main.getByRole('heading', { level: 2, name: 'nianbao cannot run here' }).waitFor();
  const result = {
    kind: await page.evaluate(() => document.documentElement.getAttribute('data-nb-boot-problem')),
    text: await main.textContent(),
    violations: await axe(page),
    // Nothing of the app is on the page with the notice.
    app: await page.locator('.nb-app-header').count(),
  };
  await context.close();
  return result;
}

test('the served folder opened from disk says to open nianbao.html', async () => {
  const r = await notice(pathToFileURL(path.join(ROOT, 'dist', 'index.html')).href);
  assert.equal(r.kind, 'folder');
  assert.match(r.text, /请打开同一文件夹中的 nianbao\.html/);
  assert.match(r.text, /Open nianbao\.html in the same folder/);
  assert.match(r.text, /打开草稿文件/, 'says how to reach a draft file');
  assert.deepEqual(r.violations, []);
  assert.equal(r.app, 0);
});

test('a browser without WebAssembly is told which browsers work', async () => {
  const r = await notice(app.url, { init: () => { delete window.WebAssembly; } });
  assert.equal(r.kind, 'old');
  assert.match(r.text, /Chromium 内核 \d+ 版及以上/);
  assert.match(r.text, /Firefox \d+ 版及以上/);
  assert.match(r.text, /（WebAssembly）/);
  assert.deepEqual(r.violations, []);
  assert.equal(r.app, 0);
});

test('a browser without a WebAssembly feature the build needs (an old Chromium core) is told too', async () => {
  // As Chromium 95 answers: it validates everything but reference types.
  const r = await notice(app.url, {
    init: () => {
      const validate = WebAssembly.validate;
      WebAssembly.validate = (bytes) => {
        const b = new Uint8Array(bytes);
        const refTypes = b.some((x, i) => x === 0xd0 && b[i + 1] === 0x6f);
        return refTypes ? false : validate(bytes);
      };
    },
  });
  assert.equal(r.kind, 'old');
  assert.match(r.text, /WebAssembly reference-types/);
  assert.deepEqual(r.violations, []);
  assert.equal(r.app, 0);
});

for (const [what, pattern] of [['the main module', /nianbao-[0-9a-f]+\.js$/], ['the main wasm', /nianbao-[0-9a-f]+_bg\.wasm$/]]) {
  test(`${what} blocked by a proxy: the page says the files did not load, and what to do`, async () => {
    const r = await notice(app.url, { route: pattern });
    assert.equal(r.kind, 'blocked');
    assert.match(r.text, /程序文件没有载入/);
    assert.match(r.text, /单文件版 nianbao\.html/);
    assert.deepEqual(r.violations, []);
    assert.equal(r.app, 0);
  });
}

test('the guard stands down once the app has started: a later failure is the app\'s to show', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1, name: '编写政府信息公开工作年度报告' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-nb-started')), true);
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { message: 'later' })));
  assert.equal(await page.locator('#nb-boot-problem').count(), 0);
  await context.close();
});

test('a proxy that changes the page: the policy refuses the changed script, and the page says the files did not load', async () => {
  const r = await notice(app.url, {
    rewrite: (html) => html.replace('if (!window.nianbaoBlocked) init(', 'if (!window.nianbaoBlocked) /* a proxy was here */ init('),
  });
  assert.equal(r.kind, 'blocked');
  assert.match(r.text, /程序文件没有载入/);
  assert.equal(r.app, 0);
  // The refusal is the point of this test: the harness would fail it on any violation.
  assert.ok(violations.some((v) => v.includes('"directive":"script-src-elem"') || v.includes('"directive":"script-src"')), violations.join('\n'));
  violations.length = 0;
});
