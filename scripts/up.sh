#!/usr/bin/env bash
# ./covacha up: the whole system on one origin, http://127.0.0.1:${COVACHA_PORT:-8080}.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
PORT="${COVACHA_PORT:-8080}"

ensure_dotnet
ensure_servers_installed
trap 'stop_started' EXIT
trap 'exit 130' INT TERM HUP
start_postgres
start_rabbitmq
for db in auth products search; do ensure_database "$db"; done
ensure_local_secrets
export_app_connections
if [ "${1:-}" = "--services-only" ]; then
  cat <<TXT

  PostgreSQL and RabbitMQ are up for \`func start\` (Ctrl-C stops them):
  ConnectionStrings__Auth=$ConnectionStrings__Auth
  ConnectionStrings__Products=$ConnectionStrings__Products
  ConnectionStrings__Search=$ConnectionStrings__Search
  ConnectionStrings__RabbitMQ=$ConnectionStrings__RabbitMQ
  signing key: $STATE/keys/signing-key.pem (key id $Auth__SigningKeys__0__KeyId)

TXT
  while true; do sleep 3600; done
fi
build_frontend
build_backend

log "serving on http://127.0.0.1:$PORT"
env COVACHA_PORT="$PORT" ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
  Logging__LogLevel__Covacha=Information "Logging__LogLevel__Microsoft.Hosting.Lifetime=Information" \
  DevHost__FrontendPath="$ROOT/frontend/dist" dotnet "$(devhost_dll)" &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null; wait $HOST_PID 2>/dev/null; stop_started' EXIT
if wait_for_url "http://127.0.0.1:$PORT/api/auth/health/live" 120; then
  cat <<TXT

  Covacha is up:  http://127.0.0.1:$PORT
  API docs:       http://127.0.0.1:$PORT/api/docs
  admin account:  $ADMIN_EMAIL / $ADMIN_PASSWORD
  demo account:   $DEMO_EMAIL / $DEMO_PASSWORD
  (kept in $STATE/accounts.env; Ctrl-C stops everything this command started)

TXT
else
  die "the dev host did not answer on port $PORT"
fi
wait $HOST_PID
