// Debian's stock Firefox ESR, driven over WebDriver BiDi by puppeteer-core: no patched browser to
// download (Playwright's Firefox is a build of its own, which this closed network cannot fetch),
// and BiDi is the protocol Firefox itself maintains. Elements are found as a clerk finds them:
// by role and accessible name (`::-p-aria`, answered from Firefox's accessibility tree).
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core/lib/puppeteer/puppeteer-core.js';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** Firefox ESR, headless, saving every download into `downloads` without asking. */
export async function launchFirefox(downloads) {
  await rm(downloads, { recursive: true, force: true });
  await mkdir(downloads, { recursive: true });
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk':
        'application/json,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      // The clipboard API without a prompt, as a clerk's click allows it.
      'dom.events.testing.asyncClipboard': true,
    },
  });
}

/** The element with this role and accessible name (exact). */
export function byRole(page, role, name) {
  const quoted = name.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return page.locator(`::-p-aria([name="${quoted}"][role="${role}"])`);
}

/** Waits for the level-1 heading `name`. */
export async function heading(page, name) {
  await page.waitForFunction((n) => [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === n), { timeout: 30000 }, name);
}

/** A page that records console errors and uncaught exceptions. */
export async function openFirefoxPage(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await page.waitForSelector('h1', { timeout: 30000 });
  return { page, problems };
}

/** Waits until `downloads` holds a finished file whose name matches `pattern`; returns its path. */
export async function downloaded(downloads, pattern, timeout = 30000) {
  const until = Date.now() + timeout;
  for (;;) {
    const names = await readdir(downloads);
    const done = names.find((n) => pattern.test(n) && !n.endsWith('.part'));
    if (done && !names.includes(`${done}.part`)) {
      const file = path.join(downloads, done);
      if ((await stat(file)).size > 0) return file;
    }
    if (Date.now() > until) throw new Error(`no download matching ${pattern} in ${names.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The value of the textbox `name`. */
export async function valueOf(page, name) {
  const box = await byRole(page, 'textbox', name).waitHandle();
  return box.evaluate((e) => e.value);
}
