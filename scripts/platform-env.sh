# Embedded-default configuration of the whole platform on one machine. Sourced by
# scripts/up.sh and the tests that run against the started platform. Secrets are
# generated once per machine into $IMAD_STATE_DIR/platform.env and reused.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SECRETS_FILE="$IMAD_STATE_DIR/platform.env"
if [ ! -f "$SECRETS_FILE" ]; then
  umask 077
  {
    echo "TOKEN_ENCRYPTION_KEYS=k1:$(openssl rand -hex 32)"
    echo "GIT_READ_SECRET=$(openssl rand -hex 32)"
  } > "$SECRETS_FILE"
fi
set -a
source "$SECRETS_FILE"
AMQP_URL="${AMQP_URL:-amqp://guest:guest@127.0.0.1:${IMAD_RABBITMQ_PORT:-5672}}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:${IMAD_REDIS_PORT:-6379}}"
LOG_LEVEL="${LOG_LEVEL:-info}"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
PUBLIC_URL="${PUBLIC_URL:-http://localhost:$GATEWAY_PORT}"
AUTH_URL="${AUTH_URL:-http://127.0.0.1:3001}"
AUTH_PROVIDER="${AUTH_PROVIDER:-local}"
GITHOST="${GITHOST:-local}"
RUNTIME="${RUNTIME:-local}"
DATA_DIR="${DATA_DIR:-$IMAD_STATE_DIR/data}"
GIT_HTTP_URL="${GIT_HTTP_URL:-http://127.0.0.1:3002/git}"
APPS_DOMAIN="${APPS_DOMAIN:-apps.localhost}"
APPS_ROUTER_PORT="${APPS_ROUTER_PORT:-8081}"
# Quoted apart: a literal {app} inside ${…:-…} would end the expansion early.
apps_url_default='http://{app}.'"$APPS_DOMAIN:$APPS_ROUTER_PORT/"
APPS_URL_TEMPLATE="${APPS_URL_TEMPLATE:-$apps_url_default}"
WEB_DIST_DIR="${WEB_DIST_DIR:-$REPO_ROOT/dist/apps/web}"
set +a

# name:port of every service, in start order.
IMAD_SERVICES=(auth:3001 repo:3002 deployer:3003 editor-gateway:$GATEWAY_PORT)
