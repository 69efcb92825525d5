#!/usr/bin/env bash
# The whole test suite: lint, typecheck, unit, integration (real RabbitMQ, Redis,
# Kubernetes control plane, git, nginx) and the browser test against the platform
# as `npm run up` starts it. Starts whatever it needs; safe to run repeatedly.
# Every step runs even if an earlier one failed, so one run shows every failure.
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false FORCE_COLOR=0
OUT="$REPO_ROOT/test-output"; rm -rf "$OUT/jest"; mkdir -p "$OUT/jest"
failed_steps=()

step() { # step NAME COMMAND...
  local name="$1"; shift
  log "── $name"
  local start=$SECONDS
  if "$@"; then log "── $name: ok ($((SECONDS - start)) s)"; else
    log "── $name: FAILED ($((SECONDS - start)) s)"; failed_steps+=("$name"); fi
}

ensure_node_modules
step "servers: RabbitMQ and Redis" bash scripts/infra.sh up
step "tools: git, nginx, Chromium" apt_install git nginx-light chromium
step "Kubernetes test control plane (builds once, then cached)" bash scripts/kube-testenv.sh up
eval "$(bash scripts/kube-testenv.sh env 2>/dev/null || true)"

step "lint, typecheck and unit tests" npx nx run-many -t lint typecheck test --output-style=static
step "integration tests" npx nx run-many -t int-test --parallel=1 --output-style=static
step "platform up (npm run up)" bash scripts/up.sh
step "browser and platform tests" npx nx run-many -t e2e --parallel=1 --output-style=static
bash scripts/down.sh --services-only || true

node tools/test-summary.js "$OUT/jest" || true
if [ ${#failed_steps[@]} -gt 0 ]; then
  log "failed steps: ${failed_steps[*]}"
  log "re-run one project with: npx nx <test|int-test|e2e> <project>   (logs: $IMAD_STATE_DIR/logs)"
  exit 1
fi
log "all green"
