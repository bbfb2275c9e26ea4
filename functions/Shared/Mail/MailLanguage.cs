using Microsoft.Net.Http.Headers;

namespace Covacha.Shared.Mail;

/// <summary>The languages mail is written in, chosen from the request's Accept-Language.</summary>
public static class MailLanguage
{
    public const string English = "en";
    public const string Spanish = "es";

    /// <summary>The first of the caller's preferred languages that we write, English when none.</summary>
    public static string FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var languages))
        {
            return English;
        }

        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1.0))
        {
            var tag = language.Value.Value ?? "";
            if (tag.StartsWith(Spanish, StringComparison.OrdinalIgnoreCase) && (tag.Length == 2 || tag[2] == '-'))
            {
                return Spanish;
            }

            if (tag.StartsWith(English, StringComparison.OrdinalIgnoreCase) && (tag.Length == 2 || tag[2] == '-'))
            {
                return English;
            }
        }

        return English;
    }
}
