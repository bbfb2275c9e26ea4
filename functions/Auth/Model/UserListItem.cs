namespace Covacha.Auth.Model;

public sealed record UserListItem(Guid Id, string Email, string DisplayName, string Role, DateTimeOffset CreatedAt);
