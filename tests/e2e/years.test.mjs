// Year to year (#6): next year's report from this one with the carried numbers and the
// cross-year warnings; a published page read back in with its recognition report; a block
// copied from a web page's table pasted into table 三.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, SHOTS, launch, axe } from './harness.mjs';
import { hostApp, openApp } from './site.mjs';
import { heading } from './flows.mjs';

let app;
let browser;
const fixtures = path.join(ROOT, 'tests', 'fixtures', 'published');

before(async () => {
  app = await hostApp('site-years');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.server.close();
});

const APPLICANTS = ['自然人', '法人或其他组织 商业企业', '法人或其他组织 科研机构', '法人或其他组织 社会公益组织', '法人或其他组织 法律服务机构', '法人或其他组织 其他'];

async function row(page, label) {
  const values = [];
  for (const col of APPLICANTS) values.push(await page.getByRole('textbox', { name: `${label} ${col}`, exact: true }).inputValue());
  return values;
}

test('next year starts from this one: carried requests, texts to update, cross-year warnings', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }).click();
  const carriedOver = await row(page, '四、结转下年度继续办理');
  await page.getByRole('link', { name: '← 任务列表' }).or(page.getByRole('link', { name: /任务列表/ })).first().click();
  const taskHeading = page.getByRole('heading', { level: 1, name: /\d{4}年政府信息公开工作年度报告$/ });
  await taskHeading.waitFor();
  const oldTitle = await taskHeading.textContent();
  const year = Number(/(\d{4})年/.exec(oldTitle)[1]);

  await page.getByRole('button', { name: '以此为基础新建下一年度' }).click();
  await heading(page, oldTitle.replace(`${year}年`, `${year + 1}年`));
  const notes = page.getByRole('status').filter({ hasText: '已根据上一年度新建' });
  assert.match(await notes.textContent(), /已结转6个单元格/);
  assert.match(await page.getByText('上一年度报告：').textContent(), new RegExp(String(year)));
  assert.deepEqual(await axe(page), []);

  // 二、上年结转 is last year's 四、结转下年度继续办理; this year's other numbers are empty.
  await page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }).click();
  assert.deepEqual(await row(page, '二、上年结转政府信息公开申请数量'), carriedOver);
  assert.deepEqual(await row(page, '一、本年新收政府信息公开申请数量'), ['', '', '', '', '', '']);
  const changed = String(Number(carriedOver[0]) + 2);
  await page.getByRole('textbox', { name: '二、上年结转政府信息公开申请数量 自然人', exact: true }).fill(changed);

  // The texts are last year's, marked until edited.
  await page.goto(page.url().replace(/#\/([^/]+)\/.*/, '#/$1/problems'));
  await page.getByRole('heading', { level: 1, name: /五、存在的主要问题及改进情况/ }).waitFor();
  assert.equal(await page.getByText('待更新', { exact: true }).count(), 1);
  await page.getByRole('textbox', { name: /正文/ }).fill('今年的问题和改进。');
  assert.equal(await page.getByText('待更新', { exact: true }).count(), 0);

  // The review names both years' numbers.
  await page.goto(page.url().replace(/#\/([^/]+)\/.*/, '#/$1/review'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  const warning = page.getByText(new RegExp(`二、上年结转政府信息公开申请数量（自然人）为${changed}，但${year}年报告的四、结转下年度继续办理为${carriedOver[0]}`)).first();
  await warning.waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a saved government page becomes a draft after a cell-by-cell report', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByLabel('选择保存的网页').setInputFiles(path.join(fixtures, '2021-quirks.html'));
  const report = page.getByRole('region', { name: '识别结果' });
  await report.waitFor();
  assert.match(await report.textContent(), /表格按2021年格式/);
  assert.match(await report.textContent(), /（八）其他（本省增加）/);
  assert.match(await page.locator('#nb-recognition-tally').textContent(), /经单位或文字换算/);
  // A cell converted from 元 to 万元 says so where it is shown.
  assert.equal(await report.locator('td[title*="251000元"]').textContent(), '25.1*（“251000元”换算为25.1万元）');
  assert.deepEqual(await axe(page), []);
  await report.screenshot({ path: path.join(SHOTS, 'zh-import.png') });

  await page.getByRole('button', { name: '用识别结果新建草稿' }).click();
  await heading(page, '临江县石桥镇人民政府2022年政府信息公开工作年度报告');
  await page.getByRole('link', { name: '二、主动公开政府信息情况' }).click();
  assert.equal(await page.getByRole('textbox', { name: /行政事业性收费/ }).inputValue(), '25.1');
  await page.getByRole('link', { name: /任务列表/ }).first().click();
  await page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }).click();
  assert.equal(await page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 自然人', exact: true }).inputValue(), '12');
  assert.deepEqual(problems, []);
  await context.close();
});

test('pasted page text is recognised too, and a page with nothing of a report is refused', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  const text = await readFile(path.join(fixtures, '2022-text-2019-tables.txt'), 'utf8');
  await page.getByRole('textbox', { name: '或粘贴网页文字' }).fill(text);
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  const report = page.getByRole('region', { name: '识别结果' });
  await report.waitFor();
  assert.match(await report.textContent(), /2019年格式/);
  assert.match(await report.textContent(), /这是2022年度的报告，但表格是2019年格式/);
  await page.getByRole('button', { name: '取消' }).click();
  assert.equal(await report.count(), 0);

  await page.getByRole('textbox', { name: '或粘贴网页文字' }).fill('404 页面不存在');
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await page.getByText('没有读到任何年报内容。').waitFor();
  assert.equal(await page.getByRole('button', { name: '用识别结果新建草稿' }).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a worker that cannot start: reading a page says so, changes nothing, and works on retry', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const worker = /nianbao-worker_bg\.wasm$/;
  await page.route(worker, (route) => route.abort('internetdisconnected'));
  await page.goto(app.url);
  const text = await readFile(path.join(fixtures, '2022-text-2019-tables.txt'), 'utf8');
  await page.getByRole('textbox', { name: '或粘贴网页文字' }).fill(text);
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await page.getByRole('alert').filter({ hasText: '读取网页时出错，请重试；本浏览器中的草稿没有任何改变。' }).waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before);
  await page.unroute(worker);
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await page.getByRole('region', { name: '识别结果' }).waitFor();
  await context.close();
});

