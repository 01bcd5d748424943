// Shared by the end-to-end tests: the static file server on 127.0.0.1 (scripts/static-server.mjs),
// headless Chromium through playwright-core, axe-core and the W3C Nu Html Checker.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach } from 'node:test';
import { chromium } from 'playwright-core';

export { serve } from '../../scripts/static-server.mjs';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const OUT = path.join(ROOT, 'test-output');

/** The report year the start screen offers today (October to December this year, else last
 * year): the example is on it. */
export const OFFERED_YEAR = (() => {
  const now = new Date();
  return now.getMonth() + 1 >= 10 ? now.getFullYear() : now.getFullYear() - 1;
})();
/** The example's title as the task list heads it. */
export const EXAMPLE_TITLE = `示例：青禾市临江区望湖街道办事处${OFFERED_YEAR}年政府信息公开工作年度报告`;
/** Where screenshots go: test-output/, or docs/screenshots/ (committed) with UPDATE_SCREENSHOTS=1. */
export const SHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? path.join(ROOT, 'docs', 'screenshots')
  : path.join(OUT, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Content Security Policy violations any page reported (issue 19): every test of a file that
 * imports this module fails when one fired during it, whether or not it checks its page's
 * console. Pages report them through the console with this mark, from every frame. */
export const violations = [];
const MARK = 'nianbao: CSP violation';
export const WATCH_CSP = `addEventListener('securitypolicyviolation', (e) => {
  console.error(${JSON.stringify(MARK)} + ' ' + JSON.stringify({ directive: e.effectiveDirective,
    blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample, page: location.href }));
}, true);`;
/** Records a console message if it is a violation report. */
export function noteViolation(text) {
  if (text.startsWith(MARK)) violations.push(text.slice(MARK.length + 1));
}
afterEach(() => {
  const seen = violations.splice(0);
  if (seen.length) throw new Error(`the page recorded ${seen.length} CSP violation(s):\n${seen.join('\n')}`);
});

/** A context whose pages report CSP violations. */
async function watched(context) {
  await context.addInitScript(WATCH_CSP);
  const watch = (page) => page.on('console', (m) => noteViolation(m.text()));
  context.pages().forEach(watch);
  context.on('page', watch);
  return context;
}

/** Headless Debian Chromium with the flags this closed network needs; every page it opens
 * reports CSP violations (see `violations`). */
export async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-dev-shm-usage',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watched(await newContext(options));
  // As Playwright's own: a page in a context of its own, closed with it.
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('close', () => context.close().catch(() => {}));
    return page;
  };
  return browser;
}

const axeSource = readFileSync(require.resolve('axe-core'), 'utf8');

/** Runs axe-core on the page and returns its violations (WCAG 2.0/2.1 A and AA, best practices). */
export async function axe(page) {
  // Evaluated by the driver, not as a script element: the app's CSP allows no script but its own.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
}

/**
 * Runs the W3C Nu Html Checker on the files in one JVM; returns every message, warnings included.
 * `langdetect: false` turns off only vnu's statistical guess of the text's language.
 */
export function vnu(files, { langdetect = true } = {}) {
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  const flags = langdetect ? [] : ['--no-langdetect'];
  return new Promise((resolve, reject) => {
    execFile('java', ['-jar', jar, ...flags, '--format', 'json', '--stdout', ...files], { maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        try {
          resolve(JSON.parse(stdout || stderr).messages);
        } catch (e) {
          reject(new Error(`vnu did not answer: ${error?.message ?? e.message}\n${stderr}`));
        }
      });
  });
}

/** Runs nianbao-cli (built by the test command) and returns its stdout. */
export function cli(args, input) {
  const bin = process.env.NIANBAO_CLI ?? path.join(ROOT, 'target', 'debug', 'nianbao-cli');
  return new Promise((resolve, reject) => {
    const child = execFile(bin, args, { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`nianbao-cli ${args.join(' ')}: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin.end(input);
  });
}
