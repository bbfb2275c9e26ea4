using Covacha.Auth.Model;
using Covacha.Auth.Security;
using Covacha.Shared.Http;
using Covacha.Shared.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

/// <summary>A forgotten password: ask for a reset link (the answer never says whether the email has an account), then use it.</summary>
public sealed class PasswordFunctions(AccountRecovery recovery, ClientAddress clientAddress)
{
    [Function("AuthPasswordForgot")]
    public Task<Results<Accepted, ApiProblem>> Forgot(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/password/forgot")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ForgotCore(request, cancellationToken);

    [Function("AuthPasswordReset")]
    public Task<Results<NoContent, ApiProblem>> Reset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/password/reset")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResetCore(request, cancellationToken);

    private async Task<Results<Accepted, ApiProblem>> ForgotCore(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(request, AuthJsonContext.Default.ForgotPasswordRequest, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var email = AccountRules.NormalizeEmail(body.Value!.Email);
        var invalid = new ValidationErrors()
            .AddIf(email.Length == 0, "email", "Required.")
            .AddIf(email.Length > 0 && (email.Length > AccountRules.MaxEmailLength || !AccountRules.IsValidEmail(email)), "email",
                "Not an email address.")
            .ToProblem();
        if (invalid is not null)
        {
            return invalid;
        }

        var language = MailLanguage.FromAcceptLanguage(request.Headers.AcceptLanguage.ToString());
        return await recovery.ForgotPasswordAsync(email, clientAddress.Of(request), language, cancellationToken) is { } wait
            ? Problems.TooManyRequests(wait)
            : TypedResults.Accepted((string?)null);
    }

    private async Task<Results<NoContent, ApiProblem>> ResetCore(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(request, AuthJsonContext.Default.ResetPasswordRequest, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var input = body.Value!;
        var errors = new ValidationErrors().AddIf(string.IsNullOrEmpty(input.Token), "token", "Required.");
        if (PasswordPolicy.Check(input.Password) is { } passwordProblem)
        {
            errors.Add("password", passwordProblem);
        }

        if (errors.ToProblem() is { } invalid)
        {
            return invalid;
        }

        try
        {
            var language = MailLanguage.FromAcceptLanguage(request.Headers.AcceptLanguage.ToString());
            if (!await recovery.ResetPasswordAsync(input.Token, input.Password!, language, cancellationToken))
            {
                return Problems.InvalidToken();
            }
        }
        catch (HashingBusyException)
        {
            return Problems.Unavailable("Too many password changes at once; try again shortly.", TimeSpan.FromSeconds(2));
        }

        RefreshCookie.Clear(request.HttpContext.Response);
        return TypedResults.NoContent();
    }
}
