using Covacha.Auth.Data;
using Covacha.Auth.Model;
using Covacha.Shared.Http;
using Covacha.Shared.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Covacha.Auth.Functions;

public sealed class MeFunctions(AccessTokenValidator validator, UserStore users, ILogger<MeFunctions> logger)
{
    [Function("AuthMe")]
    public Task<Results<Ok<UserDto>, ApiProblem>> Me(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        DatabaseGuard.RunAsync(() => MeCore(request, cancellationToken), logger, cancellationToken);

    private async Task<Results<Ok<UserDto>, ApiProblem>> MeCore(HttpRequest request, CancellationToken cancellationToken)
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
