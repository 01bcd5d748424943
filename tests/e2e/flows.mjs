// A clerk's whole report through the wizard, by roles and accessible names only, shared by the
// served app's test (wizard.test.mjs) and the single file's opened from disk (disk.test.mjs).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { openApp } from './site.mjs';

export const heading = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();

/** Fills every table input of the current step; returns name → value typed. */
export async function fillTable(page, valueFor) {
  const boxes = page.getByRole('table').getByRole('textbox');
  const names = [];
  for (const box of await boxes.all()) names.push(await box.getAttribute('aria-label'));
  const typed = new Map();
  for (const [i, name] of names.entries()) {
    const value = valueFor(name, i, names);
    await page.getByRole('textbox', { name, exact: true }).fill(value);
    typed.set(name, value);
  }
  return typed;
}

export async function shownTotal(page, name) {
  return (await page.getByRole('status', { name, exact: true }).textContent()).trim();
}

export async function writeReport(browser, url, format, year, downloads) {
  const { context, page, problems } = await openApp(browser, url, { permissions: ['clipboard-read', 'clipboard-write'] });
  const body = `测试市测试区${format === 'ogi-2021' ? '新河' : '旧河'}街道办事处`;
  await page.getByRole('radio', { name: new RegExp(`${format.slice(4)}年格式`) }).check();
  await page.getByRole('textbox', { name: '年度' }).fill(String(year));
  await page.getByRole('textbox', { name: '发布机构' }).fill(body);
  await page.getByRole('button', { name: '新建报告' }).click();
  const title = `${body}${year}年政府信息公开工作年度报告`;
  await heading(page, title);
  // The body given at creation starts 基本信息, which is done once its 公开日期 is given; the six
  // sections are untouched.
  const statusOf = (step) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: step, exact: true }) });
  assert.equal(await page.getByText('未开始').count(), 6);
  assert.ok((await statusOf('基本信息').textContent()).includes('进行中'));
  assert.ok((await statusOf('基本信息').textContent()).includes('尚未填写公开日期'));

  // 基本信息
  await page.getByRole('link', { name: '基本信息' }).click();
  await heading(page, '基本信息');
  await page.getByRole('textbox', { name: '索引号' }).fill('k00000001/2026-00001');
  await page.getByRole('textbox', { name: '公开日期' }).fill(`${year + 1}-01-20`);
  await page.getByRole('textbox', { name: '公开时间（可选）' }).fill('09:30');
  await page.getByRole('textbox', { name: '联系地址' }).fill('测试路1号');
  await page.getByRole('textbox', { name: '邮编' }).fill('100000');
  await page.getByRole('textbox', { name: '联系电话' }).fill('010-00000000');
  await page.getByRole('textbox', { name: '电子版查阅位置' }).fill('测试区人民政府门户网站');
  await page.getByRole('button', { name: '检查并继续' }).click();

  // 一、总体情况: the introduction and the five aspects.
  await heading(page, '一、总体情况');
  await page.getByRole('textbox', { name: '概述（可选）' }).fill('本年度政府信息公开工作概述。');
  for (const aspect of ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '监督保障']) {
    await page.getByRole('textbox', { name: `${aspect}（可选）`, exact: true }).fill(`${aspect}方面的工作情况。\n\n第二段。`);
  }
  await page.getByRole('button', { name: '检查并继续' }).click();

  // 二: every input cell.
  await heading(page, '二、主动公开政府信息情况');
  const t2 = await fillTable(page, (name, i) => {
    if (name.includes('本年增/减')) return '-2';
    if (name.includes('收费金额')) return '1.25';
    if (name.includes('采购总金额')) return '251000';
    return String((i % 7) + 1);
  });
  await page.getByRole('button', { name: '检查并继续' }).click();

  // 三: every input cell, balanced column by column; full-width digits in one.
  await heading(page, '三、收到和处理政府信息公开申请情况');
  const t3 = await fillTable(page, (name, i, names) => {
    const rows = names.length / 6;
    const [r, j] = [Math.floor(i / 6), i % 6];
    const results = (row) => (row + j) % 3;
    if (r === 0) return j === 0 ? '５０' : String(50 + j);
    if (r === 1) return String(j);
    if (r < rows - 1) return String(results(r));
    let handled = 0;
    for (let row = 2; row < rows - 1; row++) handled += results(row);
    return String(50 + j + j - handled);
  });
  const sum = (pred) => [...t3].filter(([n]) => pred(n)).reduce((a, [, v]) => a + Number(v.replace('５０', '50')), 0);
  const newTotal = sum((n) => n.startsWith('一、本年新收'));
  assert.equal(await shownTotal(page, '一、本年新收政府信息公开申请数量 总计'), String(newTotal));
  const resultRow = (n) => !n.startsWith('一、') && !n.startsWith('二、') && !n.startsWith('四、');
  assert.equal(await shownTotal(page, '（七）总计 自然人'), String(sum((n) => resultRow(n) && n.endsWith(' 自然人'))));
  const handledTotal = sum(resultRow);
  assert.equal(await shownTotal(page, '（七）总计 总计'), String(handledTotal));
  assert.equal(await page.locator('#nb-error-summary').isHidden(), true, 'a balanced table has no finding');

  // Break the balance: the error is named with its column and numbers, and links to the cell.
  const first = '一、本年新收政府信息公开申请数量 自然人';
  await page.getByRole('textbox', { name: first, exact: true }).fill('53');
  const summary = page.locator('#nb-error-summary');
  // While the clerk fills the table in: a neutral note, no red marks, no error summary.
  await page.getByRole('status').filter({ hasText: '尚未平衡（1处）' }).waitFor();
  assert.equal(await summary.isHidden(), true, 'no error summary before the clerk asks');
  assert.equal(await page.getByRole('textbox', { name: first, exact: true }).getAttribute('aria-invalid'), null);
  await page.getByRole('button', { name: '检查并继续' }).click();
  await summary.getByRole('link', { name: /“自然人”列.*相差3/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'nb-error-summary');
  await summary.getByRole('link', { name: /“自然人”列/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), first);
  assert.equal(await page.getByRole('textbox', { name: first, exact: true }).getAttribute('aria-invalid'), 'true');
  await page.getByRole('textbox', { name: first, exact: true }).fill('50');
  await summary.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: '检查并继续' }).click();

  // 四: all twelve inputs; each block's 总计 is computed.
  await heading(page, '四、政府信息公开行政复议、行政诉讼情况');
  const t4 = await fillTable(page, (name, i) => String(i + 1));
  assert.equal(await shownTotal(page, '行政复议 总计'), String(1 + 2 + 3 + 4));
  assert.equal(await shownTotal(page, '行政诉讼 复议后起诉 总计'), String(9 + 10 + 11 + 12));
  await page.getByRole('button', { name: '检查并继续' }).click();

  // 五 and 六.
  await heading(page, '五、存在的主要问题及改进情况');
  await page.getByRole('textbox', { name: '正文' }).fill('存在的问题。\n\n改进措施。');
  // A data phrase: its numbers come from table 三 at export.
  await page.getByRole('button', { name: '插入申请情况数据句' }).click();
  assert.ok((await page.getByRole('textbox', { name: '正文' }).inputValue()).endsWith('{{结转下年度}}件。'));
  await page.getByRole('button', { name: '检查并继续' }).click();
  await heading(page, '六、其他需要报告的事项');
  if (format === 'ogi-2021') {
    await page.getByRole('textbox', { name: '本年收取信息处理费金额（元）' }).fill('0');
  }
  await page.getByRole('button', { name: '没有要报告的：填入“无。”' }).click();
  assert.equal(await page.getByRole('textbox', { name: '正文' }).inputValue(), '无。');
  await page.getByRole('button', { name: '检查并继续' }).click();

  // 审阅与导出: every step complete, then the page and the clipboard.
  await heading(page, '审阅与导出');
  await page.getByRole('link', { name: '← 任务列表' }).click();
  await heading(page, title);
  assert.equal(await page.getByText('已完成').count(), 8, 'every step is 已完成');
  await page.getByRole('link', { name: '审阅与导出' }).click();
  await heading(page, '审阅与导出');
  await page.getByRole('checkbox', { name: /在网页中加入统计图/ }).check();
  await page.frameLocator('iframe[title="导出网页的预览"]').getByRole('img', { name: /本年度申请的办理结果/ }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载网页' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${title}.html`);
  const file = path.join(downloads, `${format}.html`);
  await download.saveAs(file);
  const [word] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 Word' }).click(),
  ]);
  assert.equal(word.suggestedFilename(), `${title}.docx`);
  const docx = path.join(downloads, `${format}.docx`);
  await word.saveAs(docx);
  assert.equal((await readFile(docx)).subarray(0, 2).toString(), 'PK', 'a .docx is a zip');
  await page.getByRole('button', { name: '复制', exact: true }).click();
  await page.getByText('已复制到剪贴板。').waitFor();
  const clip = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return {
      types: item.types,
      html: await (await item.getType('text/html')).text(),
      text: await (await item.getType('text/plain')).text(),
    };
  });
  assert.deepEqual([...clip.types].sort(), ['text/html', 'text/plain']);
  // Chromium's clipboard reader sanitises what it reads (its own document, styles inlined);
  // the fragment is in the form editors keep (docs/cms.md): catalogue lines, bordered tables,
  // 二's block titles as first rows, no style sheet and no wrapper.
  assert.ok(clip.html.includes('<p>索引号：'), clip.html.slice(0, 300));
  assert.ok(!clip.html.includes('<style') && !clip.html.includes('<article'));
  assert.match(clip.html, /<table border="1"[^>]*>/);
  assert.ok(clip.html.includes('第二十条第（一）项</th>'), 'a block title as a first row');
  assert.ok(clip.html.includes('>一、本年新收政府信息公开申请数量</th>'));
  assert.ok(clip.text.includes(`一、本年新收政府信息公开申请数量\t50\t`));
  assert.deepEqual(problems, []);
  await context.close();
  return { file, title, newTotal, handledTotal, t2, t3, t4 };
}

