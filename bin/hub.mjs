#!/usr/bin/env node
// The `hub` command (package.json `bin`): `npx hub …` in a checkout, `hub …` after a global install. Plain
// JavaScript so that any Node can start it: on a Node other than the project's (docs/decisions/0008-node-24.md) it
// hands over to the Node 24 npm installed beside it (the node-linux-* package), then runs scripts/hub.ts through tsx.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const wanted = Number.parseInt(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node, 10);

if (Number.parseInt(process.versions.node, 10) !== wanted && !process.env.HUB_CLI_REEXEC) {
  let node;
  try {
    node = require.resolve(`node-${process.platform}-${process.arch}/bin/node`);
  } catch {
    node = undefined; // no such package for this platform: scripts/require-node.ts says what to do
  }
  if (node) {
    const run = spawnSync(node, [process.argv[1], ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, HUB_CLI_REEXEC: '1' } });
    process.exit(run.status ?? 1);
  }
}

const { register } = await import('tsx/esm/api');
register();
const { runFromProcess } = await import('../scripts/hub.ts');
await runFromProcess();
