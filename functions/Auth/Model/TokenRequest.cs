namespace Covacha.Auth.Model;

public sealed record TokenRequest(string? Email, string? Password);
