# scripts/deploy.sh, the Jenkinsfile and the GitHub workflow read these with
# `terraform output -raw <name>`; tests/infra checks that every name they read
# is declared here.

output "environment" {
  description = "Environment these resources belong to."
  value       = var.environment
}

output "resource_group_name" {
  description = "Resource group holding every Azure resource of the environment."
  value       = azurerm_resource_group.main.name
}

output "aks_name" {
  description = "AKS cluster name, for `az aks get-credentials`."
  value       = module.aks.name
}

output "acr_name" {
  description = "Container registry name, for `az acr login` and `az acr build`."
  value       = module.registry.name
}

output "acr_login_server" {
  description = "Registry host that image references start with (<name>.azurecr.io)."
  value       = module.registry.login_server
}

output "key_vault_name" {
  description = "Key Vault holding the application secrets (SecretProviderClass keyvaultName)."
  value       = module.keyvault.name
}

output "tenant_id" {
  description = "Entra ID tenant of the Key Vault (SecretProviderClass tenantId)."
  value       = data.azurerm_client_config.current.tenant_id
}

output "key_vault_secrets_provider_client_id" {
  description = "Client id of the AKS Key Vault secrets provider identity (SecretProviderClass userAssignedIdentityID)."
  value       = module.aks.key_vault_secrets_provider_client_id
}

output "oidc_issuer_url" {
  description = "AKS OIDC issuer URL, for workload identity federated credentials."
  value       = module.aks.oidc_issuer_url
}

output "gateway_name" {
  description = "Application Gateway managed by the AGIC add-on."
  value       = module.gateway.name
}

output "gateway_public_ip" {
  description = "Public IP address of the Application Gateway."
  value       = module.gateway.public_ip_address
}

output "app_hostname" {
  description = "Host name the app is served on: the DNS record when a zone is configured, otherwise the gateway's Azure-provided name."
  value       = local.app_hostname
}

output "app_url" {
  description = "Public URL of Covacha."
  value       = "https://${local.app_hostname}"
}

output "dns_name_servers" {
  description = "Name servers of the Azure DNS zone; delegate the domain to them at the registrar (empty without a zone)."
  value       = var.dns_zone_name == null ? [] : tolist(module.dns[0].name_servers)
}

output "cloudamqp_instance_id" {
  description = "CloudAMQP instance id (its URL is the rabbitmq-uri secret)."
  value       = module.cloudamqp.id
}

output "mail_sender_address" {
  description = "The address Auth sends mail from (Mail__From in k8s), on the ACS managed domain."
  value       = module.email.sender_address
}
