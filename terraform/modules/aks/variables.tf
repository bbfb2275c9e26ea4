variable "name" {
  type        = string
  description = "Cluster name; also the DNS prefix of the API server."
}

variable "location" {
  type        = string
  description = "Azure region."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group to create the cluster in."
}

variable "resource_group_id" {
  type        = string
  description = "Id of the resource group holding the Application Gateway; the AGIC identity gets Reader on it."
}

variable "kubernetes_version" {
  type        = string
  description = "Kubernetes version (major.minor); null for the AKS default."
  default     = null
}

variable "sku_tier" {
  type        = string
  description = "Control plane tier: Free or Standard."
  default     = "Free"

  validation {
    condition     = contains(["Free", "Standard", "Premium"], var.sku_tier)
    error_message = "sku_tier must be Free, Standard or Premium."
  }
}

variable "subnet_id" {
  type        = string
  description = "Subnet for nodes and pods (Azure CNI)."
}

variable "gateway_id" {
  type        = string
  description = "Application Gateway the ingress add-on (AGIC) manages."
}

variable "gateway_subnet_id" {
  type        = string
  description = "Subnet of that Application Gateway; AGIC needs Network Contributor on it."
}

variable "log_analytics_workspace_id" {
  type        = string
  description = "Log Analytics workspace the Azure Monitor agent (Container Insights) sends to."
}

variable "system_node_pool" {
  type = object({
    vm_size   = string
    min_count = number
    max_count = number
  })
  description = "System pool size and autoscaling bounds; it runs only critical add-ons."
}

variable "user_node_pool" {
  type = object({
    vm_size   = string
    min_count = number
    max_count = number
  })
  description = "User pool size and autoscaling bounds; it runs Covacha and its databases."
}

variable "max_pods" {
  type        = number
  description = "Pods per node; with Azure CNI each takes an address in the subnet."
  default     = 50
}

variable "availability_zones" {
  type        = list(string)
  description = "Zones for the node pools; empty for none."
  default     = []
}

variable "tenant_id" {
  type        = string
  description = "Entra ID tenant used for Kubernetes authentication."
}

variable "admin_object_ids" {
  type        = list(string)
  description = "Entra ID object ids given the Azure Kubernetes Service RBAC Cluster Admin role on the cluster."
  default     = []
}

variable "api_server_authorized_ip_ranges" {
  type        = list(string)
  description = "CIDRs allowed to reach the API server; empty for any."
  default     = []
}

variable "service_cidr" {
  type        = string
  description = "Kubernetes service CIDR; must not overlap the virtual network."
  default     = "10.240.0.0/16"
}

variable "dns_service_ip" {
  type        = string
  description = "Cluster DNS service address, inside service_cidr."
  default     = "10.240.0.10"
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = {}
}
