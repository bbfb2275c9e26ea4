# A user-assigned control plane identity can be granted rights on the subnet
# before the cluster exists, so the first create does not race the grant.
resource "azurerm_user_assigned_identity" "control_plane" {
  name                = "id-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_role_assignment" "control_plane_subnet" {
  scope                = var.subnet_id
  role_definition_name = "Network Contributor"
  principal_id         = azurerm_user_assigned_identity.control_plane.principal_id
}

resource "azurerm_kubernetes_cluster" "this" {
  name                = var.name
  location            = var.location
  resource_group_name = var.resource_group_name
  dns_prefix          = var.name
  kubernetes_version  = var.kubernetes_version
  sku_tier            = var.sku_tier
  node_resource_group = "rg-${var.name}-nodes"
  tags                = var.tags

  automatic_upgrade_channel = "patch"
  node_os_upgrade_channel   = "NodeImage"

  # Entra ID sign-in with Azure RBAC; no static admin credentials exist.
  local_account_disabled            = true
  role_based_access_control_enabled = true

  azure_active_directory_role_based_access_control {
    tenant_id          = var.tenant_id
    azure_rbac_enabled = true
  }

  # Workload identity: pods can exchange a service account token for an Entra
  # ID token.
  oidc_issuer_enabled       = true
  workload_identity_enabled = true

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.control_plane.id]
  }

  default_node_pool {
    name                         = "system"
    vm_size                      = var.system_node_pool.vm_size
    auto_scaling_enabled         = true
    min_count                    = var.system_node_pool.min_count
    max_count                    = var.system_node_pool.max_count
    max_pods                     = var.max_pods
    vnet_subnet_id               = var.subnet_id
    zones                        = var.availability_zones
    only_critical_addons_enabled = true
    temporary_name_for_rotation  = "systemtmp"
    tags                         = var.tags

    upgrade_settings {
      max_surge = "33%"
    }
  }

  # Azure CNI: pods get addresses in the VNet, which Application Gateway
  # reaches directly as backends.
  network_profile {
    network_plugin    = "azure"
    network_policy    = "azure"
    load_balancer_sku = "standard"
    service_cidr      = var.service_cidr
    dns_service_ip    = var.dns_service_ip
  }

  dynamic "api_server_access_profile" {
    for_each = length(var.api_server_authorized_ip_ranges) > 0 ? [1] : []
    content {
      authorized_ip_ranges = var.api_server_authorized_ip_ranges
    }
  }

  # Application Gateway Ingress Controller add-on, driving the gateway that
  # Terraform created (so its public IP can carry the DNS record).
  ingress_application_gateway {
    gateway_id = var.gateway_id
  }

  # KEDA add-on: scales search-indexer on RabbitMQ queue depth.
  workload_autoscaler_profile {
    keda_enabled = true
  }

  # Secrets Store CSI driver with the Azure Key Vault provider.
  key_vault_secrets_provider {
    secret_rotation_enabled  = true
    secret_rotation_interval = "2m"
  }

  # Azure Monitor agent (Container Insights) with managed identity auth; the
  # data collection rule below says what it collects.
  oms_agent {
    log_analytics_workspace_id      = var.log_analytics_workspace_id
    msi_auth_for_monitoring_enabled = true
  }

  depends_on = [azurerm_role_assignment.control_plane_subnet]

  lifecycle {
    ignore_changes = [
      # The autoscaler owns node counts.
      default_node_pool[0].node_count,
    ]
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                  = "user"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.this.id
  mode                  = "User"
  vm_size               = var.user_node_pool.vm_size
  auto_scaling_enabled  = true
  min_count             = var.user_node_pool.min_count
  max_count             = var.user_node_pool.max_count
  max_pods              = var.max_pods
  vnet_subnet_id        = var.subnet_id
  zones                 = var.availability_zones
  tags                  = var.tags

  upgrade_settings {
    max_surge = "33%"
  }

  lifecycle {
    ignore_changes = [node_count]
  }
}

# --- AGIC permissions --------------------------------------------------------
# Without these the add-on starts, cannot update the gateway, and every
# Ingress stays unserved (the 403 "does not have authorization to perform
# action Microsoft.Network/virtualNetworks/subnets/join/action" failure).
locals {
  agic_object_id = azurerm_kubernetes_cluster.this.ingress_application_gateway[0].ingress_application_gateway_identity[0].object_id
}

resource "azurerm_role_assignment" "agic_gateway" {
  scope                = var.gateway_id
  role_definition_name = "Contributor"
  principal_id         = local.agic_object_id
}

resource "azurerm_role_assignment" "agic_resource_group" {
  scope                = var.resource_group_id
  role_definition_name = "Reader"
  principal_id         = local.agic_object_id
}

resource "azurerm_role_assignment" "agic_gateway_subnet" {
  scope                = var.gateway_subnet_id
  role_definition_name = "Network Contributor"
  principal_id         = local.agic_object_id
}

# --- People and pipelines that administer the cluster ------------------------
resource "azurerm_role_assignment" "cluster_admin" {
  count = length(var.admin_object_ids)

  scope                = azurerm_kubernetes_cluster.this.id
  role_definition_name = "Azure Kubernetes Service RBAC Cluster Admin"
  principal_id         = var.admin_object_ids[count.index]
}

# `az aks get-credentials` needs this to fetch the (token-less) kubeconfig.
resource "azurerm_role_assignment" "cluster_user" {
  count = length(var.admin_object_ids)

  scope                = azurerm_kubernetes_cluster.this.id
  role_definition_name = "Azure Kubernetes Service Cluster User Role"
  principal_id         = var.admin_object_ids[count.index]
}

# --- Container Insights through the Azure Monitor agent ----------------------
resource "azurerm_monitor_data_collection_rule" "container_insights" {
  name                = "dcr-${var.name}-ci"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags

  destinations {
    log_analytics {
      name                  = "workspace"
      workspace_resource_id = var.log_analytics_workspace_id
    }
  }

  data_flow {
    streams      = ["Microsoft-ContainerInsights-Group-Default"]
    destinations = ["workspace"]
  }

  data_sources {
    extension {
      name           = "ContainerInsightsExtension"
      extension_name = "ContainerInsights"
      streams        = ["Microsoft-ContainerInsights-Group-Default"]
      extension_json = jsonencode({
        dataCollectionSettings = {
          interval               = "1m"
          namespaceFilteringMode = "Off"
          enableContainerLogV2   = true
        }
      })
    }
  }
}

resource "azurerm_monitor_data_collection_rule_association" "container_insights" {
  name                    = "ContainerInsightsExtension"
  target_resource_id      = azurerm_kubernetes_cluster.this.id
  data_collection_rule_id = azurerm_monitor_data_collection_rule.container_insights.id
}
