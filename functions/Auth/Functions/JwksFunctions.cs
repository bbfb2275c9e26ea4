using Covacha.Auth.Model;
using Covacha.Auth.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

public sealed class JwksFunctions(SigningKeyRing keys)
{
    /// <summary>The public halves of every configured signing key; never a private parameter.</summary>
    [Function("AuthJwks")]
    public Ok<JwksDocument> Jwks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/.well-known/jwks.json")] HttpRequest request)
    {
        // Short enough that a newly added key reaches validators well before it starts signing.
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new JwksDocument(keys.Public));
    }
}
