// Builds the console when its build is missing or older than any file it was built from. The build records those
// files (the Vite plugin in services/console/vite.config.ts writes `.sources.json`), so a change to a contract the
// console imports rebuilds it, and a change elsewhere in services/ does not. A build is written beside the served one
// and swapped in only when it finished: a failed `vite build` leaves the previous build served as it was (or none,
// which the local gateway answers with a 503 saying so), never a half-written folder that renders a blank page.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** Writes a complete build into `outDir` or throws. */
export type Builder = (outDir: string) => void;

const viteBuild: Builder = (outDir) => {
  const vite = resolve('node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--config', configFile, '--outDir', outDir, '--emptyOutDir'], { stdio: ['ignore', 'ignore', 'inherit'] });
};

/** Builds into `<dir>.next` and, only when that succeeded with an index.html, puts it in the place of `dir`. */
export function replaceBuild(dir = consoleDir, build: Builder = viteBuild): void {
  const next = `${dir}.next`;
  const old = `${dir}.old`;
  rmSync(next, { recursive: true, force: true });
  try {
    build(next);
    if (!existsSync(join(next, 'index.html'))) throw new Error('the console build wrote no index.html');
  } catch (e) {
    rmSync(next, { recursive: true, force: true });
    throw e;
  }
  // Two renames (a folder cannot be renamed onto a non-empty one): a request in between finds no build and gets
  // the gateway's 503, not a mix of two builds.
  rmSync(old, { recursive: true, force: true });
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(next, dir);
  rmSync(old, { recursive: true, force: true });
}

/** Runs `vite build` for the console when needed; returns what it did. */
export function ensureConsoleBuilt(log: (line: string) => void = () => {}, dir = consoleDir, build: Builder = viteBuild): 'current' | 'built' {
  const reason = staleReason(dir);
  if (!reason) return 'current';
  log(`building the console (${reason})…`);
  replaceBuild(dir, build);
  return 'built';
}

// `npm run console:build`: always rebuild, with the same swap.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) replaceBuild();
