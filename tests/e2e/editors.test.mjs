// 复制 and 下载片段 through the editors government CMSs embed (issue 18): for each editor, the
// app's 复制 pasted with a real Ctrl+V, and the fragment set through the editor's own API (what
// its source view does); then what the editor would publish, shown in a page without any site
// CSS, against the standalone page: every table cell by cell (spans expanded, so merged cells
// count), the block titles of 二, the six section headings, the catalogue and the texts; no CSS
// shown as text; table 三 with borders and at least 600 px wide. What an editor cannot keep
// whatever the markup is listed in LOSSES (the app's publishing guide says it) and recorded in
// test-output/editors/results.md; anything else lost fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OFFERED_YEAR, OUT, ROOT, serve, launch, cli } from './harness.mjs';
import { hostApp, openApp } from './site.mjs';
import { EDITORS, readReport, writePages } from './editors.mjs';

/** What an editor loses whatever our markup, by editor id and way in, with why. The app's
 * publishing guide (src/ui/publish_guide.rs) tells the clerk each of these. */
export const LOSSES = {
  wangeditor4: {
    paste: { 'table 三 borders': 'its paste filter (pasteFilterStyle, on by default) strips every style and attribute; source mode keeps them' },
  },
  wangeditor5: {
    source: { 'table 三 borders': 'keeps no border attribute or cell border style' },
    paste: { 'table 三 borders': 'the same when pasted' },
  },
  ckeditor5: {
    source: { 'table 三 borders': 'keeps the border colour but drops "1px solid" as its own default, drawn only by its content CSS' },
    paste: { 'table 三 borders': 'the same when pasted' },
  },
};

const dir = path.join(OUT, 'editors');
const results = [];
let app;
let files;
let browser;
let context;
let expected;
let fragment;
/** The rule the publishing guide offers a site whose editor drops borders (export::SITE_CSS). */
const SITE_CSS = (await readFile(path.join(ROOT, 'src/report/export.rs'), 'utf8')).match(/pub const SITE_CSS: &str = "([^"]+)";/)[1];

before(async () => {
  const pages = await writePages(dir);
  files = await serve(ROOT);
  files.pages = pages;
  app = await hostApp('site-editors');
  browser = await launch();
  // The example as the app opens it this season (its year is the one offered).
  const sample = await cli(['sample', 'ogi-2021', '--example', String(OFFERED_YEAR)]);
  fragment = await cli(['export', '--fragment', '-'], sample);
  const standalone = await cli(['export', '-'], sample);
  ({ context } = await openApp(browser, app.url, { permissions: ['clipboard-read', 'clipboard-write'] }));
  const page = await context.newPage();
  await page.setContent(standalone);
  expected = await page.evaluate(readReport);
  await page.close();
});

