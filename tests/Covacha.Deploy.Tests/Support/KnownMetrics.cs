namespace Covacha.Deploy.Tests.Support;

/// <summary>
/// The metric names alerts and dashboards may use, defined once: what the apps export
/// (docs/contract.md, "Metrics") and what standard exporters in a kube-prometheus-stack cluster
/// publish. A histogram counts with its _bucket, _sum and _count series.
/// </summary>
public static class KnownMetrics
{
    public static readonly IReadOnlyList<string> ContractHistograms =
    [
        "http_server_request_duration_seconds",
        "covacha_search_index_lag_seconds",
    ];

    public static readonly IReadOnlyList<string> ContractSeries =
    [
        "covacha_outbox_pending",
        "covacha_outbox_oldest_pending_age_seconds",
        "covacha_outbox_published_total",
        "covacha_search_events_applied_total",
        "covacha_search_events_parked_total",
        "covacha_search_consumer_attached",
        "covacha_auth_logins_total",
        "covacha_mail_sent_total",
        "covacha_mail_given_up_total",
    ];

    /// <summary>node-exporter, kube-state-metrics, kubelet/cAdvisor, Prometheus itself, KEDA, postgres_exporter, RabbitMQ.</summary>
    public static readonly IReadOnlyList<string> Standard =
    [
        "up",
        "node_cpu_seconds_total",
        "kube_pod_container_status_restarts_total",
        "kube_deployment_spec_replicas",
        "kube_deployment_status_replicas",
        "kube_deployment_status_replicas_available",
        "kube_job_status_failed",
        "kubelet_volume_stats_available_bytes",
        "kubelet_volume_stats_capacity_bytes",
        "container_cpu_usage_seconds_total",
        "container_memory_working_set_bytes",
        "keda_scaler_metrics_value",
        "pg_up",
        "pg_stat_database_numbackends",
        "pg_stat_database_xact_commit",
        "pg_stat_database_xact_rollback",
        "pg_database_size_bytes",
        "rabbitmq_queue_messages",
        "rabbitmq_queue_messages_ready",
    ];

    public static readonly IReadOnlySet<string> All = ContractSeries
        .Concat(ContractHistograms.SelectMany(h => new[] { h + "_bucket", h + "_sum", h + "_count" }))
        .Concat(Standard)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The contract's metric names, read from docs/contract.md so this list cannot drift from it.</summary>
    public static IEnumerable<string> InContract()
    {
        var contract = Repository.Read("docs", "contract.md");
        var section = contract[contract.IndexOf("## Metrics", StringComparison.Ordinal)..];
        return System.Text.RegularExpressions.Regex.Matches(section, @"\b(http_server_\w+|covacha_\w+)")
            .Select(m => m.Value).Distinct();
    }
}
