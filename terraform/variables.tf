variable "subscription_id" {
  type        = string
  description = "Azure subscription to deploy into. Leave null to use ARM_SUBSCRIPTION_ID from the environment."
  default     = null
}

variable "environment" {
  type        = string
  description = "Environment name (dev or prod); part of every resource name."

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be \"dev\" or \"prod\"."
  }
}

variable "location" {
  type        = string
  description = "Azure region for every Azure resource, e.g. westeurope."
}

variable "tags" {
  type        = map(string)
  description = "Extra tags added to every Azure resource."
  default     = {}
}

variable "vnet_address_space" {
  type        = list(string)
  description = "Address space of the virtual network."
  default     = ["10.20.0.0/16"]
}

variable "aks_subnet_prefix" {
  type        = string
  description = "CIDR of the AKS node and pod subnet (Azure CNI gives pods addresses from it, so size it for nodes x (max_pods + 1))."
  default     = "10.20.0.0/18"
}

variable "gateway_subnet_prefix" {
  type        = string
  description = "CIDR of the subnet dedicated to Application Gateway (nothing else may live in it)."
  default     = "10.20.64.0/24"
}

variable "kubernetes_version" {
  type        = string
  description = "AKS Kubernetes version (major.minor); null lets AKS choose its current default."
  default     = null
}

variable "aks_sku_tier" {
  type        = string
  description = "AKS control plane tier: Free (no SLA) or Standard (uptime SLA)."
  default     = "Free"
}

variable "system_node_pool" {
  type = object({
    vm_size   = string
    min_count = number
    max_count = number
  })
  description = "Size and autoscaling bounds of the system node pool (critical add-ons only)."
}

variable "user_node_pool" {
  type = object({
    vm_size   = string
    min_count = number
    max_count = number
  })
  description = "Size and autoscaling bounds of the user node pool that runs Covacha and its databases."
}

variable "availability_zones" {
  type        = list(string)
  description = "Availability zones for node pools and the gateway's public IP; empty for regions without zones."
  default     = []
}

variable "operator_object_ids" {
  type        = list(string)
  description = "Entra ID object ids of every person, group or pipeline identity that runs Terraform or deploys: each gets AKS cluster-admin, AcrPush and Key Vault Secrets Officer. List all of them, so a plan by one keeps the others' access."
  default     = []
}

variable "api_server_authorized_ip_ranges" {
  type        = list(string)
  description = "CIDRs allowed to reach the Kubernetes API server; empty allows any address (Entra ID sign-in is still required)."
  default     = []
}

variable "acr_sku" {
  type        = string
  description = "Container registry SKU: Basic, Standard or Premium."
  default     = "Standard"
}

variable "gateway_waf_enabled" {
  type        = bool
  description = "Run Application Gateway as WAF_v2 with an OWASP managed rule set in Prevention mode instead of Standard_v2."
  default     = false
}

variable "gateway_max_capacity" {
  type        = number
  description = "Upper bound of Application Gateway autoscaling (capacity units)."
  default     = 3
}

variable "key_vault_purge_protection" {
  type        = bool
  description = "Enable Key Vault purge protection (recommended for prod; it keeps the vault name reserved for the retention period after a destroy)."
  default     = false
}

variable "log_retention_days" {
  type        = number
  description = "Log Analytics retention in days (30 to 730)."
  default     = 30
}

variable "dns_zone_name" {
  type        = string
  description = "Public DNS zone to create in Azure DNS, e.g. covacha.example.com; null skips DNS and the app is served on the gateway's Azure-provided name."
  default     = null
}

variable "dns_record_name" {
  type        = string
  description = "Record in the zone that points at the gateway; \"@\" for the zone apex."
  default     = "@"
}

variable "cloudamqp_plan" {
  type        = string
  description = "CloudAMQP plan, e.g. lemur (shared, free) or bunny-1 (dedicated)."
}

variable "cloudamqp_region" {
  type        = string
  description = "CloudAMQP region in provider format, e.g. azure-arm::westeurope (keep it next to the cluster)."
}
