// Time to first render of the console's largest page (a child's timeline, the most JS of any page), cold: a new
// browser context per run (empty cache), Debian's chromium headless, the embedded hub in memory. Prints the median
// of the runs: first contentful paint, and the timeline rendered from the API's answer.
//   npm run bench:console [-- --runs 7]
import '../require-node.ts';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { pageSizes } from '../../services/console/budget.ts';
import { consoleDir, ensureConsoleBuilt } from '../local/console-build.ts';
import { startHub } from '../local/hub.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
ensureConsoleBuilt(console.log);
const hub = await startHub({ port: 0, inMemory: true, simulators: false, redispatchEverySeconds: 0, overdueEverySeconds: 0, clocksEverySeconds: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const as = 'staff:CWI-450100';
  const token = hub.tokens[as]!;
  const admitted = await fetch(`${hub.apiUrl}/v1/children`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      institutionId: 'CWI-450100', name: '测试儿童', gender: 'female', birthDate: '2019-05-01', admittedOn: '2026-11-20',
      parentsUnknown: true, hukouRegistered: false, disabled: false, foundlingCertificateNumber: 'NN-2026-1',
    }),
  }).then((r) => r.json() as Promise<{ childId: string }>);
  const me = await fetch(`${hub.apiUrl}/v1/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
  const session = JSON.stringify({ token, me, via: 'local' });
  const paint: number[] = [];
  const rendered: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript((s) => sessionStorage.setItem('hub.session', s), session);
    const page = await context.newPage();
    await page.goto(`${hub.apiUrl}/children/${admitted.childId}`);
    await page.locator('ol.timeline > li').first().waitFor();
    rendered.push(await page.evaluate(() => performance.now()));
    paint.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    await context.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const size = pageSizes(consoleDir).child!;
  console.log(`child page (${(size / 1024).toFixed(1)} KB gzipped JS+CSS), ${runs} cold loads, median:`);
  console.log(`  first contentful paint   ${median(paint).toFixed(0)} ms`);
  console.log(`  timeline rendered        ${median(rendered).toFixed(0)} ms   (runs: ${rendered.map((x) => x.toFixed(0)).join(', ')})`);
} finally {
  await browser.close();
  await hub.stop();
}
