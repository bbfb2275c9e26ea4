using System.Diagnostics;
using System.Text;

namespace Covacha.Shared.Messaging;

/// <summary>W3C trace context in AMQP headers, so a trace follows a product change into Search.</summary>
public static class Traceparent
{
    public const string Header = "traceparent";

    public static string? Current() => Of(Activity.Current);

    /// <summary>The W3C <c>traceparent</c> of <paramref name="activity"/>, or null without one.</summary>
    public static string? Of(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C, Id: { } id } ? id : null;

    public static ActivityContext Parse(IDictionary<string, object?>? headers)
    {
        if (headers is null || !headers.TryGetValue(Header, out var raw) || raw is null)
        {
            return default;
        }

        return Parse(raw is byte[] bytes ? Encoding.UTF8.GetString(bytes) : raw.ToString());
    }

    public static ActivityContext Parse(string? traceparent) =>
        ActivityContext.TryParse(traceparent, null, isRemote: true, out var context) ? context : default;
}
