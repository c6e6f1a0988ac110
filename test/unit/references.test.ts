// The repository explains itself: every file a comment or a document names exists in the repository, and none
// points at a document outside it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx|md|sh|py)$/.test(f) && !/^contracts\/(generated|published)\//.test(f) && existsSync(f));

const PATH = /(?<![\w./-])(?:services|scripts|contracts|infra|test|docs|data)\/[\w./-]+\.(?:ts|tsx|md|json|sh|py)\b/g;

describe('references', () => {
  it('name files that exist (the worked example names where its files would go)', () => {
    const missing = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(PATH)]
        .map((m) => m[0])
        .filter((p) => !p.includes('/housing/') && !existsSync(p))
        .map((p) => `${f}: ${p}`),
    );
    expect(files.length).toBeGreaterThan(200);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('point at no document outside the repository', () => {
    const outside = files
      .filter((f) => f !== 'test/unit/references.test.ts')
      .filter((f) => /ARCHITECTURE\.md|DOMAIN\.md|STYLE\.md|\.\.\/shared\//.test(readFileSync(f, 'utf8')));
    expect(outside).toEqual([]);
  });
});
