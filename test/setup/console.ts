// vitest globalSetup: the console's build, made when missing or older than its sources (as `npm start` does), once
// per run, before any browser test starts a hub that serves it.
import { ensureConsoleBuilt } from '../../scripts/local/console-build.ts';

export default function setup() {
  ensureConsoleBuilt((line) => console.log(`[console] ${line}`));
}
