namespace Covacha.Auth.Model;

/// <summary>
/// What anyone may read about an account: the name it sells under and since when it exists.
/// Never the email, the role or anything else (GET /api/auth/profiles/{id}).
/// </summary>
public sealed record PublicProfile(Guid Id, string DisplayName, DateTimeOffset MemberSince);
