// The fault matrix of drafts: whatever happens to storage, tabs or files, no typed character is
// lost and the screen says where the work is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OUT, launch, cli } from './harness.mjs';
import { hostApp, openApp } from './site.mjs';

let app;
let browser;
const files = path.join(OUT, 'drafts');

before(async () => {
  await mkdir(files, { recursive: true });
  app = await hostApp('site-drafts');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.server.close();
});

const stored = (page, id) => page.evaluate((k) => localStorage.getItem(k), `nianbao.v2.draft.${id}`);

async function newReport(page, body = '测试街道办事处') {
  await page.getByRole('textbox', { name: '发布机构' }).fill(body);
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByRole('link', { name: '基本信息' }).waitFor();
  return page.url().match(/#\/([^/]+)\/tasks/)[1];
}

test('a reload within 100 ms of the last keystroke keeps it', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  const id = await newReport(page);
  await page.getByRole('link', { name: '基本信息' }).click();
  await page.getByRole('textbox', { name: '索引号' }).pressSequentially('k123/2026-9', { delay: 5 });
  await page.reload();
  await page.getByRole('textbox', { name: '索引号' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: '索引号' }).inputValue(), 'k123/2026-9');
  assert.ok((await stored(page, id)).includes('k123/2026-9'));
  assert.ok((await page.getByText(/已保存在本浏览器/).textContent()).length > 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tab closed right after typing, then reopened, has everything', async () => {
  const context = await browser.newContext();
  let page = await context.newPage();
  await page.goto(app.url);
  const id = await newReport(page);
  await page.goto(`${app.url}#/${id}/problems`);
  await page.getByRole('textbox', { name: '正文' }).pressSequentially('问题一。改进一。', { delay: 5 });
  await page.close({ runBeforeUnload: true });
  page = await context.newPage();
  await page.goto(`${app.url}#/${id}/problems`);
  assert.equal(await page.getByRole('textbox', { name: '正文' }).inputValue(), '问题一。改进一。');
  await context.close();
});

test('storage full: the edit stays, the stored copy stays, the screen says so, and saving recovers', async () => {
  const { context, page } = await openApp(browser, app.url);
  const id = await newReport(page);
  await page.getByRole('link', { name: '基本信息' }).click();
  const before = await stored(page, id);
  // Fill the origin's storage to the last byte.
  await page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
      for (;;) {
        try { localStorage.setItem(`filler-${n++}`, 'x'.repeat(size)); } catch { break; }
      }
    }
  });
  // Longer than the few characters of slack the filler's last key can leave.
  const typed = '满了也不丢'.repeat(8);
  await page.getByRole('textbox', { name: '索引号' }).fill(typed);
  const alert = page.getByRole('alert').filter({ hasText: '浏览器存储空间已满' });
  await alert.waitFor();
  assert.ok(await alert.getByRole('button', { name: '下载草稿文件' }).isVisible());
  assert.ok((await page.getByText('⚠ 未保存').textContent()).length > 0);
  assert.equal(await stored(page, id), before, 'the stored copy is unchanged');
  assert.equal(await page.getByRole('textbox', { name: '索引号' }).inputValue(), typed);
  // Free the space: the retry stores the edit without another keystroke.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await page.getByText(/已保存在本浏览器/).waitFor({ timeout: 10000 });
  assert.ok((await stored(page, id)).includes(typed));
  await context.close();
});

test('storage disabled: the app works in memory, says so, and offers the file', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('alert').filter({ hasText: '此浏览器不允许本网页保存数据' }).first().waitFor();
  await newReport(page, '无存储街道');
  await page.getByRole('link', { name: '基本信息' }).click();
  await page.getByRole('textbox', { name: '索引号' }).fill('只在内存');
  const alert = page.getByRole('alert').filter({ hasText: '此浏览器不允许本网页保存数据' });
  await alert.waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: '下载草稿文件' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^无存储街道-\d{4}年报-草稿-\d{4}-\d{2}-\d{2}\.json$/);
  const saved = path.join(files, 'memory.json');
  await download.saveAs(saved);
  assert.ok((await readFile(saved, 'utf8')).includes('只在内存'));
  // Leaving the draft and coming back keeps the edit for as long as the page lives.
  await page.getByRole('link', { name: '← 任务列表' }).click();
  await page.getByRole('link', { name: '基本信息' }).click();
  assert.equal(await page.getByRole('textbox', { name: '索引号' }).inputValue(), '只在内存');
  await context.close();
});

