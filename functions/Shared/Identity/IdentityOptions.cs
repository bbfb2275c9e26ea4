using System.ComponentModel.DataAnnotations;

namespace Covacha.Shared.Identity;

/// <summary>How access tokens are checked: who issues them, for whom, and where the public keys are.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    [Required]
    public string Issuer { get; set; } = "";

    [Required]
    public string Audience { get; set; } = "";

    /// <summary>Auth's JWKS document; not needed by Auth itself, which knows its own keys.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>Tolerated clock difference between Auth and the validating app.</summary>
    [Range(0, 300)]
    public int ClockSkewSeconds { get; set; } = 30;
}
