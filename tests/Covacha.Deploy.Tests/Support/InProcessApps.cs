namespace Covacha.Deploy.Tests.Support;

/// <summary>
/// Tests that build an app's real host in this process run one at a time: each host opens the
/// Prometheus listener on the port its environment names (9464, as on AKS), so two built at once
/// collide, and the worker host tests set a process-wide environment variable.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessApps
{
    public const string Name = "apps built in process";
}
