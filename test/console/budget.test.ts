// The console's download budget (issue 10): gzipped JS+CSS of a first visit, at most 120 KB for the sign-in page
// and 200 KB for any other page. The build is the one the test setup made (test/setup/console.ts).
import { describe, expect, it } from 'vitest';
import { BUDGET, pageSizes } from '../../services/console/budget.ts';
import { consoleDir } from '../../scripts/local/console-build.ts';

describe('console download budget', () => {
  const sizes = pageSizes(consoleDir);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

  it('measures every page of the build', () => {
    expect(Object.keys(sizes).sort()).toEqual(['admit', 'callback', 'child', 'children', 'duties', 'inbox', 'incidents', 'institutions', 'overdue', 'overview', 'report', 'sign-in', 'task', 'transfers']);
    console.log(Object.entries(sizes).map(([p, n]) => `${p} ${kb(n)}`).join(', '));
  });

  it('keeps the sign-in page within 120 KB gzipped, OpenID Connect client included', () => {
    expect(sizes['sign-in']!).toBeLessThanOrEqual(BUDGET.signIn);
  });

  it('keeps every other page within 200 KB gzipped', () => {
    for (const [page, size] of Object.entries(sizes)) expect(size, page).toBeLessThanOrEqual(BUDGET.page);
  });
});
