// The console in a real browser, staff and departments (issue 10, scenarios 1-3): admitting a child, an invalid
// identity number refused beside its field with nothing created; a department in a second browser context
// acknowledging and completing one task and asking for information on another, staff seeing it and answering, the
// task back with the department; a department kept out of another department's task and inbox, even by URL.
// No simulators: the departments are people in the browser, their tasks wait in their inboxes (pull).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, NANNING, readChild, useHub } from '../helpers/hub.ts';
import { SCENARIO_TIMEOUT, checkPage, fillAtOnce, launch, newContext, onFailure, signInLocally } from './browser.ts';
import { preEnrollmentV1 } from '../../contracts/medical-insurance/index.ts';
import { dnaComparisonV1 } from '../../contracts/public-security/index.ts';

const hub = useHub({ simulators: false });
let browser: Browser;
let staff: BrowserContext;
let police: BrowserContext;
let staffPage: Page;
let policePage: Page;

beforeAll(async () => {
  browser = await launch();
  staff = await newContext(browser);
  police = await newContext(browser);
  staffPage = await staff.newPage();
  policePage = await police.newPage();
});
afterEach(onFailure(() => ({ staff: staffPage, police: policePage })));
afterAll(async () => {
  await browser?.close();
});

const childrenOf = async () => (await hub().call('GET', `/v1/institutions/${NANNING}/children`, { as: `staff:${NANNING}` })).body.items;

