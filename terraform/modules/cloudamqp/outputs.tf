output "id" {
  description = "Instance id."
  value       = cloudamqp_instance.this.id
}

output "url" {
  description = "AMQPS URL with credentials (stored in Key Vault as rabbitmq-uri)."
  value       = cloudamqp_instance.this.url
  sensitive   = true
}

output "host" {
  description = "Broker host name."
  value       = cloudamqp_instance.this.host
}
