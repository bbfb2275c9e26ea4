output "vnet_id" {
  description = "Virtual network id."
  value       = azurerm_virtual_network.this.id
}

output "vnet_name" {
  description = "Virtual network name."
  value       = azurerm_virtual_network.this.name
}

output "aks_subnet_id" {
  description = "Subnet id for the AKS node pools."
  value       = azurerm_subnet.aks.id
}

output "gateway_subnet_id" {
  description = "Subnet id for the Application Gateway."
  value       = azurerm_subnet.gateway.id
}