describe('console: staff admit, departments act', { timeout: SCENARIO_TIMEOUT }, () => {
  let childId: string;

  it('[scenario 1] staff admit a child; an invalid identity number is shown beside the field and nothing is created', async () => {
    const base = hub().apiUrl;
    // A named person of the institution: the header and every history entry say who acted, for whom.
    await signInLocally(staffPage, base, '张三（南宁市儿童福利院）');
    await staffPage.locator('header .who').getByText('张三（南宁市儿童福利院）').waitFor();
    await checkPage(staffPage, 'children-empty');
    await staffPage.getByRole('link', { name: '接收儿童' }).first().click();
    // The admission form, not the children page still showing: its search box's label (姓名或儿童编号) also
    // matches 姓名, and a fill that lands there before the route changes leaves the form's name empty.
    await staffPage.getByRole('heading', { name: '接收儿童' }).waitFor();
    await staffPage.getByLabel('姓名').fill('韦小宁');
    await staffPage.getByLabel('性别').selectOption({ label: '女' });
    await staffPage.getByLabel('出生日期').fill('2026-03-02');
    await staffPage.getByLabel('入院日期').fill('2026-11-20');
    await staffPage.getByLabel('公民身份号码').fill('450102202603021235');
    await staffPage.getByLabel('查找不到父母或其他监护人').check();
    await staffPage.getByLabel('捡拾地点').fill('南宁市青秀区某路口');
    await staffPage.getByLabel('捡拾地所在县（市、区）').selectOption({ label: '青秀区' });
    await staffPage.getByLabel('捡拾日期').fill('2026-11-18');
    await staffPage.getByRole('button', { name: '确认接收' }).click();
    const idError = staffPage.locator('#f-idNumber-error');
    await expect.poll(() => idError.textContent()).toBe('公民身份号码无效：应为18位，且校验码正确');
    await expect.poll(() => staffPage.getByLabel('公民身份号码').getAttribute('aria-invalid')).toBe('true');
    await checkPage(staffPage, 'admit-errors');
    expect(await childrenOf()).toEqual([]);

    // A birth date after the admission date is the contract's rule too.
    // Both changes in one turn, no render between: the form must keep the first (it once kept only the last).
    await fillAtOnce(staffPage, { 公民身份号码: '', 出生日期: '2026-11-21' }); // a day after admission, not after today
    await staffPage.getByRole('button', { name: '确认接收' }).click();
    await expect.poll(() => staffPage.locator('#f-birthDate-error').textContent()).toBe('出生日期不能晚于入院日期');
    expect(await childrenOf()).toEqual([]);

    await staffPage.getByLabel('出生日期').fill('2026-03-02');
    await staffPage.getByRole('button', { name: '确认接收' }).click();
    await staffPage.getByText('已接收韦小宁').waitFor();
    for (const title of ['捡拾报案证明', '采血比对', '医保预参保登记', '落户']) await staffPage.getByRole('cell', { name: title }).waitFor();
    await checkPage(staffPage, 'admit-done');
    const items = await childrenOf();
    expect(items.map((c: { name: string }) => c.name)).toEqual(['韦小宁']);
    childId = items[0].childId;
  });

  it('[scenario 2] the department acknowledges and completes one task and asks for information on another; staff answer it', async () => {
    const base = hub().apiUrl;
    // Nanning's police bureau: the child was found in 青秀区, a district of Nanning.
    await signInLocally(policePage, base, '南宁市公安局');
    await eventually(async () => ((await policePage.reload(), await policePage.getByRole('link', { name: '捡拾报案证明' }).count()) ? true : undefined));
    await checkPage(policePage, 'inbox');
    await policePage.getByRole('link', { name: '捡拾报案证明' }).click();
    await policePage.getByRole('button', { name: '签收' }).click();
    await policePage.getByText('已签收').first().waitFor();
    await policePage.getByRole('button', { name: '办结' }).click();
    await fillAtOnce(policePage, { 证书编号: 'NN-GA-2026-0101', 出具日期: '2026-11-10', '出具单位（派出所）': '青秀区新竹派出所' });
    await policePage.getByRole('button', { name: '确认办结' }).click();
    // The contract's own rule, checked in the browser: the certificate cannot predate the finding (18 Nov).
    await expect.poll(() => policePage.locator('#f-issuedOn-error').textContent()).toBe('出具日期不能早于捡拾日期');
    await checkPage(policePage, 'task-complete-errors');
    await policePage.getByLabel('出具日期').fill('2026-11-20');
    await policePage.getByRole('button', { name: '确认办结' }).click();
    await policePage.getByText('已办结。').waitFor();

    // Staff see the completion on the timeline.
    await staffPage.goto(`${base}/children/${childId}`);
    await staffPage.locator('li', { hasText: '捡拾报案证明' }).getByText('已办结').first().waitFor();
    await staffPage.locator('li', { hasText: '捡拾报案证明' }).getByText('NN-GA-2026-0101').first().waitFor();
    // The child's clocks, ahead of time: born 2 March 2026, school age on 1 September 2032 (the placement opened
    // from 1 June), coming of age on the 18th birthday.
    const clocks = staffPage.getByRole('region', { name: '成长节点' });
    const cells = (text: string) => clocks.locator('tr', { hasText: text }).locator('td').allTextContents();
    expect(await cells('入学年龄')).toEqual(['入学年龄（年满6周岁的当年9月1日）', '2032年9月1日', '入学安置', '2032年6月1日起', '尚未到期']);
    expect((await cells('年满18周岁')).slice(1, 3)).toEqual(['2044年3月2日', '成年安置（能力评估与安置计划）']);
    // Who opened it and who completed it, by name and office.
    await staffPage.locator('li', { hasText: '捡拾报案证明' }).getByText('由张三（南宁市儿童福利院）发起').first().waitFor();
    await staffPage.locator('li', { hasText: '捡拾报案证明' }).getByText(/南宁市公安局：.*已办结/).first().waitFor({ state: 'attached' });

    // The police ask for information on the DNA comparison.
    await policePage.goto(`${base}/departments/public-security/tasks`);
    await policePage.getByRole('link', { name: '采血比对' }).click();
    await policePage.getByRole('button', { name: '要求补充信息' }).click();
    await policePage.getByLabel('需要补充的信息').selectOption({ label: '捡拾报案证明编号' });
    await policePage.getByLabel('需要补充的内容').fill('请补充捡拾报案证明编号，以便关联比对');
    await policePage.getByRole('button', { name: '发送补充要求' }).click();
    await policePage.getByText('已发送补充要求').waitFor();
    const dna = (await readChild(hub(), childId)).tasks.find((t: { type: string }) => t.type === dnaComparisonV1.type);
    expect(dna.status).toBe('information-needed');

    await staffPage.reload();
    const card = staffPage.locator('li', { hasText: '采血比对' }).first();
    await card.getByText('请补充捡拾报案证明编号，以便关联比对').waitFor();
    await checkPage(staffPage, 'child-information-needed');
    await card.getByLabel('捡拾报案证明编号').fill('NN-GA-2026-0101');
    await card.getByLabel('说明').fill('已取得公安机关出具的捡拾报案证明');
    await card.getByRole('button', { name: '提交补充信息' }).click();
    await staffPage.locator('li', { hasText: '采血比对' }).first().locator('.badge', { hasText: /已派发|待签收/ }).waitFor();
    await checkPage(staffPage, 'child-timeline');

    // Back with the department, in its inbox, with the corrected request.
    await policePage.goto(`${base}/departments/public-security/tasks`);
    await policePage.getByRole('link', { name: '采血比对' }).click();
    await policePage.getByText('NN-GA-2026-0101').waitFor();
    await checkPage(policePage, 'task');
  });

  it('[scenario 3] a department cannot open another department\'s task or inbox, even by typing its URL', async () => {
    const base = hub().apiUrl;
    const insurance = (await readChild(hub(), childId)).tasks.find((t: { type: string }) => t.type === preEnrollmentV1.type);
    await policePage.goto(`${base}/tasks/${insurance.taskId}`);
    await policePage.getByText('未找到该任务，或该任务不属于本部门。').waitFor();
    expect(await policePage.getByText('医保预参保登记').count()).toBe(0);
    await policePage.goto(`${base}/departments/medical-insurance/tasks`);
    await policePage.getByText('您无权查看其他部门的待办任务。').waitFor();
    expect(await policePage.getByRole('table').count()).toBe(0);
    await policePage.goto(`${base}/children/${childId}`);
    await policePage.getByText('您无权进行此项操作。').waitFor();
    expect(await policePage.getByText('韦小宁').count()).toBe(0);
  });
});

