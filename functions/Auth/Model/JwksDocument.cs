using Covacha.Auth.Security;

namespace Covacha.Auth.Model;

public sealed record JwksDocument(IReadOnlyList<PublicJwk> Keys);
