// Firefox ESR, the browser of offices on 统信UOS and 麒麟: the main flows of a clerk's year,
// in Debian's stock firefox-esr (see firefox.mjs for why puppeteer-core over WebDriver BiDi).
// A whole report typed in and exported, a reload within 100 ms of a keystroke, the draft file
// out and back in, a saved page imported, and the single file opened from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OUT, ROOT, vnu } from './harness.mjs';
import { hostApp } from './site.mjs';
import { byRole, downloaded, heading, launchFirefox, openFirefoxPage, selector, valueOf } from './firefox.mjs';

const downloads = path.join(OUT, 'firefox-downloads');
const fixtures = path.join(ROOT, 'tests', 'fixtures', 'published');
let app;
let browser;

before(async () => {
  app = await hostApp('site-firefox');
  browser = await launchFirefox(downloads);
});

after(async () => {
  await browser?.close();
  await app?.server.close();
});

/** Creates a report in the default format (ogi-2021). */
async function newReport(page, body, year = '2025') {
  await byRole(page, 'textbox', '年度').fill(year);
  await byRole(page, 'textbox', '发布机构').fill(body);
  await byRole(page, 'button', '新建报告').click();
  await heading(page, `${body}${year}年政府信息公开工作年度报告`);
}

/** Types a value into every table input of the step on screen, key by key; returns how many. */
async function fillTable(page, valueFor) {
  const boxes = await page.$$('table input');
  const names = await Promise.all(boxes.map((b) => b.evaluate((e) => e.getAttribute('aria-label'))));
  for (const [i, box] of boxes.entries()) {
    await box.evaluate((e) => { e.focus(); e.select(); });
    await page.keyboard.type(valueFor(names[i], i, names));
  }
  return names.length;
}