after(async () => {
  const lines = ['| editor | way in | table 三 width | kept | lost |', '|---|---|---|---|---|'];
  for (const r of results) lines.push(`| ${r.editor} | ${r.way} | ${r.width} px | ${r.kept.join(', ')} | ${r.lost.join('; ') || '—'} |`);
  await writeFile(path.join(dir, 'results.md'), `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
  await browser?.close();
  await app?.server.close();
  await files?.close();
});

/** The checks of one editor's output; each a name and whether it held (with what went wrong). */
function judge(actual) {
  const checks = {};
  const titles = expected.tables.map((t) => t.caption);
  const untitled = actual.tables.map((t) => {
    const first = t.grid[0] ?? [];
    const uniform = first.length > 1 && first.every((x) => x === first[0]) && titles.includes(first[0]);
    return { title: uniform ? first[0] : t.caption, grid: uniform ? t.grid.slice(1) : t.grid };
  });
  const same = actual.tables.length === expected.tables.length
    && expected.tables.every((t, i) => JSON.stringify(t.grid) === JSON.stringify(untitled[i].grid));
  checks['6 tables, every cell and merged cell'] = same || `${actual.tables.length} tables; first difference: ${firstDifference(untitled)}`;
  const blockTitles = expected.tables.map((t) => t.caption).filter((c) => c.startsWith('第二十条'));
  const titled = blockTitles.every((c, i) => untitled[i]?.title === c || (actual.text.includes(c) && actual.text.indexOf(c) < actual.text.indexOf(expected.tables[i].grid[0][1] ?? '∅')));
  checks['二 block titles above their tables'] = titled || 'moved or lost';
  const sections = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
  const missing = sections.filter((h) => !actual.headings.includes(h));
  checks['six section headings'] = missing.length === 0 || `missing ${missing.join(', ')}`;
  const paras = expected.headings.filter((h) => h.length > 30);
  const lostText = paras.filter((p) => !actual.text.includes(p));
  checks['texts'] = lostText.length === 0 || `${lostText.length} paragraphs lost, e.g. ${lostText[0].slice(0, 40)}`;
  const catalogue = ['索引号', '发布机构', '公开日期'].every((l) => new RegExp(`${l}：`).test(actual.text));
  checks['catalogue as label：value'] = catalogue || 'run together';
  const css = /\{[^}]*(border|font|margin|padding)[^}]*\}|nianbao-report/.test(actual.text);
  checks['no CSS as text'] = !css || 'CSS shown';
  checks['table 三 borders'] = actual.requests?.border || 'no borders';
  checks['table 三 ≥ 600 px'] = (actual.requests?.width ?? 0) >= 600 || `${Math.round(actual.requests?.width ?? 0)} px`;
  return [checks, Math.round(actual.requests?.width ?? 0)];
}

function firstDifference(untitled) {
  for (const [i, t] of expected.tables.entries()) {
    const a = untitled[i]?.grid ?? [];
    for (const [r, row] of t.grid.entries()) {
      if (JSON.stringify(row) !== JSON.stringify(a[r])) return `table ${i + 1} row ${r + 1}: ${JSON.stringify(a[r])?.slice(0, 120)} for ${JSON.stringify(row).slice(0, 120)}`;
    }
  }
  return 'none';
}

/** What the editor holds, shown as a visitor sees it: a page with no CSS but its own. */
async function published(html, css = '') {
  const page = await context.newPage();
  await page.setContent(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body style="margin: 8px; width: 1000px">${html}</body></html>`);
  const report = await page.evaluate(readReport);
  await page.close();
  return report;
}

/** Where an editor drops borders, the guide's one-line rule on the site brings them back. */
async function bordersWithTheSiteRule(editor, way, html) {
  if (!LOSSES[editor.id]?.[way]?.['table 三 borders']) return [];
  const shown = await published(html, SITE_CSS);
  return shown.requests?.border ? [] : [`${editor.name}, ${way}: no borders even with the site rule`];
}

async function editorPage(editor) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${files.url}/test-output/editors/${files.pages[editor.id]}`);
  await page.waitForFunction(() => window.editorReady || window.editorFailed, null, { timeout: 60000 });
  const failed = await page.evaluate(() => window.editorFailed);
  assert.equal(failed, undefined, `${editor.name} did not start: ${failed}`);
  return { page, errors };
}

function record(editor, way, [checks, width]) {
  const known = LOSSES[editor.id]?.[way] ?? {};
  const kept = [];
  const lost = [];
  for (const [name, held] of Object.entries(checks)) {
    if (held === true) kept.push(name);
    else lost.push(`${name}: ${held}`);
  }
  results.push({ editor: editor.name, way, kept, lost, width });
  return Object.entries(checks).filter(([name, held]) => held !== true && !(name in known)).map(([name, held]) => `${editor.name}, ${way}: ${name}: ${held}`);
}

test('复制 in the app, then a real Ctrl+V into each editor', async () => {
  const app_ = await context.newPage();
  await app_.goto(app.url);
  await app_.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await app_.getByRole('link', { name: '审阅与导出' }).click();
  await app_.getByRole('heading', { level: 1, name: '审阅与导出' }).waitFor();
  await app_.getByRole('button', { name: '复制', exact: true }).click();
  await app_.getByText('已复制到剪贴板。').waitFor();
  const unexpected = [];
  for (const editor of EDITORS) {
    const { page } = await editorPage(editor);
    const where = editor.frame ? page.frameLocator(editor.frame).locator(editor.target) : page.locator(editor.target);
    await where.click();
    await page.keyboard.press('Control+V');
    await page.waitForTimeout(1500);
    const html = await page.evaluate(() => window.getContent());
    await writeFile(path.join(dir, `${editor.id}-paste.html`), html);
    unexpected.push(...record(editor, 'paste', judge(await published(html))));
    unexpected.push(...await bordersWithTheSiteRule(editor, 'paste', html));
    await page.close();
  }
  // The guide beside the buttons says the same, and copies the rule for the site.
  const guide = app_.getByRole('region', { name: '发布到网站' });
  assert.match(await guide.textContent(), /wangEditor 5 不保留边框/);
  await guide.getByRole('button', { name: '复制样式规则' }).click();
  await app_.getByText('样式规则已复制。').waitFor();
  assert.equal(await app_.evaluate(() => navigator.clipboard.readText()), SITE_CSS);
  await app_.close();
  assert.deepEqual(unexpected, [], 'lost what they should keep');
});

test('下载片段 set through each editor\'s own API (its source view)', async () => {
  const unexpected = [];
  for (const editor of EDITORS) {
    const { page } = await editorPage(editor);
    await page.evaluate((h) => window.setContent(h), fragment);
    await page.waitForTimeout(500);
    const html = await page.evaluate(() => window.getContent());
    await writeFile(path.join(dir, `${editor.id}-source.html`), html);
    unexpected.push(...record(editor, 'source', judge(await published(html))));
    unexpected.push(...await bordersWithTheSiteRule(editor, 'source', html));
    await page.close();
  }
  assert.deepEqual(unexpected, [], 'lost what they should keep');
});

test('a browser that refuses the clipboard: 复制 and the style rule say what to do instead', async () => {
  const refusing = await browser.newContext();
  // As a browser or policy that forbids the page to write the clipboard.
  await refusing.addInitScript(() => {
    const no = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    navigator.clipboard.write = no;
    navigator.clipboard.writeText = no;
  });
  const page = await refusing.newPage();
  await page.goto(app.url);
  await page.getByRole('button', { name: '打开示例报告（2021年格式）' }).click();
  await page.getByRole('link', { name: '审阅与导出' }).click();
  await page.getByRole('button', { name: '复制', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: '浏览器拒绝了复制，请改用“下载片段”。' }).waitFor();
  const guide = page.getByRole('region', { name: '发布到网站' });
  await guide.getByRole('button', { name: '复制样式规则' }).click();
  await guide.getByRole('alert').filter({ hasText: '请选中上面的规则手动复制' }).waitFor();
  // The rule is there to select by hand.
  assert.equal((await guide.locator('pre').textContent()).trim(), SITE_CSS);
  await refusing.close();
});
