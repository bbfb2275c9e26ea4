using Xunit.Abstractions;
using Xunit.Sdk;

namespace Covacha.Search.Tests.Infrastructure;

/// <summary>
/// A fact of the store contract. It is skipped, with the reason shown in the test output, when the
/// concrete test class declares a non-null static <c>SkipReason</c> (a store that is not reachable here).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Covacha.Search.Tests.Infrastructure.StoreFactDiscoverer", "Covacha.Search.Tests")]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var reason = type?.GetProperty("SkipReason", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) as string;
        if (reason is not null)
        {
            diagnosticMessageSink.OnMessage(new DiagnosticMessage($"{type!.Name}: skipped: {reason}"));
            yield return new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
            yield break;
        }

        yield return new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}
