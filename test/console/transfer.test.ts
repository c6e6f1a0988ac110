// The console in a real browser, a transfer (issue 10, scenario 4): a county centre hands two children to its city
// institution; both sides see 应移送未移送 and 应接收未接收, the county sends, the city receives, both lists empty.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { admission, NANNING, useHub } from '../helpers/hub.ts';
import { COUNTY } from '../helpers/transfer.ts';
import { SCENARIO_TIMEOUT, checkPage, launch, newContext, onFailure, signInLocally } from './browser.ts';

const hub = useHub({ simulators: false });
let browser: Browser;
let county: Page;
let city: Page;

beforeAll(async () => {
  browser = await launch();
  county = await (await newContext(browser)).newPage();
  city = await (await newContext(browser, 'phone')).newPage();
});
afterEach(onFailure(() => ({ county, city })));
afterAll(async () => {
  await browser?.close();
});

const counts = async (page: Page) => [await page.locator('#not-sent').textContent(), await page.locator('#sent-not-received').textContent()];

describe('console: transfers', { timeout: SCENARIO_TIMEOUT }, () => {
  it('[scenario 4] two children from a county centre to the city institution, sent and received, both sides\' lists emptying', async () => {
    for (const name of ['黄小丽', '蒙小强']) {
      const res = await hub().call('POST', '/v1/children', {
        as: `staff:${COUNTY}`,
        body: admission({ institutionId: COUNTY, name, hukouAddress: '隆安县城厢镇某街道集体户' }),
      });
      expect(res.status).toBe(201);
    }
    const base = hub().apiUrl;
    await signInLocally(county, base, '隆安县未成年人救助保护中心');
    await county.getByRole('link', { name: '移交儿童' }).click();
    await county.getByRole('heading', { name: '发起移交' }).waitFor();
    await county.getByLabel('黄小丽').check();
    await county.getByLabel('蒙小强').check();
    await county.getByLabel('暂不能接收的，签订委托代养协议').check();
    await county.getByLabel('协议编号').fill('LA-WT-2026-01');
    await county.getByLabel('签订日期').fill('2026-11-20');
    await checkPage(county, 'transfer-new');
    await county.getByRole('button', { name: '发起移交' }).click();
    await county.getByRole('heading', { name: /移交至南宁市儿童福利院/ }).waitFor();
    await expect.poll(() => counts(county)).toEqual(['2', '0']);

    await signInLocally(city, base, '南宁市儿童福利院');
    await city.getByRole('link', { name: '接收移交' }).click();
    await city.getByRole('heading', { name: /隆安县未成年人救助保护中心移交/ }).waitFor();
    await expect.poll(() => counts(city)).toEqual(['2', '0']);
    await checkPage(city, 'transfers-incoming');

    // Until it receives them, the city visits the children under the entrusted-care agreement.
    const visit = city.getByRole('form', { name: '记录走访' });
    await visit.getByLabel('走访儿童').selectOption({ label: '黄小丽' });
    await visit.getByLabel('走访日期').fill('2026-11-27');
    await visit.getByLabel('走访情况').fill('儿童身体健康，生活照料到位');
    await visit.getByRole('button', { name: '记录走访' }).click();
    const transfers = async () => (await hub().call('GET', `/v1/institutions/${NANNING}/transfers`, { as: `staff:${NANNING}` })).body.incoming;
    await expect.poll(async () => (await transfers())[0].entrustedCare.visits.map((v: { visitedOn: string; note: string }) => [v.visitedOn, v.note])).toEqual([
      ['2026-11-27', '儿童身体健康，生活照料到位'],
    ]);

    const send = county.getByRole('form', { name: '移送儿童' });
    for (const item of ['监护权已移交', '档案已移交', '财产已移交']) await send.getByLabel(item).check();
    await send.getByRole('button', { name: '确认移送' }).click();
    await expect.poll(() => counts(county)).toEqual(['0', '2']);
    await checkPage(county, 'transfers-sent');

    await city.reload();
    await expect.poll(() => counts(city)).toEqual(['0', '2']);
    const receive = city.getByRole('form', { name: '接收儿童' });
    for (const item of ['监护权已移交', '档案已移交', '财产已移交']) await receive.getByLabel(item).check();
    await receive.getByRole('button', { name: '确认接收' }).click();
    await expect.poll(() => counts(city)).toEqual(['0', '0']);
    await county.reload();
    await expect.poll(() => counts(county)).toEqual(['0', '0']);

    // The children are now the city's: in its list, and no longer the county's.
    await city.getByRole('link', { name: '在院儿童' }).click();
    await city.getByRole('link', { name: '黄小丽' }).waitFor();
    await city.getByRole('link', { name: '蒙小强' }).waitFor();
    await checkPage(city, 'children');
    const left = await hub().call('GET', `/v1/institutions/${COUNTY}/children`, { as: `staff:${COUNTY}` });
    expect(left.body.items).toEqual([]);
    const now = await hub().call('GET', `/v1/institutions/${NANNING}/children`, { as: `staff:${NANNING}` });
    expect(now.body.items.map((c: { name: string }) => c.name).sort()).toEqual(['蒙小强', '黄小丽']);
  });
});
