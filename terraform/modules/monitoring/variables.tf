variable "name" {
  type        = string
  description = "Base name; resources are log-<name> and appi-<name>."
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

variable "retention_in_days" {
  type        = number
  description = "Log retention in days (30-730)."
  default     = 30
}
