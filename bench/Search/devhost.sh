#!/usr/bin/env bash
# Serves the dev host on a benchmark catalogue: bench/Search/devhost.sh <search-database> [port]
# (PostgreSQL and RabbitMQ from scripts/lib.sh, as ./covacha up starts them; logging at Warning,
# as `./covacha up` runs it). Stop it with SIGTERM.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/scripts/lib.sh"
start_postgres
start_rabbitmq
ensure_vhost bench
for db in auth products; do ensure_database "$db"; done
ensure_local_secrets
export_app_connections auth products "$1"
export ConnectionStrings__RabbitMQ="${RABBITMQ_URI%/}/bench"
exec env COVACHA_PORT="${2:-8083}" ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
  dotnet "$(devhost_dll)"
