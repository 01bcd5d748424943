// The built app copied into a sub-folder of a plain static server, as an office would host it,
// and a browser page on it that records every console problem.
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { OUT, ROOT, serve } from './harness.mjs';

export const SUB = '/intranet/reports/nianbao/';

/** Copies dist/ under `name` and serves it; returns the server and the app's address. */
export async function hostApp(name) {
  const site = path.join(OUT, name);
  await rm(site, { recursive: true, force: true });
  await mkdir(path.join(site, SUB), { recursive: true });
  await cp(path.join(ROOT, 'dist'), path.join(site, SUB), { recursive: true });
  const server = await serve(site);
  return { server, url: server.url + SUB };
}

/** Opens the app in a new context; `problems` collects console errors, failed requests and crashes. */
export async function openApp(browser, url, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { context, page, problems };
}
