using Covacha.Auth.Data;
using Covacha.Auth.Model;
using Covacha.Shared.Http;
using Covacha.Shared.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

public sealed class MeFunctions(UserStore users)
{
    [Function("AuthMe")]
    [SignedIn]
    public async Task<Results<Ok<UserDto>, ApiProblem>> Me(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/me")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(request.Caller().UserId, cancellationToken);
        return account is null
            ? Problems.Unauthorized("The account behind this token no longer exists.")
            : TypedResults.Ok(account.ToDto());
    }
}
