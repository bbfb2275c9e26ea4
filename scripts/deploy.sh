#!/usr/bin/env bash
# Deploys Covacha to Azure: Terraform, images, migrations, manifests, smoke test.
# `./covacha deploy ...` runs this script; the Jenkinsfile and the GitHub
# workflow call its subcommands so a person and the pipelines do the same thing.
# docs/deploy.md walks through it.
set -Eeuo pipefail
shopt -s inherit_errexit

usage() {
  cat <<'EOF'
Usage: ./covacha deploy <command> <env> [options]      env: dev | prod

  up <env>              The whole deployment, for a person at a terminal: check tools
                        and login, terraform plan, ask, apply, build and push images,
                        migrations, manifests, wait, smoke test, print URL and DNS.
                        (`./covacha deploy <env>` is short for `up <env>`.)
  check <env>           Check tools, Azure login and CLOUDAMQP_APIKEY.
  bootstrap-state <env> Create the storage account that holds Terraform state (once).
  plan <env>            terraform init + plan into .covacha/deploy/<env>/tfplan.
  apply <env>           Apply the saved plan.
  build <env>           Build the four images and push them to the environment's ACR.
  render <env>          Print the manifests release would apply (images pinned to the tag).
  release <env>         migrate, apply-manifests, wait, smoke; rollback if any fails:
    migrate <env>         Record Deployment revisions, run the migration Jobs, wait.
    apply-manifests <env> kubectl apply of k8s/overlays/aks with the pinned images.
    wait <env>            Wait for every Deployment to finish rolling out.
    smoke <env>           Call the readiness endpoints through the gateway.
    rollback <env>        Return Deployments to the revisions migrate recorded
                          (or undo the last rollout when there is no record).
  init <env>            terraform init against the environment's state.
  outputs <env>         Print the URL, name servers and other Terraform outputs.
  destroy <env>         Delete the environment (asks you to type its name).

Options:
  --tag TAG       Image tag (default: the current commit SHA).
  --yes           Do not ask before applying (the pipelines use this).
  --skip-build    up: reuse images already pushed for the tag.
  --location LOC  bootstrap-state: region of the state storage (default westeurope).

Environment: CLOUDAMQP_APIKEY (required for plan/apply/destroy), ARM_SUBSCRIPTION_ID
(default: the az CLI's current subscription), COVACHA_SMOKE_TIMEOUT (seconds, 600),
COVACHA_ROLLOUT_TIMEOUT (600s), COVACHA_SMOKE_SCHEME (https).
EOF
}

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$REPO_ROOT"
# log, warn and die, as every ./covacha command prints them.
# shellcheck source=scripts/lib.sh
source "$REPO_ROOT/scripts/lib.sh"
TF_DIR="$REPO_ROOT/terraform"
NAMESPACE="covacha"

# name|Dockerfile|build context|APP build argument (the Functions app the shared
# functions/Dockerfile builds), paths relative to the repository root. The names are
# the kustomize image names in k8s/overlays/aks (tests/infra checks they match).
IMAGES=(
  "covacha/auth|functions/Dockerfile|.|Auth"
  "covacha/products|functions/Dockerfile|.|Products"
  "covacha/search|functions/Dockerfile|.|Search"
  "covacha/frontend|frontend/Dockerfile|frontend|"
)
DEPLOYMENTS=(auth products search-api search-indexer frontend)
MIGRATION_JOBS=(migrate-auth migrate-products migrate-search)
HEALTH_PATHS=(/api/auth/health/ready /api/products/health/ready /api/search/health/ready)

ROLLOUT_TIMEOUT="${COVACHA_ROLLOUT_TIMEOUT:-600}"
SMOKE_TIMEOUT="${COVACHA_SMOKE_TIMEOUT:-600}"
SMOKE_SCHEME="${COVACHA_SMOKE_SCHEME:-https}"


# ---------------------------------------------------------------- arguments
COMMAND=""
ENV_NAME=""
TAG=""
ASSUME_YES=0
SKIP_BUILD=0
STATE_LOCATION="westeurope"

parse_args() {
  [[ $# -gt 0 ]] || { usage; exit 2; }
  case "$1" in
    -h | --help | help) usage; exit 0 ;;
    dev | prod) COMMAND="up" ;;
    *) COMMAND="$1"; shift ;;
  esac
  [[ $# -gt 0 ]] || die "missing environment (dev or prod); see --help"
  ENV_NAME="$1"; shift
  [[ "$ENV_NAME" == dev || "$ENV_NAME" == prod ]] || die "unknown environment '$ENV_NAME' (dev or prod)"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --tag) TAG="${2:?--tag needs a value}"; shift 2 ;;
      --yes | -y) ASSUME_YES=1; shift ;;
      --skip-build) SKIP_BUILD=1; shift ;;
      --location) STATE_LOCATION="${2:?--location needs a value}"; shift 2 ;;
      *) die "unknown option '$1'; see --help" ;;
    esac
  done
  WORK_DIR="$REPO_ROOT/.covacha/deploy/$ENV_NAME"
  mkdir -p "$WORK_DIR"
  # One Terraform data dir per environment, so switching environments never
  # points a plan at the other environment's state.
  export TF_DATA_DIR="$WORK_DIR/terraform"
  export TF_IN_AUTOMATION="${TF_IN_AUTOMATION:-}"
  export KUBECONFIG="$WORK_DIR/kubeconfig"
  TF_VARS="$TF_DIR/environments/$ENV_NAME/terraform.tfvars"
  TF_BACKEND="$TF_DIR/environments/$ENV_NAME/backend.hcl"
  PLAN_FILE="$WORK_DIR/tfplan"
}

