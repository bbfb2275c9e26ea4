namespace Covacha.Auth.Model;

public sealed record SessionList(IReadOnlyList<SessionDto> Items);
