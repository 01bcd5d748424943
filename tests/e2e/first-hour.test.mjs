// A clerk's first hour, at the common office laptop's 1366×768, by roles and names: the keys
// never join two figures, and the year offered is the one a clerk starts in its last quarter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { EXAMPLE_TITLE, OFFERED_YEAR, OUT, SHOTS, cli, launch } from './harness.mjs';
import { writeFile } from 'node:fs/promises';
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

test('the example says it is one, everywhere its title shows, and is on the year offered', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor();
  await page.goto(`${app.url}#/example-ogi-2021/meta`);
  assert.equal(await page.getByRole('textbox', { name: '年度' }).inputValue(), String(OFFERED_YEAR));
  await page.goto(app.url);
  const drafts = page.getByRole('region', { name: '本浏览器中的草稿' });
  await drafts.getByRole('rowheader', { name: EXAMPLE_TITLE }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a returning clerk is led back to the draft and the step left last, above 新建报告', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor();
  await page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }).click();
  await page.getByRole('heading', { level: 1, name: '三、收到和处理政府信息公开申请情况' }).waitFor();
  await page.goto(app.url);
  const resume = page.getByRole('region', { name: '继续编写' });
  await resume.waitFor();
  assert.match(await resume.textContent(), /上次停在“三、收到和处理政府信息公开申请情况”，\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  const above = await resume.boundingBox();
  const form = await page.getByRole('heading', { level: 2, name: '新建报告' }).boundingBox();
  assert.ok(above.y < form.y, '继续编写 comes before the new-report form');
  await page.screenshot({ path: path.join(SHOTS, 'start-returning-1366.png'), fullPage: false });
  await resume.getByRole('link', { name: EXAMPLE_TITLE }).click();
  await page.getByRole('heading', { level: 1, name: '三、收到和处理政府信息公开申请情况' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a draft file already here says which copy is newer, and keeping both comes first', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP, acceptDownloads: true });
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载草稿文件' }).first().click(),
  ]);
  const file = path.join(OUT, 'first-hour-example.json');
  await download.saveAs(file);
  // A change after the file was written: the copy here is the newer one.
  await page.goto(`${app.url}#/example-ogi-2021/meta`);
  await page.getByRole('textbox', { name: '发布机构' }).fill('青禾市临江区望湖街道办事处（改）');
  await page.waitForTimeout(1500);
  await page.goto(app.url);
  await page.getByLabel('选择草稿文件').setInputFiles(file);
  const question = page.getByRole('alert').filter({ hasText: '本浏览器中已经有这份草稿' });
  await question.waitFor();
  const text = await question.textContent();
  assert.match(text, /本浏览器中的草稿：最后保存于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  assert.match(text, /文件：修改于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  assert.match(text, /本浏览器中的较新/);
  const buttons = await question.getByRole('button').allTextContents();
  assert.equal(buttons[0], '两份都保留', 'the safe choice first');
  assert.ok(await question.getByRole('button', { name: '两份都保留' }).evaluate((b) => !b.classList.contains('nb-button-secondary')), 'and primary');
  assert.deepEqual(problems, []);
  await context.close();
});

test('data sentences and single figures go where the cursor is, and the cursor follows', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.goto(`${app.url}#/example-ogi-2021/problems`);
  const text = page.getByRole('textbox', { name: '正文' });
  await text.fill('问题甲。改进乙。');
  await text.evaluate((t) => t.setSelectionRange(4, 4));
  await page.getByRole('button', { name: '插入申请情况数据句' }).click();
  const value = await text.inputValue();
  assert.ok(value.startsWith('问题甲。') && value.indexOf('{{') > 3, value);
  assert.ok(value.endsWith('改进乙。'), 'inserted at the cursor, not at the end');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby')?.length > 0 && document.activeElement.tagName), 'TEXTAREA');
  const caret = await text.evaluate((t) => t.selectionStart);
  // The tokens are behind 插入数据, not printed under every text.
  const token = page.getByRole('button', { name: '{{本年新收申请}}' });
  assert.equal(await token.isVisible(), false);
  await page.getByText('插入数据', { exact: true }).click();
  await token.click();
  const after = await text.inputValue();
  assert.equal(after.slice(caret - 0, caret + '{{本年新收申请}}'.length), '{{本年新收申请}}');
  assert.ok(after.endsWith('改进乙。'));
  assert.deepEqual(problems, []);
  await context.close();
});

