# Shared by ./covacha's commands: installing prerequisites and running private
# PostgreSQL and RabbitMQ instances on loopback. Sourced, not run.
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
STATE="${COVACHA_STATE:-$ROOT/.covacha}"
PG_PORT="${COVACHA_PG_PORT:-55432}"
RABBITMQ_PORT="${COVACHA_RABBITMQ_PORT:-55672}"
RABBITMQ_DIST_PORT="${COVACHA_RABBITMQ_DIST_PORT:-$((RABBITMQ_PORT - 10000))}"
RABBITMQ_NODE="covacha${RABBITMQ_PORT}@localhost"
SMTP_PORT="${COVACHA_SMTP_PORT:-55025}"
MAIL_WEB_PORT="${COVACHA_MAIL_WEB_PORT:-55080}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
RABBITMQ_BIN=/usr/lib/rabbitmq/bin
STARTED=()

log() { printf '\033[1;34m[covacha]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m[covacha]\033[0m warning: %s\n' "$*" >&2; }
die() { printf '\033[1;31m[covacha]\033[0m %s\n' "$*" >&2; exit 1; }

apt_install() {
  local missing=("$@")
  [ "${#missing[@]}" -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
  log "installing ${missing[*]} from Debian"
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -n 1)" ]; then
    apt-get update -qq >/dev/null
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_dotnet() {
  command -v dotnet >/dev/null || die "the .NET SDK is required (dotnet not on PATH)"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

ensure_servers_installed() {
  local pkgs=()
  [ -n "${COVACHA_POSTGRES:-}" ] || [ -n "$PG_BIN" ] || pkgs+=(postgresql postgresql-contrib)
  [ -n "${COVACHA_RABBITMQ:-}" ] || [ -x "$RABBITMQ_BIN/rabbitmq-server" ] || pkgs+=(rabbitmq-server)
  command -v openssl >/dev/null || pkgs+=(openssl)
  apt_install "${pkgs[@]}"
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
}

ensure_node() {
  command -v npm >/dev/null || apt_install nodejs npm
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

# ---------------------------------------------------------------- PostgreSQL
pg_dir() {
  # PostgreSQL refuses to run as root; its folder must be reachable by the postgres user.
  mkdir -p "$STATE"
  local dir="$STATE/postgres"
  if ! runuser -u postgres -- test -x "$STATE" 2>/dev/null; then
    dir="/var/tmp/covacha-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)/postgres"
  fi
  printf '%s' "$dir"
}

start_postgres() {
  if [ -n "${COVACHA_POSTGRES:-}" ]; then
    PG_ADMIN="$COVACHA_POSTGRES"
    log "using PostgreSQL from COVACHA_POSTGRES"
    return
  fi
  PG_ADMIN="Host=127.0.0.1;Port=$PG_PORT;Username=covacha;Password=covacha;Database=postgres"
  local dir; dir="$(pg_dir)"
  mkdir -p "$STATE" "$(dirname "$dir")"
  if pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
    return
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    log "creating a PostgreSQL cluster in $dir"
    mkdir -p "$dir"; chown postgres:postgres "$dir"; chmod 700 "$dir"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $dir -c fsync=${COVACHA_PG_FSYNC:-on} -c max_connections=300 -c shared_buffers=256MB" >/dev/null
  STARTED+=(postgres)
  psql_admin -tc "SELECT 1 FROM pg_roles WHERE rolname='covacha'" | grep -q 1 ||
    psql_admin -c "CREATE ROLE covacha LOGIN SUPERUSER PASSWORD 'covacha'" >/dev/null
}

psql_admin() {
  if [ -n "${COVACHA_POSTGRES:-}" ]; then
    die "psql_admin is only for the private instance"
  fi
  psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"
}

ensure_database() {
  local name="$1"
  if [ -n "${COVACHA_POSTGRES:-}" ]; then return; fi
  psql_admin -tc "SELECT 1 FROM pg_database WHERE datname='$name'" | grep -q 1 ||
    psql_admin -c "CREATE DATABASE $name OWNER covacha" >/dev/null
}

stop_postgres_instance() {
  local dir; dir="$(pg_dir)"
  [ -f "$dir/postmaster.pid" ] && runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------- RabbitMQ
rabbitmq_env() {
  export RABBITMQ_NODENAME="$RABBITMQ_NODE"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RABBITMQ_PORT"
  export RABBITMQ_DIST_PORT
  export RABBITMQ_BASE="$STATE/rabbitmq"
  export RABBITMQ_MNESIA_BASE="$STATE/rabbitmq/mnesia"
  export RABBITMQ_LOG_BASE="$STATE/rabbitmq/log"
  export RABBITMQ_CONFIG_FILE="$STATE/rabbitmq/rabbitmq"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$STATE/rabbitmq/enabled_plugins"
  export RABBITMQ_PID_FILE="$STATE/rabbitmq/rabbitmq.pid"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export HOME="${HOME:-/root}"
}

rabbitmqctl_() { (rabbitmq_env; "$RABBITMQ_BIN/rabbitmqctl" -n "$RABBITMQ_NODE" "$@"); }

start_rabbitmq() {
  if [ -n "${COVACHA_RABBITMQ:-}" ]; then
    RABBITMQ_URI="$COVACHA_RABBITMQ"
    log "using RabbitMQ from COVACHA_RABBITMQ"
    return
  fi
  RABBITMQ_URI="amqp://covacha:covacha@127.0.0.1:$RABBITMQ_PORT"
  if rabbitmqctl_ -q status >/dev/null 2>&1; then
    log "RabbitMQ already running on 127.0.0.1:$RABBITMQ_PORT"
    return
  fi
  mkdir -p "$STATE/rabbitmq/log" "$STATE/rabbitmq/mnesia"
  cat > "$STATE/rabbitmq/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$RABBITMQ_PORT
loopback_users = none
default_user = covacha
default_pass = covacha
disk_free_limit.absolute = 200MB
CONF
  echo '[].' > "$STATE/rabbitmq/enabled_plugins"
  log "starting RabbitMQ on 127.0.0.1:$RABBITMQ_PORT"
  (rabbitmq_env; "$RABBITMQ_BIN/rabbitmq-server" -detached >/dev/null 2>&1)
  STARTED+=(rabbitmq)
  rabbitmqctl_ -q wait --timeout 120 "$STATE/rabbitmq/rabbitmq.pid" >/dev/null || die "RabbitMQ did not start; see $STATE/rabbitmq/log"
}

ensure_vhost() {
  local vhost="$1"
  [ -n "${COVACHA_RABBITMQ:-}" ] && return
  rabbitmqctl_ -q add_vhost "$vhost" >/dev/null 2>&1 || true
  rabbitmqctl_ -q set_permissions -p "$vhost" covacha '.*' '.*' '.*' >/dev/null
}

stop_rabbitmq_instance() {
  rabbitmqctl_ -q stop >/dev/null 2>&1 || true
}

stop_started() {
  local s
  for s in "${STARTED[@]:-}"; do
    case "$s" in
      postgres) log "stopping PostgreSQL"; stop_postgres_instance ;;
      rabbitmq) log "stopping RabbitMQ"; stop_rabbitmq_instance ;;
      mail) log "stopping the SMTP sink"; stop_mail_instance ;;
    esac
  done
  STARTED=()
}

# ---------------------------------------------------------------- SMTP sink (maildev)
# A real SMTP server on loopback that keeps every mail it receives in memory and shows it at
# http://127.0.0.1:$MAIL_WEB_PORT (web page and REST API: GET /email). Installed from npm as a
# dev dependency of tools/maildev, never globally.
start_mail() {
  if [ -n "${COVACHA_SMTP:-}" ]; then
    MAIL_URL="${COVACHA_MAIL_URL:-}"
    log "using the SMTP server from COVACHA_SMTP"
    return
  fi
  MAIL_URL="http://127.0.0.1:$MAIL_WEB_PORT"
  if curl -fsS -o /dev/null "$MAIL_URL/api/healthz" 2>/dev/null; then
    log "the SMTP sink is already running on 127.0.0.1:$SMTP_PORT (mail at $MAIL_URL)"
    return
  fi
  ensure_node
  local dir="$ROOT/tools/maildev"
  if [ ! -d "$dir/node_modules/maildev" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "installing maildev (the local SMTP sink) from npm"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  mkdir -p "$STATE/maildev"
  log "starting the SMTP sink on 127.0.0.1:$SMTP_PORT (mail at $MAIL_URL)"
  nohup node "$dir/node_modules/maildev/dist/bin/maildev.js" --ip 127.0.0.1 --smtp "$SMTP_PORT" \
    --web-ip 127.0.0.1 --web "$MAIL_WEB_PORT" --silent > "$STATE/maildev/maildev.log" 2>&1 &
  echo $! > "$STATE/maildev/maildev.pid"
  STARTED+=(mail)
  wait_for_url "$MAIL_URL/api/healthz" 30 || die "maildev did not start; see $STATE/maildev/maildev.log"
}

# Where the apps send mail: the sink above, or COVACHA_SMTP (host:port) when given.
export_mail_settings() {
  if [ -n "${COVACHA_SMTP:-}" ]; then
    export Mail__Host="${COVACHA_SMTP%:*}" Mail__Port="${COVACHA_SMTP##*:}"
  else
    export Mail__Host=127.0.0.1 Mail__Port="$SMTP_PORT"
  fi
  export Mail__Security="${Mail__Security:-None}"
}

stop_mail_instance() {
  local pidfile="$STATE/maildev/maildev.pid"
  [ -f "$pidfile" ] || return 0
  kill "$(cat "$pidfile")" 2>/dev/null || true
  rm -f "$pidfile"
}

# ---------------------------------------------------------------- local secrets
ensure_local_secrets() {
  mkdir -p "$STATE/keys"
  local key="$STATE/keys/signing-key.pem"
  if [ ! -f "$key" ]; then
    log "generating a local ES256 signing key in $key"
    openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt -out "$key"
    chmod 600 "$key"
  fi
  if [ ! -f "$STATE/accounts.env" ]; then
    umask 077
    cat > "$STATE/accounts.env" <<ACC
ADMIN_EMAIL=admin@covacha.local
ADMIN_PASSWORD=$(openssl rand -base64 18 | tr -d '/+=' | cut -c1-20)
DEMO_EMAIL=demo@covacha.local
DEMO_PASSWORD=$(openssl rand -base64 18 | tr -d '/+=' | cut -c1-20)
SERVICE_KEY=$(openssl rand -hex 32)
ACC
  fi
  # shellcheck disable=SC1091
  source "$STATE/accounts.env"
  export Auth__SigningKeys__0__KeyId="local-$(openssl pkey -in "$key" -pubout 2>/dev/null | sha256sum | cut -c1-12)"
  export Auth__SigningKeys__0__PrivateKeyPem="$(cat "$key")"
  export Auth__BootstrapAdmin__Email="$ADMIN_EMAIL" Auth__BootstrapAdmin__Password="$ADMIN_PASSWORD"
  export Auth__DemoUser__Email="$DEMO_EMAIL" Auth__DemoUser__Password="$DEMO_PASSWORD"
  export Products__ServiceKey="$SERVICE_KEY" Search__ProductsServiceKey="$SERVICE_KEY" Auth__ProductsServiceKey="$SERVICE_KEY"
}

# Connection strings for the three apps' databases on the admin server.
export_app_connections() {
  local base; base="$(printf '%s' "$PG_ADMIN" | sed -E 's/(^|;)Database=[^;]*//I')"
  export ConnectionStrings__Auth="$base;Database=${1:-auth}"
  export ConnectionStrings__Products="$base;Database=${2:-products}"
  export ConnectionStrings__Search="$base;Database=${3:-search}"
  export ConnectionStrings__RabbitMQ="${RABBITMQ_URI:-}"
}

# ---------------------------------------------------------------- func start
# The ports `func start --port N` serves each app on; the settings below point the apps at each other there.
FUNC_PORT_AUTH=7071 FUNC_PORT_PRODUCTS=7072 FUNC_PORT_SEARCH=7073

json_string() {
  local s="$1"
  s="${s//\\/\\\\}"; s="${s//\"/\\\"}"; s="${s//$'\n'/\\n}"
  printf '"%s"' "$s"
}

# Writes functions/<App>/local.settings.json for the three apps (git-ignored), ready for
# `func start`: this machine's databases and broker, the local signing key, one service key,
# the same issuer and audience everywhere, Auth's JWKS and Products' export on their ports.
# Needs ensure_local_secrets and export_app_connections first. The keys are those of the
# committed local.settings.example.json files (a test holds the two together).
write_local_settings() {
  local issuer=covacha-local audience=covacha
  local jwks="http://127.0.0.1:$FUNC_PORT_AUTH/api/auth/.well-known/jwks.json"
  local common=(
    AzureWebJobsStorage ""
    AzureWebJobsSecretStorageType files
    FUNCTIONS_WORKER_RUNTIME dotnet-isolated
    Identity__Issuer "$issuer"
    Identity__Audience "$audience"
    Telemetry__PrometheusPort 0
  )
  write_settings_file Auth "${common[@]}" \
    ConnectionStrings__Auth "$ConnectionStrings__Auth" \
    Auth__SigningKeys__0__KeyId "$Auth__SigningKeys__0__KeyId" \
    Auth__SigningKeys__0__PrivateKeyPem "$Auth__SigningKeys__0__PrivateKeyPem" \
    Auth__BootstrapAdmin__Email "$Auth__BootstrapAdmin__Email" \
    Auth__BootstrapAdmin__Password "$Auth__BootstrapAdmin__Password" \
    Auth__DemoUser__Email "$Auth__DemoUser__Email" \
    Auth__DemoUser__Password "$Auth__DemoUser__Password" \
    Auth__PublicUrl "http://127.0.0.1:5173" \
    Auth__ProductsBaseUrl "http://127.0.0.1:$FUNC_PORT_PRODUCTS" \
    Auth__ProductsServiceKey "$Auth__ProductsServiceKey" \
    Mail__Host "${Mail__Host:-127.0.0.1}" \
    Mail__Port "${Mail__Port:-$SMTP_PORT}" \
    Mail__Security "${Mail__Security:-None}"
  write_settings_file Products "${common[@]}" \
    Identity__JwksUrl "$jwks" \
    ConnectionStrings__Products "$ConnectionStrings__Products" \
    ConnectionStrings__RabbitMQ "$ConnectionStrings__RabbitMQ" \
    Products__ServiceKey "$Products__ServiceKey"
  write_settings_file Search "${common[@]}" \
    Identity__JwksUrl "$jwks" \
    Search__Store postgres \
    ConnectionStrings__Search "$ConnectionStrings__Search" \
    ConnectionStrings__RabbitMQ "$ConnectionStrings__RabbitMQ" \
    Search__ProductsBaseUrl "http://127.0.0.1:$FUNC_PORT_PRODUCTS" \
    Search__ProductsServiceKey "$Search__ProductsServiceKey"
}

write_settings_file() {
  local app="$1"; shift
  local file="$ROOT/functions/$app/local.settings.json" sep=""
  {
    printf '{\n  "IsEncrypted": false,\n  "Values": {'
    while [ $# -gt 0 ]; do
      printf '%s\n    %s: %s' "$sep" "$(json_string "$1")" "$(json_string "$2")"
      sep=","; shift 2
    done
    printf '\n  }\n}\n'
  } > "$file.tmp"
  chmod 600 "$file.tmp"; mv "$file.tmp" "$file"
  log "wrote functions/$app/local.settings.json"
}

# ---------------------------------------------------------------- build
devhost_dll() { printf '%s' "$ROOT/tools/DevHost/bin/Release/net10.0/Covacha.DevHost.dll"; }

build_backend() {
  local dll; dll="$(devhost_dll)"
  if [ -f "$dll" ] && [ -z "$(find "$ROOT/functions" "$ROOT/tools" "$ROOT/host.json" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" \
        \( -name bin -o -name obj \) -prune -o -newer "$dll" -type f -print -quit)" ]; then
    log "backend is up to date"
    return
  fi
  log "building the backend"
  dotnet build "$ROOT/tools/DevHost/Covacha.DevHost.csproj" -c Release -nologo -v q "-clp:ErrorsOnly;NoSummary"
  touch "$dll"
}

# The Products app that seeds: the Release build, or COVACHA_PRODUCTS_DLL (the tests' own build).
products_dll() { printf '%s' "${COVACHA_PRODUCTS_DLL:-$ROOT/functions/Products/bin/Release/net10.0/Covacha.Products.dll}"; }

# Fills an empty catalogue with the demo products (Products' --seed-demo), published by the demo
# account: its id is what the running Auth app at $1 answers after a login as that account.
# Leaves a catalogue that ever held a product alone. Needs ensure_local_secrets,
# export_app_connections and a built backend. Prints one line saying what it did.
seed_demo_catalogue() {
  local base="$1" token seller outcome
  token="$(curl -fsS -X POST -H 'Content-Type: application/json' \
      --data "{\"email\":$(json_string "$DEMO_EMAIL"),\"password\":$(json_string "$DEMO_PASSWORD")}" \
      "$base/api/auth/token" | grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4)" || true
  [ -n "$token" ] && seller="$(curl -fsS -H "Authorization: Bearer $token" "$base/api/auth/me" |
      grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4)" || true
  if [ -z "${seller:-}" ]; then
    warn "demo products not seeded: could not log in as $DEMO_EMAIL at $base"
    return 1
  fi
  mkdir -p "$STATE"
  if outcome="$(dotnet "$(products_dll)" --seed-demo --seller-id "$seller" 2>"$STATE/seed.log")"; then
    log "$outcome"
  else
    warn "seeding the demo products failed; see $STATE/seed.log"
    return 1
  fi
}

build_frontend() {
  [ -f "$ROOT/frontend/package.json" ] || return 0
  ensure_node
  local fe="$ROOT/frontend"
  if [ ! -d "$fe/node_modules" ] || [ "$fe/package-lock.json" -nt "$fe/node_modules/.package-lock.json" ]; then
    log "installing the frontend's npm packages"
    (cd "$fe" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  if [ ! -f "$fe/dist/index.html" ] || [ -n "$(find "$fe/src" "$fe/index.html" "$fe/package.json" "$fe"/vite.config.* -newer "$fe/dist/index.html" -print -quit 2>/dev/null)" ]; then
    log "building the frontend"
    (cd "$fe" && npm run build --silent)
  fi
}

wait_for_url() {
  local url="$1" deadline=$((SECONDS + ${2:-120}))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.3
  done
}
