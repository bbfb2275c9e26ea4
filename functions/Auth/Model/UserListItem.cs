namespace Covacha.Auth.Model;

/// <summary>An account as the admin's user list shows it; <see cref="SuspendedAt"/> is set while it is suspended.</summary>
public sealed record UserListItem(Guid Id, string Email, string DisplayName, string Role, DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt);
