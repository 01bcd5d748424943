// Debian's stock Firefox ESR, driven over WebDriver BiDi by puppeteer-core: no patched browser to
// download (Playwright's Firefox is a build of its own, which this closed network cannot fetch),
// and BiDi is the protocol Firefox itself maintains. Elements are found as a clerk finds them:
// by role and accessible name (`::-p-aria`, answered from Firefox's accessibility tree).
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import puppeteer from 'puppeteer-core/lib/puppeteer/puppeteer-core.js';
import { WATCH_CSP, noteViolation } from './harness.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** Firefox ESR, headless, saving every download into `downloads` without asking; every page it
 * opens reports CSP violations (harness.mjs `violations`). */
export async function launchFirefox(downloads) {
  await rm(downloads, { recursive: true, force: true });
  await mkdir(downloads, { recursive: true });
  const browser = await puppeteer.launch({
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
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => {
    const page = await newPage(...args);
    page.on('console', (m) => noteViolation(m.text()));
    await page.evaluateOnNewDocument(WATCH_CSP);
    return page;
  };
  return browser;
}

/** The element with this role and accessible name (exact), with the actions the tests use.
 * Puppeteer's locator actions check the element through a function it builds with `new
 * Function` in the page, which the app's CSP (no eval) refuses in Firefox; waiting for the
 * handle (an accessibility-tree query) and acting on it does not. */
export function byRole(page, role, name) {
  const quoted = name.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const locator = page.locator(`::-p-aria([name="${quoted}"][role="${role}"])`);
  const handle = () => locator.setTimeout(30000).waitHandle();
  return {
    waitHandle: handle,
    click: async () => (await handle()).click(),
    fill: async (value) => {
      const el = await handle();
      await el.evaluate((e) => { e.focus(); e.select?.(); });
      if (value === '') await el.press('Backspace');
      else await el.type(value);
    },
  };
}

/** Waits until `fn(arg)`, run in the page, is truthy; returns its value. Puppeteer's own
 * waitForFunction evaluates a string in the page, which the app's CSP (no eval) refuses in
 * Firefox; a function given to evaluate is called over BiDi, which the CSP allows. */
export async function until(page, fn, arg, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg).catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${fn.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The element matching `selector`, once there. */
export async function selector(page, css, timeout = 30000) {
  await until(page, (s) => Boolean(document.querySelector(s)), css, timeout);
  return page.$(css);
}

/** Waits for the level-1 heading `name`. */
export async function heading(page, name) {
  await until(page, (n) => [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === n), name);
}

/** A page that records console errors and uncaught exceptions. */
export async function openFirefoxPage(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url);
  await selector(page, 'h1');
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
