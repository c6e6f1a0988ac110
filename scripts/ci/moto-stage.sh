#!/usr/bin/env bash
# CI stage: the single-endpoint path (AWS_ENDPOINT_URL), proved against moto's server mode, which serves DynamoDB
# and SQS on one port the way LocalStack does (LocalStack itself needs Docker, which CI machines do not have).
#
#   1. moto's server (scripts/ci/moto_server.py: `moto_server` with DynamoDB requests serialised) on a free port,
#      stopped on exit whatever happens;
#   2. the integration and local-runtime suites with AWS_ENDPOINT_URL=<moto>: the test setup starts no emulator
#      and every in-process hub talks to moto (the same suites `npm test` ran on DynamoDB Local + fauxqs);
#   3. a stand-in deployed stack (scripts/ci/serve-hub.ts: the embedded hub on moto, describing itself in a
#      `cdk deploy --outputs-file` file) and the integration suite in its deployed-stack mode (HUB_STACK_OUTPUTS),
#      the mode `npm run test:integration` uses against LocalStack;
#   4. the AWS CLI through the same endpoint (scripts/ci/aws-cli-check.sh): a tiny admission through the API,
#      then the hub's queues and one task item read with the CLI.
#
#   bash scripts/ci/moto-stage.sh          (from .ci/run, after npm test; or by hand)
# Needs python3 with moto[server] 5.x (installed with pip when missing and possible), aws-cli, node_modules.
# HUB_MOTO_PLAIN=1 uses the unmodified `moto_server` (to see moto's own behaviour; expect rare races, see above).
set -euo pipefail
cd "$(dirname "$0")/../.."
# The project's Node first on PATH (node_modules/.bin/node, Node 24), as `npm run` puts it: .ci/run calls this file
# directly, and `node --import tsx` below would otherwise be the machine's own Node.
export PATH="$PWD/node_modules/.bin:$PATH"
log() { printf '\n[moto-stage] %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
stage_start=$SECONDS

# ── tools ───────────────────────────────────────────────────────────────────────────────────────────────────
pip_install() {
  # Only when a pip exists; without network to PyPI this fails, and the caller says what is missing.
  command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1 || return 1
  log "installing $* with pip"
  python3 -m pip install --quiet "$@" || return 1
  hash -r
}
have_moto() { python3 -c 'import moto.moto_server.werkzeug_app, flask, werkzeug' >/dev/null 2>&1; }
command -v python3 >/dev/null 2>&1 || fail "python3 is required for moto"
if ! have_moto; then
  pip_install 'moto[server]>=5.1,<6' || true
  have_moto || fail "moto with its server extra is not installed for python3, and pip could not install it: \
run python3 -m pip install 'moto[server]>=5.1,<6' and try again"
fi
if ! command -v aws >/dev/null 2>&1; then
  pip_install 'awscli>=1.45,<2' || true
  command -v aws >/dev/null 2>&1 || fail "the AWS CLI is not installed and pip could not install it: python3 -m pip install 'awscli>=1.45,<2'"
fi
log "$(python3 -c 'import moto; print("moto", moto.__version__)' 2>/dev/null || echo 'moto (version unknown)'); $(aws --version 2>&1)"

# ── moto_server on a free port ──────────────────────────────────────────────────────────────────────────────
work=$(mktemp -d "${TMPDIR:-/tmp}/hub-moto-stage.XXXXXX")
pids=()
cleanup() {
  local rc=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if (( rc != 0 )) && [[ -f $work/moto.log ]]; then
    log "moto server log (last 30 lines):"; grep -v 'HTTP/1.1" [0-9]' "$work/moto.log" | tail -n 30 >&2 || true
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
endpoint="http://127.0.0.1:$port"
# moto's server with DynamoDB requests serialised (scripts/ci/moto_server.py says why: moto's conditional writes are
# not atomic across its request threads). HUB_MOTO_PLAIN=1 runs the unmodified `moto_server` instead.
if [[ ${HUB_MOTO_PLAIN:-0} == 1 ]]; then
  command -v moto_server >/dev/null 2>&1 || fail "HUB_MOTO_PLAIN=1 but no moto_server on PATH"
  moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
else
  python3 scripts/ci/moto_server.py -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
fi
pids+=($!)
for _ in $(seq 1 150); do
  curl -sf -o /dev/null "$endpoint/moto-api/" && break
  kill -0 "${pids[0]}" 2>/dev/null || fail "the moto server exited at start"
  sleep 0.2
done
curl -sf -o /dev/null "$endpoint/moto-api/" || fail "the moto server did not answer on $endpoint within 30 s"
log "moto server ${pids[0]} on $endpoint ($(( SECONDS - stage_start )) s)"

# Hermetic AWS settings: fake credentials, one region, no profile of the user's. Only AWS_ENDPOINT_URL differs
# from `npm test`: the test setup (test/setup/emulators.ts) then starts nothing and points every client there.
export AWS_ENDPOINT_URL=$endpoint AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL_DYNAMODB AWS_ENDPOINT_URL_SQS HUB_STACK_OUTPUTS

# ── 2. the suites on one endpoint ───────────────────────────────────────────────────────────────────────────
t=$SECONDS
log "integration + local-runtime suites with AWS_ENDPOINT_URL=$endpoint"
npx vitest run test/integration test/local
log "suites on moto passed ($(( SECONDS - t )) s)"

# ── 3. a stand-in deployed stack, and the suite in deployed-stack mode ──────────────────────────────────────
t=$SECONDS
prefix="ci-$(date +%s)-"
# One node process (not npx → tsx → node), so that the trap's kill reaches the hub itself.
node --import tsx scripts/ci/serve-hub.ts "$work/stack" "$prefix" >"$work/serve-hub.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do
  [[ -f $work/stack/outputs.json ]] && break
  kill -0 "${pids[1]}" 2>/dev/null || { cat "$work/serve-hub.log" >&2; fail "serve-hub exited at start"; }
  sleep 0.2
done
[[ -f $work/stack/outputs.json ]] || { cat "$work/serve-hub.log" >&2; fail "serve-hub not ready within 60 s"; }
log "integration suite against the stand-in stack (HUB_STACK_OUTPUTS=$work/stack/outputs.json)"
# On failure the stand-in stack's log comes first and the failed tests' names last, so that a CI page showing only
# the last lines still says which test failed.
HUB_STACK_OUTPUTS="$work/stack/outputs.json" npx vitest run test/integration --reporter=verbose 2>&1 | tee "$work/stack-suite.log" \
  || { tail -n 40 "$work/serve-hub.log" >&2; sed 's/\x1b\[[0-9;]*m//g' "$work/stack-suite.log" | grep -E '^ *(×|FAIL|AssertionError|Error:)' | tail -n 15 >&2
       fail "integration suite in deployed-stack mode"; }
log "deployed-stack mode passed ($(( SECONDS - t )) s)"

# ── 4. the AWS CLI through the same endpoint ────────────────────────────────────────────────────────────────
t=$SECONDS
bash scripts/ci/aws-cli-check.sh "$endpoint" "$work/stack/outputs.json"
log "AWS CLI check passed ($(( SECONDS - t )) s)"

log "moto stage passed in $(( SECONDS - stage_start )) s"
