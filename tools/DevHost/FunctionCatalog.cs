using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.DevHost;

/// <summary>
/// Reads the same attributes the Worker SDK reads when it writes <c>functions.metadata</c>:
/// every <c>[Function]</c> method with an <c>[HttpTrigger]</c> parameter.
/// </summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<FunctionRoute> Discover(string app, Assembly assembly)
    {
        var routes = new List<FunctionRoute>();
        foreach (var type in assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                if (function is null)
                {
                    continue;
                }

                var trigger = method.GetParameters()
                    .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                    .FirstOrDefault(a => a is not null);
                if (trigger is null)
                {
                    continue;
                }

                var methods = (trigger.Methods ?? ["get", "post", "put", "patch", "delete", "head", "options"])
                    .Select(m => m.ToUpperInvariant())
                    .ToArray();
                routes.Add(new FunctionRoute(app, function.Name, methods, trigger.Route ?? function.Name, type, method));
            }
        }

        return routes.OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.FunctionName, StringComparer.Ordinal).ToList();
    }
}
