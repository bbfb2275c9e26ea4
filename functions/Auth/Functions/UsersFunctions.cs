using System.Globalization;
using Covacha.Auth.Data;
using Covacha.Auth.Model;
using Covacha.Shared.Http;
using Covacha.Shared.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Covacha.Auth.Functions;

/// <summary>Account administration (admins only).</summary>
public sealed class UsersFunctions(AccessTokenValidator validator, UserStore users, ILogger<UsersFunctions> logger)
{
    public const int MaxPageSize = 100;

    [Function("AuthUsersList")]
    public Task<Results<Ok<UserPage>, ApiProblem>> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/users")] HttpRequest request,
        CancellationToken cancellationToken) =>
        DatabaseGuard.RunAsync(() => ListCore(request, cancellationToken), logger, cancellationToken);

    [Function("AuthUsersSetRole")]
    public Task<Results<Ok<UserDto>, ApiProblem>> SetRole(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "auth/users/{id:guid}/role")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        DatabaseGuard.RunAsync(() => SetRoleCore(request, id, cancellationToken), logger, cancellationToken);

    private async Task<Results<Ok<UserPage>, ApiProblem>> ListCore(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await RequireAdminAsync(request, cancellationToken) is { } denied)
        {
            return denied;
        }

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

    private async Task<Results<Ok<UserDto>, ApiProblem>> SetRoleCore(HttpRequest request, Guid id, CancellationToken cancellationToken)
    {
        if (await RequireAdminAsync(request, cancellationToken) is { } denied)
        {
            return denied;
        }

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

        var account = await users.SetRoleAsync(id, role!, cancellationToken);
        return account is null ? Problems.NotFound("No such user.") : TypedResults.Ok(account.ToDto());
    }

    private async Task<ApiProblem?> RequireAdminAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = await validator.AuthenticateAsync(request, cancellationToken);
        if (caller.Problem is { } problem)
        {
            return problem;
        }

        return caller.Caller!.IsAdmin ? null : Problems.Forbidden("Only an admin may manage accounts.");
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