for (const viewport of [LAPTOP, { width: 1920, height: 1080 }]) {
  test(`wide tables fit a ${viewport.width} px screen and 三's headers stay in view`, async () => {
    const { context, page, problems } = await openApp(browser, app.url, { viewport });
    await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    for (const step of ['proactive', 'requests', 'disputes']) {
      await page.goto(`${app.url}#/example-ogi-2021/${step}`);
      await page.locator('.nb-table-wrap').first().waitFor();
      const overflow = await page.evaluate(() => [document.documentElement.scrollWidth - innerWidth,
        ...[...document.querySelectorAll('.nb-table-wrap')].map((w) => w.scrollWidth - w.clientWidth)]);
      assert.ok(overflow.every((o) => o <= 0), `${step} scrolls sideways: ${overflow}`);
    }
    await page.screenshot({ path: path.join(SHOTS, `table-4-${viewport.width}.png`) });
    await page.goto(`${app.url}#/example-ogi-2021/requests`);
    const last = page.getByRole('textbox', { name: '四、结转下年度继续办理 法人或其他组织 科研机构', exact: true });
    await last.focus();
    await last.scrollIntoViewIfNeeded();
    const head = await page.getByRole('columnheader', { name: '科研机构' }).boundingBox();
    assert.ok(head.y >= 0 && head.y < viewport.height / 2, `the header is in view: ${head.y}`);
    await page.screenshot({ path: path.join(SHOTS, `table-3-lower-rows-${viewport.width}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a pasted block and 其余空白单元格都填0 can be undone, with 撤销 or Ctrl+Z', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP, permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('textbox', { name: '年度' }).fill(String(OFFERED_YEAR));
  await page.getByRole('textbox', { name: '发布机构' }).fill('撤销测试街道办事处');
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }).click();
  const cell = (name) => page.getByRole('textbox', { name, exact: true });
  await cell('一、本年新收政府信息公开申请数量 自然人').fill('5');

  // The fill: every blank cell becomes 0; 撤销 puts them back blank, the typed 5 stays.
  await page.getByRole('button', { name: '其余空白单元格都填0' }).click();
  assert.equal(await cell('（一）予以公开 自然人').inputValue(), '0');
  const status = page.locator('.nb-paste-summary');
  await status.getByRole('button', { name: '撤销' }).click();
  assert.equal(await cell('（一）予以公开 自然人').inputValue(), '');
  assert.equal(await cell('一、本年新收政府信息公开申请数量 自然人').inputValue(), '5');
  await status.filter({ hasText: '已撤销' }).waitFor();

  // A pasted block: Ctrl+Z right after it restores every cell it wrote.
  await page.evaluate(() => navigator.clipboard.writeText('3\t1\t0\t0\t0\t0\n2\t0\t0\t0\t0\t0'));
  await cell('（一）予以公开 自然人').focus();
  await page.keyboard.press('Control+V');
  assert.equal(await cell('（一）予以公开 自然人').inputValue(), '3');
  await status.getByRole('button', { name: '撤销' }).waitFor();
  await page.keyboard.press('Control+Z');
  assert.equal(await cell('（一）予以公开 自然人').inputValue(), '');
  assert.equal(await cell('（一）予以公开 法人或其他组织 商业企业').inputValue(), '');
  assert.equal(await cell('一、本年新收政府信息公开申请数量 自然人').inputValue(), '5');
  assert.deepEqual(problems, []);
  await context.close();
});

test('从去年的年报开始: a draft file or a saved page opens next year\'s draft, and last year\'s is not left in the list', async () => {
  const sample = JSON.parse(await cli(['sample', 'ogi-2021']));
  sample.meta.body = '去年街道办事处';
  sample.id = 'last-year-draft';
  const draftFile = path.join(OUT, 'last-year-draft.json');
  await writeFile(draftFile, JSON.stringify(sample));
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  // The first choice, above the form for a blank report.
  const card = page.getByRole('region', { name: '从去年的年报开始' });
  await card.waitFor();
  const [c, f] = [await card.boundingBox(), await page.getByRole('heading', { level: 2, name: '新建报告' }).boundingBox()];
  assert.ok(c.y < f.y, '从去年的年报开始 comes first');
  await card.getByLabel('去年的年报文件').setInputFiles(draftFile);
  await card.getByRole('button', { name: '用去年的年报新建' }).click();
  const next = sample.meta.year + 1;
  await page.getByRole('heading', { level: 1, name: `去年街道办事处${next}年政府信息公开工作年度报告` }).waitFor();
  // The button that makes yet another year is not the primary one here.
  assert.ok(await page.getByRole('button', { name: '以此为基础新建下一年度' }).evaluate((b) => b.classList.contains('nb-button-secondary')));
  await page.goto(app.url);
  const drafts = page.getByRole('region', { name: '本浏览器中的草稿' });
  await drafts.getByRole('rowheader', { name: new RegExp(`去年街道办事处${next}年`) }).waitFor();
  assert.equal(await drafts.getByRole('rowheader', { name: new RegExp(`去年街道办事处${sample.meta.year}年`) }).count(), 0);

  // A saved page: what was read is shown first, then next year's draft is made from it.
  const pageFile = path.join(OUT, 'last-year-page.html');
  sample.meta.body = '网页街道办事处';
  await writeFile(pageFile, await cli(['export', '-'], JSON.stringify(sample)));
  await card.getByLabel('去年的年报文件').setInputFiles(pageFile);
  await card.getByRole('button', { name: '用去年的年报新建' }).click();
  const recognised = page.getByRole('region', { name: '识别结果' });
  await recognised.waitFor();
  await recognised.getByRole('button', { name: `以此新建${next}年度报告` }).click();
  await page.getByRole('heading', { level: 1, name: `网页街道办事处${next}年政府信息公开工作年度报告` }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a table is checked when the clerk asks: a running note while filling, the errors with 检查并继续', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  await page.getByRole('textbox', { name: '年度' }).fill(String(OFFERED_YEAR));
  await page.getByRole('textbox', { name: '发布机构' }).fill('核对街道办事处');
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }).click();
  const first = page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 自然人', exact: true });
  await first.fill('5');
  await first.press('Tab');
  await page.getByRole('status').filter({ hasText: '尚未平衡' }).waitFor();
  assert.equal(await page.locator('#nb-error-summary').isHidden(), true, 'no red summary while filling');
  assert.equal(await first.getAttribute('aria-invalid'), null);
  await page.getByRole('button', { name: '检查并继续' }).click();
  await page.locator('#nb-error-summary').getByText(/个错误需要改正/).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'nb-error-summary');
  assert.equal(await first.getAttribute('aria-invalid'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the review shows the report first, what was written, and the catalogue fields still empty', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  await page.getByRole('textbox', { name: '年度' }).fill(String(OFFERED_YEAR));
  await page.getByRole('textbox', { name: '发布机构' }).fill('审阅街道办事处');
  await page.getByRole('button', { name: '新建报告' }).click();
  const basics = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: '基本信息', exact: true }) });
  assert.match(await basics.textContent(), /进行中.*尚未填写公开日期/);
  await page.getByRole('link', { name: '五、存在的主要问题及改进情况' }).click();
  await page.getByRole('textbox', { name: '正文' }).fill('培训不够充分，明年每季度组织一次专题培训。');
  await page.getByRole('link', { name: '返回任务列表' }).click();
  await page.getByRole('link', { name: '审阅与导出' }).click();
  const frame = page.locator('#nb-preview-frame');
  const answers = page.getByRole('heading', { level: 2, name: '检查填写内容' });
  await answers.waitFor();
  const [f, a] = [await frame.boundingBox(), await answers.boundingBox()];
  assert.ok(f.y < a.y, 'the report comes before the answers');
  // As tall as the page it shows: nothing scrolls inside the box.
  await page.waitForFunction(() => {
    const el = document.getElementById('nb-preview-frame');
    const doc = el.contentDocument?.documentElement;
    return doc && doc.scrollHeight > 300 && el.clientHeight >= doc.scrollHeight;
  });
  const list = await page.locator('.nb-summary-list-cya').textContent();
  assert.match(list, /尚未填写：公开日期、索引号/);
  assert.match(list, /“培训不够充分，明年每季度组织一次专题培训。”（共\d+字）/);
  await page.screenshot({ path: path.join(SHOTS, 'review-1366.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('六: the fee sentence is shown where it is typed, and a text that states it too is pointed out', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { viewport: LAPTOP });
  await page.getByRole('textbox', { name: '年度' }).fill(String(OFFERED_YEAR));
  await page.getByRole('textbox', { name: '发布机构' }).fill('收费街道办事处');
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByRole('link', { name: '六、其他需要报告的事项' }).click();
  await page.getByRole('textbox', { name: '本年收取信息处理费金额（元）' }).fill('0');
  await page.getByText(`导出时，正文前会印出这一句：“${OFFERED_YEAR}年度，本机关收取信息处理费0元。”`).waitFor();
  await page.getByRole('textbox', { name: '正文' }).fill('本年度未收取信息处理费。');
  await page.getByText('正文中也写了收费情况，导出后会写两次').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
