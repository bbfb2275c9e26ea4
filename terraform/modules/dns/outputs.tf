output "zone_id" {
  description = "DNS zone id."
  value       = azurerm_dns_zone.this.id
}

output "name_servers" {
  description = "Azure name servers to delegate the domain to at the registrar."
  value       = azurerm_dns_zone.this.name_servers
}

output "fqdn" {
  description = "Host name of the app record."
  value       = var.record_name == "@" ? var.zone_name : "${var.record_name}.${var.zone_name}"
}
