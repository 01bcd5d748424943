// Hostile input through every way into the app (issue 19): pasted page text, a saved page, a
// draft file, a draft file as last year's report, rows pasted into a table, text typed into every
// field, and files given to 汇总 and 检查. Every screen is visited, the page exported and the Word
// file made; no script runs (no dialog, no canary), nothing of the input reaches the DOM as an
// element or attribute, and no CSP violation is recorded (the harness fails any test where one is).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OUT, ROOT, launch, cli, violations } from './harness.mjs';
import { hostApp, openApp } from './site.mjs';
import { heading } from './flows.mjs';
import { differentials, foreign, hostileDraft, scripts, vectors } from './hostile.mjs';

const dir = path.join(OUT, 'hostile');
const files = {};
let app;
let browser;

before(async () => {
  await mkdir(dir, { recursive: true });
  const sample = JSON.parse(await cli(['sample', 'ogi-2021']));
  const draft = hostileDraft(sample);
  const last = hostileDraft(sample);
  last.meta.year -= 1;
  files.draft = path.join(dir, 'hostile-draft.json');
  files.last = path.join(dir, 'hostile-last-year.json');
  await writeFile(files.draft, JSON.stringify(draft));
  await writeFile(files.last, JSON.stringify(last));
  // A saved page: the exported hostile report (escaped, so its text is the vectors), with the
  // vectors also as raw markup in its body, where a careless reader would meet them.
  const page = (await cli(['export', '-'], JSON.stringify(draft))).replace('</body>', () => `${vectors.join('\n')}\n</body>`);
  files.page = path.join(dir, 'hostile-page.html');
  await writeFile(files.page, page);
  // Pasted page text: a real report's text (PDF-copied) with the vectors among its lines.
  const text = (await readFile(path.join(ROOT, 'tests/fixtures/published/2021-sample-pdf.txt'), 'utf8')).split('\n');
  files.text = [...text.slice(0, 3), ...vectors, ...text.slice(3), ...vectors].join('\n');
  app = await hostApp('site-hostile');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.server.close();
});

