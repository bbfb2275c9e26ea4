using Covacha.Auth.Data;
using Covacha.Auth.Model;
using Covacha.Shared.Identity;
using Microsoft.Extensions.Logging;

namespace Covacha.Auth.Security;

/// <summary>Registration, login, refresh and logout: the work behind the auth endpoints.</summary>
public sealed class AccountService(
    UserStore users,
    RefreshTokenStore refreshTokens,
    LoginThrottle throttle,
    PasswordHasher hasher,
    AccessTokenIssuer issuer,
    AuthMetrics metrics,
    ILogger<AccountService> logger)
{
    /// <summary>The new account, or null when the email is taken.</summary>
    /// <exception cref="HashingBusyException">No hashing slot became free in time.</exception>
    public async Task<UserAccount?> RegisterAsync(string email, string password, string displayName, CancellationToken cancellationToken)
    {
        var hash = await hasher.HashAsync(password, cancellationToken);
        return await users.CreateAsync(email, displayName, Roles.User, hash, cancellationToken);
    }

    public async Task<LoginResult> LoginAsync(string email, string password, string clientAddress, CancellationToken cancellationToken)
    {
        var accountKey = LoginThrottle.AccountKey(email);
        var addressKey = LoginThrottle.AddressKey(clientAddress);
        if (await throttle.RetryAfterAsync(accountKey, addressKey, cancellationToken) is { } wait)
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
            metrics.Login(LoginOutcome.Unavailable);
            return new LoginResult(LoginOutcome.Unavailable);
        }

        if (!verified || account is null)
        {
            await throttle.RecordFailureAsync(accountKey, addressKey, cancellationToken);
            metrics.Login(LoginOutcome.InvalidCredentials);
            return new LoginResult(LoginOutcome.InvalidCredentials);
        }

        await throttle.ResetAsync(accountKey, cancellationToken);
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

    public static AccountSubject Subject(UserAccount account) => new(account.Id, account.Email, account.DisplayName, account.Role);
}

public sealed record LoginResult(
    LoginOutcome Outcome, IssuedAccessToken? AccessToken = null, string? RefreshToken = null, TimeSpan? RetryAfter = null);

public sealed record RefreshResult(RotationOutcome Outcome, IssuedAccessToken? AccessToken = null, string? RefreshToken = null);