# The image tag is the commit SHA unless --tag says otherwise; resolved once
# in the main shell so every step uses the same one.
resolve_tag() {
  [[ -n "$TAG" ]] && return 0
  TAG="$(git -C "$REPO_ROOT" rev-parse HEAD 2>/dev/null)" || die "not a git checkout: pass --tag"
  if [[ -n "$(git -C "$REPO_ROOT" status --porcelain --untracked-files=no)" ]]; then
    warn "uncommitted changes: images tagged $TAG will contain them"
  fi
}

confirm() {
  [[ $ASSUME_YES -eq 1 ]] && return 0
  [[ -r /dev/tty ]] || die "$1 — no terminal to ask on; pass --yes to proceed"
  local answer
  read -r -p "$1 [y/N] " answer </dev/tty
  [[ "$answer" == y || "$answer" == Y || "$answer" == yes ]]
}

# ---------------------------------------------------------------- checks
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is not installed. $2"; }

check_tools() {
  need az "Install the Azure CLI: https://learn.microsoft.com/cli/azure/install-azure-cli"
  need terraform "Install Terraform >= 1.9: https://developer.hashicorp.com/terraform/install"
  need kubectl "Install it with: az aks install-cli"
  need kubelogin "Install it with: az aks install-cli"
  need git "Install git."
  need curl "Install curl."
  local tf_version
  tf_version="$(terraform version -json 2>/dev/null | sed -n 's/.*"terraform_version": *"\([0-9.]*\)".*/\1/p')"
  if [[ -n "$tf_version" ]]; then
    local major minor
    IFS=. read -r major minor _ <<<"$tf_version"
    if [[ "$major" -lt 1 || ( "$major" -eq 1 && "$minor" -lt 9 ) ]]; then
      die "Terraform $tf_version is too old; 1.9 or newer is needed"
    fi
  fi
}

check_login() {
  az account show --output none 2>/dev/null || die "not logged in to Azure: run 'az login' (and 'az account set --subscription <id>')"
  if [[ -z "${ARM_SUBSCRIPTION_ID:-}" ]]; then
    ARM_SUBSCRIPTION_ID="$(az account show --query id --output tsv)"
    export ARM_SUBSCRIPTION_ID
  fi
  log "Azure subscription: $(az account show --subscription "$ARM_SUBSCRIPTION_ID" --query '[name, id]' --output tsv | paste -sd ' ')"
}

check_cloudamqp() {
  [[ -n "${CLOUDAMQP_APIKEY:-}" ]] || die "CLOUDAMQP_APIKEY is not set: create an API key in the CloudAMQP console (API access) and export it"
}

cmd_check() {
  check_tools
  check_login
  check_cloudamqp
  log "tools, Azure login and CloudAMQP key are in place"
}

# ---------------------------------------------------------------- terraform
backend_value() {
  sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\\(.*\\)\".*/\\1/p" "$TF_BACKEND" | head -n 1
}

tf() { terraform -chdir="$TF_DIR" "$@"; }

tf_init() {
  tf init -input=false -reconfigure -backend-config="$TF_BACKEND" >&2
}

tf_output() {
  local value
  value="$(tf output -raw "$1" 2>/dev/null)" \
    || die "terraform output '$1' is missing: has '$ENV_NAME' been applied? (./covacha deploy $ENV_NAME)"
  printf '%s' "$value"
}

