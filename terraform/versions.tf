terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    # 4.x only: 5.0 changes AKS defaults. 4.42 is the first release with
    # azurerm_key_vault.rbac_authorization_enabled.
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
    cloudamqp = {
      source  = "cloudamqp/cloudamqp"
      version = "~> 1.32"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "~> 4.0"
    }
    azuread = {
      source  = "hashicorp/azuread"
      version = "~> 3.0"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.12"
    }
  }

  # Partial configuration: each environment supplies its own storage account
  # and state key with `terraform init -backend-config=environments/<env>/backend.hcl`.
  backend "azurerm" {}
}
