using Covacha.Auth.Model;
using Covacha.Auth.Security;
using Covacha.Shared.Http;
using Covacha.Shared.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

public sealed class RegisterFunctions(AccountService accounts, ClientAddress clientAddress)
{
    [Function("AuthRegister")]
    public async Task<Results<Created<UserDto>, ApiProblem>> Register(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "auth/register")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(request, AuthJsonContext.Default.RegisterRequest, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var input = body.Value!;
        var email = AccountRules.NormalizeEmail(input.Email);
        var displayName = AccountRules.NormalizeDisplayName(input.DisplayName);
        var errors = new ValidationErrors()
            .AddIf(input.Email is null || email.Length == 0, "email", "Required.")
            .AddIf(email.Length > AccountRules.MaxEmailLength, "email", $"At most {AccountRules.MaxEmailLength} characters.")
            .AddIf(email.Length is > 0 and <= AccountRules.MaxEmailLength && !AccountRules.IsValidEmail(email), "email", "Not an email address.");
        if (PasswordPolicy.Check(input.Password) is { } passwordProblem)
        {
            errors.Add("password", passwordProblem);
        }

        if (AccountRules.CheckDisplayName(displayName) is { } nameProblem)
        {
            errors.Add("displayName", nameProblem);
        }

        if (errors.ToProblem() is { } invalid)
        {
            return invalid;
        }

        try
        {
            var language = MailLanguage.FromAcceptLanguage(request.Headers.AcceptLanguage.ToString());
            var result = await accounts.RegisterAsync(email, input.Password!, displayName, language, clientAddress.Of(request), cancellationToken);
            return result.Outcome == RegistrationOutcome.Throttled
                ? Problems.TooManyRequests(result.RetryAfter ?? TimeSpan.FromMinutes(1))
                : TypedResults.Created((string?)null, result.Account!);
        }
        catch (HashingBusyException)
        {
            return Problems.Unavailable("Too many sign-ups and logins at once; try again shortly.", TimeSpan.FromSeconds(2));
        }
    }
}
