using System.Globalization;
using Covacha.Auth.Data;
using Covacha.Auth.Model;
using Covacha.Auth.Security;
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

        var email = request.Query["email"];
        if (email.Count > 1)
        {
            return Problems.BadRequest("email", "Give at most one.");
        }

        var part = AccountRules.NormalizeEmail(email.ToString());
        if (part.Length > AccountRules.MaxEmailLength || part.Contains('\0', StringComparison.Ordinal))
        {
            return Problems.BadRequest("email", $"At most {AccountRules.MaxEmailLength} characters, no NUL.");
        }

        return TypedResults.Ok(await users.ListAsync(page, pageSize, cancellationToken, part));
    }

    [Function("AuthUsersSuspend")]
    [RequireRole(Roles.Admin, Denied = OnlyAdmins)]
    public Task<Results<Ok<UserListItem>, ApiProblem>> Suspend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "auth/users/{id:guid}/suspension")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        SetSuspendedAsync(request, id, suspend: true, cancellationToken);

    [Function("AuthUsersReactivate")]
    [RequireRole(Roles.Admin, Denied = OnlyAdmins)]
    public Task<Results<Ok<UserListItem>, ApiProblem>> Reactivate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "auth/users/{id:guid}/suspension")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken) =>
        SetSuspendedAsync(request, id, suspend: false, cancellationToken);

    private async Task<Results<Ok<UserListItem>, ApiProblem>> SetSuspendedAsync(HttpRequest request, Guid id, bool suspend,
        CancellationToken cancellationToken)
    {
        var admin = request.Caller().UserId;
        if (suspend && id == admin)
        {
            // The last admin could lock everyone out of administration.
            return Problems.Forbidden("You cannot suspend your own account.");
        }

        var account = await users.SetSuspendedAsync(id, suspend, admin, cancellationToken);
        return account is null ? Problems.NotFound("No such user.") : TypedResults.Ok(account);
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