test('a corrupt entry is kept aside untouched, the app starts, its raw text can be downloaded', async () => {
  const { context, page } = await openApp(browser, app.url);
  await page.evaluate(() => localStorage.setItem('nianbao.v2.draft.broken', '{"revision": 3, "draft": {oops'));
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: '有无法读取的存储内容' });
  await alert.waitFor();
  assert.ok((await alert.textContent()).includes('nianbao.v2.draft.broken'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: '下载原始内容' }).click(),
  ]);
  const raw = path.join(files, 'raw.txt');
  await download.saveAs(raw);
  assert.equal(await readFile(raw, 'utf8'), '{"revision": 3, "draft": {oops');
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.v2.draft.broken')), '{"revision": 3, "draft": {oops');
  await newReport(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao.v2.draft.broken')), '{"revision": 3, "draft": {oops');
  await context.close();
});

test('a draft from the previous storage version is migrated and opens', async () => {
  const { context, page } = await openApp(browser, app.url);
  const file = JSON.parse(await cli(['sample', 'ogi-2019']));
  file.id = 'old-v1';
  await page.evaluate((text) => localStorage.setItem('nianbao.v1.draft.old-v1', text), JSON.stringify(file));
  await page.reload();
  await page.getByRole('link', { name: '青禾市临江区望湖街道办事处2020年政府信息公开工作年度报告' }).click();
  await page.getByRole('link', { name: '审阅与导出' }).waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.ok(keys.includes('nianbao.v2.draft.old-v1') && !keys.includes('nianbao.v1.draft.old-v1'), keys.join());
  await context.close();
});

test('a second tab on the same draft: refreshed when it has no change, asked when it has', async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  await a.goto(app.url);
  const id = await newReport(a);
  const b = await context.newPage();
  // Tab A's timers stand still until told, so its change is pending while B saves.
  await a.clock.install();
  await a.goto(`${app.url}#/${id}/meta`);
  await b.goto(`${app.url}#/${id}/meta`);
  await b.getByRole('textbox', { name: '索引号' }).fill('B写的');
  await b.getByText(/已保存在本浏览器/).waitFor();
  await a.getByRole('textbox', { name: '索引号' }).waitFor();
  await a.waitForFunction(() => document.getElementById('nb-meta-index-no').value === 'B写的');
  // Now both change the draft before either has seen the other's save. A's debounce is
  // frozen, but switching tabs may flush it, so either tab can be the one that is asked.
  await a.getByRole('textbox', { name: '文号（可选）' }).fill('A写的');
  await b.getByRole('textbox', { name: '联系地址' }).fill('B又写的');
  const asked = async (p) => (await p.getByRole('alert').filter({ hasText: '另一个标签页' }).count()) > 0;
  let loser;
  for (let i = 0; i < 100 && !loser; i++) {
    if (await asked(a)) loser = a;
    else if (await asked(b)) loser = b;
    else await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(loser, 'one tab is asked which version to keep');
  const [field, mine] = loser === a ? ['nb-meta-doc-no', 'A写的'] : ['nb-meta-address', 'B又写的'];
  const other = loser === a ? b : a;
  assert.equal(await loser.evaluate((f) => document.getElementById(f).value, field), mine, 'the asked tab keeps what it typed');
  await loser.getByRole('alert').filter({ hasText: '另一个标签页' }).getByRole('button', { name: '保留本页的版本' }).click();
  await loser.getByText(/已保存在本浏览器/).waitFor();
  assert.ok((await stored(loser, id)).includes(mine));
  // The other tab had nothing unsaved, so it shows the kept version.
  await other.waitForFunction(([f, v]) => document.getElementById(f).value === v, [field, mine]);
  await context.close();
});

test('importing draft files: same id asks, bad files get their own message and change nothing', async () => {
  const { context, page } = await openApp(browser, app.url);
  const id = await newReport(page, '导入街道');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载草稿文件' }).click(),
  ]);
  const draftFile = path.join(files, 'same-id.json');
  await download.saveAs(draftFile);
  await page.goto(app.url);
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const bad = async (name, content, expected) => {
    const file = path.join(files, name);
    await writeFile(file, content);
    await page.getByLabel('选择草稿文件').setInputFiles(file);
    // Wait for this file's own message (the previous file's may still be on screen).
    const alert = page.getByRole('alert').filter({ hasText: '没有打开这个文件' }).filter({ hasText: expected });
    await alert.waitFor({ timeout: 10000 });
    assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before, `${name} changed nothing`);
  };
  await bad('not-json.json', '这不是JSON', '内容不是JSON');
  await bad('not-draft.json', '{"name": "x"}', '缺少 "format": "nianbao-draft" 标记');
  await bad('unknown.json', '{"format": "nianbao-draft", "version": 1, "template": "ogi-2030"}', '不认识的报告格式“ogi-2030”');
  await bad('newer.json', '{"format": "nianbao-draft", "version": 99, "template": "ogi-2021"}', '文件版本99');
  await bad('long-text.json', JSON.stringify({ format: 'nianbao-draft', version: 1, template: 'ogi-2021', meta: { body: '长'.repeat(200001) } }), '过长');
  const big = path.join(files, 'big.json');
  await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 32));
  await bad('big.json', await readFile(big), '文件过大（50.0 MB）');
  // Values out of range: listed, and nothing happens unless asked.
  const range = JSON.parse(await readFile(draftFile, 'utf8'));
  range.id = 'range-test';
  range.cells = { 't3/new/natural': '-3', 't4/cases/review-upheld': '1.5' };
  await writeFile(path.join(files, 'range.json'), JSON.stringify(range));
  await page.getByLabel('选择草稿文件').setInputFiles(path.join(files, 'range.json'));
  const ask = page.getByRole('alert').filter({ hasText: '处数值超出范围' });
  await ask.waitFor();
  assert.ok((await ask.textContent()).includes('一、本年新收政府信息公开申请数量 自然人：“-3”不能为负数'));
  assert.ok((await ask.textContent()).includes('行政复议 结果维持：“1.5”只能填写整数'));
  await ask.getByRole('button', { name: '不打开' }).click();
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before);
  // The same id: keep both.
  await page.getByLabel('选择草稿文件').setInputFiles(draftFile);
  const same = page.getByRole('alert').filter({ hasText: '本浏览器中已经有这份草稿' });
  await same.waitFor();
  await same.getByRole('button', { name: '两份都保留' }).click();
  await page.getByRole('link', { name: '基本信息' }).waitFor();
  assert.notEqual(page.url().match(/#\/([^/]+)\/tasks/)[1], id);
  await page.goto(app.url);
  // The list comes with the start screen's second module, a moment after the form.
  await page.getByRole('table', { name: '草稿列表' }).waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: '导入街道' }).count(), 2);
  // The same id again, replaced while storage is full: the file opens, unsaved with the
  // reason, not as another tab's change; freeing space stores it.
  const storedBefore = await stored(page, id);
  const replacing = JSON.parse(await readFile(draftFile, 'utf8'));
  replacing.meta.index_no = '替换的索引号'.repeat(6);
  await writeFile(path.join(files, 'replace.json'), JSON.stringify(replacing));
  await page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 16, 1]) {
      for (;;) {
        try { localStorage.setItem(`filler-${n++}`, 'x'.repeat(size)); } catch { break; }
      }
    }
  });
  await page.getByLabel('选择草稿文件').setInputFiles(path.join(files, 'replace.json'));
  await page.getByRole('alert').filter({ hasText: '本浏览器中已经有这份草稿' }).getByRole('button', { name: '用文件替换现有草稿' }).click();
  await page.getByRole('alert').filter({ hasText: '浏览器存储空间已满' }).waitFor();
  assert.equal(await page.getByText('另一个标签页').count(), 0);
  assert.equal(await stored(page, id), storedBefore, 'the stored copy is untouched until it can be replaced');
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  await page.getByText(/已保存在本浏览器/).waitFor({ timeout: 10000 });
  assert.ok((await stored(page, id)).includes('替换的索引号'));
  await context.close();
});