test('Firefox: a whole 2021-format report typed in and exported as a page and a Word file', async () => {
  const { page, problems } = await openFirefoxPage(browser, app.url);
  const body = '火狐市火狐区新河街道办事处';
  const title = `${body}2025年政府信息公开工作年度报告`;
  await newReport(page, body);
  await byRole(page, 'link', '基本信息').click();
  await heading(page, '基本信息');
  await byRole(page, 'textbox', '索引号').fill('k00000001/2026-00001');
  await byRole(page, 'textbox', '公开日期').fill('2026-01-20');
  await byRole(page, 'button', '检查并继续').click();
  await heading(page, '一、总体情况');
  for (const aspect of ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障']) {
    await byRole(page, 'textbox', `${aspect}（可选）`).fill(`${aspect}方面的工作情况。`);
  }
  await byRole(page, 'button', '检查并继续').click();
  await heading(page, '二、主动公开政府信息情况');
  let filled = await fillTable(page, (name, i) => (name.includes('收费金额') ? '1.25' : String((i % 7) + 1)));
  await byRole(page, 'button', '检查并继续').click();
  await heading(page, '三、收到和处理政府信息公开申请情况');
  // Balanced column by column: 一 = 50 + j, 二 = j, results in the leaf rows, 四 the rest.
  filled += await fillTable(page, (name, i, names) => {
    const rows = names.length / 6;
    const [r, j] = [Math.floor(i / 6), i % 6];
    if (r === 0) return String(50 + j);
    if (r === 1) return String(j);
    if (r < rows - 1) return String((r + j) % 3);
    let handled = 0;
    for (let row = 2; row < rows - 1; row++) handled += (row + j) % 3;
    return String(50 + j + j - handled);
  });
  const total = await page.$eval('output[aria-label="一、本年新收政府信息公开申请数量 总计"]', (e) => e.textContent.trim());
  assert.equal(total, String([0, 1, 2, 3, 4, 5].reduce((a, j) => a + 50 + j, 0)));
  assert.equal(await page.$eval('#nb-error-summary', (e) => e.hidden || getComputedStyle(e).display === 'none').catch(() => true), true, 'a balanced table has no finding');
  await byRole(page, 'button', '检查并继续').click();
  await heading(page, '四、政府信息公开行政复议、行政诉讼情况');
  filled += await fillTable(page, (name, i) => String(i + 1));
  assert.equal(filled, 166, 'all 166 table inputs were filled');
  await byRole(page, 'button', '检查并继续').click();
  await heading(page, '五、存在的主要问题及改进情况');
  await byRole(page, 'textbox', '正文').fill('存在的问题。\n\n改进措施。');
  await byRole(page, 'button', '检查并继续').click();
  await heading(page, '六、其他需要报告的事项');
  await byRole(page, 'textbox', '本年收取信息处理费金额（元）').fill('0');
  await byRole(page, 'button', '没有要报告的：填入“无。”').click();
  await byRole(page, 'button', '检查并继续').click();
  await heading(page, '审阅与导出');
  await byRole(page, 'button', '下载网页').click();
  const html = await readFile(await downloaded(downloads, /2025年政府信息公开工作年度报告\.html$/), 'utf8');
  assert.ok(html.includes(`<h1>${title}</h1>`));
  assert.ok(html.includes('nb-t3-r-new nb-t3-c-applicants nb-t3-c-total">315<'));
  await byRole(page, 'button', '下载 Word').click();
  const docx = await readFile(await downloaded(downloads, /2025年政府信息公开工作年度报告\.docx$/));
  assert.equal(docx.subarray(0, 2).toString(), 'PK');
  assert.deepEqual(await vnu([path.join(downloads, `${title}.html`)]), []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox: a reload within 100 ms of the last keystroke keeps it', async () => {
  const { page, problems } = await openFirefoxPage(browser, app.url);
  await newReport(page, '火狐重载街道办事处');
  await byRole(page, 'link', '基本信息').click();
  await heading(page, '基本信息');
  const box = await byRole(page, 'textbox', '联系电话').waitHandle();
  await box.type('0575-8888', { delay: 5 });
  await page.reload();
  await heading(page, '基本信息');
  assert.equal(await valueOf(page, '联系电话'), '0575-8888');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox: the draft file goes out and comes back in; a saved page is imported', async () => {
  const { page, problems } = await openFirefoxPage(browser, app.url);
  await newReport(page, '火狐往返街道办事处');
  await byRole(page, 'link', '基本信息').click();
  await heading(page, '基本信息');
  await byRole(page, 'textbox', '联系地址').fill('火狐路1号');
  await byRole(page, 'link', '← 任务列表').click();
  await byRole(page, 'button', '下载草稿文件').click();
  const file = await downloaded(downloads, /^火狐往返街道办事处-2025年报-草稿-.*\.json$/);
  assert.ok((await readFile(file, 'utf8')).includes('火狐路1号'));
  // In via the file picker, into a browser that no longer has it.
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${app.url}#/`);
  await heading(page, '编写政府信息公开工作年度报告');
  const picker = await selector(page, '#nb-open-file');
  await picker.uploadFile(file);
  await heading(page, '火狐往返街道办事处2025年政府信息公开工作年度报告');
  await byRole(page, 'link', '基本信息').click();
  await heading(page, '基本信息');
  assert.equal(await valueOf(page, '联系地址'), '火狐路1号');
  // A page saved from a government site, read in the worker.
  await page.goto(`${app.url}#/`);
  const pagePicker = await selector(page, '#nb-published-file');
  await pagePicker.uploadFile(path.join(fixtures, '2021-quirks.html'));
  await selector(page, '#nb-recognition-heading');
  assert.match(await page.$eval('.nb-recognition', (e) => e.textContent), /表格按2021年格式/);
  await byRole(page, 'button', '用识别结果新建草稿').click();
  await heading(page, '临江县石桥镇人民政府2022年政府信息公开工作年度报告');
  assert.deepEqual(problems, []);
  await page.close();
});

test('Firefox: the single file from disk works with no server, and says where its drafts live', async () => {
  const dir = path.join(OUT, 'firefox-disk', '共享盘');
  await rm(path.dirname(dir), { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'nianbao.html');
  await copyFile(path.join(ROOT, 'dist', 'nianbao.html'), file);
  const { page, problems } = await openFirefoxPage(browser, pathToFileURL(file).href);
  await selector(page, '#nb-storage-place');
  assert.match(await page.$eval('#nb-storage-place', (e) => e.textContent), /从本机文件打开/);
  await newReport(page, '火狐磁盘街道办事处');
  await byRole(page, 'link', '基本信息').click();
  await heading(page, '基本信息');
  const box = await byRole(page, 'textbox', '索引号').waitHandle();
  await box.type('k7/2026-7', { delay: 5 });
  await page.reload();
  await heading(page, '基本信息');
  assert.equal(await valueOf(page, '索引号'), 'k7/2026-7');
  await byRole(page, 'link', '← 任务列表').click();
  await byRole(page, 'link', '审阅与导出').click();
  await heading(page, '审阅与导出');
  await byRole(page, 'button', '下载 Word').click();
  const docx = await readFile(await downloaded(downloads, /^火狐磁盘街道办事处2025年政府信息公开工作年度报告\.docx$/));
  assert.equal(docx.subarray(0, 2).toString(), 'PK');
  assert.deepEqual(problems, []);
  await page.close();
});