test('rows copied from a web page table paste by position, labels and totals skipped', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }).click();
  await page.evaluate(async () => {
    const html = '<table><tr><td>1.属于国家秘密</td><td>3</td><td>/</td><td>-</td><td>0</td><td>无</td><td>1件</td><td>4</td></tr>'
      + '<tr><td>2.其他法律行政法规禁止公开</td><td>2</td><td>约1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr></table>';
    const plain = '1.属于国家秘密\t3\t/\t-\t0\t无\t1件\t4\n2.其他法律行政法规禁止公开\t2\t约1\t0\t0\t0\t0\t2';
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([plain], { type: 'text/plain' }),
    })]);
  });
  await page.getByRole('textbox', { name: '（三）不予公开 1.属于国家秘密 自然人', exact: true }).focus();
  await page.keyboard.press('Control+V');
  assert.deepEqual(await row(page, '（三）不予公开 1.属于国家秘密'), ['3', '0', '0', '0', '0', '1']);
  const second = await row(page, '（三）不予公开 2.其他法律行政法规禁止公开');
  assert.equal(second[0], '2');
  assert.notEqual(second[1], '约1');
  const summary = await page.locator('.nb-paste-summary').textContent();
  assert.match(summary, /已粘贴11个单元格/);
  assert.match(summary, /2个落在自动计算的总计上/);
  assert.match(summary, /1个不是数字（“约1”）/);
  // One value with its unit, as a published table prints it: the number goes in.
  await page.evaluate(() => navigator.clipboard.writeText('12件'));
  const cell = page.getByRole('textbox', { name: '（三）不予公开 3.危及“三安全一稳定” 自然人', exact: true });
  await cell.fill('');
  await cell.focus();
  await page.keyboard.press('Control+V');
  assert.equal(await cell.inputValue(), '12');
  assert.match(await page.locator('.nb-paste-summary').textContent(), /已粘贴1个单元格（其中1个按/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a report is linked to last year from the drafts in this browser, and unlinked after asking', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  const lastTitle = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
  const lastYear = Number(/(\d{4})年/.exec(lastTitle)[1]);
  await page.getByRole('link', { name: '← 首页' }).click();
  await page.getByRole('textbox', { name: '年度' }).fill(String(lastYear + 1));
  await page.getByRole('textbox', { name: '发布机构' }).fill('关联测试街道办事处');
  await page.getByRole('button', { name: '新建报告' }).click();
  await heading(page, `关联测试街道办事处${lastYear + 1}年政府信息公开工作年度报告`);

  // Last year's drafts come first in the list.
  const select = page.getByRole('combobox', { name: '本浏览器中的草稿' });
  const options = await select.locator('option').allTextContents();
  assert.equal(options[1], `${lastYear} · ${lastTitle}`);
  await select.selectOption({ index: 1 });
  await page.getByRole('button', { name: '关联', exact: true }).click();
  await page.getByText('上一年度报告：').waitFor();

  // Nothing typed yet in 二、上年结转: every column where last year carried requests over is flagged.
  await page.goto(page.url().replace(/#\/([^/]+)\/.*/, '#/$1/review'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.ok(await page.getByText(new RegExp(`二、上年结转政府信息公开申请数量（.+）为0，但${lastYear}年报告的四、结转下年度继续办理为[1-9]`)).count() > 0);

  await page.goto(page.url().replace(/#\/([^/]+)\/.*/, '#/$1/tasks'));
  await page.getByRole('button', { name: '取消关联' }).click();
  await page.getByRole('alert').filter({ hasText: '取消后' }).waitFor();
  await page.getByRole('button', { name: '保留关联' }).click();
  await page.getByText('上一年度报告：').waitFor();
  await page.getByRole('button', { name: '取消关联' }).click();
  await page.getByRole('button', { name: '确定取消关联' }).click();
  await page.getByText('尚未关联上一年度的报告').waitFor();
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad input on the way: a year that is no year, a file that is no draft, a page too large', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  // The start screen reads a year like 基本信息 does.
  await page.getByRole('textbox', { name: '年度' }).fill('1900');
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByRole('alert').filter({ hasText: '“1900”不是年度' }).waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before);

  // A page over 20 MB is refused before it is read.
  const big = path.join(ROOT, 'test-output', 'big-page.html');
  await writeFile(big, Buffer.alloc(21 * 1024 * 1024, 32));
  await page.getByLabel('选择保存的网页').setInputFiles(big);
  await page.getByRole('alert').filter({ hasText: '文件过大' }).waitFor();

  // Linking last year from a file that is not a draft says why and links nothing.
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  const notDraft = path.join(ROOT, 'test-output', 'not-a-draft.json');
  await writeFile(notDraft, '{"hello": 1}');
  await page.getByLabel('或选择上一年度的草稿文件').setInputFiles(notDraft);
  await page.getByRole('alert').filter({ hasText: '不是' }).waitFor();
  assert.equal(await page.getByText('上一年度报告：').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('last year\'s Word file, single-file page or PDF: each is read or told what to do', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  const picker = page.getByLabel('选择保存的网页或Word文件');
  // The Word file LibreOffice made of a saved page: read in the worker, every cell.
  await picker.setInputFiles(path.join(fixtures, '2021-clean.docx'));
  const report = page.getByRole('region', { name: '识别结果' });
  await report.waitFor();
  assert.match(await page.locator('#nb-recognition-tally').textContent(), /，0个页面上没有/);
  await page.getByRole('button', { name: '取消' }).click();
  // Chromium's single-file page.
  await picker.setInputFiles(path.join(fixtures, '2021-quirks.mhtml'));
  await report.waitFor();
  assert.match(await report.textContent(), /临江县石桥镇人民政府2022年政府信息公开工作年度报告/);
  await page.getByRole('button', { name: '取消' }).click();
  // An old .doc and a PDF: a message that says what to do, and nothing stored.
  const before = await page.evaluate(() => Object.keys(localStorage).length);
  await picker.setInputFiles({ name: '2019年报.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
  await page.getByRole('alert').filter({ hasText: '另存为' }).waitFor();
  await picker.setInputFiles({ name: '年报.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') });
  await page.getByRole('alert').filter({ hasText: '全选（Ctrl+A）并复制文字' }).waitFor();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).length), before);
  // Text copied from a PDF, pasted: the wrapped rows and paragraphs come back whole.
  const text = await readFile(path.join(fixtures, '2021-sample-pdf.txt'), 'utf8');
  await page.getByRole('textbox', { name: '或粘贴网页文字' }).fill(text);
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await report.waitFor();
  assert.match(await page.locator('#nb-recognition-tally').textContent(), /，0个无法读取，0个页面上没有/);
  assert.match(await report.textContent(), /青禾市临江区望湖街道办事处/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page with hundreds of rows it cannot place lists them a hundred at a time, and 四 keeps its group headers', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  const rows = Array.from({ length: 250 }, (_, i) => `<tr><td>不是表格的行${i}</td><td>1</td><td>2</td></tr>`).join('');
  const file = path.join(ROOT, 'test-output', 'many-unplaced.html');
  await writeFile(file, `<html><body><p>一、总体情况</p><table>${rows}<tr><td>（一）予以公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table></body></html>`);
  await page.getByLabel('选择保存的网页').setInputFiles(file);
  const report = page.getByRole('region', { name: '识别结果' });
  await report.waitFor();
  assert.match(await report.textContent(), /共250行，先列出前100行/);
  assert.equal(await report.locator('.nb-unplaced li').count(), 100);
  await report.getByRole('button', { name: /再列出100行未读取的行/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('.nb-recognition .nb-unplaced li').length === 200);
  await report.getByRole('button', { name: /再列出100行未读取的行/ }).click();
  await page.waitForFunction(() => document.querySelectorAll('.nb-recognition .nb-unplaced li').length === 250);
  assert.equal(await report.getByRole('button', { name: /再列出/ }).count(), 0);
  // 四's header tree, as the printed form has it.
  const four = report.getByRole('region', { name: /政府信息公开行政复议、行政诉讼情况/ });
  await four.getByRole('columnheader', { name: '行政复议' }).waitFor();
  await four.getByRole('columnheader', { name: '复议后起诉' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
