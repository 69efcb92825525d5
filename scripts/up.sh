#!/usr/bin/env bash
# Brings the whole platform up on this machine on its embedded defaults:
# npm dependencies, RabbitMQ and Redis, a build of every service and the IDE,
# then the four services as background processes. Prints where to open the IDE.
# Idempotent: running it again restarts the services on the current code.
source "$(dirname "$0")/platform-env.sh"

RUN_DIR="$IMAD_STATE_DIR/run"; LOG_DIR="$IMAD_STATE_DIR/logs"
mkdir -p "$RUN_DIR" "$LOG_DIR" "$DATA_DIR"

ensure_node_modules
bash "$REPO_ROOT/scripts/infra.sh" up
command -v git >/dev/null || apt_install git

log "building the services and the IDE…"
(cd "$REPO_ROOT" && NX_DAEMON=false npx nx run-many -t build --output-style=stream-without-prefixes >"$LOG_DIR/build.log" 2>&1) \
  || { tail -30 "$LOG_DIR/build.log" >&2; die "build failed; full log: $LOG_DIR/build.log"; }

bash "$REPO_ROOT/scripts/down.sh" --services-only

for entry in "${IMAD_SERVICES[@]}"; do
  name="${entry%%:*}"; port="${entry##*:}"
  log "starting $name on :$port (log: $LOG_DIR/$name.log)"
  HTTP_PORT="$port" setsid nohup node --enable-source-maps "$REPO_ROOT/dist/apps/$name/main.js" \
    >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  echo $! > "$RUN_DIR/$name.pid"
done

for entry in "${IMAD_SERVICES[@]}"; do
  name="${entry%%:*}"; port="${entry##*:}"
  if ! wait_for "$name" 60 curl -fsS "http://127.0.0.1:$port/readyz"; then
    tail -20 "$LOG_DIR/$name.log" >&2
    die "$name did not become ready on :$port within 60 s. Its log is $LOG_DIR/$name.log; \
check that RabbitMQ and Redis are up (bash scripts/infra.sh status), then run npm run up again."
  fi
done

cat >&2 <<MSG

  imad is up. Open the IDE:  $PUBLIC_URL
  Deployed apps appear at:   ${APPS_URL_TEMPLATE/\{app\}/<app>}
  Logs: $LOG_DIR   Stop: npm run down

MSG
echo "$PUBLIC_URL"
