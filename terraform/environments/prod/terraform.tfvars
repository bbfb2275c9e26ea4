# Production: zones, autoscaling headroom, SLA control plane, WAF, own domain.
# No secrets here: Terraform generates them into Key Vault.
environment = "prod"
location    = "westeurope"

availability_zones = ["1", "2", "3"]

system_node_pool = {
  vm_size   = "Standard_D2s_v5"
  min_count = 2
  max_count = 3
}

user_node_pool = {
  vm_size   = "Standard_D4s_v5"
  min_count = 3
  max_count = 10
}

aks_sku_tier         = "Standard"
acr_sku              = "Standard"
gateway_waf_enabled  = true
gateway_max_capacity = 10
log_retention_days   = 90

key_vault_purge_protection = true

# The domain Covacha is served on. Replace with yours; after the first apply,
# delegate it at the registrar to the name servers `./covacha deploy` prints.
dns_zone_name   = "covacha.example.com"
dns_record_name = "@"

cloudamqp_plan   = "bunny-1"
cloudamqp_region = "azure-arm::westeurope"

# Entra object ids of everyone who runs Terraform for this environment: you
# (az ad signed-in-user show --query id -o tsv) and the pipeline's service
# principal (az ad sp show --id <appId> --query id -o tsv). Not secrets.
operator_object_ids = []
