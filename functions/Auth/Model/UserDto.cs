namespace Covacha.Auth.Model;

public sealed record UserDto(Guid Id, string Email, string DisplayName, string Role, bool EmailVerified);
