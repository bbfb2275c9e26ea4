#!/usr/bin/env bash
# ./covacha up: the whole system on one origin, http://127.0.0.1:${COVACHA_PORT:-8080}.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
PORT="${COVACHA_PORT:-8080}"

usage() {
  cat <<'TXT'
usage: ./covacha up [--no-seed] [--services-only]
  --no-seed        do not fill an empty catalogue with the demo products
  --services-only  start only PostgreSQL, RabbitMQ and the SMTP sink (for `func start`)
An empty catalogue (one that never held a product) is filled with 300 demo products published
by the demo account; a catalogue with products is never touched.
TXT
}

SERVICES_ONLY=0 SEED=1
for arg in "$@"; do
  case "$arg" in
    --services-only) SERVICES_ONLY=1 ;;
    --no-seed) SEED=0 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option $arg" ;;
  esac
done

ensure_dotnet
ensure_servers_installed
trap 'stop_started' EXIT
trap 'exit 130' INT TERM HUP
start_postgres
start_rabbitmq
start_mail
export_mail_settings
for db in auth products search; do ensure_database "$db"; done
ensure_local_secrets
export_app_connections
if [ "$SERVICES_ONLY" = 1 ]; then
  write_local_settings
  cat <<TXT

  PostgreSQL and RabbitMQ are up for \`func start\` (Ctrl-C stops them), and each app has a
  ready functions/<App>/local.settings.json (git-ignored). In three terminals:
    cd functions/Auth     && func start --port $FUNC_PORT_AUTH
    cd functions/Products && func start --port $FUNC_PORT_PRODUCTS
    cd functions/Search   && func start --port $FUNC_PORT_SEARCH
  accounts: $ADMIN_EMAIL / $ADMIN_PASSWORD, $DEMO_EMAIL / $DEMO_PASSWORD
  mail:     the SMTP sink on $Mail__Host:$Mail__Port keeps every mail; read them at $MAIL_URL
  demo products: once the three apps run, \`./covacha seed http://127.0.0.1:$FUNC_PORT_AUTH\` fills
            an empty catalogue with them (Auth's address: it logs in as the demo account)

TXT
  # Wait on a background sleep: bash runs the TERM trap at once (not after a foreground sleep ends).
  SLEEP_PID=
  trap 'kill $SLEEP_PID 2>/dev/null; stop_started' EXIT
  while true; do sleep 3600 & SLEEP_PID=$!; wait $SLEEP_PID; done
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
  if [ "$SEED" = 1 ]; then
    seed_demo_catalogue "http://127.0.0.1:$PORT" || true
  else
    log "seeding skipped (--no-seed)"
  fi
  cat <<TXT

  Covacha is up:  http://127.0.0.1:$PORT
  API docs:       http://127.0.0.1:$PORT/api/docs
  mail sent:      $MAIL_URL (every mail the apps send lands here; nothing leaves the machine)
  admin account:  $ADMIN_EMAIL / $ADMIN_PASSWORD
  demo account:   $DEMO_EMAIL / $DEMO_PASSWORD
  (kept in $STATE/accounts.env; Ctrl-C stops everything this command started)

TXT
else
  die "the dev host did not answer on port $PORT"
fi
wait $HOST_PID
