namespace Covacha.Auth.Model;

/// <summary>A row of <c>users</c>.</summary>
public sealed record UserAccount(
    Guid Id, string Email, string DisplayName, string Role, string PasswordHash, DateTimeOffset CreatedAt, DateTimeOffset? EmailVerifiedAt,
    DateTimeOffset? SuspendedAt = null)
{
    public bool EmailVerified => EmailVerifiedAt is not null;

    /// <summary>An admin suspended the account: no logins or refreshes until reactivated.</summary>
    public bool Suspended => SuspendedAt is not null;

    public UserDto ToDto() => new(Id, Email, DisplayName, Role, EmailVerified);
}
