using System.Text.Json;
using Covacha.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Covacha.Deploy.Tests;

/// <summary>Scraping, alerts and dashboards refer to metrics that exist (Prometheus operator kinds read as YAML maps).</summary>
public sealed class MonitoringTests
{
    private static List<YamlMappingNode> Alerts() =>
        RenderedOverlay.Aks.One("PrometheusRule", "covacha").Root.Path("spec").Seq("groups").Maps()
            .SelectMany(g => g.Seq("rules").Maps()).ToList();

    private static List<(string Dashboard, string Expression)> DashboardQueries()
    {
        var configMap = RenderedOverlay.Aks.ConfigMap("covacha-grafana-dashboards");
        Assert.Equal("1", configMap.Metadata.Labels["grafana_dashboard"]);
        var queries = new List<(string, string)>();
        foreach (var (file, json) in configMap.Data)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            Assert.False(string.IsNullOrEmpty(root.GetProperty("uid").GetString()), file);
            Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()), file);
            foreach (var panel in root.GetProperty("panels").EnumerateArray())
            {
                foreach (var target in panel.GetProperty("targets").EnumerateArray())
                {
                    queries.Add((file, target.GetProperty("expr").GetString()!));
                }
            }
        }

        return queries;
    }

    [Fact]
    public void AlertRules_ArePromQlShaped_AndReadKnownMetrics()
    {
        var alerts = Alerts();
        Assert.NotEmpty(alerts);
        foreach (var alert in alerts)
        {
            var name = alert.Str("alert")!;
            var metrics = PromQl.Metrics(alert.Str("expr")!);
            Assert.All(metrics, m => Assert.True(KnownMetrics.All.Contains(m), $"{name} reads unknown metric {m}"));
            Assert.Matches(@"^\d+[smh]$", alert.Str("for"));
            Assert.Contains(alert.Path("labels").Str("severity"), new[] { "warning", "critical" });
            Assert.False(string.IsNullOrWhiteSpace(alert.Path("annotations").Str("summary")), name);
        }
    }

    [Theory]
    [InlineData("NodeCpuHigh", "node_cpu_seconds_total", "5m")]
    [InlineData("CovachaHttp5xxRateHigh", "http_server_request_duration_seconds_count", null)]
    [InlineData("CovachaHttpLatencyP99High", "http_server_request_duration_seconds_bucket", null)]
    [InlineData("SearchParkedMessages", "rabbitmq_queue_messages", null)]
    [InlineData("ProductsOutboxBacklogOld", "covacha_outbox_oldest_pending_age_seconds", null)]
    [InlineData("SearchConsumerAbsent", "covacha_search_consumer_attached", null)]
    [InlineData("AuthMailGivenUp", "covacha_mail_given_up_total", "0m")]
    [InlineData("CovachaPodRestarting", "kube_pod_container_status_restarts_total", null)]
    public void OperatorAlert_Exists_OnTheRightMetric(string name, string metric, string? duration)
    {
        var alert = Alerts().SingleOrDefault(a => a.Str("alert") == name);

        Assert.True(alert is not null, $"alert {name} missing");
        Assert.Contains(metric, PromQl.Metrics(alert!.Str("expr")!));
        if (duration is not null)
        {
            Assert.Equal(duration, alert.Str("for"));
        }
    }

    [Fact]
    public void ThresholdAlerts_UseTheAgreedThresholds()
    {
        var alerts = Alerts().ToDictionary(a => a.Str("alert")!, a => a.Str("expr")!);

        Assert.EndsWith("> 75", alerts["NodeCpuHigh"], StringComparison.Ordinal);
        Assert.EndsWith("> 300", alerts["ProductsOutboxBacklogOld"], StringComparison.Ordinal);
        Assert.Contains("queue=\"" + Covacha.Shared.Events.ProductEvents.SearchParkingQueue + "\"", alerts["SearchParkedMessages"], StringComparison.Ordinal);
        Assert.EndsWith("> 0", alerts["SearchParkedMessages"], StringComparison.Ordinal);
        Assert.Contains("histogram_quantile(0.99", alerts["CovachaHttpLatencyP99High"], StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboards_AreValidJson_AndQueryKnownMetrics()
    {
        var queries = DashboardQueries();

        Assert.Equal(3, queries.Select(q => q.Dashboard).Distinct().Count());
        foreach (var (dashboard, expression) in queries)
        {
            Assert.All(PromQl.Metrics(expression), m => Assert.True(KnownMetrics.All.Contains(m), $"{dashboard}: unknown metric {m}"));
        }
    }

    [Fact]
    public void EveryContractMetric_IsKnown_AndShownOrAlertedOn()
    {
        var used = DashboardQueries().SelectMany(q => PromQl.Metrics(q.Expression))
            .Concat(Alerts().SelectMany(a => PromQl.Metrics(a.Str("expr")!)))
            .ToHashSet(StringComparer.Ordinal);
        var contract = KnownMetrics.InContract().ToList();

        Assert.NotEmpty(contract);
        foreach (var metric in contract)
        {
            var isHistogram = KnownMetrics.ContractHistograms.Contains(metric);
            Assert.True(isHistogram || KnownMetrics.ContractSeries.Contains(metric), $"{metric} is in the contract but not in KnownMetrics");
            Assert.True(isHistogram ? used.Contains(metric + "_bucket") : used.Contains(metric), $"{metric} is neither shown nor alerted on");
        }
    }

    [Theory]
    [InlineData("sum(rate(covacha_outbox_pending[5m])")]
    [InlineData("rate(covacha_outbox_pending{service=}[5m])")]
    [InlineData("rate(covacha_outbox_pending[5 minutes])")]
    [InlineData("frobnicate(covacha_outbox_pending)")]
    [InlineData("sum by (service) ()")]
    public void PromQlReader_RejectsMalformedExpressions(string expression)
    {
        Assert.Throws<FormatException>(() => PromQl.Metrics(expression));
    }

    [Fact]
    public void PromQlReader_FindsTheMetricsOfAnExpression()
    {
        var metrics = PromQl.Metrics("sum by (service, le) (rate(a_b_bucket{x=~\"5..\", y!=\"z\"}[5m])) / on() sum(c_total) > 0.5 and absent(d)");

        Assert.Equal(["a_b_bucket", "c_total", "d"], metrics);
    }

    [Fact]
    public void PodMonitor_ScrapesEveryFunctionsDeployment_OnItsMetricsPort()
    {
        var overlay = RenderedOverlay.Aks;
        var spec = overlay.One("PodMonitor", "covacha").Root.Path("spec");
        var selector = spec.Path("selector", "matchLabels").Children
            .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!);
        var port = Assert.Single(spec.Seq("podMetricsEndpoints").Maps()).Str("port");

        foreach (var name in Workloads.Apps.Where(a => a.Value is not null).Select(a => a.Key))
        {
            var template = overlay.Deployment(name).Spec.Template;
            Assert.All(selector, s => Assert.Equal(s.Value, template.Metadata.Labels.TryGetValue(s.Key, out var v) ? v : null));
            Assert.Contains(Assert.Single(template.Spec.Containers).Ports, p => p.Name == port);
        }
    }
}
