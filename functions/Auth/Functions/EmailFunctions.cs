using Covacha.Auth.Model;
using Covacha.Auth.Security;
using Covacha.Shared.Http;
using Covacha.Shared.Pipeline;
using Covacha.Shared.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

/// <summary>Email verification: follow a mailed link, or ask for a new one.</summary>
public sealed class EmailFunctions(AccountRecovery recovery)
{
    [Function("AuthEmailVerify")]
    public Task<Results<Ok<UserDto>, ApiProblem>> Verify(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/email/verify")] HttpRequest request,
        CancellationToken cancellationToken) =>
        VerifyCore(request, cancellationToken);

    [Function("AuthEmailResend")]
    [SignedIn]
    public Task<Results<Accepted, ApiProblem>> Resend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/email/verification")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ResendCore(request, cancellationToken);

    private async Task<Results<Ok<UserDto>, ApiProblem>> VerifyCore(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(request, AuthJsonContext.Default.VerifyEmailRequest, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(body.Value!.Token))
        {
            return Problems.Validation("token", "Required.");
        }

        var (user, outcome) = await recovery.ConfirmEmailAsync(body.Value.Token, cancellationToken);
        return outcome switch
        {
            EmailOutcome.Done => TypedResults.Ok(user!),
            EmailOutcome.EmailTaken => Problems.Conflict("email", "Another account uses this email address now."),
            _ => Problems.InvalidToken(),
        };
    }

    private async Task<Results<Accepted, ApiProblem>> ResendCore(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();

        var language = MailLanguage.FromAcceptLanguage(request.Headers.AcceptLanguage.ToString());
        return await recovery.ResendVerificationAsync(caller.UserId, language, cancellationToken) is { } wait
            ? Problems.TooManyRequests(wait)
            : TypedResults.Accepted((string?)null);
    }
}
