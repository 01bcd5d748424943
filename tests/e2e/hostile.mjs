// Hostile input shared by the tests that feed it through every way in (export.test.mjs for the
// exporter, hostile.test.mjs for the app): the OWASP filter-evasion shapes in
// tests/fixtures/xss-vectors.txt, the parser differentials and mXSS shapes of
// tests/fixtures/xss-held-out.txt (markup a scanner misreads), plus canaries that would leave a mark if any of them ran.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './harness.mjs';

/** Script vectors that mark `window.__pwned` instead of opening a dialog. */
export const CANARIES = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=2">',
  "'><script>window.__pwned=3</script>",
  '<iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>',
  '<a href="javascript:window.__pwned=5">链接</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=6">',
];

/** One vector per non-empty line of a fixture. */
async function lines(name) {
  return (await readFile(path.join(ROOT, 'tests/fixtures', name), 'utf8')).split('\n').filter((l) => l.trim() !== '');
}

/** The held-out kind: markup hidden from a naive scan (comments, raw-text elements, bogus comments, mXSS). */
export const differentials = await lines('xss-held-out.txt');

/** Every vector, one per line of the fixtures, and the canaries. */
export const vectors = [...(await lines('xss-vectors.txt')), ...differentials, ...CANARIES];

/** A draft whose every text field holds all the vectors, and whose cells hold short ones. */
export function hostileDraft(sample) {
  const all = vectors.join('\n');
  const d = structuredClone(sample);
  for (const key of Object.keys(d.meta)) {
    if (typeof d.meta[key] === 'string') d.meta[key] = all;
  }
  d.meta.title = all;
  for (const key of Object.keys(d.meta.site)) d.meta.site[key] = all;
  d.opening = all;
  d.id = all;
  for (const section of Object.values(d.texts)) {
    section.text = all;
    section.fee = '<b>0</b>';
    for (const aspect of Object.keys(section.aspects)) section.aspects[aspect] = all;
  }
  d.cells['t3/new/natural'] = '<img src=x onerror=alert(1)>';
  d.cells['t3/new/total'] = '"><script>alert(1)</script>';
  return d;
}

/** Elements the input could bring and the app never draws (charts are off in these drafts). */
const FOREIGN = ['img', 'svg', 'math', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'audio',
  'video', 'source', 'marquee', 'xss', 'bgsound', 'layer', 'ilayer', 'isindex', 'xml', 'template'];

/** What in `page` (and in the preview's frame) came from the input as markup: elements the app
 * never draws, event-handler attributes, script URLs, scripts or styles that were not there at
 * the start (`baseline`, from `scripts(page)`). Empty when nothing did. */
export async function foreign(page, baseline) {
  return page.evaluate(({ FOREIGN, baseline }) => {
    const found = [];
    const scan = (doc, where) => {
      for (const el of doc.querySelectorAll('*')) {
        const name = el.localName;
        if (FOREIGN.includes(name)) found.push(`${where}: <${name}>`);
        if (name === 'iframe' && el.id !== 'nb-preview-frame') found.push(`${where}: <iframe>`);
        if (name === 'input' && el.type === 'image') found.push(`${where}: <input type=image>`);
        if (name === 'form' && (el.hasAttribute('action') || !['nb-card', 'nb-rename'].includes(el.className))) found.push(`${where}: a form not the app's`);
        if (['style', 'link', 'meta'].includes(name) && el.closest('body')) found.push(`${where}: <${name}> in the body`);
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) found.push(`${where}: <${name} ${a.name}>`);
          const url = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset'].includes(a.name);
          if (url && /^(java|vb)script:/i.test(a.value.replace(/[\s\u0000-\u001f]/g, ''))) found.push(`${where}: <${name} ${a.name}="${a.value}">`);
        }
      }
    };
    scan(document, 'app');
    const scripts = [...document.scripts].map((s) => s.outerHTML.slice(0, 80));
    for (const s of scripts) if (!baseline.includes(s)) found.push(`app: a script that was not there: ${s}`);
    const frame = document.getElementById('nb-preview-frame');
    if (frame?.contentDocument) {
      scan(frame.contentDocument, 'preview');
      if (frame.contentDocument.scripts.length) found.push('preview: a script');
    }
    if (window.__pwned !== undefined) found.push(`a canary ran: ${window.__pwned}`);
    return found;
  }, { FOREIGN, baseline });
}

/** The page's scripts as they are before any input (the app's own). */
export async function scripts(page) {
  return page.evaluate(() => [...document.scripts].map((s) => s.outerHTML.slice(0, 80)));
}
