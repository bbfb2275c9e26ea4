using System.Diagnostics;
using System.Text;

namespace Covacha.Shared.Messaging;

/// <summary>W3C trace context in AMQP headers, so a trace follows a product change into Search.</summary>
public static class Traceparent
{
    public const string Header = "traceparent";

    public static string? Current() => Activity.Current?.Id is { } id && Activity.Current.IdFormat == ActivityIdFormat.W3C ? id : null;

    public static ActivityContext Parse(IDictionary<string, object?>? headers)
    {
        if (headers is null || !headers.TryGetValue(Header, out var raw) || raw is null)
        {
            return default;
        }

        var text = raw is byte[] bytes ? Encoding.UTF8.GetString(bytes) : raw.ToString();
        return ActivityContext.TryParse(text, null, out var context) ? context : default;
    }
}
