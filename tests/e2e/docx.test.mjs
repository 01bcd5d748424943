// The Word file: LibreOffice (headless) reads it in full — its text holds every label and every
// number of the example report's page — and its PDF renders page by page.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { OUT, cli, launch } from './harness.mjs';

const run = promisify(execFile);
const dir = path.join(OUT, 'docx');

before(async () => {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
});

/** Every table label and number as the exported page shows them, read by a browser. */
async function pageCells(html) {
  const browser = await launch();
  const page = await browser.newPage();
  await page.setContent(html);
  const cells = await page.$$eval('th, td', (els) => els.map((e) => e.textContent.trim()).filter(Boolean));
  await browser.close();
  return cells;
}

for (const format of ['ogi-2021', 'ogi-2019']) {
  test(`the ${format} example as .docx: LibreOffice reads every label and number, and the PDF renders`, async () => {
    const draft = path.join(dir, `${format}.json`);
    await writeFile(draft, await cli(['sample', format]));
    const docx = path.join(dir, `${format}.docx`);
    await cli(['export', draft, '--docx', '-o', docx]);
    const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
    await run('soffice', [profile, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, docx], { timeout: 120000 });
    await run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120000 });
    const text = (await readFile(path.join(dir, `${format}.txt`), 'utf8')).replace(/\s+/g, '');
    const html = await cli(['export', draft]);
    const missing = (await pageCells(html)).filter((c) => !text.includes(c.replace(/\s+/g, '')));
    assert.deepEqual(missing, [], 'labels and numbers of the page missing from the .docx');
    for (const heading of ['一、总体情况', '六、其他需要报告的事项', '本报告中所列数据的统计期限']) {
      assert.ok(text.includes(heading), heading);
    }
    const prefix = path.join(dir, `${format}-page`);
    await run('pdftoppm', ['-png', '-r', '40', path.join(dir, `${format}.pdf`), prefix], { timeout: 120000 });
    const pages = (await readdir(dir)).filter((f) => f.startsWith(`${format}-page`) && f.endsWith('.png'));
    assert.ok(pages.length >= 3, `pages rendered: ${pages.length}`);
    for (const p of pages) assert.ok((await stat(path.join(dir, p))).size > 1000, p);
  });
}
