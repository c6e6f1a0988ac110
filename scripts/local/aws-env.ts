// The SDK needs a region and credentials even for an emulator: on one (AWS_ENDPOINT_URL, or the embedded hub's),
// every script defaults them as `npm start` does. Real ones, when present, are left alone.
export const EMULATOR_DEFAULTS = { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' } as const;

/** Fills in what is missing of EMULATOR_DEFAULTS; `always`: also without AWS_ENDPOINT_URL (the embedded hub). */
export function ensureEmulatorAwsEnv(env: Record<string, string | undefined> = process.env, always = false): void {
  if (!always && !env.AWS_ENDPOINT_URL) return;
  for (const [k, v] of Object.entries(EMULATOR_DEFAULTS)) env[k] ??= v;
}
