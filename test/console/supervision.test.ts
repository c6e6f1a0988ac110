// The console in a real browser, scenario 5: the city's supervisor sees the overdue list (the task, how many working
// days late, whose move it is, escalated), acknowledges the escalation, opens the progress report, downloads the
// XLSX (opened with exceljs: its figure is the page's) and the CSV, submits once (the second submit is refused in
// Chinese), and is refused another city's report typed into the address bar; the region's supervisor sees every
// city. Deadlines are moved into the past in the table, as the supervision integration tests do, and the escalation
// sweep runs in process. axe and screenshots of each page at both window sizes.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../services/calendar/china-time.ts';
import { periodOf } from '../../services/reports/period.ts';
import { findDepartment } from '../../services/topology.ts';
import { moveDeadline } from '../helpers/deadlines.ts';
import { admission, eventually, LIUZHOU, NANNING, needsEmbedded, readChild, untilTaskStatus, useHub } from '../helpers/hub.ts';
import { SCENARIO_TIMEOUT, checkPage, launch, newContext, onFailure, signInLocally, sizes } from './browser.ts';

const hub = useHub({ simulators: false });
const MI = 'medical-insurance';
const PRE = 'medical-insurance.pre-enrollment';
const CITY = 'supervisor:450100';
const today = chinaDate(new Date());
const period = periodOf(today);
const periodZh = `${period.slice(0, 4)}年${period.endsWith('H1') ? '上' : '下'}半年`;
let browser: Browser;
let city: Page;
let region: Page;

beforeAll(async () => {
  browser = await launch();
  city = await (await newContext(browser)).newPage();
  region = await (await newContext(browser, 'phone')).newPage();
});
afterEach(onFailure(() => ({ city, region })));
afterAll(async () => {
  await browser?.close();
});

async function admit(institutionId: string, certificate: string) {
  const res = await hub().call('POST', '/v1/children', {
    as: `staff:${institutionId}`,
    body: admission({ institutionId, admittedOn: today, parentsUnknown: true, foundlingCertificateNumber: certificate }),
  });
  expect(res.status).toBe(201);
  const pre = res.body.tasks.find((t: { type: string }) => t.type === PRE);
  return { childId: res.body.childId as string, taskId: pre.taskId as string };
}

/** Moves a task's deadline `days` calendar days into the past, with the index key the overdue list reads. */
async function lateBy(taskId: string, days: number) {
  const deadline = `${chinaDate(new Date(Date.now() - days * 86_400_000))}T23:59:59+08:00`;
  await moveDeadline(taskId, deadline);
}

const cell = (p: Page, row: string, column: string) => p.locator('tr', { has: p.locator('th', { hasText: row }) }).first().locator(`td[data-label="${column}"]`);

