using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Covacha.Testing;

/// <summary>
/// Reads what the real SMTP sink (maildev, started by <c>./covacha test</c>) received, through
/// its REST API. Tests use addresses of their own, so each finds only its own mail.
/// </summary>
public static partial class MailSink
{
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Every mail received for <paramref name="address"/>, oldest first.</summary>
    public static async Task<List<ReceivedMail>> ForAsync(string address)
    {
        var all = await s_http.GetFromJsonAsync<JsonElement>($"{TestEnvironment.MailUrl}/api/email");
        var mails = new List<ReceivedMail>();
        foreach (var mail in all.EnumerateArray())
        {
            var to = mail.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString()).ToList();
            if (to.Any(t => string.Equals(t, address, StringComparison.OrdinalIgnoreCase)))
            {
                mails.Add(new ReceivedMail(
                    mail.GetProperty("subject").GetString() ?? "",
                    mail.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "",
                    mail.TryGetProperty("html", out var html) ? html.GetString() ?? "" : "",
                    mail.TryGetProperty("date", out var date) && date.TryGetDateTimeOffset(out var at) ? at : DateTimeOffset.MinValue));
            }
        }

        return [.. mails.OrderBy(m => m.Date)];
    }

    /// <summary>Waits until <paramref name="address"/> has at least <paramref name="count"/> mails and returns them.</summary>
    public static Task<List<ReceivedMail>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null) =>
        Eventually.WaitAsync(() => ForAsync(address), m => m.Count >= count, timeout ?? TimeSpan.FromSeconds(20),
            $"{count} mail(s) to {address}");

    /// <summary>The token in the first link of a mail's text (<c>?token=...</c>).</summary>
    public static string TokenIn(ReceivedMail mail) =>
        TokenPattern().Match(mail.Text) is { Success: true } m ? Uri.UnescapeDataString(m.Groups[1].Value)
            : throw new InvalidOperationException($"No link with a token in \"{mail.Subject}\": {mail.Text}");

    [GeneratedRegex(@"\?token=([A-Za-z0-9._%-]+)")]
    private static partial Regex TokenPattern();
}

public sealed record ReceivedMail(string Subject, string Text, string Html, DateTimeOffset Date);
