// The single file, dist/nianbao.html, opened from disk as a clerk would from a USB stick, a share
// or an e-mail attachment: no server. It asks for nothing but itself, and everything the served
// app does works: a whole report typed in and exported (page, Word, copy), autosave and the
// drafts list, the draft file out and back in, a saved page imported, print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXAMPLE_TITLE, OUT, ROOT, axe, launch, vnu } from './harness.mjs';
import { openApp } from './site.mjs';
import { writeReport } from './flows.mjs';

const disk = path.join(OUT, 'disk');
const downloads = path.join(disk, 'downloads');
const fixtures = path.join(ROOT, 'tests', 'fixtures', 'published');
// As clerks keep it: a folder with Chinese in its name, and a second copy elsewhere.
const usb = path.join(disk, 'U盘', '年报工具', 'nianbao.html');
const other = path.join(disk, '另一个文件夹', 'nianbao.html');
const fileUrl = (p) => pathToFileURL(p).href;
let browser;

before(async () => {
  await rm(disk, { recursive: true, force: true });
  for (const p of [usb, other, path.join(downloads, 'x')]) await mkdir(path.dirname(p), { recursive: true });
  await copyFile(path.join(ROOT, 'dist', 'nianbao.html'), usb);
  await copyFile(path.join(ROOT, 'dist', 'nianbao.html'), other);
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('nianbao.html is valid HTML and asks for nothing but itself, whatever the clerk opens', async () => {
  // vnu checks inline scripts against the page's CSP but does not compute hashes (and counts
  // data blocks as scripts): its CSP notes are left to the browser, whose violations fail every
  // test (harness.mjs).
  const csp = (m) => /violates Content Security Policy \(meta tag\)/.test(m.message);
  assert.deepEqual((await vnu([usb])).filter((m) => !csp(m)), []);
  const { context, page, problems } = await openApp(browser, fileUrl(usb), { acceptDownloads: true });
  const asked = [];
  page.on('request', (r) => asked.push(r.url()));
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('heading', { level: 1, name: EXAMPLE_TITLE }).waitFor();
  await page.getByRole('link', { name: '审阅与导出' }).click();
  await page.frameLocator('iframe[title="导出网页的预览"]').getByRole('table').first().waitFor();
  const [word] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 Word' }).click(),
  ]);
  const docx = path.join(downloads, 'example.docx');
  await word.saveAs(docx);
  assert.equal((await readFile(docx)).subarray(0, 2).toString(), 'PK');
  const foreign = asked.filter((u) => !u.startsWith(fileUrl(usb)) && !/^(data|blob|about):/.test(u));
  assert.deepEqual(foreign, [], 'requests beyond the file itself');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a whole report written from disk: every step, the page, the Word file, the clipboard', async () => {
  const r = await writeReport(browser, fileUrl(usb), 'ogi-2021', 2025, downloads);
  const html = await readFile(r.file, 'utf8');
  assert.ok(html.includes(`<h1>${r.title}</h1>`));
  assert.ok(html.includes(`<p>本年度共收到政府信息公开申请${r.newTotal}件，`));
  assert.deepEqual(await vnu([r.file]), []);
});

test('from disk: autosave survives a reload within 100 ms, the drafts list says where drafts live, and a copy elsewhere sees them', async () => {
  const { context, page, problems } = await openApp(browser, fileUrl(usb));
  const note = page.locator('#nb-storage-place');
  await note.waitFor();
  assert.match(await note.textContent(), /从本机文件打开.*复制到别的文件夹或U盘再打开，仍能看到这些草稿/);
  assert.deepEqual(await axe(page), []);
  await page.getByRole('textbox', { name: '发布机构' }).fill('磁盘街道办事处');
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByRole('link', { name: '基本信息' }).click();
  await page.getByRole('textbox', { name: '索引号' }).pressSequentially('k9/2026-1', { delay: 5 });
  await page.reload();
  await page.getByRole('textbox', { name: '索引号' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: '索引号' }).inputValue(), 'k9/2026-1');
  // The same browser opening another copy of the file, in another folder: the same drafts.
  const copy = await context.newPage();
  await copy.goto(fileUrl(other));
  await copy.getByRole('row').filter({ hasText: '磁盘街道办事处' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('from disk: the draft file goes out and comes back, a saved page is imported, print is offered', async () => {
  const { context, page, problems } = await openApp(browser, fileUrl(usb), { acceptDownloads: true });
  await page.getByRole('textbox', { name: '年度' }).fill('2025');
  await page.getByRole('textbox', { name: '发布机构' }).fill('文件往返街道办事处');
  await page.getByRole('button', { name: '新建报告' }).click();
  await page.getByRole('link', { name: '基本信息' }).click();
  await page.getByRole('textbox', { name: '联系电话' }).fill('0575-12345678');
  await page.getByRole('link', { name: /任务列表/ }).first().click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载草稿文件' }).first().click(),
  ]);
  const saved = path.join(downloads, 'round-trip.json');
  await download.saveAs(saved);
  assert.ok((await stat(saved)).size > 100);
  assert.ok((await readFile(saved, 'utf8')).includes('0575-12345678'));

  // Back in on a clean browser: the file opens as the draft it was.
  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await again.goto(fileUrl(other));
  await again.getByLabel('选择草稿文件').setInputFiles(saved);
  await again.getByRole('heading', { level: 1, name: '文件往返街道办事处2025年政府信息公开工作年度报告' }).waitFor();
  await again.getByRole('link', { name: '基本信息' }).click();
  assert.equal(await again.getByRole('textbox', { name: '联系电话' }).inputValue(), '0575-12345678');

  // A page saved from a government site, read in the worker the file starts from itself.
  await again.goto(`${fileUrl(other)}#/`);
  await again.getByLabel('选择保存的网页').setInputFiles(path.join(fixtures, '2021-quirks.html'));
  const report = again.getByRole('region', { name: '识别结果' });
  await report.waitFor();
  assert.match(await report.textContent(), /表格按2021年格式/);
  await again.getByRole('button', { name: '用识别结果新建草稿' }).click();
  await again.getByRole('heading', { level: 1, name: '临江县石桥镇人民政府2022年政府信息公开工作年度报告' }).waitFor();
  await fresh.close();

  // 打印 prints the preview, which is the exported page (headless Chromium shows no dialog:
  // the preview's print is watched instead).
  await page.getByRole('link', { name: '审阅与导出' }).click();
  const preview = page.frameLocator('iframe[title="导出网页的预览"]');
  await preview.getByRole('heading', { level: 1 }).waitFor();
  await page.evaluate(() => {
    const w = document.getElementById('nb-preview-frame').contentWindow;
    w.print = () => { window.nbPrinted = (window.nbPrinted ?? 0) + 1; };
  });
  await page.getByRole('button', { name: '打印' }).click();
  await page.waitForFunction(() => window.nbPrinted === 1);
  assert.deepEqual(problems, []);
  await context.close();
});
