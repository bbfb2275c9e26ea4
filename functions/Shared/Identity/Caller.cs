namespace Covacha.Shared.Identity;

/// <summary>The signed-in user a request comes from, as stated by a validated access token.</summary>
public sealed record Caller(Guid UserId, string Role, string? Email, string? DisplayName)
{
    public bool IsAdmin => Role == Roles.Admin;
}
