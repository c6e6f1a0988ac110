#!/usr/bin/env bash
# The AWS CLI against a hub on one AWS-shaped endpoint (moto_server in CI; LocalStack works the same):
# admits one child through the hub's API (which opens two tasks), then, with the CLI only,
#   - lists the hub's queues (every department queue and its dead-letter queue, the read audit's and its own),
#   - reads a queue's redrive policy (it names that department's dead-letter queue),
#   - reads the task item by its key and the child's partition with one Query.
#
#   scripts/ci/aws-cli-check.sh <endpoint> <outputs.json> [credentials.json]
#
# The outputs file is a `cdk deploy --outputs-file` file (scripts/ci/serve-hub.ts writes one; so does
# `npm run deploy:local`); the credentials file defaults to credentials.json beside it.
# Uses whichever `aws` is on PATH: aws-cli 1.45 (pip) speaks SQS's JSON protocol, which moto, LocalStack and
# fauxqs serve; Debian's aws-cli 2.9 speaks only the query protocol, which moto and LocalStack serve, fauxqs not.
set -euo pipefail

endpoint=${1:?usage: aws-cli-check.sh <endpoint> <outputs.json> [credentials.json]}
outputs=${2:?usage: aws-cli-check.sh <endpoint> <outputs.json> [credentials.json]}
credentials=${3:-$(dirname "$outputs")/credentials.json}
log() { printf '[aws-cli-check] %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

command -v aws >/dev/null 2>&1 || fail "no aws on PATH (pip install 'awscli>=1.45,<2', or Debian's awscli for moto/LocalStack)"
[[ -f $outputs ]] || fail "no outputs file $outputs"
[[ -f $credentials ]] || fail "no credentials file $credentials"

# Hermetic: fake credentials, no profile or config file of the user's, the endpoint given explicitly.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=${AWS_REGION:-us-east-1}
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_SQS AWS_ENDPOINT_URL_DYNAMODB
awscli() { aws --endpoint-url "$endpoint" --output json "$@"; }

# One JSON value out of a file or stdin, by a JavaScript expression over `j`.
jget() { node -e 'const fs=require("fs");const j=JSON.parse(fs.readFileSync(process.argv[1]==="-"?0:process.argv[1],"utf8"));const v=(0,eval)("(j)=>"+process.argv[2])(j);if(v===undefined)process.exit(3);process.stdout.write(typeof v==="string"?v:JSON.stringify(v));' "$1" "$2"; }

stack_out='Object.values(j).find(o=>o&&typeof o==="object"&&o.ApiUrl)??j'
api=$(jget "$outputs" "($stack_out).ApiUrl") || fail "no ApiUrl in $outputs"
table=$(jget "$outputs" "($stack_out).TableName") || fail "no TableName in $outputs"
queue=$(jget "$outputs" "($stack_out).QueueUrlMedicalInsurance") || fail "no QueueUrlMedicalInsurance in $outputs"
dlq=$(jget "$outputs" "($stack_out).DeadLetterQueueUrlMedicalInsurance") || fail "no DeadLetterQueueUrlMedicalInsurance"
token=$(jget "$credentials" 'j["staff:CWI-450100"]') || fail "no staff:CWI-450100 token in $credentials"
# AWS's invoke URL form need not resolve locally; LocalStack serves the same API under a DNS-free path.
if [[ -n ${HUB_API_URL:-} ]]; then api=$HUB_API_URL
elif [[ $api =~ ^https?://([A-Za-z0-9]+)\.execute-api\.[^/]+/([^/]+)/?$ ]]; then
  api="${endpoint%/}/restapis/${BASH_REMATCH[1]}/${BASH_REMATCH[2]}/_user_request_"
fi
prefix=${queue##*/}; prefix=${prefix%medical-insurance}   # "<name prefix>hub-": every hub queue, no other
log "$(aws --version 2>&1)"
log "endpoint $endpoint, API ${api}, table $table, queue name prefix '${prefix}'"

# 1. A tiny admission through the API: parents unknown (with a certificate) opens two tasks.
body='{"institutionId":"CWI-450100","name":"测试","gender":"female","birthDate":"2024-01-01","admittedOn":"2026-11-20","parentsUnknown":true,"hukouRegistered":true,"disabled":false,"foundlingCertificateNumber":"NN-CI-0001"}'
admitted=$(curl -sS --fail-with-body -X POST "${api%/}/v1/children" -H "authorization: Bearer $token" \
  -H 'content-type: application/json' -d "$body") || fail "admission refused: $admitted"
child=$(jget - 'j.childId' <<<"$admitted") || fail "no childId in $admitted"
task=$(jget - 'j.tasks.find(t=>t.department==="medical-insurance").taskId' <<<"$admitted") || fail "no medical-insurance task in $admitted"
log "admitted $child with task $task"

# 2. The hub's queues: one per department plus its dead-letter queue, and the read audit's queue and dead-letter queue.
urls=$(awscli sqs list-queues --queue-name-prefix "$prefix") || fail "sqs list-queues"
count=$(jget - '(j.QueueUrls??[]).length' <<<"$urls")
depts=$(jget "$outputs" "Object.keys($stack_out).filter(k=>/^QueueUrl[A-Z]/.test(k)).length")
log "sqs list-queues --queue-name-prefix $prefix: $count queues"
(( count == 2 * depts + 2 )) || fail "expected $((2 * depts + 2)) queues (${depts} departments × queue + DLQ, the read audit's queue + DLQ), got $count: $urls"
[[ $urls == *"${prefix}reads-dlq"* ]] || fail "list-queues does not list the read audit's dead-letter queue ${prefix}reads-dlq"
[[ $urls == *"$queue"* && $urls == *"$dlq"* ]] || fail "list-queues does not list $queue and $dlq"

# 3. The redrive policy names the department's own dead-letter queue.
attrs=$(awscli sqs get-queue-attributes --queue-url "$queue" --attribute-names RedrivePolicy VisibilityTimeout) \
  || fail "sqs get-queue-attributes"
redrive=$(jget - 'JSON.parse(j.Attributes.RedrivePolicy).deadLetterTargetArn' <<<"$attrs") || fail "no RedrivePolicy: $attrs"
[[ $redrive == *":${dlq##*/}" ]] || fail "redrive target $redrive is not ${dlq##*/}"
log "redrive policy of ${queue##*/} → ${redrive##*:}"

# 4. The task item by its key, and the child's partition (the child and its two tasks) with one Query.
key=$(node -e 'const [c,t]=process.argv.slice(1);process.stdout.write(JSON.stringify({pk:{S:`CHILD#${c}`},sk:{S:`TASK#${t}`}}))' "$child" "$task")
item=$(awscli dynamodb get-item --table-name "$table" --key "$key" --consistent-read) || fail "dynamodb get-item"
got=$(jget - 'j.Item.taskId.S' <<<"$item") || fail "get-item found no task item for $key: $item"
[[ $got == "$task" ]] || fail "get-item returned task $got, expected $task"
status=$(jget - 'j.Item.status.S' <<<"$item")
type=$(jget - 'j.Item.type.S' <<<"$item")
history=$(jget - 'j.Item.history.L.length' <<<"$item")
log "dynamodb get-item: $type, status $status, $history history entries"
values=$(node -e 'process.stdout.write(JSON.stringify({":pk":{S:`CHILD#${process.argv[1]}`}}))' "$child")
partition=$(awscli dynamodb query --table-name "$table" --key-condition-expression 'pk = :pk' \
  --expression-attribute-values "$values" --consistent-read) || fail "dynamodb query"
n=$(jget - 'j.Count' <<<"$partition")
(( n == 3 )) || fail "expected the child and its 2 tasks in its partition, got $n items"
log "dynamodb query pk = CHILD#$child: $n items (the child and its 2 tasks)"
log "ok"
