// Builds the console when its build is missing or older than any file it was built from. The build records those
// files (the Vite plugin in services/console/vite.config.ts writes `.sources.json`), so a change to a contract the
// console imports rebuilds it, and a change elsewhere in services/ does not.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const consoleDir = resolve('dist/console');
const configFile = resolve('services/console/vite.config.ts');

const mtime = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs;

/** Why the build must be redone, or undefined when it is current. */
export function staleReason(dir = consoleDir): string | undefined {
  const built = mtime(join(dir, 'index.html'));
  if (built === undefined) return 'no build yet';
  let sources: string[];
  try {
    sources = JSON.parse(readFileSync(join(dir, '.sources.json'), 'utf8')) as string[];
  } catch {
    return 'the build does not list its sources';
  }
  for (const file of [...sources, 'package-lock.json', configFile]) {
    const m = mtime(resolve(file));
    if (m === undefined) return `${file} is gone`;
    if (m > built) return `${file} changed`;
  }
  return undefined;
}

/** Runs `vite build` for the console when needed; returns what it did. */
export function ensureConsoleBuilt(log: (line: string) => void = () => {}): 'current' | 'built' {
  const reason = staleReason();
  if (!reason) return 'current';
  log(`building the console (${reason})…`);
  const vite = resolve('node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', configFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  return 'built';
}
