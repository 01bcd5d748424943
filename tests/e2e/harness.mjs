// Shared by the end-to-end tests: the static file server on 127.0.0.1 (scripts/static-server.mjs),
// headless Chromium through playwright-core, axe-core and the W3C Nu Html Checker.
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

export { serve } from '../../scripts/static-server.mjs';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const OUT = path.join(ROOT, 'test-output');
/** Where screenshots go: test-output/, or docs/screenshots/ (committed) with UPDATE_SCREENSHOTS=1. */
export const SHOTS = process.env.UPDATE_SCREENSHOTS === '1'
  ? path.join(ROOT, 'docs', 'screenshots')
  : path.join(OUT, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Headless Debian Chromium with the flags this closed network needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-dev-shm-usage',
    ],
  });
}

/** Runs axe-core on the page and returns its violations (WCAG 2.0/2.1 A and AA, best practices). */
export async function axe(page) {
  await page.addScriptTag({ path: require.resolve('axe-core') });
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
