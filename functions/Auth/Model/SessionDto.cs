namespace Covacha.Auth.Model;

/// <summary>One live session (a login and its refreshes) as its owner sees it.</summary>
public sealed record SessionDto(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt, bool Current);
