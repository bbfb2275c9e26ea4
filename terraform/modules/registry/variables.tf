variable "name" {
  type        = string
  description = "Registry name: globally unique, 5-50 lowercase letters and digits."

  validation {
    condition     = can(regex("^[a-z0-9]{5,50}$", var.name))
    error_message = "Registry names are 5-50 lowercase letters and digits."
  }
}

variable "location" {
  type        = string
  description = "Azure region."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group to create the resources in."
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = {}
}

variable "sku" {
  type        = string
  description = "Basic, Standard or Premium."
  default     = "Standard"
}

variable "kubelet_identity_object_id" {
  type        = string
  description = "Object id of the AKS kubelet identity; it is granted AcrPull so nodes pull images without credentials."
}

variable "push_principal_ids" {
  type        = list(string)
  description = "Object ids granted AcrPush (the identity that runs the pipeline or deploy command)."
  default     = []
}
