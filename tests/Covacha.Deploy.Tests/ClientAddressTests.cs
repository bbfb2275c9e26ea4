using System.Text.RegularExpressions;
using Covacha.Deploy.Tests.Support;
using Covacha.DevHost;
using k8s.Models;

namespace Covacha.Deploy.Tests;

/// <summary>
/// The client's address is decided once, at Application Gateway: its rewrite rule set writes a
/// header of our own that Auth is configured to read, and the same set adds the security headers
/// to every /api/* answer. These checks hold the Terraform, the Ingresses and Auth's settings to one another.
/// </summary>
public sealed partial class ClientAddressTests
{
    private static readonly string Gateway = Repository.Read("terraform", "modules", "gateway", "main.tf");

    private static string Local(string name)
    {
        var match = Regex.Match(Gateway, $@"^\s*{name}\s*=\s*""([^""]+)""", RegexOptions.Multiline);
        Assert.True(match.Success, $"terraform/modules/gateway: local {name} is missing");
        return match.Groups[1].Value;
    }

    [Fact]
    public void AuthReadsExactlyTheHeaderTheGatewayWrites()
    {
        var overlay = RenderedOverlay.Aks;
        var container = StartupSettingsTests.AppContainer(overlay, "Deployment", "auth");
        var environment = ContainerEnvironment.Resolve(overlay, container);

        Assert.Equal(Local("client_address_header"), environment.GetValueOrDefault("Auth__ClientAddressHeader"));
        Assert.DoesNotContain("forwarded", Local("client_address_header"), StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"header_value\s*=\s*""\{var_client_ip\}""", Gateway);
    }

    [Fact]
    public void EveryApiIngress_AttachesTheGatewayRewriteRuleSet_AndTheFrontendDoesNot()
    {
        var name = Local("api_rewrite_rule_set");
        foreach (var ingress in RenderedOverlay.Aks.OfKind("Ingress").Select(m => m.As<V1Ingress>()))
        {
            var path = Assert.Single(Assert.Single(ingress.Spec.Rules).Http.Paths).Path;
            var attached = ingress.Metadata.Annotations.TryGetValue("appgw.ingress.kubernetes.io/rewrite-rule-set", out var set) ? set : null;
            Assert.True(path.StartsWith("/api/", StringComparison.Ordinal) ? attached == name : attached is null,
                $"{ingress.Metadata.Name} ({path}): rewrite-rule-set is '{attached}'");
        }
    }

    [Fact]
    public void GatewaySecurityHeaders_AreTheOnesTheDevHostSends()
    {
        var headers = HeaderLine().Matches(Gateway).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

        Assert.Equal("nosniff", headers.GetValueOrDefault("X-Content-Type-Options"));
        Assert.Equal("DENY", headers.GetValueOrDefault("X-Frame-Options"));
        Assert.Equal("no-referrer", headers.GetValueOrDefault("Referrer-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, headers.GetValueOrDefault("Content-Security-Policy"));
    }

    [GeneratedRegex(@"^\s*""([A-Za-z-]+)""\s*=\s*""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();
}
