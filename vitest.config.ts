import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Refuses a Node other than the Lambda runtime's; then starts DynamoDB Local and the SQS emulator on free ports
    // (or uses AWS_ENDPOINT_URL), once per run.
    globalSetup: ['test/setup/node-version.ts', 'test/setup/console.ts', 'test/setup/emulators.ts'],
    // The hub's INFO lines (a child admitted, a task moved) would bury a failure's report among thousands of them;
    // warnings and errors still show. `LOG_LEVEL=INFO npm test` brings them back.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'WARN' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: one emulator JVM plus two test workers is what these machines carry well.
    maxWorkers: 2,
    // expect.poll's 1 s default is shorter than a browser round trip on a loaded two-core CI machine.
    expect: { poll: { timeout: 5_000 } },
  },
});
