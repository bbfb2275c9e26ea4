namespace Covacha.Auth.Model;

public sealed record RegisterRequest(string? Email, string? Password, string? DisplayName);
