resource "azurerm_key_vault" "this" {
  name                       = var.name
  location                   = var.location
  resource_group_name        = var.resource_group_name
  tenant_id                  = var.tenant_id
  sku_name                   = "standard"
  rbac_authorization_enabled = true
  purge_protection_enabled   = var.purge_protection_enabled
  soft_delete_retention_days = var.soft_delete_retention_days
  tags                       = var.tags
}

resource "azurerm_role_assignment" "writer" {
  count = length(var.secret_writer_object_ids)

  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = var.secret_writer_object_ids[count.index]
}

resource "azurerm_role_assignment" "reader" {
  count = length(var.secret_reader_object_ids)

  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = var.secret_reader_object_ids[count.index]
}

# Role assignments take a while to reach the Key Vault data plane; writing
# secrets straight away fails with 403 on a fresh vault.
resource "time_sleep" "rbac_propagation" {
  create_duration = "60s"

  depends_on = [azurerm_role_assignment.writer]
}

resource "azurerm_key_vault_secret" "this" {
  for_each = toset(var.secret_names)

  name         = each.value
  value        = var.secrets[each.value]
  key_vault_id = azurerm_key_vault.this.id
  content_type = "text/plain"
  tags         = var.tags

  depends_on = [time_sleep.rbac_propagation]
}
