provider "azurerm" {
  # null falls back to ARM_SUBSCRIPTION_ID, which scripts/deploy.sh and the
  # pipelines export from the logged-in account.
  subscription_id = var.subscription_id

  features {
    key_vault {
      # Secrets and vaults stay recoverable after a destroy; a redeploy
      # recovers them instead of failing on the soft-deleted name.
      purge_soft_delete_on_destroy    = false
      recover_soft_deleted_key_vaults = true
      recover_soft_deleted_secrets    = true
    }

    resource_group {
      prevent_deletion_if_contains_resources = false
    }
  }
}

# Authenticates with the CLOUDAMQP_APIKEY environment variable; the key never
# appears in configuration.
provider "cloudamqp" {}

# The Entra application whose client secret authenticates Auth to the ACS SMTP endpoint.
provider "azuread" {
  tenant_id = data.azurerm_client_config.current.tenant_id
}
