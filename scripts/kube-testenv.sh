#!/usr/bin/env bash
# A real Kubernetes control plane on loopback for tests and benchmarks: etcd,
# kube-apiserver, kube-controller-manager, kube-scheduler and kwok (simulated nodes
# and kubelets), all built from Go modules by tools/kube-testenv/build.sh.
#
#   scripts/kube-testenv.sh up       build what is missing, start, wait until usable
#   scripts/kube-testenv.sh down     stop exactly the processes `up` started
#   scripts/kube-testenv.sh status   show components; exit 1 unless healthy
#   scripts/kube-testenv.sh env      print `export KUBECONFIG=...` (and PATH for kubectl/helm)
#   scripts/kube-testenv.sh build    only build the binaries; print their dir
#
# Env: IMAD_STATE_DIR (runtime state, default ~/.local/state/imad), IMAD_CACHE_DIR
# (binaries, default ~/.cache/imad), KUBE_TESTENV_NODES (3), KUBE_TESTENV_PODS_PER_NODE (1000).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/tools/kube-testenv"
STATE="${IMAD_STATE_DIR:-$HOME/.local/state/imad}/kube-testenv"
PKI="$STATE/pki" LOGS="$STATE/logs" PIDS="$STATE/pids"
KUBECONFIG_PATH="$STATE/kubeconfig"
NODES="${KUBE_TESTENV_NODES:-3}" PODS_PER_NODE="${KUBE_TESTENV_PODS_PER_NODE:-1000}"
# Stop order is the reverse of this start order.
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)

say() { echo "kube-testenv: $*" >&2; }
die() { say "error: $*"; exit 1; }

# --- processes -------------------------------------------------------------------
# A pid file holds "PID EXE"; a pid only counts as ours while /proc says it still runs EXE,
# so a recycled pid is never signalled.
pid_of() {
  local f="$PIDS/$1.pid" pid exe
  [[ -s "$f" ]] || return 1
  read -r pid exe <"$f"
  [[ "$(readlink "/proc/$pid/exe" 2>/dev/null)" == "$exe" ]] || return 1
  echo "$pid"
}

# start NAME BINARY ARGS... : detached (own session) so the cluster outlives the caller.
start() {
  local name="$1" exe="$BIN/$2"; shift 2
  say "starting $name (log: $LOGS/$name.log)"
  setsid "$exe" "$@" >"$LOGS/$name.log" 2>&1 </dev/null 8>&- &
  echo "$! $exe" >"$PIDS/$name.pid"
}

# wait_for NAME SECONDS COMMAND... : poll COMMAND until it succeeds; fail early if NAME died.
wait_for() {
  local name="$1" limit="$2"; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if ! pid_of "$name" >/dev/null; then
      fail "$name exited during start-up"
    fi
    ((SECONDS < deadline)) || fail "$name was not ready after ${limit}s"
    sleep 0.3
  done
}

fail() {
  local name="${1%% *}"
  say "error: $*"
  if [[ -f "$LOGS/$name.log" ]]; then
    say "last lines of $LOGS/$name.log:"
    tail -n 25 "$LOGS/$name.log" >&2
  fi
  say "stopping what was started; logs are kept in $LOGS"
  stop_all
  exit 1
}

stop_all() {
  local i name pid
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
    name="${COMPONENTS[i]}"
    if pid=$(pid_of "$name"); then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null || true
      say "stopped $name (pid $pid)"
    fi
    rm -f "$PIDS/$name.pid"
  done
}

# --- checks ------------------------------------------------------------------------
load_cluster_env() { [[ -s "$STATE/cluster.env" ]] && source "$STATE/cluster.env"; }
api() { curl -sf --max-time 5 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" "https://127.0.0.1:$API_PORT$1"; }
api_ready() { [[ "$(api /readyz)" == ok ]]; }
etcd_ready() { curl -sf --max-time 3 "http://127.0.0.1:$ETCD_PORT/health" | grep -q '"health":"true"'; }
healthz() { [[ "$(curl -sfk --max-time 3 "$1/healthz")" == ok ]]; }
kctl() { "$BIN/kubectl" --kubeconfig "$KUBECONFIG_PATH" "$@"; }

healthy() {
  load_cluster_env || return 1
  local c; for c in "${COMPONENTS[@]}"; do pid_of "$c" >/dev/null || return 1; done
  api_ready
}

# --- setup ---------------------------------------------------------------------------
# Free loopback ports below the ephemeral range, so outgoing connections never take them.
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 12000))
    [[ " ${TAKEN:-} " == *" $p "* ]] && continue
    [[ -z "$(ss -Htln "sport = :$p")" ]] && { TAKEN="${TAKEN:-} $p"; echo "$p"; return; }
  done
}

