using Covacha.Testing;

namespace Covacha.DevHost.Tests;

/// <summary>
/// A dev host for the OpenAPI tests. It shares the tests-devhost virtual host with
/// <see cref="DevHostFixture"/>, so its Search consumer stays off: the two hosts must not split
/// one queue between them.
/// </summary>
public sealed class OpenApiHostFixture() : CovachaHost("tests-devhost")
{
    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Search:ConsumerEnabled"] = "false",
    };
}
