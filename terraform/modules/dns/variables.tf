variable "zone_name" {
  type        = string
  description = "Public DNS zone to create, e.g. covacha.example.com."
}

variable "record_name" {
  type        = string
  description = "Record pointing at the gateway; \"@\" for the zone apex."
  default     = "@"
}

variable "resource_group_name" {
  type        = string
  description = "Resource group to create the zone in."
}

variable "target_resource_id" {
  type        = string
  description = "Public IP resource id the A record aliases, so the record follows the address."
}

variable "ttl" {
  type        = number
  description = "Record TTL in seconds."
  default     = 300
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = {}
}
