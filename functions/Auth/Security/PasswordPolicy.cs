namespace Covacha.Auth.Security;

/// <summary>
/// Password rules (NIST SP 800-63B style): 12 to 128 characters, not a well-known password.
/// No composition rules; length and a deny-list do more for real users.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static int CommonCount => Common.Value.Count;

    /// <summary>Null when acceptable, otherwise the reason (for <c>errors.password</c>).</summary>
    public static string? Check(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return "Required.";
        }

        if (password.Length < MinLength)
        {
            return $"At least {MinLength} characters.";
        }

        if (password.Length > MaxLength)
        {
            return $"At most {MaxLength} characters.";
        }

        return IsCommon(password) ? "This password is too common; choose another." : null;
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    private static HashSet<string> Load()
    {
        var assembly = typeof(PasswordPolicy).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("common-passwords.txt", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