test('the drafts list: rename, duplicate, delete with undo; a draft file dropped on the app opens', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await newReport(page, '列表街道');
  await page.goto(app.url);
  await page.getByRole('table', { name: '草稿列表' }).waitFor();
  const rows = page.getByRole('row').filter({ hasText: '列表街道' });
  assert.equal(await rows.count(), 1);
  assert.ok((await rows.textContent()).includes('2021年格式（国办公开办函〔2021〕30号）'));
  // 完成度 and 错误 are worked out after the rows show: 检查中 first, then the figures.
  const done = rows.locator('td').nth(4);
  const errors = rows.locator('td').nth(5);
  await page.waitForFunction((el) => /^\d\/7$/.test(el.textContent), await done.elementHandle());
  assert.equal(await errors.textContent(), '0');
  // Another tab stores a new revision with a value that is not a number: this list rechecks it.
  const id = (await rows.getByRole('link').getAttribute('href')).match(/#\/([^/]+)\/tasks/)[1];
  const other = await context.newPage();
  await other.goto(app.url);
  await other.evaluate((key) => {
    const entry = JSON.parse(localStorage.getItem(key));
    entry.revision += 1;
    entry.saved_at = Date.now();
    entry.draft.cells['t3/new/natural'] = '约5';
    localStorage.setItem(key, JSON.stringify(entry));
  }, `nianbao.v2.draft.${id}`);
  await other.close();
  await page.waitForFunction((el) => Number(el.textContent) >= 1, await errors.elementHandle());
  await page.getByRole('button', { name: /^重命名/ }).click();
  await page.getByRole('textbox', { name: '新标题' }).fill('列表街道的年报（改名）');
  await page.getByRole('button', { name: '保存标题' }).click();
  await page.getByRole('link', { name: '列表街道的年报（改名）' }).waitFor();
  await page.getByRole('button', { name: /^复制一份/ }).click();
  await page.getByRole('link', { name: '列表街道的年报（改名）（副本）' }).waitFor();
  await page.getByRole('button', { name: '删除 列表街道的年报（改名）（副本）' }).click();
  await page.getByRole('status').filter({ hasText: '已删除“列表街道的年报（改名）（副本）”' }).waitFor();
  assert.equal(await page.getByRole('link', { name: '列表街道的年报（改名）（副本）' }).count(), 0);
  await page.getByRole('button', { name: '撤销删除' }).click();
  await page.getByRole('link', { name: '列表街道的年报（改名）（副本）' }).waitFor();
  // Drop a draft file anywhere on the app: it opens.
  const file = JSON.parse(await cli(['sample', 'ogi-2021']));
  file.id = 'dropped-draft';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, JSON.stringify(file));
  await page.waitForFunction(() => location.hash === '#/dropped-draft/tasks');
  await page.getByRole('link', { name: '基本信息' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a draft deleted in another tab: this tab says so and keeps its copy', async () => {
  const context = await browser.newContext();
  const a = await context.newPage();
  await a.goto(app.url);
  const id = await newReport(a, '删除测试街道');
  const b = await context.newPage();
  await b.goto(`${app.url}#/${id}/meta`);
  await b.getByRole('textbox', { name: '索引号' }).fill('B的内容');
  await b.getByText(/已保存在本浏览器/).waitFor();
  await a.goto(app.url);
  await a.getByRole('button', { name: /^删除 删除测试街道/ }).click();
  await b.getByRole('alert').filter({ hasText: '已在另一个标签页（或窗口）中删除' }).waitFor();
  assert.equal(await b.getByRole('textbox', { name: '索引号' }).inputValue(), 'B的内容');
  // Changing it stores it again, with everything this tab had.
  await b.getByRole('textbox', { name: '文号（可选）' }).fill('再存一次');
  await b.getByText(/已保存在本浏览器/).waitFor();
  const stored = await b.evaluate((k) => localStorage.getItem(k), `nianbao.v2.draft.${id}`);
  assert.ok(stored.includes('B的内容') && stored.includes('再存一次'));
  await context.close();
});
