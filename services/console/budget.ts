// What a first visit to each console page downloads, gzipped: the entry with its CSS and static imports, the page's
// own chunk and everything it statically imports (read from Vite's manifest). The sign-in page is counted with the
// OpenID Connect client, as a deployment loads it. test/console/budget.test.ts holds the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

export const BUDGET = { signIn: 120 * 1024, page: 200 * 1024 };

export function pageSizes(dir: string): Record<string, number> {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const files = (key: string, into = new Set<string>()) => {
    const c = manifest[key]!;
    into.add(c.file);
    for (const css of c.css ?? []) into.add(css);
    for (const i of c.imports ?? []) files(i, into);
    return into;
  };
  const gz = (set: Set<string>) => [...set].reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0);
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const pages = Object.keys(manifest).filter((k) => k.startsWith('src/pages/'));
  return Object.fromEntries(
    pages.map((page) => {
      const set = files(entry, files(page));
      if (page.endsWith('sign-in.tsx')) files('src/oidc.ts', set);
      return [page.slice('src/pages/'.length, -'.tsx'.length), gz(set)];
    }),
  );
}
