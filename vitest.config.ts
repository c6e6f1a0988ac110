import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts DynamoDB Local and the SQS emulator on free ports (or uses AWS_ENDPOINT_URL), once per run.
    globalSetup: ['test/setup/emulators.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: one emulator JVM plus two test workers is what these machines carry well.
    maxWorkers: 2,
  },
});
