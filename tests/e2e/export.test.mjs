// The exported page passes the W3C Nu Html Checker (errors and warnings) and axe-core clean,
// and text typed into a draft, however hostile, comes out as literal text and nothing else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OUT, serve, launch, axe, vnu, cli } from './harness.mjs';
import { hostileDraft as hostile, vectors } from './hostile.mjs';

const dir = path.join(OUT, 'export');
const pages = {};
let server;
let browser;

before(async () => {
  await mkdir(dir, { recursive: true });
  const sample2021 = await cli(['sample', 'ogi-2021']);
  const sample2019 = await cli(['sample', 'ogi-2019']);
  const empty = JSON.stringify({ format: 'nianbao-draft', version: 1, template: 'ogi-2021' });
  const drafts = {
    'empty-2021': empty,
    'sample-2021': sample2021,
    'sample-2019': sample2019,
    'xss-2021': JSON.stringify(hostile(JSON.parse(sample2021))),
    'charts-2021': JSON.stringify({ ...JSON.parse(sample2021), charts: true }),
    'charts-2019': JSON.stringify({ ...JSON.parse(sample2019), charts: true }),
    // With last year's report linked (a 2019-format one): the this-year-against-last chart.
    'charts-years': JSON.stringify({
      ...JSON.parse(sample2021),
      charts: true,
      previous: { id: 'last', year: 2024, template: 'ogi-2019', title: '上一年', cells: JSON.parse(sample2019).cells },
    }),
  };
  for (const [name, draft] of Object.entries(drafts)) {
    await writeFile(path.join(dir, `${name}.json`), draft);
    // The pipeline: the draft goes in on standard input.
    pages[name] = await cli(['export', '-'], draft);
    await writeFile(path.join(dir, `${name}.html`), pages[name]);
  }
  server = await serve(dir);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const describe = (messages) =>
  messages.map((m) => `${path.basename(m.url ?? '')}:${m.lastLine} ${m.type}/${m.subType ?? ''} ${m.message}`);

test('vnu reports nothing (errors or warnings) on every exported page', async () => {
  const files = ['empty-2021', 'sample-2021', 'sample-2019', 'charts-2021', 'charts-2019', 'charts-years'].map((n) => path.join(dir, `${n}.html`));
  assert.deepEqual(describe(await vnu(files)), []);
  // The hostile page's text is almost all Latin-script attack strings, so vnu's language guess
  // (random sampling: it says "English" on some runs, nothing on others) is about the test data,
  // not the page. Everything else is checked, warnings included.
  const hostile = path.join(dir, 'xss-2021.html');
  assert.deepEqual(describe(await vnu([hostile], { langdetect: false })), []);
});

for (const name of ['empty-2021', 'sample-2021', 'sample-2019', 'xss-2021', 'charts-2021', 'charts-2019', 'charts-years']) {
  test(`axe reports no violation on ${name}`, async () => {
    // The page's own CSP forbids every script, axe's included; bypass it for the audit only.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/${name}.html`);
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
}

test('the page makes no request and runs no script', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  const dialogs = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`${server.url}/xss-2021.html`);
  await page.waitForLoadState('load');
  assert.deepEqual(requests, [`${server.url}/xss-2021.html`]);
  assert.deepEqual(dialogs, []);
  await context.close();
});

test('hostile text comes out as the literal text typed, with no element or attribute of its own', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/xss-2021.html`);
  const dom = await page.evaluate(() => ({
    tags: [...new Set([...document.querySelectorAll('*')].map((e) => e.localName))].sort(),
    attrs: [...new Set([...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)))].sort(),
    hrefs: [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')),
    text: document.body.innerText,
    title: document.title,
    metas: [...document.querySelectorAll('meta[name]')].map((m) => [m.name, m.content]),
  }));
  const ours = ['article', 'body', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'h1', 'h2', 'h3', 'head',
    'html', 'link', 'main', 'meta', 'p', 'section', 'style', 'table', 'tbody', 'td', 'th', 'thead', 'time',
    'title', 'tr'];
  assert.deepEqual(dom.tags.filter((t) => !ours.includes(t)), [], 'elements the exporter never writes');
  const attrs = ['aria-labelledby', 'charset', 'class', 'colspan', 'content', 'datetime', 'headers',
    'href', 'http-equiv', 'id', 'lang', 'name', 'rel', 'rowspan', 'scope'];
  assert.deepEqual(dom.attrs.filter((a) => !attrs.includes(a)), [], 'attributes the exporter never writes');
  assert.deepEqual(dom.hrefs, ['data:,']);
  // A form feed (a separator some parsers take for a space) is dropped by the exporter, as
  // every control character the page need not carry.
  const normal = (s) => s.replace(/\f/g, '').replace(/\s+/g, ' ').trim();
  const text = normal(dom.text);
  for (const v of vectors) {
    assert.ok(text.includes(normal(v)), `vector shown literally: ${v}`);
  }
  assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'a hostile cell prints as its text');
  assert.equal(normal(dom.title), normal(vectors.join(' ')));
  const articleTitle = dom.metas.find(([n]) => n === 'ArticleTitle');
  assert.equal(normal(articleTitle[1]), normal(vectors.join(' ')));
  await context.close();
});

test('the sample page holds the computed totals and the typed numbers', async () => {
  const html = pages['sample-2021'];
  for (const s of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
    assert.ok(html.includes(`>${s}</h2>`), s);
  }
  assert.match(html, /nb-t3-r-new nb-t3-c-applicants nb-t3-c-total">109</);
  assert.match(html, /nb-t3-r-total nb-t3-c-applicants nb-t3-c-total">106</);
  assert.match(pages['sample-2019'], />251000元</);
});
