output "smtp_username" {
  description = "SMTP user name for smtp.azurecomm.net (resource name, application id and tenant id)."
  value       = "${azurerm_communication_service.main.name}.${azuread_application.smtp.client_id}.${var.tenant_id}"
  sensitive   = true
}

output "smtp_password" {
  description = "SMTP password: a client secret of the sending application."
  value       = azuread_application_password.smtp.value
  sensitive   = true
}

output "sender_address" {
  description = "The address mail is sent from (Mail__From), on the Azure-managed domain."
  value       = "DoNotReply@${azurerm_email_communication_service_domain.managed.from_sender_domain}"
}

output "communication_service_id" {
  description = "Resource id of the Communication Services resource that sends the mail."
  value       = azurerm_communication_service.main.id
}