describe('console: supervision', { timeout: SCENARIO_TIMEOUT }, () => {
  it('[supervision] the city sees its overdue tasks and its report with downloads; the region sees every city', async (ctx) => {
    needsEmbedded(ctx, 'the test moves deadlines into the past in the table and runs the escalation sweep');
    const base = hub().apiUrl;
    // A: the department's move, three weeks late (past the city's escalation threshold, not the region's).
    // B: the department asked for information, so the institution's move.
    const a = await admit(NANNING, 'NN-GA-2026-0501');
    const b = await admit(NANNING, 'NN-GA-2026-0502');
    // Liuzhou: 11 children, 22 tasks overdue, more than one page of the list (20).
    const liuzhou = await Promise.all(Array.from({ length: 11 }, (_, i) => admit(LIUZHOU, `LZ-GA-2026-05${String(i).padStart(2, '0')}`)));
    await untilTaskStatus(hub(), b.childId, b.taskId, 'delivered');
    expect((await hub().call('POST', `/v1/tasks/${b.taskId}/acknowledge`, { as: `department:${MI}`, body: {} })).status).toBe(200);
    const ask = await hub().call('POST', `/v1/tasks/${b.taskId}/request-information`, {
      as: `department:${MI}`,
      body: { missing: [{ field: 'idNumber', message: '请提供公民身份号码' }] },
    });
    expect(ask.status).toBe(200);
    await untilTaskStatus(hub(), a.childId, a.taskId, 'delivered');
    await lateBy(a.taskId, 21);
    await lateBy(b.taskId, 10);
    for (const c of liuzhou) {
      const tasks = await eventually(async () => {
        const read: { taskId: string; status: string }[] = (await readChild(hub(), c.childId, `staff:${LIUZHOU}`)).tasks;
        return read.every((t) => t.status === 'delivered') ? read : undefined;
      }, 30_000, 'Liuzhou tasks delivered');
      for (const t of tasks) await lateBy(t.taskId, 30);
    }
    await hub().escalate(new Date());
    const listed = (await hub().call('GET', '/v1/cities/450100/overdue?limit=100', { as: CITY })).body.items;
    const late = (taskId: string) => listed.find((t: { taskId: string }) => t.taskId === taskId);
    expect(late(a.taskId)).toMatchObject({ waitingOn: 'department', escalated: 'city' });
    expect(late(b.taskId)).toMatchObject({ waitingOn: 'institution' });

    // The city's supervisor starts on the overview: the department's two overdue tasks.
    await signInLocally(city, base, '南宁市民政局');
    await city.getByRole('heading', { name: '南宁市统计概览' }).waitFor();
    await expect.poll(() => cell(city, '医疗保障局', '已逾期').textContent()).toBe('2');
    await checkPage(city, 'supervision-overview');

    // 逾期督办: the specific task, its lateness in words, whose move, escalated.
    await city.getByRole('link', { name: '逾期督办' }).click();
    await city.getByRole('heading', { name: '南宁市逾期督办' }).waitFor();
    const rowA = city.locator(`tr[data-task="${a.taskId}"]`);
    const rowB = city.locator(`tr[data-task="${b.taskId}"]`);
    await rowA.waitFor();
    expect(await rowA.locator('td[data-label="逾期"]').textContent()).toBe(`已逾期${late(a.taskId).workingDaysLate}个工作日`);
    expect(await rowA.locator('td[data-label="待谁办理"]').textContent()).toBe(`部门办理：${findDepartment(MI)!.nameZh}`);
    expect(await rowA.locator('td[data-label="督办"]').textContent()).toBe('已升级至市级');
    expect(await rowB.locator('td[data-label="待谁办理"]').textContent()).toBe('机构补充信息：南宁市儿童福利院');
    expect(await rowB.locator('td[data-label="逾期"]').textContent()).toBe(`已逾期${late(b.taskId).workingDaysLate}个工作日`);
    // The oldest deadline first.
    expect(await city.locator('tbody tr').first().getAttribute('data-task')).toBe(a.taskId);
    await checkPage(city, 'supervision-overdue');

    // The escalation, acknowledged with the keyboard: an empty note is refused beside the field.
    const note = city.getByLabel('处理情况').first();
    await note.focus();
    await city.keyboard.press('Tab');
    await city.keyboard.press('Enter');
    await city.getByText('请填写处理情况。').waitFor();
    await note.focus();
    await city.keyboard.type('已约谈市医保局');
    await city.keyboard.press('Tab');
    await city.keyboard.press('Enter');
    await city.getByText(/已确认（.*）：已约谈市医保局/).waitFor();
    const escalations = (await hub().call('GET', '/v1/escalations', { as: CITY })).body.items;
    expect(escalations.find((e: { taskId: string }) => e.taskId === a.taskId)).toMatchObject({ status: 'acknowledged', acknowledged: { note: '已约谈市医保局' } });

    // 进展报告: the institution's admissions, the evidence behind the figure, the downloads.
    await city.getByRole('link', { name: '进展报告' }).click();
    await city.getByRole('heading', { name: `南宁市${periodZh}工作进展报告` }).waitFor();
    const admissions = cell(city, '南宁市儿童福利院', '新入院');
    const shown = Number(await admissions.textContent());
    expect(shown).toBe(2);
    await admissions.getByRole('button').click();
    const evidence = city.getByRole('region', { name: '明细' });
    expect(await evidence.getByRole('link').allTextContents()).toEqual([a.childId, b.childId].sort());
    expect(await city.locator('figure.chart svg rect').count()).toBeGreaterThan(0);
    await checkPage(city, 'supervision-report');

    const [xlsx] = await Promise.all([city.waitForEvent('download'), city.getByRole('button', { name: '下载Excel（XLSX）' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`南宁市${periodZh}儿童福利工作进展报告.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const sheet = book.getWorksheet('机构')!;
    const nanning = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === NANNING)!;
    expect(nanning.getCell(4).value).toBe(shown);
    const [csv] = await Promise.all([city.waitForEvent('download'), city.getByRole('button', { name: '下载CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe(`南宁市${periodZh}儿童福利工作进展报告.csv`);
    expect(readFileSync((await csv.path())!, 'utf8')).toContain(`机构,${NANNING},新入院,${shown},`);

    // 报送 once; the second is the API's 409, said in Chinese.
    await city.getByRole('button', { name: '报送本期报告' }).click();
    await city.getByRole('status').filter({ hasText: '已报送自治区民政厅' }).waitFor();
    await city.getByText(/^已由.*报送，报送版本保持不变。$/).waitFor();
    await city.getByRole('button', { name: '报送本期报告' }).click();
    await city.getByRole('alert').filter({ hasText: '本期报告已经报送，不能重复报送。' }).waitFor();
    // A later admission moves the live figure; the submitted version keeps what was submitted.
    await admit(NANNING, 'NN-GA-2026-0503');
    await city.reload();
    await expect.poll(async () => Number(await admissions.textContent())).toBe(shown + 1);
    await city.getByLabel(/^报送版本/).check();
    await expect.poll(async () => Number(await admissions.textContent())).toBe(shown);

    // Another city's report typed into the address bar: a refusal, no figures.
    await city.goto(`${base}/reports/progress?city=450200&period=${period}`);
    await city.getByRole('alert').filter({ hasText: '您无权查看柳州市的进展报告。' }).waitFor();
    expect(await city.locator('table').count()).toBe(0);
    expect(await city.getByRole('button', { name: /下载/ }).count()).toBe(0);

    // 查阅记录 on a child's page: who looked at child a (its institution's staff, while this test waited for its
    // task), newest first; the supervisor's own opening of the page is recorded too and shows after a reload.
    await city.goto(`${base}/children/${a.childId}`);
    const reads = city.getByRole('region', { name: '查阅记录' });
    await reads.getByRole('row').filter({ hasText: '南宁市儿童福利院' }).filter({ hasText: '儿童档案' }).first().waitFor();
    await expect.poll(async () => {
      await city.reload();
      // Counted once the list has loaded (it holds at least the staff's read above), not while it says 正在读取….
      await reads.locator('tbody tr').first().waitFor();
      return reads.getByRole('row').filter({ hasText: '南宁市民政局' }).count();
    }, { timeout: 20_000 }).toBeGreaterThan(0);
    await checkPage(city, 'supervision-child-reads');
    // On a phone the rows are cards without the header row: every cell shows its label before its value.
    await city.setViewportSize(sizes.phone);
    expect(await reads.locator('thead').isHidden()).toBe(true);
    type Styled = typeof globalThis & { getComputedStyle(cell: unknown, pseudo: string): { content: string } };
    const labels = await reads.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => Array.from(row.children, (cell) => (globalThis as Styled).getComputedStyle(cell, '::before').content)),
    );
    expect(labels.length).toBeGreaterThan(1);
    expect(labels).toEqual(labels.map(() => ['"时间："', '"查阅人："', '"查阅内容："']));
    await checkPage(city, 'supervision-child-reads');
    await city.setViewportSize(sizes.desktop);

    // More than a page of reads (50 a page): 下一页 shows the older ones, numbered on, and 上一页 comes back.
    for (let i = 0; i < 50; i++) expect((await hub().call('GET', `/v1/children/${a.childId}`, { as: `staff:${NANNING}` })).status).toBe(200);
    await expect.poll(async () => {
      await city.reload();
      await reads.locator('tbody tr').first().waitFor();
      return reads.getByRole('button', { name: '下一页' }).count();
    }, { timeout: 20_000 }).toBe(1);
    await reads.getByText('第1至50条，从新到旧').waitFor();
    expect(await reads.locator('tbody tr').count()).toBe(50);
    expect(await reads.getByRole('button', { name: '上一页' }).count()).toBe(0);
    await reads.getByRole('button', { name: '下一页' }).click();
    await reads.getByText(/^第51至\d+条，从新到旧$/).waitFor();
    const older = await reads.locator('tbody tr').count();
    expect(older).toBeGreaterThan(0);
    expect(older).toBeLessThanOrEqual(50);
    expect((await reads.locator('caption').textContent())?.trim()).toBe(`第51至${50 + older}条，从新到旧`);
    await checkPage(city, 'supervision-child-reads-page-2');
    await reads.getByRole('button', { name: '上一页' }).click();
    await reads.getByText('第1至50条，从新到旧').waitFor();

    // The region's supervisor: every city added up, any city's overdue list and report, nothing to submit.
    const cities = await Promise.all(['450100', '450200'].map((c) => hub().call('GET', `/v1/cities/${c}/overview`, { as: 'supervisor:450000' })));
    await signInLocally(region, base, '自治区民政厅');
    await region.getByRole('heading', { name: '全区统计概览' }).waitFor();
    await region.getByText(`${cities[0]!.body.children + cities[1]!.body.children}名`).waitFor();
    expect(cities[1]!.body.children).toBeGreaterThan(0);
    await checkPage(region, 'supervision-overview');
    await region.getByLabel('城市').selectOption({ label: '柳州市' });
    await region.getByRole('heading', { name: '柳州市统计概览' }).waitFor();
    await region.getByRole('link', { name: '逾期督办', exact: true }).click();
    await region.getByRole('heading', { name: '南宁市逾期督办' }).waitFor();
    await region.locator(`tr[data-task="${a.taskId}"]`).waitFor();
    await checkPage(region, 'supervision-overdue');
    // Paged: 20 of Liuzhou's 22, then the last 2, and back.
    await region.getByLabel('城市').selectOption({ label: '柳州市' });
    await region.getByText('共22项逾期，第1至20项', { exact: false }).waitFor();
    expect(await region.locator('tbody tr').count()).toBe(20);
    await region.getByRole('button', { name: '下一页' }).click();
    await region.getByText('共22项逾期，第21至22项', { exact: false }).waitFor();
    expect(await region.locator('tbody tr').count()).toBe(2);
    expect(await region.getByRole('button', { name: '下一页' }).count()).toBe(0);
    await region.getByRole('button', { name: '上一页' }).click();
    await region.getByText('共22项逾期，第1至20项', { exact: false }).waitFor();
    await region.goto(`${base}/reports/progress?city=450100&period=${period}`);
    await region.getByRole('heading', { name: `南宁市${periodZh}工作进展报告` }).waitFor();
    expect(Number(await cell(region, '南宁市儿童福利院', '新入院').textContent())).toBe(shown + 1);
    expect(await region.getByRole('button', { name: '报送本期报告' }).count()).toBe(0);
    await checkPage(region, 'supervision-report');
  }, 120_000);
});
