// The infra tests need no emulator: this config runs them without the root config's globalSetup.
//   npx vitest run --config test/infra/vitest.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/infra/**/*.test.ts'],
    globalSetup: ['test/setup/node-version.ts'],
    // stack.test.ts synthesises (no bundling) about a dozen times; loading aws-cdk-lib takes most of the first.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
