// A clerk's first hour, at the common office laptop's 1366×768, by roles and names: the keys
// never join two figures, and the year offered is the one a clerk starts in its last quarter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SHOTS, launch } from './harness.mjs';
import { hostApp, openApp } from './site.mjs';

let app;
let browser;

before(async () => {
  await mkdir(SHOTS, { recursive: true });
  app = await hostApp('site-first-hour');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.server.close();
});

const LAPTOP = { width: 1366, height: 768 };

test('Enter after each figure fills the next cell in one-row tables, never joins them', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();

  // 四 has one row: 356⏎128⏎5⏎0 is four cells, not 35612850.
  await page.goto(`${app.url}#/example-ogi-2021/disputes`);
  const first = page.getByRole('textbox', { name: '行政复议 结果维持', exact: true });
  await first.focus();
  await page.keyboard.press('Control+A');
  for (const figure of ['356', '128', '5', '0']) {
    await page.keyboard.type(figure);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
  }
  const value = (name) => page.getByRole('textbox', { name, exact: true }).inputValue();
  assert.equal(await value('行政复议 结果维持'), '356');
  assert.equal(await value('行政复议 结果纠正'), '128');
  assert.equal(await value('行政复议 其他结果'), '5');
  assert.equal(await value('行政复议 尚未审结'), '0');
  // The hint on the page says what Enter does.
  await page.getByText('回车键按从左到右、从上到下的顺序移到下一个单元格').waitFor();

  // 二's one-row blocks: Enter goes on into the next block.
  await page.goto(`${app.url}#/example-ogi-2021/proactive`);
  await page.getByRole('textbox', { name: /行政许可 本年处理决定数量/ }).first().focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.match(label, /行政处罚/);
  assert.equal(await page.getByRole('textbox', { name: /行政许可 本年处理决定数量/ }).first().inputValue(), '1');
  await page.screenshot({ path: path.join(SHOTS, 'first-hour-proactive-1366.png'), fullPage: true, mask: [page.locator('.nb-save-state')], maskColor: '#ffffff' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the year offered follows the season and the hint says why', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  const now = new Date();
  const offered = now.getMonth() + 1 >= 10 ? now.getFullYear() : now.getFullYear() - 1;
  assert.equal(await page.getByRole('textbox', { name: '年度' }).inputValue(), String(offered));
  await page.getByText('10月至12月开始编写的，默认为当年').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a figure far out of scale asks to be checked, and says what it compares', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.goto(`${app.url}#/example-ogi-2021/proactive`);
  await page.getByRole('textbox', { name: /行政许可 本年处理决定数量/ }).first().fill('35612850');
  await page.getByText(/行政许可 本年处理决定数量为35612850，超过这张表一个机关常见的最大规模（10000000）/).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('dates typed as clerks write them are read, and the page says how', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.goto(`${app.url}#/example-ogi-2021/meta`);
  const date = page.getByRole('textbox', { name: '公开日期' });
  // The hint's example is in the year the report is published.
  const year = Number((await page.getByRole('textbox', { name: '年度' }).inputValue()) || 0);
  await page.getByText(`例如 ${year + 1}-01-20`).waitFor();
  for (const typed of [`${year + 1}/1/20`, `${year + 1}年1月20日`, `${year + 1}.1.20`]) {
    await date.fill(typed);
    await date.press('Tab');
    assert.equal(await date.inputValue(), `${year + 1}-01-20`);
    await page.getByRole('status').filter({ hasText: `“${typed}”已读作 ${year + 1}-01-20` }).waitFor();
  }
  // After the deadline: a warning, not an error.
  await date.fill(`${year + 1}-06-30`);
  await date.press('Tab');
  await page.getByText(/晚于.*报告的截止日期/).first().waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the start screen says which build this is, when it was built and what changed', async () => {
  const { readFile } = await import('node:fs/promises');
  const cargo = await readFile(path.resolve(import.meta.dirname, '../../Cargo.toml'), 'utf8');
  const version = cargo.match(/^version = "([^"]+)"/m)[1];
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  const about = page.getByRole('region', { name: '关于本工具' });
  await about.waitFor();
  assert.match(await about.textContent(), new RegExp(`版本 nianbao ${version.replaceAll('.', '\\.')}，构建于 \\d{4}-\\d{2}-\\d{2}`));
  assert.match(await about.textContent(), /2021年格式（国办公开办函〔2021〕30号）/);
  await about.getByText(`本版本（${version}）的变化`).click();
  await about.getByText(/按从左到右、从上到下的顺序移到下一格/).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
