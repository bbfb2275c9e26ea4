namespace Covacha.Auth.Model;

/// <summary>A row of <c>users</c>.</summary>
public sealed record UserAccount(Guid Id, string Email, string DisplayName, string Role, string PasswordHash, DateTimeOffset CreatedAt)
{
    public UserDto ToDto() => new(Id, Email, DisplayName, Role);
}
