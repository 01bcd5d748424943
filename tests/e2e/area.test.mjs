// 汇总 and 检查 (#15), as the office that collects a county's reports uses them: many files at
// once, read in the worker with progress and cancel, a list with every unit's verdict, the new
// draft, the tables downloaded as .xlsx and .csv, any report opened as a draft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { OUT, ROOT, launch, axe, cli } from './harness.mjs';
import { hostApp, openApp } from './site.mjs';
import { heading } from './flows.mjs';

let app;
let browser;
const county = path.join(ROOT, 'tests', 'fixtures', 'county');
const downloads = path.join(OUT, 'area');
const files = async (dir) => (await readdir(path.join(county, dir))).sort().map((f) => path.join(county, dir, f));

before(async () => {
  await mkdir(downloads, { recursive: true });
  app = await hostApp('site-area');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.server.close();
});

async function save(page, button, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = path.join(downloads, name);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

test('汇总: a county\'s pages summed into a new draft, every unit accounted for', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('link', { name: '汇总各单位的年报' }).click();
  await heading(page, '汇总各单位的年报');
  const pages = await files('pages');
  await page.getByLabel('添加各单位的年报文件').setInputFiles(pages);
  await page.getByText(`已读取 ${pages.length} / ${pages.length} 个文件`).waitFor();
  const rows = page.getByRole('row');
  await rows.filter({ hasText: '22-青禾市临江区教育局（重复）.html' }).getByText('与第1个').waitFor();
  assert.match(await rows.filter({ hasText: '21-青禾市临江区信访局.html' }).textContent(), /不纳入.*格式不同/);
  assert.match(await page.getByRole('status').filter({ hasText: '将汇总' }).textContent(), /将汇总18个单位的报告/);
  // A unit whose own tables break a rule is summed only when the person says so.
  const consent = page.getByRole('checkbox', { name: '有1个错误，仍然纳入 青禾市临江区住房和城乡建设局' });
  assert.equal(await consent.isChecked(), false);
  await rows.filter({ hasText: '04-青禾市临江区住房和城乡建设局.html' }).getByText('查看').click();
  await rows.filter({ hasText: '04-青禾市临江区住房和城乡建设局.html' }).getByText(/勾稽关系核对/).first().waitFor();
  await consent.check();
  await page.getByText('将汇总19个单位的报告。').waitFor();
  await page.getByRole('textbox', { name: '汇总后的发布机构' }).fill('青禾市临江区人民政府');
  assert.deepEqual(await axe(page), []);

  // The breakdown, for the office's files.
  const csv = await save(page, '下载分单位明细（CSV）', 'breakdown.csv');
  assert.equal(csv.suggested, '2025年度汇总-分单位明细.csv');
  const lines = (await readFile(csv.file, 'utf8')).replace(/^\uFEFF/, '').trim().split('\n');
  assert.equal(lines.length, 1 + 19 + 1, 'header, 19 units, 合计');
  assert.ok(lines[0].startsWith('单位（发布机构）,年度,来源文件,二：规章 本年制发件数,'), lines[0].slice(0, 80));
  assert.ok(lines[0].includes(',三：一、本年新收政府信息公开申请数量 自然人,'));
  const xlsx = await save(page, '下载分单位明细（Excel）', 'breakdown.xlsx');
  assert.equal((await readFile(xlsx.file)).subarray(0, 2).toString(), 'PK');

  // The same sum as the CLI's, as a new draft that names its units.
  const expected = JSON.parse(await cli(['sum', '--include-errors', ...pages.filter((p) => !p.includes('/13-'))]));
  await page.getByRole('button', { name: '汇总生成新报告' }).click();
  await heading(page, /青禾市临江区人民政府2025年政府信息公开工作年度报告/);
  await page.getByRole('link', { name: '三、收到和处理政府信息公开申请情况' }).click();
  const natural = page.getByRole('textbox', { name: '一、本年新收政府信息公开申请数量 自然人', exact: true });
  assert.equal(await natural.inputValue(), expected.cells['t3/new/natural']);
  await page.getByRole('link', { name: '← 任务列表' }).click();
  await page.getByRole('link', { name: '一、总体情况' }).click();
  await page.getByRole('button', { name: '插入汇总说明句' }).click();
  assert.match(await page.getByRole('textbox', { name: '概述（可选）' }).inputValue(), /^本报告由青禾市临江区人民政府汇总19个单位（青禾市临江区教育局、/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('检查: a county\'s reports checked at once, sorted, filtered, downloaded, opened', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('link', { name: '批量检查已发布的年报' }).click();
  await heading(page, '批量检查已发布的年报');
  const all = [...(await files('pages')), ...(await files('series'))];
  const broken = path.join(downloads, 'broken.docx');
  await writeFile(broken, 'PK\x03\x04 not a zip');
  await page.getByLabel('添加要检查的年报文件').setInputFiles([...all, broken]);
  await page.getByText(`已读取 ${all.length + 1} / ${all.length + 1} 个文件`).waitFor();
  await page.getByText('共27份：3份有错误，2份逾期，1份无法读取。').waitFor();
  const row = (file) => page.getByRole('row').filter({ hasText: file });
  assert.match(await row('06-青禾市公安局临江分局.html').textContent(), /逾期12天/);
  assert.match(await row('broken.docx').textContent(), /Word/);
  // The cross-year check comes once the files are read.
  await row('东湖街道-2024.json').getByText('查看').click();
  await row('东湖街道-2024.json').getByText(/上年结转核对/).first().waitFor();
  // The person says whose report it is where the name does not (or says it wrongly).
  await page.getByRole('combobox', { name: '青禾市公安局临江分局的类型' }).selectOption('government');
  assert.match(await row('06-青禾市公安局临江分局.html').textContent(), /按时/);
  await page.getByText('共27份：3份有错误，1份逾期，1份无法读取。').waitFor();
  // Filter and sort by severity.
  await page.getByRole('combobox', { name: '显示' }).selectOption('errors');
  assert.equal(await page.locator('tbody tr').count(), 5, 'two T3-balance, the 2019 format, one late, the broken file');
  await page.getByRole('combobox', { name: '显示' }).selectOption('all');
  await page.getByRole('combobox', { name: '排序' }).selectOption('worst');
  assert.match(await page.locator('tbody tr').first().textContent(), /T3-balance|格式|broken|逾期/);
  assert.deepEqual(await axe(page), []);

  const csv = await save(page, '下载检查结果（CSV）', 'audit.csv');
  const text = (await readFile(csv.file, 'utf8')).replace(/^\uFEFF/, '');
  assert.ok(text.startsWith('文件,发布机构,年度,格式,公开日期,类型,截止日期,是否按时,错误,提示,未能读取的单元格,上一年度的报告,问题,规则'));
  // Rule ids are a column of their own, never inside the words people read.
  assert.ok(text.includes('format') && text.includes('X-carry') && text.includes('T3-balance'));
  assert.ok(!text.includes('[T3-balance]'));
  const xlsx = await save(page, '下载检查结果（Excel）', 'audit.xlsx');
  const back = await libreofficeCsv(xlsx.file);
  assert.ok(back.startsWith('文件,发布机构,年度'), back.slice(0, 80));

  // Any report opens as a draft.
  await row('04-青禾市临江区住房和城乡建设局.html').getByRole('button', { name: /打开为草稿/ }).click();
  await heading(page, /青禾市临江区住房和城乡建设局2025年政府信息公开工作年度报告/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('检查: a long run is read in the worker, the page stays usable, it can be cancelled, and long tables grow on request', async () => {
  const set = path.join(OUT, 'area-400');
  await promisify(execFile)('node', [path.join(county, 'make.mjs'), '--count', '400', '--out', set], {
    env: { ...process.env, NIANBAO_CLI: process.env.NIANBAO_CLI ?? path.join(ROOT, 'target', 'debug', 'nianbao-cli') },
  });
  const reports = [...(await readdir(path.join(set, 'drafts'))).map((f) => path.join(set, 'drafts', f)), ...(await readdir(path.join(set, 'pages'))).map((f) => path.join(set, 'pages', f))];
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('link', { name: '批量检查已发布的年报' }).click();
  await heading(page, '批量检查已发布的年报');
  const input = page.getByLabel('添加要检查的年报文件');
  await input.setInputFiles(reports);
  await page.getByText(/已读取 [1-9]\d* \/ 400 个文件/).waitFor();
  // The main thread answers while the worker reads: a select changes at once.
  await page.getByRole('combobox', { name: '排序' }).selectOption('body');
  await page.getByRole('button', { name: '取消读取' }).click();
  await page.getByRole('button', { name: '取消读取' }).waitFor({ state: 'detached' });
  const read = Number((await page.getByText(/已读取 \d+ \/ 400 个文件/).textContent()).match(/已读取 (\d+)/)[1]);
  assert.ok(read > 0 && read < 400, `cancelled after ${read} files`);
  const rows = page.locator('tbody tr');
  assert.equal(await rows.count(), Math.min(read, 100));

  // A hundred rows are drawn; the rest a hundred at a time, or all at once.
  await page.reload();
  await heading(page, '批量检查已发布的年报');
  await input.setInputFiles(reports.slice(0, 250));
  await page.getByText('已读取 250 / 250 个文件').waitFor({ timeout: 120000 });
  assert.equal(await rows.count(), 100);
  await page.getByText('显示了前100份，共250份。').waitFor();
  await page.getByRole('button', { name: '再显示100份' }).click();
  await page.getByText('显示了前200份，共250份。').waitFor();
  assert.equal(await rows.count(), 200);
  await page.getByRole('button', { name: '全部显示' }).click();
  await page.getByRole('button', { name: '全部显示' }).waitFor({ state: 'detached' });
  assert.equal(await rows.count(), 250);
  // Filtering counts what is there, not what is drawn.
  await page.getByRole('combobox', { name: '显示' }).selectOption({ index: 1 });
  assert.ok((await rows.count()) < 250);
  assert.deepEqual(problems, []);
  await context.close();
});

/** The first sheet of an .xlsx as LibreOffice Calc reads it. */
async function libreofficeCsv(file) {
  const dir = path.dirname(file);
  await promisify(execFile)('soffice', [`-env:UserInstallation=file://${path.join(dir, 'lo')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file]);
  return readFile(file.replace(/\.xlsx$/, '.csv'), 'utf8');
}

test('检查: two names no rule can tell are one body are paired by hand, and the years are checked', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  const sample = JSON.parse(await cli(['sample', 'ogi-2021']));
  const thisYear = structuredClone(sample);
  thisYear.id = 'pair-this';
  thisYear.meta.body = '临江区望湖街道办事处';
  const lastYear = structuredClone(sample);
  lastYear.id = 'pair-last';
  lastYear.meta.body = '望湖街道';
  lastYear.meta.year = sample.meta.year - 1;
  lastYear.meta.pub_date = `${sample.meta.year}-01-20`;
  const thisFile = path.join(downloads, 'pair-2025.json');
  const lastFile = path.join(downloads, 'pair-2024.json');
  await writeFile(thisFile, JSON.stringify(thisYear));
  await writeFile(lastFile, JSON.stringify(lastYear));
  await page.getByRole('link', { name: '批量检查已发布的年报' }).click();
  await heading(page, '批量检查已发布的年报');
  await page.getByLabel('添加要检查的年报文件').setInputFiles([thisFile, lastFile]);
  await page.getByText('已读取 2 / 2 个文件').waitFor();
  const row = page.getByRole('row').filter({ hasText: 'pair-2025.json' });
  const before = await row.textContent();
  assert.match(before, /未找到（未做跨年度核对）/, 'no earlier year found by name');
  assert.ok(!before.includes('年报告的'), 'no cross-year finding before pairing');
  await page.getByRole('button', { name: '更改临江区望湖街道办事处的上一年度报告' }).click();
  const select = page.getByRole('combobox', { name: '临江区望湖街道办事处的上一年度报告' });
  // The one report of the year before, named by its place, body and year.
  assert.match((await select.locator('option').allTextContents())[1], new RegExp(`^第\\d份：望湖街道（${sample.meta.year - 1}年）$`));
  await select.selectOption({ index: 1 });
  await row.getByText(new RegExp(`第\\d份：望湖街道（${sample.meta.year - 1}年）`)).waitFor();
  // Last year's 结转下年度 is not this year's 上年结转: the cross-year check says so now.
  await row.getByText(/年报告的四、结转下年度继续办理为/).first().waitFor({ state: 'attached' });
  assert.deepEqual(problems, []);
  await context.close();
});
