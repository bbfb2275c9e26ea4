output "id" {
  description = "Vault id."
  value       = azurerm_key_vault.this.id
}

output "name" {
  description = "Vault name."
  value       = azurerm_key_vault.this.name
}

output "uri" {
  description = "Vault URI."
  value       = azurerm_key_vault.this.vault_uri
}

output "secret_ids" {
  description = "Versionless secret ids by name."
  value       = { for name, secret in azurerm_key_vault_secret.this : name => secret.versionless_id }
}
