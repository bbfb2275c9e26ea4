using System.Text.RegularExpressions;
using Covacha.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Covacha.Deploy.Tests;

/// <summary>Secrets come only from Key Vault, under the names Terraform writes; nothing secret is in git.</summary>
public sealed partial class SecretTests
{
    /// <summary>The Key Vault secret names Terraform creates (terraform/main.tf, secret_names).</summary>
    private static readonly string[] KeyVaultSecrets =
    [
        "auth-db-password", "products-db-password", "search-db-password", "mongodb-root-password", "rabbitmq-uri",
        "jwt-signing-key-pem", "products-service-key", "appinsights-connection-string", "bootstrap-admin-password",
        "smtp-username", "smtp-password",
    ];

    /// <summary>The one object the operator adds: the gateway's certificate (docs/deploy-kubernetes.md).</summary>
    private const string Certificate = "covacha-tls";

    private static IEnumerable<(string Class, string Object)> KeyVaultObjects(RenderedOverlay overlay) =>
        overlay.OfKind("SecretProviderClass").SelectMany(spc =>
        {
            var objects = YamlNodes.ParseMap(spc.Root.Path("spec", "parameters").Str("objects")!);
            return objects.Seq("array")!.Children.Cast<YamlScalarNode>()
                .Select(s => YamlNodes.ParseMap(s.Value!))
                .Select(o => (spc.Name, o.Str("objectName")!));
        });

    [Fact]
    public void SecretProviderClasses_ReadExactlyTheKeyVaultSecretsTerraformWrites()
    {
        var objects = KeyVaultObjects(RenderedOverlay.Aks).Select(o => o.Object).ToHashSet();

        Assert.Equal(KeyVaultSecrets.Append(Certificate).Order(StringComparer.Ordinal), objects.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SecretProviderClasses_AreAzureKeyVault_WithTheFieldsTheDeployScriptPatches()
    {
        foreach (var spc in RenderedOverlay.Aks.OfKind("SecretProviderClass"))
        {
            var spec = spc.Root.Path("spec");
            Assert.Equal("azure", spec.Str("provider"));
            var parameters = spec.Path("parameters");
            foreach (var key in new[] { "keyvaultName", "tenantId", "useVMManagedIdentity", "userAssignedIdentityID" })
            {
                Assert.False(string.IsNullOrEmpty(parameters.Str(key)), $"{spc.Name}: parameters.{key}");
            }

            // Every synced key comes from an object this class reads.
            var objects = KeyVaultObjects(RenderedOverlay.Aks).Where(o => o.Class == spc.Name).Select(o => o.Object).ToHashSet();
            foreach (var data in spec.Seq("secretObjects").Maps().SelectMany(s => s.Seq("data").Maps()))
            {
                Assert.Contains(data.Str("objectName")!, objects);
            }
        }
    }

    [Fact]
    public void EveryPodReadingASyncedSecret_MountsTheClassThatSyncsIt()
    {
        var overlay = RenderedOverlay.Aks;
        var syncedBy = overlay.OfKind("SecretProviderClass")
            .SelectMany(spc => spc.Root.Path("spec").Seq("secretObjects").Maps().Select(s => (Secret: s.Str("secretName")!, Class: spc.Name)))
            .ToDictionary(p => p.Secret, p => p.Class, StringComparer.Ordinal);

        foreach (var (owner, template) in overlay.PodTemplates())
        {
            var mounted = (template.Spec.Volumes ?? []).Where(v => v.Csi is not null)
                .Select(v => v.Csi.VolumeAttributes["secretProviderClass"]).ToHashSet();
            var read = template.Spec.Containers.Concat(template.Spec.InitContainers ?? [])
                .SelectMany(c => c.Env ?? []).Select(e => e.ValueFrom?.SecretKeyRef?.Name).OfType<string>();
            foreach (var secret in read)
            {
                Assert.True(syncedBy.ContainsKey(secret), $"{owner} reads Secret {secret}, which nothing syncs");
                Assert.True(mounted.Contains(syncedBy[secret]), $"{owner} reads {secret} without mounting {syncedBy[secret]}");
            }
        }
    }

    [Fact]
    public void Manifests_HoldNoSecretValues()
    {
        var overlay = RenderedOverlay.Aks;

        Assert.DoesNotContain(overlay.Manifests, m => m.Kind == "Secret");
        Assert.DoesNotMatch("-----BEGIN [A-Z ]*PRIVATE KEY-----", overlay.Text);
        Assert.DoesNotMatch(@"amqps?://[^:\s]+:[^@\s$]+@", overlay.Text);
        foreach (var (owner, template) in overlay.PodTemplates())
        {
            foreach (var variable in template.Spec.Containers.Concat(template.Spec.InitContainers ?? []).SelectMany(c => c.Env ?? []))
            {
                if (variable.Value is { } value)
                {
                    Assert.False(SecretLiteral().IsMatch(value), $"{owner}: {variable.Name} holds a literal secret");
                    Assert.False(SecretName().IsMatch(variable.Name) && !value.StartsWith("$(", StringComparison.Ordinal),
                        $"{owner}: {variable.Name} must come from a Secret");
                }
            }
        }
    }

    [GeneratedRegex(@"(?i)(password|pwd)=(?!\$\()")]
    private static partial Regex SecretLiteral();

    [GeneratedRegex(@"(?i)password|servicekey|privatekey|_pem$")]
    private static partial Regex SecretName();
}
