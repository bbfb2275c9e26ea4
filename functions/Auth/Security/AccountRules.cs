using System.Text.RegularExpressions;

namespace Covacha.Auth.Security;

/// <summary>How emails and display names are normalised and what shapes are accepted.</summary>
public static partial class AccountRules
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameLength = 60;

    public static string NormalizeEmail(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>A pragmatic shape check: one @, a non-empty local part of at most 64 characters,
    /// a dotted domain, no spaces or control characters.</summary>
    public static bool IsValidEmail(string normalized) =>
        normalized.Length is > 0 and <= MaxEmailLength && EmailShape().IsMatch(normalized)
        && normalized.IndexOf('@', StringComparison.Ordinal) <= 64;

    public static string NormalizeDisplayName(string? displayName) => (displayName ?? "").Trim();

    public static string? CheckDisplayName(string normalized)
    {
        if (normalized.Length == 0)
        {
            return "Required.";
        }

        if (normalized.Length > MaxDisplayNameLength)
        {
            return $"At most {MaxDisplayNameLength} characters.";
        }

        return normalized.Any(char.IsControl) ? "Must not contain control characters." : null;
    }

    [GeneratedRegex(@"^[^@\s\p{C}]+@[^@\s\p{C}.]+(\.[^@\s\p{C}.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
