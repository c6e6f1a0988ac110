// The console's build is swapped in only when it finished: a build that fails half-way (vite stopping after some
// files) leaves the previous good build served, or none at all, never a half-written folder (a blank page).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureConsoleBuilt, replaceBuild, type Builder } from '../../scripts/local/console-build.ts';

const good = (marker: string): Builder => (out) => {
  mkdirSync(join(out, 'assets'), { recursive: true });
  writeFileSync(join(out, 'assets/app.js'), marker);
  writeFileSync(join(out, 'index.html'), `<script src="/assets/app.js"></script>${marker}`);
};
const halfWay: Builder = (out) => {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'index.html'), '<div id="app"></div>');
  throw new Error('vite: build failed');
};
const silentlyEmpty: Builder = (out) => mkdirSync(out, { recursive: true });

function place() {
  const root = mkdtempSync(join(tmpdir(), 'console-build-'));
  return { root, dir: join(root, 'console') };
}

describe('console build swap', () => {
  it('keeps the previous build in place when a build fails half-way', () => {
    const { root, dir } = place();
    replaceBuild(dir, good('v1'));
    expect(() => replaceBuild(dir, halfWay)).toThrow('vite: build failed');
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('v1');
    expect(readFileSync(join(dir, 'assets/app.js'), 'utf8')).toBe('v1');
    expect(readdirSync(root)).toEqual(['console']);
  });

  it('leaves no build at all when the first build fails, so the gateway says it is missing', () => {
    const { root, dir } = place();
    expect(() => replaceBuild(dir, halfWay)).toThrow();
    expect(() => replaceBuild(dir, silentlyEmpty)).toThrow('no index.html');
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it('replaces the whole folder on success, no file of the previous build left behind', () => {
    const { dir } = place();
    replaceBuild(dir, (out) => {
      good('v1')(out);
      writeFileSync(join(out, 'assets/old-chunk.js'), 'stale');
    });
    expect(ensureConsoleBuilt(() => {}, dir, good('v2'))).toBe('built');
    expect(readFileSync(join(dir, 'assets/app.js'), 'utf8')).toBe('v2');
    expect(existsSync(join(dir, 'assets/old-chunk.js'))).toBe(false);
  });
});
