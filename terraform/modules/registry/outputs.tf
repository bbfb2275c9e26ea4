output "id" {
  description = "Registry id."
  value       = azurerm_container_registry.this.id
}

output "name" {
  description = "Registry name."
  value       = azurerm_container_registry.this.name
}

output "login_server" {
  description = "Registry host, <name>.azurecr.io."
  value       = azurerm_container_registry.this.login_server
}
