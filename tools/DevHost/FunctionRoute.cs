using System.Reflection;

namespace Covacha.DevHost;

/// <summary>One HTTP-triggered function as the Functions host would expose it.</summary>
public sealed record FunctionRoute(
    string App,
    string FunctionName,
    IReadOnlyList<string> Methods,
    string Route,
    Type FunctionClass,
    MethodInfo Method)
{
    /// <summary>The path template a client calls: the route prefix from host.json, then the function's route.</summary>
    public string PathTemplate(string routePrefix) =>
        "/" + string.Join('/', new[] { routePrefix.Trim('/'), Route.Trim('/') }.Where(p => p.Length > 0));
}
