#!/usr/bin/env bash
# npm run deploy:local — the CDK app's `local` deployment on LocalStack (cdklocal bootstrap + deploy), with the
# authorizer on local bearer tokens, and the stack outputs written for the integration suite.
#
#   .local/localstack/credentials.json   principal → token (created once, then kept: redeploys keep your tokens)
#   .local/localstack/outputs.json       cdk --outputs-file: ApiUrl, TableName, QueueUrl<Dept>, …
#
#   LOCALSTACK_ENDPOINT (http://localhost:4566)   where LocalStack answers (health and the smoke check)
#   AWS_ENDPOINT_URL + AWS_ENDPOINT_URL_S3        passed to cdklocal when both are set; otherwise cdklocal uses
#                                                 http://localhost.localstack.cloud:4566 (needs that name to resolve)
source "$(dirname "$0")/lib.sh"
require_localstack >/dev/null
[[ -x node_modules/.bin/cdklocal ]] || die "cdklocal is missing: run npm install (aws-cdk-local is a devDependency)"

mkdir -p "$HUB_LOCALSTACK_DIR"
npx tsx scripts/localstack/credentials.ts "$CREDENTIALS_FILE"

# cdklocal refuses AWS_ENDPOINT_URL without AWS_ENDPOINT_URL_S3 and strips other AWS_* variables itself.
if [[ -z ${AWS_ENDPOINT_URL:-} || -z ${AWS_ENDPOINT_URL_S3:-} ]]; then unset AWS_ENDPOINT_URL AWS_ENDPOINT_URL_S3; fi
export HUB_DEPLOYMENT=local
export HUB_LOCAL_CREDENTIALS_FILE=$CREDENTIALS_FILE
export AWS_ENVAR_ALLOWLIST=AWS_REGION,AWS_DEFAULT_REGION AWS_REGION=${AWS_REGION:-us-east-1} AWS_DEFAULT_REGION=${AWS_REGION:-us-east-1}

log "cdklocal bootstrap (account 000000000000, $AWS_REGION)"
npx cdklocal bootstrap "aws://000000000000/$AWS_REGION" \
  || die "cdklocal bootstrap failed (above). Is LocalStack up with s3, ssm, iam, cloudformation (npm run localstack:up)?"

log "cdklocal deploy (bundles 10 functions, then creates about 140 resources: a few minutes the first time)"
rm -f "$OUTPUTS_FILE"
npx cdklocal deploy --require-approval never --outputs-file "$OUTPUTS_FILE" \
  || die "cdklocal deploy failed (above). 'docker compose logs localstack' shows LocalStack's side."
[[ -s $OUTPUTS_FILE ]] || die "cdklocal deploy wrote no $OUTPUTS_FILE"

export HUB_STACK_OUTPUTS=$OUTPUTS_FILE HUB_CREDENTIALS_FILE=$CREDENTIALS_FILE AWS_ENDPOINT_URL=$LOCALSTACK_ENDPOINT
unset AWS_ENDPOINT_URL_S3
api=$(npx tsx scripts/localstack/smoke.ts) || die "the stack is deployed but its API is not usable yet (above)"
log "deployed. API: $api/v1   tokens: $CREDENTIALS_FILE   outputs: $OUTPUTS_FILE"
log "try:  TOKEN=\$(node -p \"require('./$CREDENTIALS_FILE')['staff:CWI-450100']\")"
log "      curl -s $api/v1/health"
log "next: npm run test:integration"
