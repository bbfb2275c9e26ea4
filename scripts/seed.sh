#!/usr/bin/env bash
# ./covacha seed [URL]: fills an empty catalogue with the demo products while the apps run (under
# `./covacha up` it happens by itself; this is for `./covacha services` with `func start`, or after
# `up --no-seed`). URL is where Auth answers: the dev host (default) or `func start`'s Auth port.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib.sh"
BASE="${1:-http://127.0.0.1:${COVACHA_PORT:-8080}}"

ensure_dotnet
ensure_local_secrets
pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null || [ -n "${COVACHA_POSTGRES:-}" ] ||
  die "PostgreSQL is not running on 127.0.0.1:$PG_PORT; start the apps first (./covacha up or ./covacha services)"
start_postgres
export_app_connections
build_backend
seed_demo_catalogue "${BASE%/}"
