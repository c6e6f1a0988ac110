// Everything here runs on the Node major the Lambda functions run on (package.json `engines.node`, the stack's
// nodejs24.x). `npm install` puts that Node into node_modules (the node-linux-* optional dependencies), and `npm run`
// and `npx` put node_modules/.bin first on PATH, so npm start, npm test and every script run on it whatever the
// machine's own Node is (docs/decisions/0008-node-24.md). A run on another Node is refused with the fix, instead of
// passing tests on a runtime the code never meets in Lambda.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { engines: { node: string } };

/** package.json `engines.node` is `<major>.x`. */
export const NODE_MAJOR = Number.parseInt(manifest.engines.node, 10);

/** Why Node `version` (as in process.versions.node) cannot run the hub, or undefined when it can. */
export function nodeVersionProblem(version: string): string | undefined {
  if (Number.parseInt(version, 10) === NODE_MAJOR) return undefined;
  return [
    `This is Node ${version}; the hub runs on Node ${NODE_MAJOR}, the Lambda runtime's.`,
    `Run it through npm (npm start, npm test, npm run <script>, npx <tool>): npm puts node_modules/.bin/node,`,
    `the Node ${NODE_MAJOR} that npm install brings, first on PATH. No node_modules/.bin/node? Run npm install;`,
    `on a platform the registry has no node-<os>-<cpu> ${NODE_MAJOR}.x package for, install Node ${NODE_MAJOR} yourself.`,
  ].join('\n');
}
