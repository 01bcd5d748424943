// The built app (dist/, release build with wasm-opt) works from a sub-folder of a plain static
// server: it mounts, shows the chosen format's six sections, and shows the example's exported page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { OUT, ROOT, serve, launch, axe } from './harness.mjs';

const site = path.join(OUT, 'site');
const SUB = '/intranet/reports/nianbao/';
let server;
let browser;

before(async () => {
  await rm(site, { recursive: true, force: true });
  await mkdir(path.join(site, SUB), { recursive: true });
  await cp(path.join(ROOT, 'dist'), path.join(site, SUB), { recursive: true });
  server = await serve(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });
  await page.goto(server.url + SUB);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { context, page, problems };
}

test('dist/ uses only relative asset URLs', async () => {
  const { readFile } = await import('node:fs/promises');
  const html = await readFile(path.join(ROOT, 'dist', 'index.html'), 'utf8');
  const urls = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
  assert.ok(urls.length >= 2, `asset references found: ${urls}`);
  for (const u of urls) assert.ok(u.startsWith('./'), `relative: ${u}`);
  assert.ok(!/["'(]\/[a-z]/.test(html.replace(/<[^>]*integrity[^>]*>/g, '')), 'no root-absolute path in index.html');
});

test('the app mounts from a sub-path and shows the six sections of the chosen format', async () => {
  const { context, page, problems } = await open();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), '政府信息公开工作年度报告');
  assert.ok((await page.textContent('body')).includes('nianbao'));
  const sections = page.getByRole('list').getByRole('listitem');
  assert.deepEqual(await sections.allTextContents(), [
    '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
  ]);
  const format = page.getByLabel('报告格式');
  assert.equal(await format.inputValue(), 'ogi-2021');
  await format.selectOption('ogi-2019');
  await page.getByText('2019、2020年度的报告使用此格式').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the example report shows its exported page in a sandboxed frame', async () => {
  const { context, page, problems } = await open();
  await page.getByRole('button', { name: '载入示例报告' }).click();
  const frame = page.locator('iframe[title="导出的年报网页"]');
  await frame.waitFor();
  assert.equal(await frame.getAttribute('sandbox'), '');
  const inner = page.frameLocator('iframe[title="导出的年报网页"]');
  await inner.getByRole('heading', { level: 1, name: '青禾市临江区望湖街道办事处2025年政府信息公开工作年度报告' }).waitFor();
  assert.equal(await inner.getByRole('table').count(), 6, 'four blocks of 二, then 三 and 四');
  // Switching the format and loading again shows the 2019 example.
  await page.getByLabel('报告格式').selectOption('ogi-2019');
  await page.getByRole('button', { name: '载入示例报告' }).click();
  await inner.getByRole('heading', { level: 1, name: '青禾市临江区望湖街道办事处2020年政府信息公开工作年度报告' }).waitFor();
  assert.equal(await inner.getByRole('table').count(), 7);
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe reports no violation on the app screen', async () => {
  const { context, page } = await open();
  await page.getByRole('button', { name: '载入示例报告' }).click();
  await page.locator('iframe').waitFor();
  assert.deepEqual(await axe(page), []);
  await context.close();
});