/** A page of the app watched for dialogs; `check` fails on anything of the input in its DOM. */
async function open(url = app.url) {
  const { context, page, problems } = await openApp(browser, url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  const baseline = await scripts(page);
  const check = async (where) => {
    await page.waitForTimeout(50);
    assert.deepEqual(await foreign(page, baseline), [], `on ${where}`);
    assert.deepEqual(dialogs, [], `no dialog on ${where}`);
  };
  return { context, page, problems, check };
}

const STEPS = ['meta', 'overview', 'proactive', 'requests', 'disputes', 'problems', 'other', 'review'];

/** Every step of the open draft, each checked. */
async function everyStep(page, check) {
  const id = page.url().match(/#\/([^/]+)\//)[1];
  for (const step of STEPS) {
    await page.goto(`${app.url}#/${id}/${step}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(step);
  }
  await page.goto(`${app.url}#/${id}/tasks`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await check('tasks');
  return id;
}

test('pasted page text and a saved page: the recognition report shows the input as text', async () => {
  const { context, page, problems, check } = await open();
  await page.getByRole('textbox', { name: '或粘贴网页文字' }).fill(files.text);
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await page.getByRole('region', { name: '识别结果' }).or(page.getByRole('alert').first()).first().waitFor();
  await check('the report of pasted text');

  await page.goto(app.url);
  await page.getByLabel('选择保存的网页').setInputFiles(files.page);
  const report = page.getByRole('region', { name: '识别结果' });
  await report.waitFor();
  await check('the report of a saved page');
  assert.ok((await report.textContent()).includes('onerror'), 'the hostile catalogue is shown as text');
  await page.getByRole('button', { name: '用识别结果新建草稿' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await everyStep(page, check);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a draft file, last year\'s draft file, every field typed, rows pasted: every screen, the page and the Word file', async () => {
  const { context, page, problems, check } = await open();
  await page.getByLabel('选择草稿文件').setInputFiles(files.draft);
  // Its hostile cells are out of range: the app lists them (as text) and asks first.
  await page.getByText('这个文件有5处数值超出范围：').waitFor();
  await check('the question about the file\'s values');
  await page.getByRole('button', { name: '照原样打开' }).click();
  await page.getByLabel('或选择上一年度的草稿文件').waitFor();
  await check('the opened draft');
  await page.getByLabel('或选择上一年度的草稿文件').setInputFiles(files.last);
  await page.getByText('上一年度报告：').or(page.getByRole('alert').first()).first().waitFor();
  await check('last year linked');
  const id = await everyStep(page, check);

  // Every field of 基本信息 and of each text section, typed as a clerk would paste it.
  let n = 0;
  for (const step of ['meta', 'overview', 'proactive', 'requests', 'disputes', 'problems', 'other']) {
    await page.goto(`${app.url}#/${id}/${step}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const boxes = await page.locator('main textarea, main input[type="text"], main input:not([type])').all();
    for (const box of boxes) {
      if (!(await box.isEditable()) || (await box.locator('xpath=ancestor::table').count())) continue;
      await box.fill(vectors[n++ % vectors.length]);
      await box.blur();
    }
    await check(`${step}, typed`);
  }
  assert.ok(n >= 20, `fields typed: ${n}`);

  // Rows copied from a hostile web page's table, pasted into table 三.
  await page.goto(`${app.url}#/${id}/requests`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  // Copied on another site's page (a blank one here): writing hostile HTML to the clipboard
  // makes Chromium parse it in the writing page, which is not ours.
  const elsewhere = await context.newPage();
  await elsewhere.goto(`${app.server.url}/elsewhere.html`);
  await elsewhere.evaluate(async (v) => {
    const cells = v.slice(0, 7).map((x) => `<td>${x}</td>`).join('');
    const html = `<table><tr><td>1.属于国家秘密</td>${cells}</tr></table>`;
    const plain = ['1.属于国家秘密', ...v.slice(0, 7)].join('\t');
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([plain], { type: 'text/plain' }),
    })]);
  }, vectors);
  await elsewhere.close();
  const cell = page.getByRole('textbox', { name: '（三）不予公开 1.属于国家秘密 自然人', exact: true });
  await cell.fill('');
  await cell.focus();
  await page.keyboard.press('Control+V');
  // Spread over the row with a summary, or (read as one value) typed into the cell: as text.
  await page.waitForFunction(() => document.querySelector('.nb-paste-summary')
    || document.activeElement?.value, null, { timeout: 10000 });
  await check('rows pasted');

  // The review, the page and the Word file.
  await page.goto(`${app.url}#/${id}/review`);
  await heading(page, '审阅与导出');
  await page.frameLocator('iframe[title="导出网页的预览"]').locator('h1').waitFor();
  await check('the review with its preview');
  // The hostile draft has errors: each export asks first, listing them (as text).
  const exportAnyway = async (button) => {
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('alertdialog').waitFor();
    await check(`the question before ${button}`);
    await page.getByRole('button', { name: '仍然导出' }).click();
  };
  const [download] = await Promise.all([page.waitForEvent('download'), exportAnyway('下载网页')]);
  const exported = path.join(dir, 'exported.html');
  await download.saveAs(exported);
  const [word] = await Promise.all([page.waitForEvent('download'), exportAnyway('下载 Word')]);
  const docx = path.join(dir, 'exported.docx');
  await word.saveAs(docx);
  const xml = execFileSync('python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', docx]).toString();
  assert.ok(!/<(script|img|svg)\b/i.test(xml), 'the Word file carries the input as text only');
  assert.ok(xml.includes('&lt;script&gt;'), 'and it is there');
  await check('after the downloads');

  // The exported page, opened on its own.
  const own = await context.newPage();
  own.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
  await own.goto(`file://${exported}`);
  assert.deepEqual(await foreign(own, []), []);
  await own.close();

  // The drafts list shows every hostile title.
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await check('the start screen and its drafts list');
  assert.deepEqual(problems, []);
  await context.close();
});

test('汇总 and 检查 read hostile files and show them as text', async () => {
  const { context, page, problems, check } = await open();
  for (const [route, label] of [['audit', '添加要检查的年报文件'], ['sum', '添加各单位的年报文件']]) {
    await page.goto(`${app.url}#/${route}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByLabel(label).setInputFiles([files.draft, files.last, files.page]);
    await page.getByText('已读取 3 / 3 个文件').waitFor();
    for (const details of await page.locator('details').all()) await details.evaluate((d) => { d.open = true; });
    await check(route);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the default Trusted Types policy passes only the app\'s own compiled-in markup', async () => {
  const { context, page, check } = await open();
  await page.getByRole('heading', { level: 1 }).waitFor();
  // What a future missed escape would hand to innerHTML: every vector, and markup that runs
  // nothing but was built at run time. Each must throw; the app's own views keep rendering.
  const verdicts = await page.evaluate((all) => {
    const host = document.createElement('div');
    return all.map((markup) => {
      try {
        host.innerHTML = markup;
        return { markup, refused: false, handlers: host.querySelectorAll('[onerror],[onload],script').length };
      } catch (e) {
        return { markup, refused: e instanceof TypeError };
      }
    });
  }, [...differentials, ...vectors, `<p class="nb-hint">运行时拼出的文字 ${Date.now()}</p>`]);
  assert.deepEqual(verdicts.filter((v) => !v.refused), [], 'every string not compiled into the app is refused');
  // Each refusal is reported as a Trusted Types violation, as it should be: these are expected,
  // and only these (the harness fails the test on any other).
  for (let i = 0; i < 40 && violations.length < verdicts.length; i++) await page.waitForTimeout(50);
  const seen = violations.splice(0).map((v) => JSON.parse(v).directive);
  assert.equal(seen.length, verdicts.length, 'one report per refusal');
  assert.deepEqual([...new Set(seen)], ['require-trusted-types-for']);
  // The app's own views still render after the refusals: the start screen, then a new draft.
  await page.getByRole('button', { name: '新建报告' }).first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await check('after the refusals');
  await context.close();
});
