// Browser tests of the console: Debian's chromium driven by playwright-core (no browser download), axe-core run in
// the page after every screen, and screenshots of every page at 1280×800 and 390×844 in test-results/screenshots/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, type TestContext } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve('test-results/screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// A browser scenario is ten to forty steps, each a page's round trip through the hub and its emulators: 5-15 s on
// this project's two-core machines alone, two to three times that while the other test worker, DynamoDB Local and
// chromium share the cores (CI, and any full \`npm test\`). The suite-wide 30 s budget suits one request, not a
// scenario: the browser files give theirs this.
export const SCENARIO_TIMEOUT = 90_000;

export const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

// A context's locale (below) sets navigator.language, Accept-Language and Intl, but a date field's format and its
// 年/月/日 placeholders follow the browser's own UI locale: on Linux chromium takes it from LANGUAGE/LANG (it
// ignores --lang) and needs its zh-CN locale file (Debian's chromium-l10n), or it falls back to mm/dd/yyyy.
// LANGUAGE alone picks that UI locale; LANG stays C.UTF-8, a locale every machine has: with LANG=zh_CN.UTF-8 and no
// such glibc locale installed, chromium's file names fall back to ASCII and a download named in Chinese (a report
// export) is saved as "download".
const UI_LOCALE_FILE = '/usr/lib/chromium/locales/zh-CN.pak';

export function launch(): Promise<Browser> {
  if (CHROMIUM === '/usr/bin/chromium' && !existsSync(UI_LOCALE_FILE)) {
    throw new Error(`${UI_LOCALE_FILE} is missing: apt-get install chromium-l10n (date fields would show mm/dd/yyyy)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, env: { ...process.env, LANGUAGE: 'zh_CN:zh', LANG: 'C.UTF-8' } });
}

export function newContext(browser: Browser, size: keyof typeof sizes = 'desktop'): Promise<BrowserContext> {
  return browser.newContext({ viewport: sizes[size], locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(size === 'phone' ? { isMobile: true, hasTouch: true } : {}) });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (through the debugging protocol, so the page's CSP does not block it). */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Runs in the page, where `axe` and `document` are globals (this file is type-checked without the DOM library).
  type Axe = { run(ctx: unknown, o: object): Promise<{ violations: AxeViolation[] }> };
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const g = globalThis as typeof globalThis & { axe: Axe; document: unknown };
    const result = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
}

/** The page has no serious or critical axe violation; a screenshot of it is saved under `name`. */
export async function checkPage(page: Page, name: string): Promise<AxeViolation[]> {
  await page.waitForLoadState('networkidle');
  const violations = await axe(page);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, `${name}: ${JSON.stringify(bad, null, 1)}`).toEqual([]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size && size.width < 600 ? 'phone' : 'desktop'}.png`), fullPage: true });
  return violations;
}

/** Signs in through the local principal list, as a person would: filter, pick, 登录. */
export async function signInLocally(page: Page, base: string, name: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel('按姓名或单位名称筛选').fill(name);
  await page.getByLabel('登录身份').selectOption({ label: name });
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** After a failed test, each page as it was, under test-results/failures/. */
export function onFailure(pages: () => Record<string, Page | undefined>) {
  return async (ctx: TestContext) => {
    if (ctx.task.result?.state !== 'fail') return;
    mkdirSync(resolve('test-results/failures'), { recursive: true });
    for (const [name, page] of Object.entries(pages())) {
      await page?.screenshot({ path: resolve('test-results/failures', `${name}.png`), fullPage: true }).catch(() => {});
    }
  };
}

/**
 * Fills several labelled fields in one turn of the page's event loop, with no render between them: what a fast
 * typist, the browser's autofill or a password manager does. A form that builds each change on the values of the
 * render before loses all but the last.
 */
export async function fillAtOnce(page: Page, fields: Record<string, string>) {
  const handles = await Promise.all(Object.keys(fields).map((label) => page.getByLabel(label).elementHandle()));
  await page.evaluate(
    ([elements, values]) => {
      elements.forEach((el, i) => {
        const input = el as unknown as { value: string; dispatchEvent(e: Event): boolean };
        Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!.set!.call(input, values[i]);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    },
    [handles, Object.values(fields)] as const,
  );
}
