using System.Text.Json;
using System.Text.Json.Serialization;

namespace Covacha.Auth.Model;

/// <summary>Auth's request and response shapes. Unknown request members are refused (400 naming them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(RoleRequest))]
[JsonSerializable(typeof(VerifyEmailRequest))]
[JsonSerializable(typeof(ForgotPasswordRequest))]
[JsonSerializable(typeof(ResetPasswordRequest))]
[JsonSerializable(typeof(ProfileRequest))]
[JsonSerializable(typeof(ChangePasswordRequest))]
[JsonSerializable(typeof(ChangeEmailRequest))]
[JsonSerializable(typeof(DeleteAccountRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(UserDto))]
[JsonSerializable(typeof(UserPage))]
[JsonSerializable(typeof(UserListItem))]
[JsonSerializable(typeof(PublicProfile))]
[JsonSerializable(typeof(JwksDocument))]
[JsonSerializable(typeof(SessionList))]
public sealed partial class AuthJsonContext : JsonSerializerContext;
