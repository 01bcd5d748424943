// Every screen of the app, in Chinese and in English: axe-core finds no violation, and a
// screenshot goes to test-output/screenshots/ (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
// A keyboard-only walk reaches and fills every field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SHOTS, launch, axe } from './harness.mjs';
import { hostApp, openApp } from './site.mjs';

const shots = SHOTS;
const STEPS = ['meta', 'overview', 'proactive', 'requests', 'disputes', 'problems', 'other', 'review'];
let app;
let browser;

before(async () => {
  await mkdir(shots, { recursive: true });
  app = await hostApp('site-a11y');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await app?.server.close();
});

// Every screen in Chinese; in English, the screens whose layout differs most.
const ENGLISH_SHOTS = ['start', 'tasks', 'requests', 'review'];

async function screen(page, lang, name) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  const violations = await axe(page);
  assert.deepEqual(violations, [], `${lang} ${name}`);
  if (lang === 'zh' || ENGLISH_SHOTS.includes(name)) {
    // The save time changes every run; masked, so the screenshots only change when screens do.
    await page.screenshot({ path: path.join(shots, `${lang}-${name}.png`), fullPage: true, mask: [page.locator('.nb-save-state')], maskColor: '#ffffff' });
  }
}

for (const lang of ['zh', 'en']) {
  test(`axe finds no violation on any screen (${lang})`, async () => {
    const { context, page, problems } = await openApp(browser, app.url, { viewport: { width: 1280, height: 900 } });
    if (lang === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Write the open-government-information annual report' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    }
    await screen(page, lang, 'start');
    await page.getByRole('button', { name: lang === 'zh' ? '打开示例报告（2021年格式）' : 'Open the example (2021 format)' }).click();
    await screen(page, lang, 'tasks');
    // Break one rule so the error summary and the cell marks are on screen too.
    await page.goto(`${app.url}#/example-ogi-2021/requests`);
    await page.getByRole('textbox', { name: '（一）予以公开 自然人', exact: true }).fill('41');
    for (const step of STEPS) {
      await page.goto(`${app.url}#/example-ogi-2021/${step}`);
      await page.waitForFunction((s) => location.hash.endsWith(s), step);
      await screen(page, lang, step);
    }
    // The language is remembered across a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'zh-CN' : 'en');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a keyboard-only walk reaches and fills every field of every step', async () => {
  const { context, page, problems } = await openApp(browser, app.url);
  await page.getByRole('button', { name: '打开示例报告（2019年格式）' }).click();
  for (const step of STEPS.filter((s) => s !== 'review')) {
    await page.goto(`${app.url}#/example-ogi-2019/${step}`);
    await page.waitForFunction((s) => location.hash.endsWith(s), step);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const fields = await page.$$eval('main input, main textarea, main select', (els) => els.map((e) => e.id));
    assert.ok(fields.length > 0, step);
    const filled = new Set();
    await page.evaluate(() => document.getElementById('nb-step-heading').focus());
    for (let presses = 0; presses < fields.length * 3 + 60 && filled.size < fields.length; presses++) {
      await page.keyboard.press('Tab');
      const active = await page.evaluate(() => {
        const el = document.activeElement;
        return { id: el?.id, tag: el?.localName, value: el?.value };
      });
      if (!fields.includes(active.id) || filled.has(active.id)) continue;
      if (active.tag === 'select') {
        await page.keyboard.press('ArrowDown');
      } else {
        await page.keyboard.press('End');
        await page.keyboard.type('7');
        const after = await page.evaluate(() => document.activeElement.value);
        assert.ok(after.endsWith('7'), `${step} ${active.id} takes typing`);
      }
      filled.add(active.id);
    }
    assert.deepEqual(fields.filter((f) => !filled.has(f)), [], `${step}: fields never reached by Tab`);
  }
  // Arrow keys and Enter move between cells, skipping computed ones.
  await page.goto(`${app.url}#/example-ogi-2019/requests`);
  await page.getByRole('textbox', { name: '（六）其他处理 自然人', exact: true }).focus();
  const active = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  // Enter goes on in reading order (along the row); Shift+Enter back; the arrows by column.
  await page.keyboard.press('Enter');
  assert.equal(await active(), '（六）其他处理 法人或其他组织 商业企业');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await active(), '（六）其他处理 自然人');
  await page.keyboard.press('ArrowDown');
  assert.equal(await active(), '四、结转下年度继续办理 自然人');
  await page.keyboard.press('ArrowUp');
  assert.equal(await active(), '（六）其他处理 自然人');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), '（六）其他处理 法人或其他组织 商业企业');
  assert.deepEqual(problems, []);
  await context.close();
});
