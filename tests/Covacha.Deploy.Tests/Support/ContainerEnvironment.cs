using System.Text;
using System.Text.RegularExpressions;
using Covacha.Testing;
using k8s.Models;

namespace Covacha.Deploy.Tests.Support;

/// <summary>
/// The environment a container starts with, resolved the way the kubelet does it: envFrom
/// ConfigMaps first, then env in order with <c>$(VAR)</c> references to variables defined
/// before. ConfigMap values are the rendered ones; a Secret value is a realistic stand-in,
/// but only for a key that a SecretProviderClass really syncs into that Secret.
/// </summary>
public static partial class ContainerEnvironment
{
    private static readonly Lazy<string> SigningKey = new(() => TestSigningKey.Create().PrivateKeyPem);

    public static Dictionary<string, string> Resolve(RenderedOverlay overlay, V1Container container)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            var name = source.ConfigMapRef?.Name
                ?? throw new InvalidOperationException($"{container.Name}: only configMapRef envFrom is expected");
            foreach (var (key, value) in overlay.ConfigMap(name).Data ?? new Dictionary<string, string>())
            {
                values[key] = value;
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            if (variable.ValueFrom is { } from)
            {
                if (from.SecretKeyRef is { } secretRef)
                {
                    if (SyncedSecretKeys(overlay, secretRef.Name).Contains(secretRef.Key))
                    {
                        values[variable.Name] = StandIn(secretRef.Key);
                    }
                    else if (secretRef.Optional != true)
                    {
                        throw new InvalidOperationException(
                            $"{container.Name}: {variable.Name} reads Secret {secretRef.Name} key {secretRef.Key}, which no SecretProviderClass syncs");
                    }
                }
                else if (from.ConfigMapKeyRef is { } configRef)
                {
                    values[variable.Name] = overlay.ConfigMap(configRef.Name).Data[configRef.Key];
                }
                else
                {
                    throw new InvalidOperationException($"{container.Name}: {variable.Name} has an unexpected valueFrom");
                }
            }
            else
            {
                values[variable.Name] = Expand(variable.Value ?? "", values);
            }
        }

        return values;
    }

    /// <summary>Environment variables as .NET configuration reads them (<c>A__B</c> is <c>A:B</c>).</summary>
    public static Dictionary<string, string?> AsConfiguration(IReadOnlyDictionary<string, string> environment) =>
        environment.ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>The keys each Kubernetes Secret gets from the SecretProviderClasses that sync it.</summary>
    public static HashSet<string> SyncedSecretKeys(RenderedOverlay overlay, string secretName)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spc in overlay.OfKind("SecretProviderClass"))
        {
            foreach (var secret in spc.Root.Path("spec").Seq("secretObjects").Maps().Where(s => s.Str("secretName") == secretName))
            {
                foreach (var data in secret.Seq("data").Maps())
                {
                    keys.Add(data.Str("key")!);
                }
            }
        }

        return keys;
    }

    /// <summary>Kubernetes' <c>$(VAR)</c> expansion: defined names are replaced, <c>$$</c> escapes, others stay.</summary>
    public static string Expand(string value, IReadOnlyDictionary<string, string> defined) =>
        Reference().Replace(value, m => m.Value == "$$" ? "$"
            : defined.TryGetValue(m.Groups[1].Value, out var replacement) ? replacement : m.Value);

    private static string StandIn(string key) => key switch
    {
        "jwt-signing-key-pem" => SigningKey.Value,
        "rabbitmq-uri" => "amqps://covacha:stand-in@broker.example.invalid/covacha",
        "appinsights-connection-string" => "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/",
        _ => "StandIn" + Convert.ToHexString(Encoding.UTF8.GetBytes(key)),
    };

    [GeneratedRegex(@"\$\$|\$\(([A-Za-z_][A-Za-z0-9_.\-]*)\)")]
    private static partial Regex Reference();

}
