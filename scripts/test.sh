#!/usr/bin/env bash
# ./covacha test: every test, against real PostgreSQL, RabbitMQ and an SMTP sink on loopback.
# Runs every suite even when one fails, then exits non-zero if any failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
OUT="$ROOT/test-output"
TEST_PORT="${COVACHA_TEST_PORT:-18080}"
FAILED=()

suite() {
  local name="$1"; shift
  log "── $name"
  local start=$SECONDS
  if "$@"; then
    log "── $name passed ($((SECONDS - start)) s)"
  else
    log "── $name FAILED ($((SECONDS - start)) s)"
    FAILED+=("$name")
  fi
}

dotnet_tests() {
  dotnet build "$ROOT/Covacha.sln" -c Release -nologo -v q "-clp:ErrorsOnly;NoSummary" &&
  dotnet test "$ROOT/Covacha.sln" -c Release --no-build --nologo \
    --logger "console;verbosity=normal" --results-directory "$OUT/dotnet"
}

frontend_tests() {
  (cd "$ROOT/frontend" && npm test)
}

browser_tests() {
  # A dev host of its own, on fresh databases, for the browser to drive.
  for db in browser_auth browser_products browser_search; do
    psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
    ensure_database "$db"
  done
  ensure_vhost tests-browser
  ensure_local_secrets
  export_app_connections browser_auth browser_products browser_search
  ConnectionStrings__RabbitMQ="$RABBITMQ_URI/tests-browser" COVACHA_PORT="$TEST_PORT" \
    DevHost__FrontendPath="$ROOT/frontend/dist" Logging__LogLevel__Default=Warning \
    dotnet "$(devhost_dll)" > "$OUT/browser-devhost.log" 2>&1 &
  local pid=$!
  local rc=0
  if wait_for_url "http://127.0.0.1:$TEST_PORT/api/search/health/ready" 120; then
    (cd "$ROOT/frontend" && COVACHA_URL="http://127.0.0.1:$TEST_PORT" COVACHA_MAIL_URL="$MAIL_URL" npm run test:browser) || rc=$?
  else
    log "the dev host for the browser tests did not become ready; see $OUT/browser-devhost.log"
    rc=1
  fi
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  return $rc
}

api_tests() {
  # Lints the OpenAPI documents, then runs the Postman collection with newman against a dev host
  # of its own, on fresh databases, started as for the browser tests.
  (cd "$ROOT/tests/api" && npm ci --no-audit --no-fund --loglevel=error && npm run lint) || return 1
  for db in api_auth api_products api_search; do
    psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
    ensure_database "$db"
  done
  ensure_vhost tests-api
  ensure_local_secrets
  export_app_connections api_auth api_products api_search
  ConnectionStrings__RabbitMQ="$RABBITMQ_URI/tests-api" COVACHA_PORT="$TEST_PORT" Logging__LogLevel__Default=Warning \
    dotnet "$(devhost_dll)" > "$OUT/api-devhost.log" 2>&1 &
  local pid=$!
  local rc=0
  if wait_for_url "http://127.0.0.1:$TEST_PORT/api/search/health/ready" 120; then
    (cd "$ROOT/tests/api" && COVACHA_URL="http://127.0.0.1:$TEST_PORT" COVACHA_MAIL_URL="$MAIL_URL" npm run newman) || rc=$?
  else
    log "the dev host for the API tests did not become ready; see $OUT/api-devhost.log"
    rc=1
  fi
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  return $rc
}

infra_tests() {
  (cd "$ROOT/tests/infra" && npm ci --no-audit --no-fund --loglevel=error && npm test)
}

main() {
  ensure_dotnet
  ensure_servers_installed
  trap 'stop_started' EXIT
  start_postgres
  start_rabbitmq
  start_mail
  export_mail_settings
  export COVACHA_TEST_SMTP_PORT="$Mail__Port" COVACHA_TEST_MAIL_URL="$MAIL_URL"
  for vhost in tests-auth tests-products tests-search tests-devhost tests-deploy; do ensure_vhost "$vhost"; done
  export COVACHA_TEST_POSTGRES="$PG_ADMIN" COVACHA_TEST_RABBITMQ="$RABBITMQ_URI"
  rm -rf "$OUT"; mkdir -p "$OUT"

  if [ -f "$ROOT/frontend/package.json" ]; then
    ensure_chromium
    build_frontend
  fi
  suite ".NET tests (unit, integration, contract, deploy)" dotnet_tests
  if [ -f "$ROOT/frontend/package.json" ]; then
    suite "frontend component tests" frontend_tests
    build_backend
    suite "browser tests" browser_tests
  fi
  if [ -f "$ROOT/tests/api/package.json" ]; then
    ensure_node
    build_backend
    suite "API description and Postman collection (redocly lint, newman)" api_tests
  fi
  if [ -f "$ROOT/tests/infra/package.json" ]; then
    suite "infrastructure tests (Terraform, pipeline)" infra_tests
  fi

  if [ "${#FAILED[@]}" -gt 0 ]; then
    log "failed suites: ${FAILED[*]}"
    exit 1
  fi
  log "every suite passed"
}

main "$@"