describe('console: every page at both window sizes', { timeout: SCENARIO_TIMEOUT }, () => {
  // Each page is visited, checked with axe and screenshotted at both sizes; one test per role and size, so a test's
  // time is that of the three to six pages of one role.
  const sizes = ['desktop', 'phone'] as const;

  it.each(sizes)('[screens] staff: sign-in, children, admission, a child, transfers, duties pass axe (%s)', async (size) => {
    const base = hub().apiUrl;
    const child = (await childrenOf())[0];
    const context = await newContext(browser, size);
    const p = await context.newPage();
    await p.goto(`${base}/sign-in`);
    await p.getByLabel('登录身份').waitFor();
    await checkPage(p, 'sign-in');
    await signInLocally(p, base, '南宁市儿童福利院');
    for (const [path, name, heading] of [
      ['/children', 'children', '在院儿童'],
      ['/children/new', 'admit', '接收儿童'],
      [`/children/${child.childId}`, 'child', '韦小宁的档案'],
      ['/transfers', 'transfers', '接收移交'],
      ['/duties', 'duties', '机构事务'],
    ] as const) {
      await p.goto(`${base}${path}`);
      await p.getByRole('heading', { name: heading, exact: true }).waitFor();
      await checkPage(p, name);
    }
    await context.close();
  });

  it.each(sizes)('[screens] supervisor and department: institutions, inbox and task pass axe (%s)', async (size) => {
    const base = hub().apiUrl;
    const child = (await childrenOf())[0];
    const dna = (await readChild(hub(), child.childId)).tasks.find((t: { type: string }) => t.type === dnaComparisonV1.type);
    const context = await newContext(browser, size);
    const p = await context.newPage();
    await signInLocally(p, base, '南宁市民政局');
    await p.getByRole('link', { name: '辖区机构' }).click();
    await p.getByRole('heading', { name: '南宁市民政局辖区机构' }).waitFor();
    await checkPage(p, 'institutions');
    await p.getByRole('button', { name: '退出登录' }).click();
    await signInLocally(p, base, '公安局（全区）');
    await p.getByRole('heading', { name: '公安局（全区）待办任务' }).waitFor();
    await checkPage(p, 'inbox');
    await p.goto(`${base}/tasks/${dna.taskId}`);
    await p.getByRole('heading', { name: '采血比对' }).waitFor();
    await checkPage(p, 'task');
    await context.close();
  });
});

describe('console: keyboard alone', { timeout: SCENARIO_TIMEOUT }, () => {
  it('[keyboard] signs in and opens the admission form with Tab, typing, arrows and Enter only', async () => {
    const base = hub().apiUrl;
    const context = await newContext(browser);
    const p = await context.newPage();
    await p.goto(`${base}/sign-in`);
    await p.getByLabel('登录身份').waitFor();
    await p.keyboard.press('Tab');
    await p.keyboard.type('南宁市儿童');
    await p.keyboard.press('Tab');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Tab');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: '在院儿童' }).waitFor();
    // A new page puts the focus on its heading (once its data is in, which a loaded machine can delay); the next stop
    // is the page's own action.
    const focused = () => p.evaluate(() => (globalThis as typeof globalThis & { document: { activeElement: { textContent: string } } }).document.activeElement.textContent);
    await expect.poll(focused).toBe('在院儿童');
    await p.keyboard.press('Tab');
    expect(await focused()).toBe('接收儿童');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { name: '接收儿童' }).waitFor();
    await p.keyboard.press('Tab');
    await p.keyboard.type('覃小键');
    expect(await p.getByLabel('姓名').inputValue()).toBe('覃小键');
    await context.close();
  });
});
