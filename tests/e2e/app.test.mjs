// The built app (dist/, release build with wasm-opt) works from a sub-folder of a plain static
// server: it mounts, shows the chosen format's six sections, and shows the example's exported page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import path from 'node:path';
import { EXAMPLE_TITLE, ROOT, axe, launch } from './harness.mjs';
import { hostApp, openApp } from './site.mjs';

const SECTIONS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
let app;
let browser;

before(async () => {
  app = await hostApp('site-app');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.server.close();
});

test('dist/ uses only relative asset URLs', async () => {
  const html = await readFile(path.join(ROOT, 'dist', 'index.html'), 'utf8');
  const urls = [...html.matchAll(/(?:\s(?:href|src)=|module_or_path:\s*)["']([^"']+)["']/g)]
    .map((m) => m[1]).filter((u) => !u.startsWith('data:'));
  assert.ok(urls.length >= 3, `asset references found: ${urls}`);
  for (const u of urls) assert.ok(u.startsWith('./'), `relative: ${u}`);
  assert.ok(!/from '\//.test(html), 'no root-absolute import');
});

test('the first download stays within its size budget', async () => {
  // Everything the start screen needs: the page, what it links, and what its script imports.
  // Sizes are deterministic for a toolchain, so this is a budget, not a timing: issue #5's
  // target is 150 KB brotli; the split (src/ui/deferred.rs) brought it to about 98 KB, and the
  // budget keeps that from creeping back. 112 KB since the Trusted Types allowlist (which must
  // be there before the first view) and the style sheet's rules for this round's screens: the
  // start screen's new parts (继续编写, 从去年的年报开始) come with the other ways in's module.
  const dist = path.join(ROOT, 'dist');
  const html = await readFile(path.join(dist, 'index.html'), 'utf8');
  const files = new Set(['index.html']);
  for (const m of html.matchAll(/(?:href|module_or_path:)\s*=?\s*["']\.\/([^"']+)["']/g)) files.add(m[1]);
  for (const js of [...files].filter((f) => f.endsWith('.js'))) {
    const text = await readFile(path.join(dist, js), 'utf8');
    for (const m of text.matchAll(/^import .* from ["']\.\/([^"']+)["']/gm)) files.add(m[1]);
  }
  assert.ok([...files].some((f) => f.endsWith('_bg.wasm')), [...files].join());
  assert.ok([...files].some((f) => f.endsWith('_split.js')), 'the split loader is imported by the app');
  assert.ok(![...files].some((f) => /_split_|chunk_|worker/.test(f)), `no deferred module: ${[...files]}`);
  let brotli = 0;
  for (const f of files) {
    const body = await readFile(path.join(dist, f));
    brotli += brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  assert.ok(brotli <= 112 * 1024, `first download ${(brotli / 1024).toFixed(1)} KB brotli, budget 112 KB`);
});

test('the first screen does not load the Word writer', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname.split('/').pop()));
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.ok(requests.some((r) => r.endsWith('_bg.wasm')), requests.join());
  assert.deepEqual(requests.filter((r) => r.startsWith('nianbao-worker')), []);
  await context.close();
});

test('the editor is a module of its own: the first screen works without it, a failed fetch says so and retries', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const editor = /_split_draft_screens\.wasm$/;
  let blocked = 0;
  await page.route(editor, (route) => { blocked += 1; return route.abort('internetdisconnected'); });
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1, name: '编写政府信息公开工作年度报告' }).waitFor();
  await page.getByRole('textbox', { name: '年度' }).fill('2025');
  await page.getByLabel('发布机构').fill('青禾市临江区望湖街道办事处');
  // Creating a report stores it with the editor's code: without it, the form says so and
  // keeps what was typed, and nothing is stored.
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByRole('alert').filter({ hasText: '报告没有新建' }).waitFor();
  assert.equal(await page.getByLabel('发布机构').inputValue(), '青禾市临江区望湖街道办事处');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('draft'))), []);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { name: '编辑器没有载入' }).waitFor();
  assert.match(await alert.textContent(), /草稿保存在本机浏览器中，没有丢失/);
  assert.ok(blocked >= 1, 'the editor module was asked for');
  assert.deepEqual(await axe(page), [], 'the notice passes axe');
  // Trying again while still cut off: the new notice's 重试 takes the focus the old one had.
  await alert.getByRole('button', { name: '重试' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'nb-retry-editor');
  await page.unroute(editor);
  await alert.getByRole('button', { name: '重试' }).click();
  await page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor();
  assert.match(page.url(), /#\/example-ogi-2021\/tasks$/);
  await context.close();
});

