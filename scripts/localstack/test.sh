#!/usr/bin/env bash
# npm run test:integration — the integration suite against the stack deploy:local put on LocalStack: no hub starts
# in the test process; API URL, table and queues come from the outputs file, tokens from the credentials file.
# Tests that need the in-process hub (simulators, pollers, sweeps on demand) are skipped with the reason shown.
#   npm run test:integration -- -t 'inbox'      extra arguments go to vitest
#   HUB_STACK_OUTPUTS / HUB_CREDENTIALS_FILE    another deployed stack (see test/helpers/target.ts)
source "$(dirname "$0")/lib.sh"
export HUB_STACK_OUTPUTS=${HUB_STACK_OUTPUTS:-$OUTPUTS_FILE}
export HUB_CREDENTIALS_FILE=${HUB_CREDENTIALS_FILE:-$CREDENTIALS_FILE}
[[ -f $HUB_STACK_OUTPUTS ]] || die "no stack outputs at $HUB_STACK_OUTPUTS: deploy first (npm run localstack:up, then npm run deploy:local)"
[[ -f $HUB_CREDENTIALS_FILE ]] || die "no credentials at $HUB_CREDENTIALS_FILE: npm run deploy:local writes them"
require_localstack >/dev/null
# The test setup then starts no emulator (test/setup/emulators.ts); SDK clients, if any, go to LocalStack.
export AWS_ENDPOINT_URL=${AWS_ENDPOINT_URL:-$LOCALSTACK_ENDPOINT}
unset AWS_ENDPOINT_URL_S3 AWS_ENDPOINT_URL_DYNAMODB AWS_ENDPOINT_URL_SQS
npx tsx scripts/localstack/smoke.ts || die "the deployed API is not usable (above); nothing tested"
# Lambda cold starts in LocalStack take seconds: longer test timeouts, and waits scaled 4x (test/helpers/hub.ts).
exec npx vitest run test/integration --reporter=verbose --testTimeout=180000 --hookTimeout=180000 "$@"