cmd_bootstrap_state() {
  check_tools
  check_login
  local rg account container
  rg="$(backend_value resource_group_name)"
  account="$(backend_value storage_account_name)"
  container="$(backend_value container_name)"
  log "creating state storage $account in $rg ($STATE_LOCATION)"
  az group create --name "$rg" --location "$STATE_LOCATION" --output none
  if ! az storage account show --name "$account" --resource-group "$rg" --output none 2>/dev/null; then
    if [[ "$(az storage account check-name --name "$account" --query nameAvailable --output tsv)" != true ]]; then
      die "storage account name '$account' is taken; pick another in terraform/environments/*/backend.hcl"
    fi
    # Entra ID only (no shared keys), no public blobs, versioned and
    # soft-deleted blobs so a damaged state can be recovered.
    az storage account create --name "$account" --resource-group "$rg" --location "$STATE_LOCATION" \
      --sku Standard_GRS --kind StorageV2 --min-tls-version TLS1_2 \
      --allow-blob-public-access false --allow-shared-key-access false --output none
    az storage account blob-service-properties update --account-name "$account" --resource-group "$rg" \
      --enable-versioning true --enable-delete-retention true --delete-retention-days 30 --output none
  fi
  local me principal_type scope
  if [[ "$(az account show --query user.type --output tsv)" == servicePrincipal ]]; then
    principal_type=ServicePrincipal
    me="$(az ad sp show --id "$(az account show --query user.name --output tsv)" --query id --output tsv)"
  else
    principal_type=User
    me="$(az ad signed-in-user show --query id --output tsv)"
  fi
  scope="$(az storage account show --name "$account" --resource-group "$rg" --query id --output tsv)"
  az role assignment create --assignee-object-id "$me" --assignee-principal-type "$principal_type" \
    --role "Storage Blob Data Contributor" --scope "$scope" --output none
  # The role can take a minute to apply to the data plane.
  local deadline=$((SECONDS + 300))
  until az storage container create --name "$container" --account-name "$account" --auth-mode login --output none 2>/dev/null; do
    ((SECONDS < deadline)) || die "could not create container $container (is the Storage Blob Data Contributor role applied yet?)"
    sleep 10
  done
  log "state storage ready: $account/$container"
}

cmd_plan() {
  check_cloudamqp
  [[ -n "${ARM_SUBSCRIPTION_ID:-}" ]] || check_login
  tf_init
  log "terraform plan ($ENV_NAME)"
  tf plan -input=false -var-file="$TF_VARS" -out="$PLAN_FILE"
}

cmd_apply() {
  check_cloudamqp
  [[ -f "$PLAN_FILE" ]] || die "no saved plan at $PLAN_FILE: run plan first"
  [[ -n "${ARM_SUBSCRIPTION_ID:-}" ]] || check_login
  log "terraform apply ($ENV_NAME)"
  tf apply -input=false "$PLAN_FILE"
  rm -f "$PLAN_FILE"
}

# ---------------------------------------------------------------- images
cmd_build() {
  local tag="$TAG" acr login_server
  [[ -d "$TF_DATA_DIR" ]] || tf_init
  acr="$(tf_output acr_name)"
  login_server="$(tf_output acr_login_server)"
  local use_docker=0
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    use_docker=1
    az acr login --name "$acr" >&2
  else
    log "no Docker engine: building in Azure with 'az acr build'"
  fi
  local entry name dockerfile context app
  for entry in "${IMAGES[@]}"; do
    IFS='|' read -r name dockerfile context app <<<"$entry"
    log "image $login_server/$name:$tag"
    if [[ $use_docker -eq 1 ]]; then
      docker build --platform linux/amd64 --file "$REPO_ROOT/$dockerfile" --build-arg "APP=$app" \
        --tag "$login_server/$name:$tag" "$REPO_ROOT/$context"
      docker push "$login_server/$name:$tag"
    else
      # az acr build takes the Dockerfile path relative to the context.
      az acr build --registry "$acr" --image "$name:$tag" --platform linux/amd64 --build-arg "APP=$app" \
        --file "$REPO_ROOT/$dockerfile" "$REPO_ROOT/$context" --output none
    fi
  done
}

