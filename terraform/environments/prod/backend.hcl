# Remote state for prod. The storage account is created once by
# `./covacha deploy bootstrap-state prod` (see docs/deploy.md); its name must be
# globally unique, so change it here if that command tells you it is taken.
resource_group_name  = "rg-covacha-tfstate"
storage_account_name = "stcovachatfstate"
container_name       = "tfstate"
key                  = "covacha-prod.tfstate"
# Entra ID auth to the blob: no storage account keys needed.
use_azuread_auth = true
