data "azurerm_client_config" "current" {}

locals {
  name = "covacha-${var.environment}"

  tags = merge(var.tags, {
    application = "covacha"
    environment = var.environment
    managed-by  = "terraform"
  })

  # The Key Vault secret names the cluster mounts through the Secrets Store CSI
  # driver (k8s/ refers to them by these exact names).
  secret_names = [
    "auth-db-password",
    "products-db-password",
    "search-db-password",
    "mongodb-root-password",
    "rabbitmq-uri",
    "jwt-signing-key-pem",
    "products-service-key",
    "appinsights-connection-string",
    "bootstrap-admin-password",
    "smtp-username",
    "smtp-password",
  ]

  # Whoever runs this plus everyone listed, in a stable order so a plan by a
  # different operator does not reshuffle the role assignments.
  operators = sort(distinct(concat([data.azurerm_client_config.current.object_id], var.operator_object_ids)))
}

# Globally unique names (Key Vault, ACR, public DNS label) need a suffix; it is
# generated once and kept in state.
resource "random_string" "suffix" {
  length  = 6
  upper   = false
  special = false
}

resource "azurerm_resource_group" "main" {
  name     = "rg-${local.name}"
  location = var.location
  tags     = local.tags
}

module "network" {
  source = "./modules/network"

  name                  = local.name
  location              = azurerm_resource_group.main.location
  resource_group_name   = azurerm_resource_group.main.name
  address_space         = var.vnet_address_space
  aks_subnet_prefix     = var.aks_subnet_prefix
  gateway_subnet_prefix = var.gateway_subnet_prefix
  tags                  = local.tags
}

module "gateway" {
  source = "./modules/gateway"

  name                = local.name
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  subnet_id           = module.network.gateway_subnet_id
  domain_name_label   = "${local.name}-${random_string.suffix.result}"
  waf_enabled         = var.gateway_waf_enabled
  max_capacity        = var.gateway_max_capacity
  availability_zones  = var.availability_zones
  tags                = local.tags
}

module "monitoring" {
  source = "./modules/monitoring"

  name                = local.name
  location            = azurerm_resource_group.main.location
  resource_group_name = azurerm_resource_group.main.name
  retention_in_days   = var.log_retention_days
  tags                = local.tags
}

module "aks" {
  source = "./modules/aks"

  name                            = "aks-${local.name}"
  location                        = azurerm_resource_group.main.location
  resource_group_name             = azurerm_resource_group.main.name
  resource_group_id               = azurerm_resource_group.main.id
  kubernetes_version              = var.kubernetes_version
  sku_tier                        = var.aks_sku_tier
  subnet_id                       = module.network.aks_subnet_id
  gateway_id                      = module.gateway.id
  gateway_subnet_id               = module.network.gateway_subnet_id
  log_analytics_workspace_id      = module.monitoring.log_analytics_workspace_id
  system_node_pool                = var.system_node_pool
  user_node_pool                  = var.user_node_pool
  availability_zones              = var.availability_zones
  tenant_id                       = data.azurerm_client_config.current.tenant_id
  admin_object_ids                = local.operators
  api_server_authorized_ip_ranges = var.api_server_authorized_ip_ranges
  tags                            = local.tags
}

module "registry" {
  source = "./modules/registry"

  name                       = "acr${replace(local.name, "-", "")}${random_string.suffix.result}"
  location                   = azurerm_resource_group.main.location
  resource_group_name        = azurerm_resource_group.main.name
  sku                        = var.acr_sku
  kubelet_identity_object_id = module.aks.kubelet_identity_object_id
  push_principal_ids         = local.operators
  tags                       = local.tags
}

module "cloudamqp" {
  source = "./modules/cloudamqp"

  name   = local.name
  plan   = var.cloudamqp_plan
  region = var.cloudamqp_region
  tags   = ["covacha", var.environment]
}

# Application secrets are generated here and only ever stored in Key Vault (and
# in the remote state, which is why the state account is locked down).
resource "random_password" "db" {
  for_each = toset(["auth", "products", "search", "mongodb-root"])

  length  = 32
  special = false
}

resource "random_password" "products_service_key" {
  length  = 48
  special = false
}

resource "random_password" "bootstrap_admin" {
  length           = 24
  special          = true
  override_special = "-_.!"
  min_upper        = 2
  min_lower        = 2
  min_numeric      = 2
  min_special      = 2
}

# Auth signs access tokens with ES256 (EC P-256), per the contract.
resource "tls_private_key" "jwt_signing" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P256"
}

module "keyvault" {
  source = "./modules/keyvault"

  name                     = "kv-${local.name}-${random_string.suffix.result}"
  location                 = azurerm_resource_group.main.location
  resource_group_name      = azurerm_resource_group.main.name
  tenant_id                = data.azurerm_client_config.current.tenant_id
  purge_protection_enabled = var.key_vault_purge_protection
  secret_writer_object_ids = local.operators
  secret_reader_object_ids = [module.aks.key_vault_secrets_provider_object_id]
  secret_names             = local.secret_names
  secrets = {
    "auth-db-password"              = random_password.db["auth"].result
    "products-db-password"          = random_password.db["products"].result
    "search-db-password"            = random_password.db["search"].result
    "mongodb-root-password"         = random_password.db["mongodb-root"].result
    "rabbitmq-uri"                  = module.cloudamqp.url
    "jwt-signing-key-pem"           = tls_private_key.jwt_signing.private_key_pem_pkcs8
    "products-service-key"          = random_password.products_service_key.result
    "appinsights-connection-string" = module.monitoring.application_insights_connection_string
    "bootstrap-admin-password"      = random_password.bootstrap_admin.result
    "smtp-username"                 = module.email.smtp_username
    "smtp-password"                 = module.email.smtp_password
  }
  tags = local.tags
}

module "email" {
  source = "./modules/email"

  name                = "${local.name}-${random_string.suffix.result}"
  resource_group_name = azurerm_resource_group.main.name
  tenant_id           = data.azurerm_client_config.current.tenant_id
  tags                = local.tags
}

module "dns" {
  source = "./modules/dns"
  count  = var.dns_zone_name == null ? 0 : 1

  zone_name           = var.dns_zone_name
  record_name         = var.dns_record_name
  resource_group_name = azurerm_resource_group.main.name
  target_resource_id  = module.gateway.public_ip_id
  tags                = local.tags
}

locals {
  app_hostname = var.dns_zone_name == null ? module.gateway.public_ip_fqdn : module.dns[0].fqdn
}
