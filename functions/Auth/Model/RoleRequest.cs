namespace Covacha.Auth.Model;

public sealed record RoleRequest(string? Role);
