resource "cloudamqp_instance" "this" {
  name   = var.name
  plan   = var.plan
  region = var.region
  tags   = var.tags
}