write_kubeconfig() {
  local b64="base64 -w0"
  cat >"$KUBECONFIG_PATH.tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: kube-testenv
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority-data: $($b64 <"$PKI/ca.crt")
users:
- name: kube-testenv-admin
  user:
    client-certificate-data: $($b64 <"$PKI/admin.crt")
    client-key-data: $($b64 <"$PKI/admin.key")
contexts:
- name: kube-testenv
  context: {cluster: kube-testenv, user: kube-testenv-admin}
current-context: kube-testenv
EOF
  chmod 600 "$KUBECONFIG_PATH.tmp"
  mv "$KUBECONFIG_PATH.tmp" "$KUBECONFIG_PATH"
}

# Simulated nodes, large enough for thousands of pods. No taint: every node is a kwok
# node, and workloads under test must not need a toleration to land.
nodes_yaml() {
  local i
  for ((i = 0; i < NODES; i++)); do
    cat <<EOF
---
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$i
  annotations: {kwok.x-k8s.io/node: fake, node.alpha.kubernetes.io/ttl: "0"}
  labels: {type: kwok, kubernetes.io/hostname: kwok-node-$i, kubernetes.io/os: linux, kubernetes.io/arch: amd64}
status:
  allocatable: {cpu: "32", memory: 256Gi, pods: "$PODS_PER_NODE", ephemeral-storage: 1Ti}
  capacity: {cpu: "32", memory: 256Gi, pods: "$PODS_PER_NODE", ephemeral-storage: 1Ti}
EOF
  done
}

print_info() {
  say "ready: API https://127.0.0.1:$API_PORT, $NODES kwok nodes"
  say "logs: $(for c in "${COMPONENTS[@]}"; do printf '%s ' "$LOGS/$c.log"; done)"
  say "use:  eval \"\$(scripts/kube-testenv.sh env)\""
}

