namespace Covacha.Auth.Model;

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn);
