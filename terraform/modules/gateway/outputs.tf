output "id" {
  description = "Application Gateway id (given to the AKS ingress add-on)."
  value       = azurerm_application_gateway.this.id
}

output "name" {
  description = "Application Gateway name."
  value       = azurerm_application_gateway.this.name
}

output "public_ip_id" {
  description = "Public IP resource id (target of the DNS alias record)."
  value       = azurerm_public_ip.this.id
}

output "public_ip_address" {
  description = "Public IP address clients connect to."
  value       = azurerm_public_ip.this.ip_address
}

output "public_ip_fqdn" {
  description = "Azure-provided name of the public IP (<label>.<region>.cloudapp.azure.com)."
  value       = azurerm_public_ip.this.fqdn
}
