locals {
  sku = var.waf_enabled ? "WAF_v2" : "Standard_v2"

  # Placeholder names for the minimal configuration Azure requires at creation;
  # AGIC replaces listeners, pools, settings and rules from the Ingress objects.
  placeholder = "covacha-bootstrap"

  # Attached to the /api/* routes by the Ingresses' rewrite-rule-set annotation (k8s/base/ingress.yaml).
  api_rewrite_rule_set = "covacha-api"

  # The header the gateway writes the client's address into; Auth reads only this one
  # (Auth__ClientAddressHeader in k8s/base/apps/auth.yaml).
  client_address_header = "X-Covacha-Client-Address"

  # Sent on every /api/* answer; the same values the dev host sends (tools/DevHost/SecurityHeaders.cs).
  api_response_headers = {
    "X-Content-Type-Options"  = "nosniff"
    "X-Frame-Options"         = "DENY"
    "Referrer-Policy"         = "no-referrer"
    "Content-Security-Policy" = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
  }
}

resource "azurerm_public_ip" "this" {
  name                = "pip-${var.name}-agw"
  location            = var.location
  resource_group_name = var.resource_group_name
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = var.availability_zones
  domain_name_label   = var.domain_name_label
  tags                = var.tags
}

resource "azurerm_web_application_firewall_policy" "this" {
  count = var.waf_enabled ? 1 : 0

  name                = "waf-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags

  policy_settings {
    enabled = true
    mode    = "Prevention"
    # The API accepts product descriptions; 128 KiB leaves room above the
    # services' own body limits so they, not the WAF, answer 413.
    request_body_check          = true
    max_request_body_size_in_kb = 128
  }

  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }
  }
}

resource "azurerm_application_gateway" "this" {
  name                = "agw-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  zones               = var.availability_zones
  firewall_policy_id  = var.waf_enabled ? azurerm_web_application_firewall_policy.this[0].id : null
  tags                = var.tags

  sku {
    name = local.sku
    tier = local.sku
  }

  autoscale_configuration {
    min_capacity = var.min_capacity
    max_capacity = var.max_capacity
  }

  gateway_ip_configuration {
    name      = "gateway-ip"
    subnet_id = var.subnet_id
  }

  frontend_ip_configuration {
    name                 = "public"
    public_ip_address_id = azurerm_public_ip.this.id
  }

  frontend_port {
    name = "http"
    port = 80
  }

  backend_address_pool {
    name = local.placeholder
  }

  backend_http_settings {
    name                  = local.placeholder
    cookie_based_affinity = "Disabled"
    port                  = 80
    protocol              = "Http"
    request_timeout       = 30
  }

  http_listener {
    name                           = local.placeholder
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "http"
    protocol                       = "Http"
  }

  request_routing_rule {
    name                       = local.placeholder
    rule_type                  = "Basic"
    http_listener_name         = local.placeholder
    backend_address_pool_name  = local.placeholder
    backend_http_settings_name = local.placeholder
    priority                   = 19500
  }

  # Terraform owns this set (AGIC only references it by name): the client's address, taken from
  # the TCP peer the gateway saw and overwriting whatever the client sent in that header, and
  # the security headers of the API's answers.
  rewrite_rule_set {
    name = local.api_rewrite_rule_set

    rewrite_rule {
      name          = "client-address"
      rule_sequence = 100

      request_header_configuration {
        header_name  = local.client_address_header
        header_value = "{var_client_ip}"
      }
    }

    rewrite_rule {
      name          = "security-headers"
      rule_sequence = 200

      dynamic "response_header_configuration" {
        for_each = local.api_response_headers
        content {
          header_name  = response_header_configuration.key
          header_value = response_header_configuration.value
        }
      }
    }
  }

  # AGIC owns the routing configuration from here on; without this every plan
  # would try to put the placeholder back and break the live routes.
  lifecycle {
    ignore_changes = [
      backend_address_pool,
      backend_http_settings,
      frontend_port,
      http_listener,
      probe,
      redirect_configuration,
      request_routing_rule,
      ssl_certificate,
      tags,
      url_path_map,
    ]
  }
}