# ---------------------------------------------------------------- manifests
# The manifests are k8s/overlays/aks with the environment's values laid on
# top by a generated overlay in .covacha/deploy/<env>/overlay: images pinned to
# <acr>/covacha/<app>:<tag>, and the Key Vault, tenant and identity of the
# Secrets Store CSI driver. k8s/ itself is never edited.
write_overlay() {
  local login_server="$1" tag="$2" key_vault="$3" tenant="$4" csi_client_id="$5" host="$6" sender="${7:-DoNotReply@covacha.example.com}"
  local overlay="$WORK_DIR/overlay"
  [[ -f "$REPO_ROOT/k8s/overlays/aks/kustomization.yaml" ]] || die "k8s/overlays/aks/kustomization.yaml not found"
  mkdir -p "$overlay"
  {
    echo "# Generated by scripts/deploy.sh for $ENV_NAME; do not edit."
    echo "apiVersion: kustomize.config.k8s.io/v1beta1"
    echo "kind: Kustomization"
    echo "resources:"
    echo "  - ../../../../k8s/overlays/aks"
    echo "images:"
    local entry name
    for entry in "${IMAGES[@]}"; do
      name="${entry%%|*}"
      echo "  - name: $name"
      echo "    newName: $login_server/$name"
      echo "    newTag: \"$tag\""
    done
    echo "patches:"
    echo "  - target:"
    echo "      group: secrets-store.csi.x-k8s.io"
    echo "      kind: SecretProviderClass"
    echo "    patch: |-"
    echo "      - op: add"
    echo "        path: /spec/parameters/keyvaultName"
    echo "        value: \"$key_vault\""
    echo "      - op: add"
    echo "        path: /spec/parameters/tenantId"
    echo "        value: \"$tenant\""
    echo "      - op: add"
    echo "        path: /spec/parameters/useVMManagedIdentity"
    echo "        value: \"true\""
    echo "      - op: add"
    echo "        path: /spec/parameters/userAssignedIdentityID"
    echo "        value: \"$csi_client_id\""
    echo "  - target:"
    echo "      kind: Ingress"
    echo "    patch: |-"
    echo "      - op: add"
    echo "        path: /spec/rules/0/host"
    echo "        value: \"$host\""
    # Links in mails open this environment's SPA; mail leaves from the ACS sender address.
    echo "  - target:"
    echo "      kind: ConfigMap"
    echo "      name: auth-config"
    echo "    patch: |-"
    echo "      - op: replace"
    echo "        path: /data/Auth__PublicUrl"
    echo "        value: \"https://$host\""
    echo "      - op: replace"
    echo "        path: /data/Mail__From"
    echo "        value: \"Covacha <$sender>\""
  } >"$overlay/kustomization.yaml"
  printf '%s' "$overlay"
}

render_manifests() {
  local tag="$TAG" login_server key_vault tenant csi_client_id host overlay
  [[ -d "$TF_DATA_DIR" ]] || tf_init
  login_server="$(tf_output acr_login_server)"
  key_vault="$(tf_output key_vault_name)"
  tenant="$(tf_output tenant_id)"
  csi_client_id="$(tf_output key_vault_secrets_provider_client_id)"
  host="$(tf_output app_hostname)"
  overlay="$(write_overlay "$login_server" "$tag" "$key_vault" "$tenant" "$csi_client_id" "$host" "$(tf_output mail_sender_address)")"
  kubectl kustomize "$overlay"
}

# Prints the documents of a kustomize-rendered stream, leaving out (mode
# "no-apps") or keeping only (mode "apps") the Covacha app Deployments.
# kustomize writes keys sorted with two-space indentation, so a document's kind
# and metadata.name are found at fixed indentation.
filter_manifests() {
  local mode="$1" file="$2"
  awk -v mode="$mode" -v apps=" ${DEPLOYMENTS[*]} " '
    function flush() {
      if (doc != "") {
        is_app = (kind == "Deployment" && index(apps, " " name " ") > 0)
        if ((mode == "apps") == is_app) printf "---\n%s", doc
      }
      doc = ""; kind = ""; name = ""; section = ""
    }
    /^---/ { flush(); next }
    {
      doc = doc $0 "\n"
      if ($0 ~ /^[a-zA-Z]/) { section = $1 }
      if ($0 ~ /^kind: /) { kind = $2 }
      if (section == "metadata:" && $0 ~ /^  name: /) { name = $2 }
    }
    END { flush() }
  ' "$file"
}

