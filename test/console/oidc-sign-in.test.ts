// The console signing in through a real OpenID provider (issue 10, scenario 6): the hub verifies that provider's
// JWTs (AUTH_MODE=jwt), the console signs in with authorization code and PKCE, a session that expires mid-form
// sends the person back to sign in and restores the half-filled form, and sign-out ends the session at the provider.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NANNING, useHub } from '../helpers/hub.ts';
import { SCENARIO_TIMEOUT, checkPage, launch, newContext, onFailure } from './browser.ts';
import { API_AUDIENCE, CLIENT_ID, freePort, startOpenIdProvider } from './oidc-provider.ts';

const [providerPort, hubPort] = [await freePort(), await freePort()];
const issuer = `http://127.0.0.1:${providerPort}`;
const hub = useHub({
  port: hubPort,
  simulators: false,
  jwt: { issuer, audience: API_AUDIENCE, jwksUrl: `${issuer}/jwks`, consoleClientId: CLIENT_ID },
});
let provider: { close(): Promise<void> };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  provider = await startOpenIdProvider(providerPort, `http://127.0.0.1:${hubPort}`);
  browser = await launch();
  page = await (await newContext(browser)).newPage();
});
afterEach(onFailure(() => ({ oidc: page })));
afterAll(async () => {
  await browser?.close();
  await provider?.close();
});

async function signInAtProvider(principal: string) {
  await page.locator('input[name="login"]').fill(principal);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
}

describe('console: OpenID Connect sign-in', { timeout: SCENARIO_TIMEOUT }, () => {
  it('[scenario 6] signs in through the provider, survives an expired session without losing the form, and signs out', async () => {
    const base = hub().apiUrl;
    expect(hub().apiUrl).toBe(`http://127.0.0.1:${hubPort}`);
    await page.goto(`${base}/children/new`);
    await page.getByRole('button', { name: '使用统一身份认证登录' }).waitFor();
    await checkPage(page, 'sign-in-oidc');
    await page.getByRole('button', { name: '使用统一身份认证登录' }).click();
    await page.waitForURL(new RegExp(`^${issuer}/`));
    await signInAtProvider(`staff:${NANNING}`);
    // Back at the page first asked for, signed in as the institution the JWT names.
    await page.getByRole('heading', { name: '接收儿童' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/children/new');
    await page.getByText('南宁市儿童福利院', { exact: true }).first().waitFor();

    // Half a form, then the session expires: submitting sends the person to sign in, and back to the form as it was.
    await page.getByLabel('姓名').fill('陆小华');
    await page.getByLabel('性别').selectOption({ label: '男' });
    await page.getByLabel('出生日期').fill('2025-06-01');
    await page.getByLabel('入院日期').fill('2026-11-20');
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('hub.session')!);
      sessionStorage.setItem('hub.session', JSON.stringify({ ...s, expiresAt: Date.now() - 1000 }));
    });
    await page.getByRole('button', { name: '确认接收' }).click();
    await page.getByText('登录已超时，请重新登录').waitFor();
    await checkPage(page, 'sign-in-expired');
    await page.getByRole('button', { name: '使用统一身份认证登录' }).click();
    // The provider still knows the person: no second login.
    await page.getByRole('heading', { name: '接收儿童' }).waitFor();
    expect(await page.getByLabel('姓名').inputValue()).toBe('陆小华');
    expect(await page.getByLabel('出生日期').inputValue()).toBe('2025-06-01');
    await page.getByRole('button', { name: '确认接收' }).click();
    await page.getByText('已接收陆小华').waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '确认退出' }).click();
    await page.getByText('您已安全退出。').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('hub.session'))).toBeNull();
    // Signed out at the provider too: signing in asks for the login again.
    await page.getByRole('button', { name: '使用统一身份认证登录' }).click();
    await page.locator('input[name="login"]').waitFor();
  });
});
