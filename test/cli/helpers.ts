// `hub` as a person or a script runs it: a child process of the real entry point, against a hub of this test file
// whose credentials and address are in a directory of their own.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { vi } from 'vitest';

const run = promisify(execFile);

// Each `hub` run is a process start: about 0.8 s of CPU (Node, tsx, the module graph; a bundle is no faster), which
// on a two-core machine shared with other suites stretches to several seconds. The CLI files allow for that.
vi.setConfig({ testTimeout: 90_000 });

export const cliDir = () => mkdtempSync(join(tmpdir(), 'hub-cli-'));

export interface CliRun {
  exit: number;
  stdout: string;
  stderr: string;
}

export async function hubCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/hub.ts', ...args], {
      env: { ...process.env, ...env },
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { exit: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { exit: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
