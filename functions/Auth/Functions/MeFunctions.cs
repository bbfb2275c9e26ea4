using Covacha.Auth.Data;
using Covacha.Auth.Model;
using Covacha.Shared.Http;
using Covacha.Shared.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

public sealed class MeFunctions(AccessTokenValidator validator, UserStore users)
{
    [Function("AuthMe")]
    public async Task<Results<Ok<UserDto>, ApiProblem>> Me(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/me")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = await validator.AuthenticateAsync(request, cancellationToken);
        if (caller.Problem is { } problem)
        {
            return problem;
        }

        var account = await users.FindByIdAsync(caller.Caller!.UserId, cancellationToken);
        return account is null
            ? Problems.Unauthorized("The account behind this token no longer exists.")
            : TypedResults.Ok(account.ToDto());
    }
}
