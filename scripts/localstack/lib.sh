# Shared by the LocalStack scripts (sourced, not run). See docs/localstack.md.
# Every script fails with a message that says what is missing and what to do, never with a bare tool error.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

LOCALSTACK_ENDPOINT=${LOCALSTACK_ENDPOINT:-http://localhost:4566}
LOCALSTACK_ENDPOINT=${LOCALSTACK_ENDPOINT%/}
HUB_LOCALSTACK_DIR=${HUB_LOCALSTACK_DIR:-.local/localstack}
OUTPUTS_FILE=$HUB_LOCALSTACK_DIR/outputs.json
CREDENTIALS_FILE=$HUB_LOCALSTACK_DIR/credentials.json
# What the stack uses (infra/hub-stack.ts, `local` deployment), and what cdk bootstrap/deploy need besides.
HUB_LOCALSTACK_SERVICES=dynamodb,sqs,lambda,apigateway,events,logs,iam,sts,kms,secretsmanager,cloudwatch,sns,ssm,cloudformation,s3

log() { printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; }
die() { printf '\n[%s] ERROR: %s\n' "$(basename "$0" .sh)" "$*" >&2; exit 1; }

# `docker compose` (v2 plugin) or the old `docker-compose`.
compose() {
  if docker compose version >/dev/null 2>&1; then docker compose "$@"; else docker-compose "$@"; fi
}

require_docker() {
  command -v docker >/dev/null 2>&1 || die "Docker is not installed. LocalStack runs in Docker (with the Docker socket \
for Lambda). Without Docker, use the embedded mode (npm start, npm test) or moto (docs/local-modes.md)."
  docker info >/dev/null 2>&1 || die "Docker is installed but its engine does not answer (docker info failed). \
Start Docker (or check that your user may use /var/run/docker.sock) and run again."
  docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1 \
    || die "Docker Compose is missing: install the compose plugin (docker compose) or docker-compose."
}

# The health document of a running LocalStack, or nothing.
localstack_health() { curl -sf --max-time 3 "$LOCALSTACK_ENDPOINT/_localstack/health" 2>/dev/null || true; }

require_localstack() {
  local health
  health=$(localstack_health)
  [[ -n $health ]] || die "LocalStack does not answer at $LOCALSTACK_ENDPOINT/_localstack/health. \
Start it with 'npm run localstack:up' (needs Docker), or set LOCALSTACK_ENDPOINT if it runs elsewhere."
  printf '%s' "$health"
}