test('without the start screen\'s second module, a notice offers a retry and a new report can still be made', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const more = /_split_other_ways_in\.wasm$/;
  await page.route(more, (route) => route.abort('internetdisconnected'));
  await page.goto(app.url);
  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { level: 2, name: '示例、草稿文件和草稿列表没有载入' }).waitFor();
  assert.match(await alert.textContent(), /仍可在上面新建报告/);
  assert.deepEqual(await axe(page), [], 'the start screen with the notice passes axe');
  await page.getByRole('textbox', { name: '发布机构' }).fill('断网街道办事处');
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByRole('link', { name: '基本信息' }).waitFor();
  await page.goBack();
  await alert.getByRole('heading', { level: 2, name: '示例、草稿文件和草稿列表没有载入' }).waitFor();
  await page.unroute(more);
  await page.getByRole('alert').getByRole('button', { name: '重试' }).click();
  await page.getByRole('row').filter({ hasText: '断网街道办事处' }).waitFor();
  await context.close();
});

test('a second press of 新建报告 while the editor is still coming makes no second report', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/_split_draft_screens\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(app.url);
  await page.getByRole('textbox', { name: '发布机构' }).fill('慢网街道办事处');
  const submit = page.locator('form button[type=submit]');
  await submit.click();
  assert.equal(await submit.textContent(), '正在新建……');
  // The button says it is busy (aria-disabled); Enter in the field submits the form again.
  await page.getByRole('textbox', { name: '发布机构' }).press('Enter');
  await page.getByRole('link', { name: '基本信息' }).waitFor();
  await page.waitForTimeout(300);
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nianbao.v2.draft.')));
  assert.equal(drafts.length, 1, drafts.join());
  await context.close();
});

test('a server that sends .wasm as application/octet-stream still serves every part', async () => {
  // Many intranet servers do not know the wasm type; streaming compilation then refuses it.
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const served = [];
  await page.route(/\.wasm$/, async (route) => {
    const response = await route.fetch();
    served.push(new URL(route.request().url()).pathname.split('/').pop());
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.goto(app.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor();
  assert.ok(served.some((f) => f.includes('_split_draft_screens')), served.join());
  assert.ok(served.some((f) => f.includes('_split_other_ways_in')), served.join());
  assert.deepEqual(problems, []);
  await context.close();
});

test('the app mounts from a sub-path, and the example shows the six sections and its exported page', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  assert.ok((await page.getByRole('banner').textContent()).includes('nianbao'));
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor();
  const steps = await page.getByRole('list').last().getByRole('link').allTextContents();
  assert.deepEqual(steps, ['基本信息', ...SECTIONS, '审阅与导出']);
  assert.match(page.url(), /#\/example-ogi-2021\/tasks$/);
  await page.getByRole('link', { name: '审阅与导出' }).click();
  const frame = page.frameLocator('iframe[title="导出网页的预览"]');
  await frame.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor();
  assert.equal(await frame.getByRole('table').count(), 6, 'four blocks of 二, then 三 and 四');
  // The 2019 example has the 2019 format's five blocks in 二.
  await page.goto(app.url);
  await page.getByRole('button', { name: '打开示例报告（2019年格式）' }).click();
  await page.getByRole('link', { name: '审阅与导出' }).click();
  await frame.getByRole('heading', { level: 1, name: '青禾市临江区望湖街道办事处2020年政府信息公开工作年度报告' }).waitFor();
  assert.equal(await frame.getByRole('table').count(), 7);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the place lives in the URL hash: reload, back and forward keep it', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }).click();
  await page.getByRole('heading', { level: 1, name: '三、收到和处理政府信息公开申请情况' }).waitFor();
  assert.match(page.url(), /#\/example-ogi-2021\/requests$/);
  // Focus moves to the new step's heading.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'nb-step-heading');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '三、收到和处理政府信息公开申请情况' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor();
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: '三、收到和处理政府信息公开申请情况' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
