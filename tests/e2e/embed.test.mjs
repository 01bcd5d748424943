// The app inside an intranet portal's page: the README's <iframe> snippet, used as printed, on a
// portal of another origin. A clerk writes a report in it and downloads the page and the draft
// file: on a portal of the app's own site the frame keeps its drafts; on a portal of another
// site Chromium refuses the frame any storage, and the in-memory banner and the draft file keep
// every keystroke. A portal that leaves out allow-same-origin gets the boot guard's notice, not a
// blank frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OUT, ROOT, launch, serve } from './harness.mjs';
import { hostApp } from './site.mjs';

let app;
let portal;
let browser;
let snippet;
const dir = path.join(OUT, 'portal');

/** The README's snippet for embedding, with the app's address put in. */
async function readmeSnippet() {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- embed:start -->\s*```html\n([\s\S]*?)```\s*<!-- embed:end -->/.exec(readme);
  assert.ok(m, 'the README has the embedding snippet between embed:start and embed:end');
  return m[1];
}

/** Writes a portal page holding `iframe`; `site`: 'same' (another origin of the app's site:
 * another port) or 'other' (another site: localhost around 127.0.0.1). */
async function portalPage(name, iframe, site) {
  await writeFile(path.join(dir, name), `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>某某区政务内网门户</title><link rel="icon" href="data:,"></head>
<body><header><h1>某某区政务内网门户</h1></header><main>${iframe}</main></body></html>`);
  const base = site === 'other' ? portal.url.replace('127.0.0.1', 'localhost') : portal.url;
  return `${base}/${name}`;
}

/** A report written in the frame: created, a field filled, the draft file and the page
 * downloaded; returns the saved draft file's text. */
async function writeInFrame(page, frame, body) {
  await frame.getByRole('textbox', { name: '年度' }).fill('2025');
  await frame.getByRole('textbox', { name: '发布机构' }).fill(body);
  await frame.getByRole('button', { name: '新建报告' }).click();
  await frame.getByRole('heading', { level: 1, name: `${body}2025年政府信息公开工作年度报告` }).waitFor();
  await frame.getByRole('link', { name: '基本信息' }).click();
  await frame.getByRole('textbox', { name: '联系电话' }).fill('0575-00000000');
  await frame.getByRole('link', { name: '← 任务列表' }).click();
  const [draft] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: '下载草稿文件' }).first().click(),
  ]);
  assert.match(draft.suggestedFilename(), new RegExp(`^${body}-2025年报-草稿-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const saved = path.join(dir, `${body}.json`);
  await draft.saveAs(saved);
  await frame.getByRole('link', { name: '审阅与导出' }).click();
  const [html] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: '下载网页' }).click(),
  ]);
  assert.equal(html.suggestedFilename(), `${body}2025年政府信息公开工作年度报告.html`);
  const file = path.join(dir, `${body}.html`);
  await html.saveAs(file);
  assert.ok((await readFile(file, 'utf8')).includes(`<h1>${body}2025年政府信息公开工作年度报告</h1>`));
  return readFile(saved, 'utf8');
}

function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  return problems;
}

before(async () => {
  await mkdir(dir, { recursive: true });
  app = await hostApp('site-embed');
  portal = await serve(dir);
  browser = await launch();
  snippet = (await readmeSnippet()).replace(/src="[^"]*"/, `src="${app.url}"`);
});

after(async () => {
  await browser?.close();
  await app?.server.close();
  await portal?.close();
});

test('in a portal of the same site: a report written in the frame, kept in its storage, the page and the draft file downloaded', async () => {
  assert.match(snippet, /sandbox="[^"]*allow-downloads/);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(await portalPage('embed.html', snippet, 'same'));
  const frame = page.frameLocator('iframe');
  await frame.getByRole('heading', { level: 1, name: '编写政府信息公开工作年度报告' }).waitFor();
  assert.match(await frame.locator('#nb-storage-place').textContent(), /嵌入在另一个网页中/);
  const draft = await writeInFrame(page, frame, '门户街道办事处');
  assert.ok(draft.includes('0575-00000000'));
  // The frame's storage kept the draft across a reload of the portal.
  await page.reload();
  await frame.getByRole('row').filter({ hasText: '门户街道办事处' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('in a portal of another site, where Chromium refuses the frame storage: the banner, and the draft file keeps the work', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(await portalPage('embed-other-site.html', snippet, 'other'));
  const frame = page.frameLocator('iframe');
  // Chromium 156 gives a frame of another site than the page no local storage at all.
  await frame.getByRole('alert').filter({ hasText: '此浏览器不允许本网页保存数据' }).first().waitFor();
  const draft = await writeInFrame(page, frame, '跨站门户街道办事处');
  assert.ok(draft.includes('0575-00000000'), 'the draft file holds what was typed');
  await context.close();
});

test('a portal that sandboxes the frame without allow-same-origin gets a notice, not a blank frame', async () => {
  const strict = snippet.replace(/ ?allow-same-origin/, '');
  assert.notEqual(strict, snippet);
  const url = await portalPage('embed-strict.html', strict, 'same');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('heading', { level: 1, name: '年报 nianbao 无法在这里运行' }).waitFor();
  assert.match(await frame.getByRole('main').textContent(), /加入 allow-same-origin/);
  await context.close();
});
