// A clerk writes a whole report with the wizard, through roles and accessible names only:
// create, fill every step (all 166 table inputs), check the totals, break and fix the balance,
// export the page (vnu and axe clean, holding the numbers typed) and copy the fragment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OUT, launch, axe, vnu } from './harness.mjs';
import { hostApp, openApp } from './site.mjs';
import { writeReport } from './flows.mjs';

let app;
let browser;
const downloads = path.join(OUT, 'wizard');

before(async () => {
  await mkdir(downloads, { recursive: true });
  app = await hostApp('site-wizard');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.server.close();
});

for (const [format, year] of [['ogi-2021', 2025], ['ogi-2019', 2020]]) {
  test(`a ${format} report from start to exported page`, async () => {
    const r = await writeReport(browser, app.url, format, year, downloads);
    assert.equal(r.t2.size + r.t3.size + r.t4.size, 166, 'all 166 table inputs were filled');
    const html = await readFile(r.file, 'utf8');
    assert.ok(html.includes(`<h1>${r.title}</h1>`));
    assert.ok(html.includes(`<p>本年度共收到政府信息公开申请${r.newTotal}件，`), 'the data phrase carries the table numbers');
    assert.equal(html.match(/<svg role="img"/g)?.length, 3, 'the charts asked for are in the page');
    assert.ok(html.includes(`nb-t3-r-new nb-t3-c-applicants nb-t3-c-total">${r.newTotal}<`));
    assert.ok(html.includes(`nb-t3-r-total nb-t3-c-applicants nb-t3-c-total">${r.handledTotal}<`));
    if (format === 'ogi-2021') {
      assert.ok(html.includes('>1.25</td>'), 'the 万元 decimal is kept');
    } else {
      assert.ok(html.includes('>-2</td>') && html.includes('>251000元</td>'), 'signed values and amounts are kept');
    }
    assert.deepEqual(await vnu([r.file]), []);
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`file://${r.file}`);
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
}

test('exporting with errors asks first and names them', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }).click();
  await page.getByRole('textbox', { name: '（一）予以公开 自然人', exact: true }).fill('-1');
  await page.getByRole('link', { name: '← 任务列表' }).click();
  const requests = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }) });
  assert.ok((await requests.textContent()).includes('有错误（2）'));
  await page.getByRole('link', { name: '审阅与导出' }).click();
  await page.getByRole('button', { name: '下载网页' }).click();
  const dialog = page.getByRole('alertdialog', { name: '报告还有2个错误，仍要导出吗？' });
  await dialog.waitFor();
  assert.ok((await dialog.textContent()).includes('（一）予以公开 自然人：“-1”不能为负数'));
  // Focus moves to the question on the next frame.
  await page.waitForFunction(() => document.activeElement?.id === 'nb-confirm');
  await dialog.getByRole('button', { name: '取消，先修改' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: '下载网页' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '仍然导出' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.html$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a row copied from a spreadsheet pastes into consecutive cells, skipping the total', async () => {
  const { context, page, problems } = await openApp(browser, app.url, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }).click();
  // A row as Excel copies it: six applicant columns and the total, tab-separated.
  await page.evaluate(() => navigator.clipboard.writeText('1\t２\t0\t0\t1\t0\t4\r\n'));
  await page.getByRole('textbox', { name: '（三）不予公开 1.属于国家秘密 自然人', exact: true }).focus();
  await page.keyboard.press('Control+V');
  const values = [];
  for (const col of ['自然人', '法人或其他组织 商业企业', '法人或其他组织 科研机构', '法人或其他组织 社会公益组织', '法人或其他组织 法律服务机构', '法人或其他组织 其他']) {
    values.push(await page.getByRole('textbox', { name: `（三）不予公开 1.属于国家秘密 ${col}`, exact: true }).inputValue());
  }
  assert.deepEqual(values, ['1', '２', '0', '0', '1', '0']);
  assert.equal((await page.getByRole('status', { name: '（三）不予公开 1.属于国家秘密 总计', exact: true }).textContent()).trim(), '4');
  assert.deepEqual(problems, []);
  await context.close();
});

