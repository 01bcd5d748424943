// The rich-text editors government sites embed, from npm (package.json, locked), each in a page
// of its own as a CMS would set it up: 800 px wide, no site CSS. Each says how it is created,
// how source mode sets its content, how its content is read back, and where a clerk pastes.
// Used by editors.test.mjs (issue 18).
import { writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

const NM = '/node_modules';

/** One editor: `head` loads it; `start` (in the page) creates it and resolves when ready,
 * defining window.setContent(html) and window.getContent(); `target` is where a paste goes,
 * `frame` the iframe it sits in, if any. */
export const EDITORS = [
  {
    name: 'KindEditor 4.1.10',
    id: 'kindeditor',
    head: `<script src="${NM}/kindeditor/kindeditor-all-min.js"></script>`,
    start: `await new Promise((ready) => KindEditor.ready(() => {
      const ed = KindEditor.create('#ed', { basePath: '${NM}/kindeditor/', width: '800px', height: '500px', afterCreate: ready });
      window.setContent = (h) => ed.html(h);
      window.getContent = () => ed.html();
    }));`,
    frame: 'iframe.ke-edit-iframe',
    target: 'body',
  },
  {
    name: 'wangEditor 4.7.15',
    id: 'wangeditor4',
    head: `<script src="${NM}/wangeditor/dist/wangEditor.min.js"></script>`,
    start: `const ed = new window.wangEditor('#ed');
      ed.config.height = 500;
      ed.create();
      window.setContent = (h) => ed.txt.html(h);
      window.getContent = () => ed.txt.html();`,
    target: '#ed .w-e-text',
  },
  {
    name: 'wangEditor 5.1.23',
    id: 'wangeditor5',
    head: `<link rel="stylesheet" href="${NM}/@wangeditor/editor/dist/css/style.css">
<script src="${NM}/@wangeditor/editor/dist/index.js"></script>`,
    start: `const ed = window.wangEditor.createEditor({ selector: '#ed', html: '<p><br></p>', mode: 'default' });
      window.wangEditor.createToolbar({ editor: ed, selector: '#toolbar', mode: 'default' });
      window.setContent = (h) => ed.setHtml(h);
      window.getContent = () => ed.getHtml();`,
    target: '#ed [data-slate-editor]',
  },
  {
    name: 'TinyMCE 8.9.2',
    id: 'tinymce',
    head: `<script src="${NM}/tinymce/tinymce.min.js"></script>`,
    start: `const [ed] = await tinymce.init({ selector: '#ed', license_key: 'gpl', base_url: '${NM}/tinymce', suffix: '.min',
        plugins: 'table lists link', menubar: false, width: 800, height: 500, promotion: false });
      window.setContent = (h) => ed.setContent(h);
      window.getContent = () => ed.getContent();`,
    frame: 'iframe.tox-edit-area__iframe',
    target: 'body',
  },
  {
    name: 'CKEditor 5 48.5.2',
    id: 'ckeditor5',
    module: true,
    head: `<link rel="stylesheet" href="${NM}/ckeditor5/dist/browser/ckeditor5.css">`,
    start: `const { ClassicEditor, Essentials, Paragraph, Heading, Bold, Italic, Link, List, Table, TableToolbar,
        TableProperties, TableCellProperties, PasteFromOffice } = await import('${NM}/ckeditor5/dist/browser/ckeditor5.js');
      const ed = await ClassicEditor.create(document.querySelector('#ed'), { licenseKey: 'GPL',
        plugins: [Essentials, Paragraph, Heading, Bold, Italic, Link, List, Table, TableToolbar, TableProperties, TableCellProperties, PasteFromOffice],
        toolbar: ['heading', 'bold', 'italic', 'link', 'bulletedList', 'insertTable'] });
      window.setContent = (h) => ed.setData(h);
      window.getContent = () => ed.getData();`,
    target: '.ck-editor__editable',
  },
];

/** Writes each editor's page into `dir`; returns id → file name. */
export async function writePages(dir) {
  await mkdir(dir, { recursive: true });
  const pages = {};
  for (const e of EDITORS) {
    const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${e.name}</title>
${e.head}
</head><body>
<div id="toolbar"></div>
<div style="width: 800px"><textarea id="ed" style="width: 800px; height: 500px"></textarea></div>
<script type="module">
${e.id === 'wangeditor4' || e.id === 'wangeditor5' ? "document.getElementById('ed').outerHTML = '<div id=\"ed\" style=\"width: 800px; height: 500px\"></div>';" : ''}
try {
  ${e.start}
  window.editorReady = true;
} catch (err) {
  window.editorFailed = String(err && err.stack || err);
}
</script>
</body></html>`;
    const file = `${e.id}.html`;
    await writeFile(path.join(dir, file), html);
    pages[e.id] = file;
  }
  return pages;
}

/** In a page: every table as a grid of cell texts (spans expanded), the texts of headings, and
 * what a visitor sees of table 三 (its borders and width). Runs in the browser. */
export function readReport() {
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const grid = (table) => {
    const rows = [];
    [...table.rows].forEach((tr, r) => {
      rows[r] = rows[r] || [];
      let c = 0;
      for (const cell of tr.cells) {
        while (rows[r][c] !== undefined) c += 1;
        const rs = Math.max(1, Number(cell.getAttribute('rowspan')) || 1);
        const cs = Math.max(1, Number(cell.getAttribute('colspan')) || 1);
        for (let i = 0; i < rs; i += 1) {
          rows[r + i] = rows[r + i] || [];
          for (let j = 0; j < cs; j += 1) rows[r + i][c + j] = norm(cell.textContent);
        }
        c += cs;
      }
    });
    return rows.map((row) => [...row].map((x) => x ?? ''));
  };
  const tables = [...document.querySelectorAll('table')];
  const requests = tables.find((t) => t.textContent.includes('本年新收政府信息公开申请数量'));
  const cell = requests?.querySelector('td');
  const style = cell ? getComputedStyle(cell) : null;
  return {
    tables: tables.map((t) => ({ grid: grid(t), caption: norm(t.caption?.textContent ?? '') })),
    headings: [...document.querySelectorAll('h1, h2, h3, h4, p, strong, b')].map((h) => norm(h.textContent)),
    text: norm(document.body.innerText),
    requests: requests ? {
      width: requests.getBoundingClientRect().width,
      border: style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) >= 1,
    } : null,
  };
}
