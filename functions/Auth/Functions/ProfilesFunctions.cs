using Covacha.Auth.Data;
using Covacha.Auth.Model;
using Covacha.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

/// <summary>
/// Public profiles: the display name a seller's products are shown with. Anonymous, because
/// product pages and seller pages are; read from the account itself, so a rename shows at once
/// (see docs/decisions/0085-seller-names-read-from-auth.md).
/// </summary>
public sealed class ProfilesFunctions(UserStore users)
{
    /// <summary>Browsers and the gateway may keep a profile this long; a rename shows within it.</summary>
    public const int MaxAgeSeconds = 60;

    [Function("AuthProfilesGet")]
    public async Task<Results<Ok<PublicProfile>, ApiProblem>> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/profiles/{id:guid}")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound("No such seller.");
        }

        request.HttpContext.Response.Headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
        return TypedResults.Ok(new PublicProfile(account.Id, account.DisplayName, account.CreatedAt));
    }
}
