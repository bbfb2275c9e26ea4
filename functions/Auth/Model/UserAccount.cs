namespace Covacha.Auth.Model;

/// <summary>A row of <c>users</c>.</summary>
public sealed record UserAccount(
    Guid Id, string Email, string DisplayName, string Role, string PasswordHash, DateTimeOffset CreatedAt, DateTimeOffset? EmailVerifiedAt)
{
    public bool EmailVerified => EmailVerifiedAt is not null;

    public UserDto ToDto() => new(Id, Email, DisplayName, Role, EmailVerified);
}
