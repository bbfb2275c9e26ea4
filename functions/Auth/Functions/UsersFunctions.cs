using System.Globalization;
using Covacha.Auth.Data;
using Covacha.Auth.Model;
using Covacha.Shared.Http;
using Covacha.Shared.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Covacha.Shared.Pipeline;

namespace Covacha.Auth.Functions;

/// <summary>Account administration (admins only).</summary>
public sealed class UsersFunctions(UserStore users, RefreshTokenStore refreshTokens)
{
    public const int MaxPageSize = 100;
    private const string OnlyAdmins = "Only an admin may manage accounts.";

    [Function("AuthUsersList")]
    [RequireRole(Roles.Admin, Denied = OnlyAdmins)]
    public async Task<Results<Ok<UserPage>, ApiProblem>> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/users")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!TryQueryInt(request, "page", 1, 1, int.MaxValue / MaxPageSize, out var page, out var pageProblem))
        {
            return pageProblem!;
        }

        if (!TryQueryInt(request, "pageSize", 20, 1, MaxPageSize, out var pageSize, out var sizeProblem))
        {
            return sizeProblem!;
        }

        return TypedResults.Ok(await users.ListAsync(page, pageSize, cancellationToken));
    }

    [Function("AuthUsersSetRole")]
    [RequireRole(Roles.Admin, Denied = OnlyAdmins)]
    public async Task<Results<Ok<UserDto>, ApiProblem>> SetRole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "auth/users/{id:guid}/role")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(request, AuthJsonContext.Default.RoleRequest, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var role = body.Value!.Role;
        if (!Roles.IsKnown(role))
        {
            return Problems.Validation("role", $"Must be \"{Roles.User}\" or \"{Roles.Admin}\".");
        }

        var before = await users.FindByIdAsync(id, cancellationToken);
        var account = await users.SetRoleAsync(id, role!, cancellationToken);
        if (account is not null && before is not null && before.Role != account.Role)
        {
            // Sessions carry the old role into every access token they mint: a role change ends them.
            await refreshTokens.RevokeAllSessionsAsync(id, cancellationToken);
        }

        return account is null ? Problems.NotFound("No such user.") : TypedResults.Ok(account.ToDto());
    }

    private static bool TryQueryInt(HttpRequest request, string name, int fallback, int min, int max, out int value, out ApiProblem? problem)
    {
        problem = null;
        var raw = request.Query[name];
        if (raw.Count == 0 || string.IsNullOrEmpty(raw[0]))
        {
            value = fallback;
            return true;
        }

        if (raw.Count > 1 || !int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            value = 0;
            problem = Problems.BadRequest(name, $"Must be a whole number from {min} to {max}.");
            return false;
        }

        return true;
    }
}
