#!/usr/bin/env bash
# Stops the services that scripts/up.sh started (and, unless --services-only,
# RabbitMQ and Redis too). Sends SIGTERM so each service finishes its work.
source "$(dirname "$0")/lib.sh"
RUN_DIR="$IMAD_STATE_DIR/run"

for pidfile in "$RUN_DIR"/*.pid; do
  [ -e "$pidfile" ] || continue
  pid="$(cat "$pidfile")"; name="$(basename "$pidfile" .pid)"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { log "$name did not stop in 20 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; }
  fi
  rm -f "$pidfile"
done

[ "${1:-}" = "--services-only" ] || bash "$REPO_ROOT/scripts/infra.sh" down