test('what is typed in a field stays as typed while other fields change', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('link', { name: '基本信息' }).click();
  await page.getByRole('textbox', { name: '年度' }).fill('202');
  await page.getByRole('textbox', { name: '索引号' }).fill('k1/2026-1');
  await page.getByRole('textbox', { name: '年度' }).fill('20x');
  await page.getByRole('textbox', { name: '联系地址' }).fill('新地址');
  assert.equal(await page.getByRole('textbox', { name: '年度' }).inputValue(), '20x');
  // Leaving the field says why it was not taken; the draft keeps its year until it is fixed.
  await page.getByText('“20x”不是年度').waitFor();
  assert.match(await page.getByRole('textbox', { name: '年度' }).getAttribute('aria-describedby'), /nb-meta-year-error/);
  await page.getByRole('textbox', { name: '年度' }).fill('2024');
  assert.equal(await page.getByText('“20x”不是年度').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a step in progress says why, and going on from a table confirms its blanks as 0', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('textbox', { name: '发布机构' }).fill('状态街道办事处');
  await page.getByRole('button', { name: '新建报告' }).click();
  const task = (step) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: step, exact: true }) });
  const requests = '三、收到和处理政府信息公开申请情况';
  await task(requests).waitFor();
  // No 公开日期 yet: 基本信息 is under way, not done.
  assert.match(await task('基本信息').textContent(), /进行中/);
  assert.match(await task(requests).textContent(), /未开始/);
  await page.getByRole('link', { name: requests }).click();
  await page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 自然人', exact: true }).fill('2');
  await page.getByRole('textbox', { name: '四、结转下年度继续办理 自然人', exact: true }).fill('2');
  await page.getByRole('link', { name: '← 任务列表' }).click();
  // Blank cells count as 0, and the task list says what completes the step.
  assert.match(await task(requests).textContent(), /进行中.*空白单元格.*检查并继续/);
  // The reason is part of the link's description for screen readers.
  const described = await page.getByRole('link', { name: requests }).getAttribute('aria-describedby');
  assert.match(await page.locator(`#${described}`).textContent(), /检查并继续/);
  await page.getByRole('link', { name: requests }).click();
  await page.getByRole('button', { name: '检查并继续' }).click();
  await page.getByRole('heading', { level: 1, name: '四、政府信息公开行政复议、行政诉讼情况' }).waitFor();
  await page.getByRole('link', { name: '← 任务列表' }).click();
  assert.match(await task(requests).textContent(), /已完成/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an amount typed as printed goes in with its unit picked, and the screen says so', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('radio', { name: /2019年格式/ }).check();
  await page.getByRole('textbox', { name: '年度' }).fill('2020');
  await page.getByRole('textbox', { name: '发布机构' }).fill('金额街道办事处');
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByRole('link', { name: '二、主动公开政府信息情况' }).click();
  const amount = page.getByRole('textbox', { name: '政府集中采购 采购总金额', exact: true });
  const unit = page.getByRole('combobox', { name: '政府集中采购 采购总金额 单位' });
  await amount.pressSequentially('251000元', { delay: 10 });
  assert.equal(await amount.inputValue(), '251000');
  assert.equal(await unit.inputValue(), '元');
  await page.locator('#nb-main').getByText('“251000元”：已填入251000，单位选为“元”').waitFor();
  await amount.fill('');
  await amount.pressSequentially('25.1万元', { delay: 10 });
  assert.equal(await amount.inputValue(), '25.1');
  assert.equal(await unit.inputValue(), '万元');
  assert.equal(await page.locator('#nb-error-summary').isHidden(), true, 'no error: the amount is a number');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a sentence that contradicts the tables is marked where it is typed, fixed in one click, and reached from the review', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('link', { name: '一、总体情况' }).click();
  const field = page.getByRole('textbox', { name: '依申请公开（可选）' });
  // The sample's （一） + （二） is 51 + 11 = 62 of 106 handled.
  await field.fill('本年度新收申请109件，其中予以公开及部分公开58件，占比56.88%。');
  const found = page.getByRole('listitem').filter({ has: page.locator('mark') });
  await page.getByText('与表格核对：2条提示').waitFor();
  assert.deepEqual(await page.locator('.nb-text-finding mark').allTextContents(), ['58', '56.88%']);
  assert.match(await found.first().textContent(), /（一）予以公开 51 \+ （二）部分公开 11 = 62/);
  // The field's description carries the findings, for screen-reader users.
  assert.match(await field.getAttribute('aria-describedby'), /nb-text-overview-on-request-findings/);
  // Select it in the text: the number is highlighted where the clerk types.
  await found.first().getByRole('button', { name: '在文中选中' }).click();
  assert.equal(await field.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd)), '58');
  // The fixes: the data phrase, so the number can never drift again, and the right share.
  await found.first().getByRole('button', { name: '改为“{{予以公开及部分公开}}”' }).click();
  assert.equal(await field.inputValue(), '本年度新收申请109件，其中予以公开及部分公开{{予以公开及部分公开}}件，占比56.88%。');
  await page.getByRole('button', { name: '改为“58.49%”' }).click();
  await page.locator('.nb-text-finding').first().waitFor({ state: 'detached' });
  assert.equal(await page.locator('#nb-text-overview-on-request-findings').isHidden(), true);
  assert.equal(await field.inputValue(), '本年度新收申请109件，其中予以公开及部分公开{{予以公开及部分公开}}件，占比58.49%。');

  // From the review, the warning's link opens the step with the words selected.
  await field.fill('本年度因政府信息公开引起行政复议4件，均获维持。');
  await page.getByRole('link', { name: '← 任务列表' }).click();
  await page.getByRole('link', { name: '审阅与导出' }).click();
  await page.getByRole('heading', { level: 1, name: '审阅与导出' }).waitFor();
  await page.locator('#nb-error-summary').getByRole('link', { name: /均获维持.*结果纠正 1/ }).click();
  await page.getByRole('heading', { level: 1, name: '一、总体情况' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'nb-text-overview-on-request');
  assert.equal(await field.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd)), '均获维持');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a long text is checked against the tables once typing pauses', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('link', { name: '一、总体情况' }).click();
  const field = page.getByRole('textbox', { name: '依申请公开（可选）' });
  // Over 32 KB of text (src/ui/editing.rs): N-text reads it when the clerk stops typing.
  await field.fill(`${'本街道依法依规办理政府信息公开申请。'.repeat(2000)}其中予以公开及部分公开58件。`);
  await page.getByText('与表格核对：1条提示').waitFor();
  assert.deepEqual(await page.locator('.nb-text-finding mark').allTextContents(), ['58']);
  // Put right by typing; the warning goes once the pause comes.
  await field.press('End');
  for (let i = 0; i < 4; i += 1) await field.press('Backspace');
  await field.type('62件。');
  await page.locator('.nb-text-finding').first().waitFor({ state: 'detached' });
  assert.deepEqual(problems, []);
  await context.close();
});
