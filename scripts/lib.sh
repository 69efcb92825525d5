# Shared helpers for the project's scripts. Source it; don't run it.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAD_STATE_DIR="${IMAD_STATE_DIR:-$HOME/.local/state/imad}"
IMAD_CACHE_DIR="${IMAD_CACHE_DIR:-$HOME/.cache/imad}"
mkdir -p "$IMAD_STATE_DIR" "$IMAD_CACHE_DIR"

log() { printf '\033[1m[imad]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[imad] error:\033[0m %s\n' "$*" >&2; exit 1; }

# apt_install PKG... — installs Debian packages that are missing (root only).
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "need root to install ${missing[*]} (or install them yourself: apt-get install ${missing[*]})"
  log "installing ${missing[*]} from Debian's packages…"
  local stamp="$IMAD_CACHE_DIR/apt-updated"
  if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440 2>/dev/null)" ]; then
    apt-get update -q >/dev/null || die "apt-get update failed; check the network to Debian's mirror"
    touch "$stamp"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed; run it by hand to see why"
}

# wait_for DESCRIPTION SECONDS COMMAND... — polls until COMMAND succeeds.
wait_for() {
  local what="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
  log "$what is up"
}

ensure_node_modules() {
  if [ ! -d "$REPO_ROOT/node_modules/.bin" ] || [ "$REPO_ROOT/package-lock.json" -nt "$REPO_ROOT/node_modules/.package-lock.json" ]; then
    log "installing npm dependencies (npm ci)…"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed; see the output above"
  fi
}
