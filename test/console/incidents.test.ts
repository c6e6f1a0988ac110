// The console in a real browser, the incident view: a task the department refused shows on 投递异常 with its reason
// for the institution's staff, who select it and resume it (it leaves the list and is delivered); the region's
// supervisor sees another city's failure too, read only. axe and screenshots at both window sizes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { admission, eventually, LIUZHOU, NANNING, readChild, useHub } from '../helpers/hub.ts';
import { SCENARIO_TIMEOUT, checkPage, launch, newContext, onFailure, signInLocally } from './browser.ts';

const hub = useHub({ simulatorDelayMs: 50 });
const MI = 'medical-insurance';
let browser: Browser;
let staff: Page;
let region: Page;

beforeAll(async () => {
  browser = await launch();
  staff = await (await newContext(browser)).newPage();
  region = await (await newContext(browser, 'phone')).newPage();
});
afterEach(onFailure(() => ({ staff, region })));
afterAll(async () => {
  await browser?.close();
});

async function failedPreEnrollment(institutionId: string, certificate: string) {
  const res = await hub().call('POST', '/v1/children', {
    as: `staff:${institutionId}`,
    body: admission({ institutionId, name: '覃小安', parentsUnknown: true, foundlingCertificateNumber: certificate }),
  });
  expect(res.status).toBe(201);
  const taskId: string = res.body.tasks.find((t: { department: string }) => t.department === MI).taskId;
  const status = async () => (await readChild(hub(), res.body.childId, `staff:${institutionId}`)).tasks.find((t: { taskId: string }) => t.taskId === taskId)?.status;
  return { childId: res.body.childId as string, taskId, status };
}

describe('console: incidents', { timeout: SCENARIO_TIMEOUT }, () => {
  it('[incidents] staff see a refused delivery with its reason and resume it; the region\'s supervisor reads every city\'s', async () => {
    hub().simulators!.setMode(MI, 'refuse');
    let nn: Awaited<ReturnType<typeof failedPreEnrollment>>;
    let lz: typeof nn;
    try {
      [nn, lz] = await Promise.all([failedPreEnrollment(NANNING, 'NN-GA-2026-0201'), failedPreEnrollment(LIUZHOU, 'LZ-GA-2026-0201')]);
      await eventually(async () => ((await nn.status()) === 'failed' && (await lz.status()) === 'failed') || undefined, 20_000, 'both failed');
    } finally {
      hub().simulators!.setMode(MI, 'normal');
    }
    const base = hub().apiUrl;

    await signInLocally(staff, base, '南宁市儿童福利院');
    await staff.getByRole('link', { name: '投递异常' }).click();
    await staff.getByRole('heading', { name: '投递异常' }).waitFor();
    const row = staff.locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('部门拒收');
    expect(await row.textContent()).toContain('南宁市儿童福利院');
    await checkPage(staff, 'incidents');
    const resume = staff.getByRole('button', { name: /^重新投递所选/ });
    expect(await resume.isDisabled()).toBe(true);
    await staff.getByRole('checkbox', { name: /^选择：医疗保障局/ }).check();
    await resume.click();
    await staff.getByRole('status').filter({ hasText: '已重新投递1项' }).waitFor();
    await staff.getByText('暂无投递异常的事项。').waitFor();
    await eventually(async () => ((await nn!.status()) === 'completed' ? true : undefined), 20_000, 'resumed task completed');

    // The region's supervisor: Liuzhou's failure, no selection and no resume button.
    await signInLocally(region, base, '自治区民政厅');
    await region.goto(`${base}/incidents`);
    await region.getByRole('heading', { name: '投递异常' }).waitFor();
    await expect.poll(() => region.locator('tbody tr').count()).toBe(1);
    expect(await region.locator('tbody tr').textContent()).toContain('柳州市儿童福利院');
    expect(await region.getByRole('checkbox').count()).toBe(0);
    expect(await region.getByRole('button', { name: /^重新投递所选/ }).count()).toBe(0);
    await checkPage(region, 'incidents');
    await region.getByLabel('城市').selectOption({ label: '南宁市' });
    await region.getByText('暂无投递异常的事项。').waitFor();
    expect(await lz!.status()).toBe('failed');
  });
});
