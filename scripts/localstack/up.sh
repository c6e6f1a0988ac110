#!/usr/bin/env bash
# npm run localstack:up — LocalStack from docker-compose.yml, then wait until the services the hub needs are up.
#   LOCALSTACK_WAIT_SECONDS (120)   how long to wait for health
#   LOCALSTACK_IMAGE, LOCALSTACK_AUTH_TOKEN   another image, and its token (see docker-compose.yml)
source "$(dirname "$0")/lib.sh"
require_docker
wait_seconds=${LOCALSTACK_WAIT_SECONDS:-120}

log "starting ${LOCALSTACK_IMAGE:-localstack/localstack:4.14.0} (docker compose up -d localstack)"
mkdir -p "$HUB_LOCALSTACK_DIR/volume"
compose up -d localstack || die "docker compose up failed (see above). A port in use? Another LocalStack on 4566?"

deadline=$(( SECONDS + wait_seconds ))
while :; do
  health=$(localstack_health)
  if [[ -n $health ]]; then
    # Ready when every service the hub needs is "available" or "running" (never "error" or "disabled").
    missing=$(node -e '
      const h = JSON.parse(process.argv[1]); const want = process.argv[2].split(",");
      const bad = want.filter((s) => !["available", "running"].includes(h.services?.[s]));
      process.stdout.write(bad.map((s) => `${s}=${h.services?.[s] ?? "absent"}`).join(" "));
    ' "$health" "$HUB_LOCALSTACK_SERVICES")
    if [[ -z $missing ]]; then
      version=$(node -p 'const h=JSON.parse(process.argv[1]); `${h.version ?? "?"} (${h.edition ?? "?"})`' "$health")
      log "LocalStack $version is up at $LOCALSTACK_ENDPOINT"
      log "next: npm run deploy:local"
      exit 0
    fi
    if [[ $missing == *"=error"* || $missing == *"=disabled"* || $missing == *"=absent"* ]] && (( SECONDS > deadline - wait_seconds + 30 )); then
      compose logs --tail 40 localstack >&2 || true
      die "LocalStack is up but these services are not: $missing. An image without them (a newer tag needs \
LOCALSTACK_AUTH_TOKEN), or SERVICES changed in docker-compose.yml?"
    fi
  fi
  if (( SECONDS >= deadline )); then
    compose logs --tail 60 localstack >&2 || true
    die "LocalStack did not become healthy within ${wait_seconds} s (${missing:-no answer from $LOCALSTACK_ENDPOINT}). \
Its log is above; LOCALSTACK_WAIT_SECONDS waits longer."
  fi
  sleep 2
done
