terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.42"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.12"
    }
  }
}
