variable "name" {
  type        = string
  description = "Base name of the Communication Services and Email resources (globally unique)."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group the email resources live in."
}

variable "data_location" {
  type        = string
  description = "Where Communication Services keeps its data at rest, e.g. United States or Europe."
  default     = "United States"
}

variable "tenant_id" {
  type        = string
  description = "Entra tenant of the application that authenticates to the SMTP endpoint."
}

variable "tags" {
  type        = map(string)
  description = "Tags applied to every resource in the module."
  default     = {}
}
