using Covacha.Auth.Data;
using Covacha.Auth.Mail;
using Covacha.Auth.Model;
using Covacha.Shared.Identity;
using Covacha.Shared.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Auth.Security;

/// <summary>Registration, login, refresh and logout: the work behind the auth endpoints.</summary>
public sealed class AccountService(
    NpgsqlDataSource dataSource,
    UserStore users,
    RefreshTokenStore refreshTokens,
    AttemptThrottle throttle,
    PasswordHasher hasher,
    AccessTokenIssuer issuer,
    AuthMetrics metrics,
    MailOutbox mail,
    AccountMails mails,
    RequestLimiter limiter,
    IOptions<AuthOptions> options,
    ILogger<AccountService> logger)
{
    /// <summary>
    /// Registers an account and queues its verification mail, or answers
    /// <see cref="RegistrationOutcome.Throttled"/> when the address or everyone together has
    /// registered too often: counted before hashing, so a flood costs one upsert per request.
    /// When the email already has an account, that address is mailed "you already have an
    /// account" instead and the answer is <see cref="RegistrationOutcome.Created"/> with the same
    /// shape (an id that belongs to nobody), after the same password hash: the caller cannot tell
    /// the two apart.
    /// </summary>
    /// <exception cref="HashingBusyException">No hashing slot became free in time.</exception>
    public async Task<RegistrationResult> RegisterAsync(string email, string password, string displayName, string language, string clientAddress,
        CancellationToken cancellationToken)
    {
        // The address first, and the overall count only for attempts the address limit let
        // through: one flooding address cannot use up everyone's registrations.
        var limits = options.Value.Throttle;
        var wait = await throttle.AttemptAsync(
                [new ThrottleLimit(AttemptThrottle.RegistrationAddressKey(clientAddress), limits.RegistrationsPerAddress,
                    TimeSpan.FromSeconds(limits.RegistrationAddressWindowSeconds))], cancellationToken)
            ?? await throttle.AttemptAsync(
                [new ThrottleLimit(AttemptThrottle.RegistrationKey, limits.RegistrationsOverall,
                    TimeSpan.FromSeconds(limits.RegistrationsOverallWindowSeconds))], cancellationToken);
        if (wait is { } retryAfter)
        {
            logger.LogWarning("Registration throttled for an address or overall; retry after {RetryAfterSeconds} s", (int)retryAfter.TotalSeconds);
            return new RegistrationResult(RegistrationOutcome.Throttled, RetryAfter: retryAfter);
        }

        var hash = await hasher.HashAsync(password, cancellationToken);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var account = await UserStore.CreateAsync(connection, transaction, email, displayName, Roles.User, hash, false, cancellationToken);
            if (account is not null)
            {
                var token = await AccountTokenStore.IssueAsync(connection, transaction, account.Id, AccountTokenStore.VerifyEmail,
                    AccountMails.VerificationLifetime, null, cancellationToken);
                await mail.EnqueueAsync(connection, transaction, mails.VerifyEmail(account.Email, account.DisplayName, token, language),
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                mail.Wake();
                return new RegistrationResult(RegistrationOutcome.Created, account.ToDto());
            }
        }

        // Taken. At most a few such mails per address and window, so nobody can flood an inbox by registering.
        if (await limiter.CountAsync(RequestLimiter.Key("exists", email), options.Value.MailLimits.ExistsPerEmail,
                TimeSpan.FromSeconds(options.Value.MailLimits.WindowSeconds), cancellationToken) is null)
        {
            await mail.EnqueueAsync(mails.AccountExists(email, language), cancellationToken);
        }

        return new RegistrationResult(RegistrationOutcome.Created, new UserDto(Guid.CreateVersion7(), email, displayName, Roles.User, false));
    }

    public async Task<LoginResult> LoginAsync(string email, string password, string clientAddress, CancellationToken cancellationToken)
    {
        // The attempt is counted before the password is verified, in one statement that returns
        // the counts: of a parallel burst, at most the limit get to the hash.
        var accountKey = AttemptThrottle.AccountKey(email);
        var addressKey = AttemptThrottle.AddressKey(clientAddress);
        var limits = options.Value.Throttle;
        var window = TimeSpan.FromSeconds(limits.WindowSeconds);
        if (await throttle.AttemptAsync(
                [new ThrottleLimit(accountKey, limits.AccountFailures, window), new ThrottleLimit(addressKey, limits.AddressFailures, window)],
                cancellationToken) is { } wait)
        {
            metrics.Login(LoginOutcome.Throttled);
            logger.LogWarning("Login throttled for an account or address; retry after {RetryAfterSeconds} s", (int)wait.TotalSeconds);
            return new LoginResult(LoginOutcome.Throttled, RetryAfter: wait);
        }

        var account = await users.FindByEmailAsync(email, cancellationToken);
        bool verified;
        try
        {
            // Oversized passwords cannot match (registration caps them) but still cost a hash,
            // so timing does not tell them apart.
            var candidate = password.Length <= PasswordPolicy.MaxLength ? password : "";
            verified = await hasher.VerifyAsync(candidate, account?.PasswordHash, cancellationToken) && candidate.Length > 0;
        }
        catch (HashingBusyException)
        {
            // Nothing was verified: the attempt does not count.
            await throttle.ForgiveAsync(accountKey, CancellationToken.None);
            await throttle.ForgiveAsync(addressKey, CancellationToken.None);
            metrics.Login(LoginOutcome.Unavailable);
            return new LoginResult(LoginOutcome.Unavailable);
        }

        if (!verified || account is null)
        {
            metrics.Login(LoginOutcome.InvalidCredentials);
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }

        // Only failures count in the end: a success clears its account and takes back its address attempt.
        await throttle.ResetAsync(accountKey, cancellationToken);
        await throttle.ForgiveAsync(addressKey, cancellationToken);
        if (account.Suspended)
        {
            // Said only to someone who knows the password, so it reveals nothing to a guesser.
            metrics.Login(LoginOutcome.Suspended);
            return new LoginResult(LoginOutcome.Suspended);
        }

        var refresh = await refreshTokens.StartFamilyAsync(account.Id, cancellationToken);
        metrics.Login(LoginOutcome.Success);
        return new LoginResult(LoginOutcome.Success, issuer.Issue(Subject(account)), refresh);
    }

    public async Task<RefreshResult> RefreshAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refreshToken))
        {
            return new RefreshResult(RotationOutcome.Unknown);
        }

        var rotation = await refreshTokens.RotateAsync(refreshToken, cancellationToken);
        if (rotation.Outcome == RotationOutcome.Reused)
        {
            logger.LogWarning("A spent refresh token was presented again; its family is revoked");
        }

        return rotation is { Outcome: RotationOutcome.Rotated, User: { } user, Token: { } next }
            ? new RefreshResult(RotationOutcome.Rotated, issuer.Issue(Subject(user)), next)
            : new RefreshResult(rotation.Outcome);
    }

    public Task<bool> LogoutAsync(string? refreshToken, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(refreshToken)
            ? Task.FromResult(false)
            : refreshTokens.RevokeFamilyOfAsync(refreshToken, cancellationToken);

    public static AccountSubject Subject(UserAccount account) =>
        new(account.Id, account.Email, account.DisplayName, account.Role, account.EmailVerified);
}

public sealed record LoginResult(
    LoginOutcome Outcome, IssuedAccessToken? AccessToken = null, string? RefreshToken = null, TimeSpan? RetryAfter = null);

public enum RegistrationOutcome
{
    /// <summary>A new account, or an email that already had one: the two answer alike.</summary>
    Created,
    Throttled,
}

public sealed record RegistrationResult(RegistrationOutcome Outcome, UserDto? Account = null, TimeSpan? RetryAfter = null);

public sealed record RefreshResult(RotationOutcome Outcome, IssuedAccessToken? AccessToken = null, string? RefreshToken = null);
