variable "name" {
  type        = string
  description = "Base name, e.g. covacha-dev; resources are named vnet-<name>, snet-<name>-aks, snet-<name>-appgw."
}

variable "location" {
  type        = string
  description = "Azure region."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group to create the network in."
}

variable "address_space" {
  type        = list(string)
  description = "Address space of the virtual network."
}

variable "aks_subnet_prefix" {
  type        = string
  description = "CIDR of the AKS subnet (nodes and, with Azure CNI, pods)."
}

variable "gateway_subnet_prefix" {
  type        = string
  description = "CIDR of the Application Gateway subnet (/24 recommended; the gateway must be alone in it)."
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = {}
}
