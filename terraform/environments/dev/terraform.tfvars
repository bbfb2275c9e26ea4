# Development: smallest sizes, free tiers, no domain (served on the gateway's
# Azure-provided name). No secrets here: Terraform generates them into Key Vault.
environment = "dev"
location    = "westeurope"

system_node_pool = {
  vm_size   = "Standard_D2s_v5"
  min_count = 1
  max_count = 2
}

user_node_pool = {
  vm_size   = "Standard_D4s_v5"
  min_count = 1
  max_count = 3
}

aks_sku_tier         = "Free"
acr_sku              = "Basic"
gateway_waf_enabled  = false
gateway_max_capacity = 2
log_retention_days   = 30

key_vault_purge_protection = false

# Set to a zone you own (and delegate it to the printed name servers) to serve
# dev on your own name, e.g. "dev.covacha.example.com".
dns_zone_name = null

cloudamqp_plan   = "lemur"
cloudamqp_region = "azure-arm::westeurope"

# Entra object ids of everyone who runs Terraform for this environment: you
# (az ad signed-in-user show --query id -o tsv) and the pipeline's service
# principal (az ad sp show --id <appId> --query id -o tsv). Not secrets.
operator_object_ids = []
