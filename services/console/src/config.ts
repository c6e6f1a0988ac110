// The run-time config beside the assets (services/console/config.ts says what it holds).
import { CONFIG_PATH, type ConsoleConfig } from '../config.ts';

let loaded: Promise<ConsoleConfig> | undefined;
export const consoleConfig = () =>
  (loaded ??= fetch(CONFIG_PATH).then((r) => {
    if (!r.ok) throw new Error(`console config: HTTP ${r.status}`);
    return r.json() as Promise<ConsoleConfig>;
  }));