get_credentials() {
  local rg aks
  rg="$(tf_output resource_group_name)"
  aks="$(tf_output aks_name)"
  log "kubeconfig for $aks"
  az aks get-credentials --resource-group "$rg" --name "$aks" --file "$KUBECONFIG" --overwrite-existing --only-show-errors
  # The cluster has no local accounts: authenticate with the az CLI login.
  kubelogin convert-kubeconfig --login azurecli --kubeconfig "$KUBECONFIG"
}

deployment_revision() {
  kubectl -n "$NAMESPACE" get deployment "$1" \
    -o jsonpath='{.metadata.annotations.deployment\.kubernetes\.io/revision}' 2>/dev/null || true
}

wait_for_jobs() {
  local deadline=$((SECONDS + ROLLOUT_TIMEOUT)) job state
  for job in "${MIGRATION_JOBS[@]}"; do
    log "waiting for job $job"
    while :; do
      state="$(kubectl -n "$NAMESPACE" get job "$job" \
        -o jsonpath='{range .status.conditions[?(@.status=="True")]}{.type}{" "}{end}' 2>/dev/null || true)"
      [[ "$state" == *Complete* ]] && break
      if [[ "$state" == *Failed* ]] || ((SECONDS >= deadline)); then
        kubectl -n "$NAMESPACE" logs "job/$job" --all-containers --tail=100 >&2 || true
        warn "migration job $job did not complete (${state:-timed out})"
        return 1
      fi
      sleep 5
    done
  done
}

cmd_smoke() {
  local host path deadline code url
  [[ -d "$TF_DATA_DIR" ]] || tf_init
  host="$(tf_output app_hostname)"
  deadline=$((SECONDS + SMOKE_TIMEOUT))
  for path in "${HEALTH_PATHS[@]}"; do
    url="$SMOKE_SCHEME://$host$path"
    while :; do
      code="$(curl --silent --output /dev/null --write-out '%{http_code}' --max-time 10 "$url" || true)"
      if [[ "$code" == 200 ]]; then
        log "smoke: $url -> 200"
        break
      fi
      if ((SECONDS >= deadline)); then
        warn "smoke: $url -> ${code:-no answer} (gave up after ${SMOKE_TIMEOUT}s)"
        return 1
      fi
      sleep 10
    done
  done
}

