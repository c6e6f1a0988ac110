#!/usr/bin/env bash
# npm run localstack:down — stops and removes the LocalStack container (the community image keeps no state, so the
# deployed stack goes with it; .local/localstack/credentials.json stays and is reused by the next deploy).
source "$(dirname "$0")/lib.sh"
require_docker
compose down --remove-orphans
rm -f "$OUTPUTS_FILE"
log "stopped; run npm run localstack:up and npm run deploy:local to start again"
