#!/usr/bin/env bash
# RabbitMQ and Redis as real servers on loopback, installed from Debian's packages if missing.
#   scripts/infra.sh up | down | status | start <svc> | stop <svc> | restart <svc> | env
# Idempotent: `up` on a running setup returns at once. State and logs live in
# $IMAD_STATE_DIR/{rabbitmq,redis}.
source "$(dirname "$0")/lib.sh"

RABBIT_PORT="${IMAD_RABBITMQ_PORT:-5672}"
REDIS_PORT="${IMAD_REDIS_PORT:-6379}"
RABBIT_DIR="$IMAD_STATE_DIR/rabbitmq"
REDIS_DIR="$IMAD_STATE_DIR/redis"
export RABBITMQ_NODENAME="imad@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$RABBIT_PORT"
export RABBITMQ_MNESIA_BASE="$RABBIT_DIR/mnesia"
export RABBITMQ_LOG_BASE="$RABBIT_DIR/log"
export RABBITMQ_PID_FILE="$RABBIT_DIR/rabbitmq.pid"
export RABBITMQ_ENABLED_PLUGINS_FILE="$RABBIT_DIR/enabled_plugins"
export RABBITMQ_CONFIG_FILE="$RABBIT_DIR/rabbitmq"
# No distribution port clash with a system RabbitMQ; EPMD stays on loopback.
export ERL_EPMD_ADDRESS=127.0.0.1
# Debian's /usr/sbin wrappers switch to the rabbitmq user, which cannot reach a state
# directory under $HOME; the real scripts run as the calling user with its own cookie.
RABBIT_BIN=/usr/lib/rabbitmq/bin

rabbit_ping() { "$RABBIT_BIN/rabbitmq-diagnostics" -q -n "$RABBITMQ_NODENAME" check_port_connectivity >/dev/null 2>&1; }
redis_ping() { [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

start_rabbitmq() {
  apt_install rabbitmq-server
  if rabbit_ping; then return 0; fi
  mkdir -p "$RABBIT_DIR/mnesia" "$RABBIT_DIR/log"
  echo '[].' > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  # Quorum queues keep deploy requests through broker restarts; the consumer timeout
  # is generous because workers ack after apply, not after rollout.
  cat > "$RABBITMQ_CONFIG_FILE.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$RABBIT_PORT
loopback_users = none
consumer_timeout = 900000
log.console = false
log.file.level = warning
CONF
  log "starting RabbitMQ on 127.0.0.1:$RABBIT_PORT (log: $RABBIT_DIR/log)…"
  (cd "$RABBIT_DIR" && exec setsid nohup "$RABBIT_BIN/rabbitmq-server" >"$RABBIT_DIR/log/stdout.log" 2>&1 </dev/null &)
  wait_for "RabbitMQ" 90 rabbit_ping || die "RabbitMQ did not start within 90 s; see $RABBIT_DIR/log/"
}

stop_rabbitmq() {
  if rabbit_ping; then
    log "stopping RabbitMQ…"
    "$RABBIT_BIN/rabbitmqctl" -q -n "$RABBITMQ_NODENAME" stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || true
  fi
}

start_redis() {
  apt_install redis-server
  if redis_ping; then return 0; fi
  mkdir -p "$REDIS_DIR"
  log "starting Redis on 127.0.0.1:$REDIS_PORT (log: $REDIS_DIR/redis.log)…"
  # Append-only file so status survives a Redis restart mid-burst.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" --daemonize yes \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" \
    --appendonly yes --save '' --maxclients 20000
  wait_for "Redis" 20 redis_ping || die "Redis did not start; see $REDIS_DIR/redis.log"
}

stop_redis() {
  if redis_ping; then
    log "stopping Redis…"
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    local deadline=$((SECONDS + 10)); while redis_ping && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  fi
}

print_env() {
  echo "export AMQP_URL=amqp://guest:guest@127.0.0.1:$RABBIT_PORT"
  echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
}

case "${1:-}" in
  up) start_redis; start_rabbitmq ;;
  down) stop_rabbitmq; stop_redis ;;
  status)
    rabbit_ping && echo "rabbitmq: up (127.0.0.1:$RABBIT_PORT)" || echo "rabbitmq: down"
    redis_ping && echo "redis: up (127.0.0.1:$REDIS_PORT)" || echo "redis: down" ;;
  start|stop|restart)
    svc="${2:-}"; [[ "$svc" = rabbitmq || "$svc" = redis ]] || die "usage: $0 $1 rabbitmq|redis"
    [ "$1" = start ] || "stop_$svc"
    [ "$1" = stop ] || "start_$svc" ;;
  env) print_env ;;
  *) echo "usage: $0 up|down|status|env|start <svc>|stop <svc>|restart <svc>" >&2; exit 2 ;;
esac