# Rolls each Deployment back to the revision it had before this release (an
# argument "name=revision"); with no arguments, undoes the last rollout.
rollback_deployments() {
  local failed=0 pair name revision now
  if [[ $# -eq 0 ]]; then
    for name in "${DEPLOYMENTS[@]}"; do
      log "rollback: $name"
      kubectl -n "$NAMESPACE" rollout undo "deployment/$name" || failed=1
    done
  else
    for pair in "$@"; do
      name="${pair%%=*}"
      revision="${pair#*=}"
      now="$(deployment_revision "$name")"
      if [[ -z "$revision" ]]; then
        warn "rollback: $name did not exist before this release; left as is"
      elif [[ "$now" != "$revision" ]]; then
        log "rollback: $name to revision $revision"
        kubectl -n "$NAMESPACE" rollout undo "deployment/$name" --to-revision="$revision" || failed=1
      fi
    done
  fi
  for name in "${DEPLOYMENTS[@]}"; do
    kubectl -n "$NAMESPACE" rollout status "deployment/$name" --timeout="${ROLLOUT_TIMEOUT}s" || failed=1
  done
  return $failed
}

cmd_rollback() {
  [[ -d "$TF_DATA_DIR" ]] || tf_init
  get_credentials
  local before=()
  if [[ -s "$WORK_DIR/revisions-before" ]]; then
    mapfile -t before <"$WORK_DIR/revisions-before"
  fi
  rollback_deployments "${before[@]}"
}

# Renders the manifests into $WORK_DIR and records each Deployment's current
# revision, so a failed release can return to exactly that state.
prepare_release() {
  get_credentials
  render_manifests >"$WORK_DIR/manifests.yaml"
  filter_manifests no-apps "$WORK_DIR/manifests.yaml" >"$WORK_DIR/manifests-no-apps.yaml"
  local name
  for name in "${DEPLOYMENTS[@]}"; do echo "$name=$(deployment_revision "$name")"; done >"$WORK_DIR/revisions-before"
}

# Migrations run first, against the databases as they are, before any new app
# code. A Job's pod template cannot be changed, so the previous run's Jobs are
# deleted and applied again with the new image, together with everything else
# except the app Deployments (namespace, secrets, config, databases).
cmd_migrate() {
  [[ -d "$TF_DATA_DIR" ]] || tf_init
  prepare_release
  log "migrations ($TAG)"
  kubectl -n "$NAMESPACE" delete job "${MIGRATION_JOBS[@]}" --ignore-not-found --wait=true
  kubectl apply -f "$WORK_DIR/manifests-no-apps.yaml"
  wait_for_jobs || die "migrations failed; the app Deployments were not changed"
}

cmd_apply_manifests() {
  [[ -d "$TF_DATA_DIR" ]] || tf_init
  [[ -s "$WORK_DIR/manifests.yaml" ]] || prepare_release
  get_credentials
  log "kubectl apply (k8s/overlays/aks at $TAG)"
  kubectl apply -f "$WORK_DIR/manifests.yaml"
}

cmd_wait() {
  [[ -d "$TF_DATA_DIR" ]] || tf_init
  get_credentials
  local name
  for name in "${DEPLOYMENTS[@]}"; do
    log "waiting for deployment/$name"
    kubectl -n "$NAMESPACE" rollout status "deployment/$name" --timeout="${ROLLOUT_TIMEOUT}s"
  done
}

# Runs a step of this script in its own process, so `set -e` holds inside it
# even where the caller tests its status.
step() { bash "${BASH_SOURCE[0]}" "$1" "$ENV_NAME" --tag "$TAG"; }

cmd_release() {
  rm -f "$WORK_DIR/manifests.yaml" "$WORK_DIR/revisions-before"
  cmd_migrate
  if ! (step apply-manifests && step wait && step smoke); then
    warn "release $TAG failed; rolling back"
    step rollback || warn "rollback did not settle; check 'kubectl -n $NAMESPACE get pods'"
    die "release $TAG failed and was rolled back"
  fi
  log "release $TAG is live"
}

cmd_outputs() {
  [[ -d "$TF_DATA_DIR" ]] || tf_init
  local url servers
  url="$(tf_output app_url)"
  servers="$(tf output -json dns_name_servers 2>/dev/null | tr -d '[]"' | tr ',' '\n' | sed '/^$/d' || true)"
  echo
  echo "Covacha ($ENV_NAME) is at: $url"
  echo "Gateway public IP:        $(tf_output gateway_public_ip)"
  if [[ -n "$servers" ]]; then
    echo "DNS zone name servers (delegate your domain to these at the registrar):"
    local server
    while IFS= read -r server; do echo "  $server"; done <<<"$servers"
  else
    echo "No DNS zone configured (dns_zone_name = null): the URL above is the gateway's Azure name."
  fi
}

cmd_up() {
  check_tools
  check_login
  check_cloudamqp
  cmd_plan
  confirm "Apply this plan to '$ENV_NAME'?" || die "not applied"
  cmd_apply
  if [[ $SKIP_BUILD -eq 0 ]]; then
    cmd_build
  fi
  cmd_release
  cmd_outputs
}

cmd_destroy() {
  check_tools
  check_login
  check_cloudamqp
  tf_init
  warn "this deletes every Azure resource of '$ENV_NAME', its databases' disks and the CloudAMQP instance"
  if [[ $ASSUME_YES -eq 0 ]]; then
    [[ -r /dev/tty ]] || die "no terminal to ask on; pass --yes to destroy"
    local answer
    read -r -p "Type the environment name to confirm: " answer </dev/tty
    [[ "$answer" == "$ENV_NAME" ]] || die "not destroyed"
  fi
  tf destroy -input=false -auto-approve -var-file="$TF_VARS"
  rm -rf "$WORK_DIR"
  log "destroyed $ENV_NAME; the state storage account (see backend.hcl) is kept"
}

main() {
  parse_args "$@"
  case "$COMMAND" in
    up | build | render | release | migrate | apply-manifests) resolve_tag ;;
  esac
  case "$COMMAND" in
    up) cmd_up ;;
    check) cmd_check ;;
    bootstrap-state) cmd_bootstrap_state ;;
    plan) cmd_plan ;;
    apply) cmd_apply ;;
    build) cmd_build ;;
    render) render_manifests ;;
    init) tf_init ;;
    release) cmd_release ;;
    migrate) cmd_migrate ;;
    apply-manifests) cmd_apply_manifests ;;
    wait) cmd_wait ;;
    smoke) cmd_smoke ;;
    rollback) cmd_rollback ;;
    outputs) cmd_outputs ;;
    destroy) cmd_destroy ;;
    *) usage; die "unknown command '$COMMAND'" ;;
  esac
}

# Sourcing the script (tests do) defines the functions without running main.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
