namespace Covacha.Shared.Identity;

/// <summary>
/// The signed-in user a request comes from, as stated by a validated access token.
/// <see cref="EmailVerified"/> is the token's <c>email_verified</c> claim (false when absent).
/// </summary>
public sealed record Caller(Guid UserId, string Role, string? Email, string? DisplayName, bool EmailVerified = false)
{
    public bool IsAdmin => Role == Roles.Admin;
}
