namespace Covacha.Auth.Model;

/// <summary>The token from a mailed verification link.</summary>
public sealed record VerifyEmailRequest(string? Token);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ResetPasswordRequest(string? Token, string? Password);

public sealed record ProfileRequest(string? DisplayName);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record ChangeEmailRequest(string? NewEmail, string? Password);

public sealed record DeleteAccountRequest(string? Password);
