# Azure Communication Services Email for Auth's mail (verification, password reset, notices),
# sent over its SMTP endpoint (smtp.azurecomm.net:587, STARTTLS). The sender domain is an
# Azure-managed one (DoNotReply@<guid>.azurecomm.net); a custom domain needs DNS verification
# and can replace it later without touching the apps (only Mail__From changes).
resource "azurerm_email_communication_service" "main" {
  name                = "ecs-${var.name}"
  resource_group_name = var.resource_group_name
  data_location       = var.data_location
  tags                = var.tags
}

resource "azurerm_email_communication_service_domain" "managed" {
  name              = "AzureManagedDomain"
  email_service_id  = azurerm_email_communication_service.main.id
  domain_management = "AzureManaged"
  tags              = var.tags
}

resource "azurerm_communication_service" "main" {
  name                = "acs-${var.name}"
  resource_group_name = var.resource_group_name
  data_location       = var.data_location
  tags                = var.tags
}

resource "azurerm_communication_service_email_domain_association" "main" {
  communication_service_id = azurerm_communication_service.main.id
  email_service_domain_id  = azurerm_email_communication_service_domain.managed.id
}

# SMTP authenticates an Entra application that holds a role on the Communication Services
# resource; its user name is <resource name>.<application id>.<tenant id> and its password a
# client secret of the application. Both go to Key Vault only.
resource "azuread_application" "smtp" {
  display_name = "covacha-${var.name}-smtp"
}

resource "azuread_service_principal" "smtp" {
  client_id = azuread_application.smtp.client_id
}

resource "azuread_application_password" "smtp" {
  application_id = azuread_application.smtp.id
  display_name   = "smtp"
}

resource "azurerm_role_assignment" "smtp_sender" {
  scope                = azurerm_communication_service.main.id
  role_definition_name = "Communication and Email Service Owner"
  principal_id         = azuread_service_principal.smtp.object_id
}
