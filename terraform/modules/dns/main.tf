resource "azurerm_dns_zone" "this" {
  name                = var.zone_name
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

# An alias record points at the public IP resource rather than a literal
# address, so it cannot go stale if the address changes.
resource "azurerm_dns_a_record" "app" {
  name                = var.record_name
  zone_name           = azurerm_dns_zone.this.name
  resource_group_name = var.resource_group_name
  ttl                 = var.ttl
  target_resource_id  = var.target_resource_id
  tags                = var.tags
}
