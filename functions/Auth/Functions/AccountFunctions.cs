using Covacha.Auth.Model;
using Covacha.Auth.Security;
using Covacha.Shared.Http;
using Covacha.Shared.Pipeline;
using Covacha.Shared.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

/// <summary>The signed-in user's own account: display name, password, email, deletion.</summary>
public sealed class AccountFunctions(AccountSettings settings, ClientAddress clientAddress)
{
    [Function("AuthMeUpdate")]
    [SignedIn]
    public Task<Results<Ok<UserDto>, ApiProblem>> Update(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "auth/me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        UpdateCore(request, cancellationToken);

    [Function("AuthMePassword")]
    [SignedIn]
    public Task<Results<NoContent, ApiProblem>> ChangePassword(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/me/password")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ChangePasswordCore(request, cancellationToken);

    [Function("AuthMeEmail")]
    [SignedIn]
    public Task<Results<Accepted, ApiProblem>> ChangeEmail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/me/email")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ChangeEmailCore(request, cancellationToken);

    [Function("AuthMeDelete")]
    [SignedIn]
    public Task<Results<NoContent, ApiProblem>> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/me/delete")] HttpRequest request,
        CancellationToken cancellationToken) =>
        DeleteCore(request, cancellationToken);

    private async Task<Results<Ok<UserDto>, ApiProblem>> UpdateCore(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();

        var body = await JsonBody.ReadAsync(request, AuthJsonContext.Default.ProfileRequest, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var displayName = AccountRules.NormalizeDisplayName(body.Value!.DisplayName);
        if (AccountRules.CheckDisplayName(displayName) is { } nameProblem)
        {
            return Problems.Validation("displayName", nameProblem);
        }

        var account = await settings.RenameAsync(caller.UserId, displayName, cancellationToken);
        return account is null ? Problems.Unauthorized("The account behind this token no longer exists.") : TypedResults.Ok(account.ToDto());
    }

    private async Task<Results<NoContent, ApiProblem>> ChangePasswordCore(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();

        var body = await JsonBody.ReadAsync(request, AuthJsonContext.Default.ChangePasswordRequest, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var input = body.Value!;
        var errors = new ValidationErrors().AddIf(string.IsNullOrEmpty(input.CurrentPassword), "currentPassword", "Required.");
        if (PasswordPolicy.Check(input.NewPassword) is { } passwordProblem)
        {
            errors.Add("newPassword", passwordProblem);
        }

        if (errors.ToProblem() is { } invalid)
        {
            return invalid;
        }

        return await RunAsync(() => settings.ChangePasswordAsync(caller.UserId, input.CurrentPassword!, input.NewPassword!,
            RefreshCookie.Read(request), clientAddress.Of(request), Language(request), cancellationToken), "currentPassword", TypedResults.NoContent());
    }

    private async Task<Results<Accepted, ApiProblem>> ChangeEmailCore(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();

        var body = await JsonBody.ReadAsync(request, AuthJsonContext.Default.ChangeEmailRequest, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var input = body.Value!;
        var email = AccountRules.NormalizeEmail(input.NewEmail);
        var invalid = new ValidationErrors()
            .AddIf(email.Length == 0, "newEmail", "Required.")
            .AddIf(email.Length > 0 && (email.Length > AccountRules.MaxEmailLength || !AccountRules.IsValidEmail(email)), "newEmail",
                "Not an email address.")
            .AddIf(email.Length > 0 && string.Equals(email, caller.Email, StringComparison.OrdinalIgnoreCase), "newEmail",
                "This is already your email address.")
            .AddIf(string.IsNullOrEmpty(input.Password), "password", "Required.")
            .ToProblem();
        if (invalid is not null)
        {
            return invalid;
        }

        return await RunAsync(() => settings.ChangeEmailAsync(caller.UserId, email, input.Password!, clientAddress.Of(request),
            Language(request), cancellationToken), "password", TypedResults.Accepted((string?)null));
    }

    private async Task<Results<NoContent, ApiProblem>> DeleteCore(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();

        var body = await JsonBody.ReadAsync(request, AuthJsonContext.Default.DeleteAccountRequest, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(body.Value!.Password))
        {
            return Problems.Validation("password", "Required.");
        }

        var result = await RunAsync(() => settings.DeleteAsync(caller.UserId, body.Value.Password!, clientAddress.Of(request),
            cancellationToken), "password", TypedResults.NoContent());
        if (result.Result is NoContent)
        {
            RefreshCookie.Clear(request.HttpContext.Response);
        }

        return result;
    }

    private static async Task<Results<TOk, ApiProblem>> RunAsync<TOk>(Func<Task<SettingsResult>> work, string passwordField, TOk ok)
        where TOk : IResult
    {
        try
        {
            var result = await work();
            return result.Outcome switch
            {
                SettingsOutcome.Done => ok,
                SettingsOutcome.WrongPassword => Problems.Validation(passwordField, "The password is wrong."),
                SettingsOutcome.Throttled => Problems.TooManyRequests(result.RetryAfter ?? TimeSpan.FromMinutes(1)),
                _ => Problems.Unauthorized("The account behind this token no longer exists."),
            };
        }
        catch (HashingBusyException)
        {
            return Problems.Unavailable("Too many password checks at once; try again shortly.", TimeSpan.FromSeconds(2));
        }
    }

    private static string Language(HttpRequest request) => MailLanguage.FromAcceptLanguage(request.Headers.AcceptLanguage.ToString());
}
