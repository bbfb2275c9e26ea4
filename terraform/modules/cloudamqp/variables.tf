variable "name" {
  type        = string
  description = "Instance name shown in the CloudAMQP console."
}

variable "plan" {
  type        = string
  description = "CloudAMQP plan, e.g. lemur (shared, free) for dev or bunny-1 (dedicated) for prod."
}

variable "region" {
  type        = string
  description = "Region in provider format, e.g. azure-arm::westeurope."

  validation {
    condition     = can(regex("^[a-z0-9-]+::[a-z0-9-]+$", var.region))
    error_message = "Region looks like azure-arm::westeurope."
  }
}

variable "tags" {
  type        = list(string)
  description = "Tags on the instance (CloudAMQP tags are plain strings)."
  default     = []
}
