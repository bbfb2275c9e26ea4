variable "name" {
  type        = string
  description = "Base name; the gateway is agw-<name> and its address pip-<name>-agw."
}

variable "location" {
  type        = string
  description = "Azure region."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group to create the gateway in."
}

variable "subnet_id" {
  type        = string
  description = "Dedicated Application Gateway subnet id."
}

variable "domain_name_label" {
  type        = string
  description = "DNS label of the public IP (<label>.<region>.cloudapp.azure.com); must be unique in the region."
}

variable "waf_enabled" {
  type        = bool
  description = "Use the WAF_v2 SKU with an OWASP managed rule set in Prevention mode."
  default     = false
}

variable "min_capacity" {
  type        = number
  description = "Lower bound of gateway autoscaling."
  default     = 0
}

variable "max_capacity" {
  type        = number
  description = "Upper bound of gateway autoscaling."
  default     = 3
}

variable "availability_zones" {
  type        = list(string)
  description = "Zones for the public IP and gateway; empty for no zone pinning."
  default     = []
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = {}
}