# Debian's openssl, curl, iproute2 (ss) and util-linux (flock, setsid) are on the machine
# image; say which package is missing rather than failing halfway through `up`.
preflight() {
  local c missing=()
  for c in openssl:openssl curl:curl ss:iproute2 flock:util-linux setsid:util-linux base64:coreutils; do
    command -v "${c%%:*}" >/dev/null || missing+=("${c#*:}")
  done
  [[ ${#missing[@]} == 0 ]] || die "missing commands; install them: apt-get install ${missing[*]}"
}

# --- commands ------------------------------------------------------------------------
cmd_up() {
  mkdir -p "$STATE" "$LOGS" "$PIDS"
  exec 8>"$STATE/lock"; flock 8     # one up/down at a time (parallel test runs)
  if healthy; then say "already up: API https://127.0.0.1:$API_PORT (scripts/kube-testenv.sh status)"; return; fi
  preflight
  stop_all                          # whatever is left of an earlier, broken run
  BIN="$("$TOOLS/build.sh")"
  "$TOOLS/certs.sh" "$PKI"
  TAKEN=""
  API_PORT=$(free_port) ETCD_PORT=$(free_port) ETCD_PEER_PORT=$(free_port)
  CM_PORT=$(free_port) SCHED_PORT=$(free_port) KWOK_PORT=$(free_port)
  printf '%s\n' "BIN=$BIN" "API_PORT=$API_PORT" "ETCD_PORT=$ETCD_PORT" "ETCD_PEER_PORT=$ETCD_PEER_PORT" \
    "CM_PORT=$CM_PORT" "SCHED_PORT=$SCHED_PORT" "KWOK_PORT=$KWOK_PORT" "NODES=$NODES" >"$STATE/cluster.env"
  write_kubeconfig
  rm -rf "$STATE/etcd-data"         # every `up` after `down` starts from an empty cluster

  start etcd etcd --name=kube-testenv --data-dir="$STATE/etcd-data" --log-level=warn \
    --listen-client-urls="http://127.0.0.1:$ETCD_PORT" --advertise-client-urls="http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster="kube-testenv=http://127.0.0.1:$ETCD_PEER_PORT" \
    --auto-compaction-mode=periodic --auto-compaction-retention=5m
  wait_for etcd 30 etcd_ready

  # The endpoint reconciler is off: it would publish 127.0.0.1 as the `kubernetes`
  # Service endpoint, which validation rejects (loopback), and nothing here needs it.
  start kube-apiserver kube-apiserver --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$API_PORT" \
    --cert-dir="$STATE/apiserver-certs" --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
    --client-ca-file="$PKI/ca.crt" --authorization-mode=Node,RBAC --allow-privileged=true \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
    --service-cluster-ip-range=10.96.0.0/16 --endpoint-reconciler-type=none --profiling=false
  wait_for kube-apiserver 90 api_ready

  start kube-controller-manager kube-controller-manager --kubeconfig="$KUBECONFIG_PATH" \
    --bind-address=127.0.0.1 --secure-port="$CM_PORT" --cert-dir="$STATE/cm-certs" \
    --leader-elect=false --controllers='*' --use-service-account-credentials=false \
    --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
    --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
    --kube-api-qps=500 --kube-api-burst=1000 --profiling=false
  cat >"$STATE/scheduler.yaml" <<EOF
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
clientConnection: {kubeconfig: "$KUBECONFIG_PATH", qps: 500, burst: 1000}
leaderElection: {leaderElect: false}
EOF
  start kube-scheduler kube-scheduler --config="$STATE/scheduler.yaml" \
    --bind-address=127.0.0.1 --secure-port="$SCHED_PORT" --cert-dir="$STATE/scheduler-certs" --profiling=false
  # HOME is moved so a developer's ~/.kwok/kwok.yaml (which kwok always loads) cannot leak in.
  mkdir -p "$STATE/kwok-home"
  HOME="$STATE/kwok-home" start kwok kwok --kubeconfig="$KUBECONFIG_PATH" \
    --config="$TOOLS/stages/kwok-stages.yaml" --manage-all-nodes=true --cidr=10.244.0.0/16 --node-ip=127.0.0.1 \
    --node-port="$KWOK_PORT" --server-address="127.0.0.1:$KWOK_PORT" --node-lease-duration-seconds=40
  wait_for kube-controller-manager 60 healthz "https://127.0.0.1:$CM_PORT"
  wait_for kube-scheduler 60 healthz "https://127.0.0.1:$SCHED_PORT"
  wait_for kwok 60 healthz "http://127.0.0.1:$KWOK_PORT"

  nodes_yaml | kctl apply --server-side --field-manager=kube-testenv -f - >/dev/null \
    || fail "kube-apiserver refused the kwok Node objects"
  wait_for kwok 60 kctl wait --for=condition=Ready node -l type=kwok --timeout=5s
  # Pods can only be created once the ServiceAccount controller made `default`.
  wait_for kube-controller-manager 60 kctl -n default get serviceaccount default
  print_info
}

cmd_down() {
  mkdir -p "$STATE" "$PIDS"
  exec 8>"$STATE/lock"; flock 8
  stop_all
  rm -f "$STATE/cluster.env"
  say "down (logs kept in $LOGS)"
}

cmd_status() {
  local c pid ok=0
  if ! load_cluster_env; then say "not up"; return 1; fi
  for c in "${COMPONENTS[@]}"; do
    if pid=$(pid_of "$c"); then printf '%-24s running  pid %-8s %s\n' "$c" "$pid" "$LOGS/$c.log"
    else printf '%-24s STOPPED  %-12s %s\n' "$c" "" "$LOGS/$c.log"; ok=1; fi
  done
  if api_ready; then echo "api https://127.0.0.1:$API_PORT  /readyz ok"
  else echo "api https://127.0.0.1:$API_PORT  /readyz FAILING"; ok=1; fi
  [[ $ok == 0 ]] && kctl get nodes -l type=kwok --no-headers 2>/dev/null | awk '{print "node " $1 "  " $2}'
  echo "kubeconfig $KUBECONFIG_PATH"
  return $ok
}

cmd_env() {
  local bin
  if load_cluster_env; then bin="$BIN"; else bin="$("$TOOLS/build.sh" --print)"; fi
  echo "export KUBECONFIG=\"$KUBECONFIG_PATH\""
  echo "export PATH=\"$bin:\$PATH\""
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  build) "$TOOLS/build.sh" ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
