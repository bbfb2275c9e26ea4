using Covacha.Auth.Data;
using Covacha.Auth.Mail;
using Covacha.Auth.Messaging;
using Covacha.Auth.Model;
using Covacha.Shared.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Auth.Security;

/// <summary>
/// The account page: display name, password, email and deleting the account. Every change but
/// the name asks for the current password, counted by the login throttle (before it is verified) so it cannot be guessed here.
/// </summary>
public sealed class AccountSettings(
    NpgsqlDataSource dataSource,
    UserStore users,
    PasswordHasher hasher,
    AttemptThrottle throttle,
    MailOutbox mail,
    AccountMails mails,
    RequestLimiter limiter,
    TakedownSignal takedowns,
    IOptions<AuthOptions> options,
    ILogger<AccountSettings> logger)
{
    public async Task<UserAccount?> RenameAsync(Guid userId, string displayName, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var account = await AccountRecovery.UpdateAsync(connection, transaction,
            "UPDATE users SET display_name = $2 WHERE id = $1", userId, displayName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account;
    }

    /// <exception cref="HashingBusyException">No hashing slot became free in time.</exception>
    public async Task<SettingsResult> ChangePasswordAsync(Guid userId, string currentPassword, string newPassword, string? currentRefreshToken,
        string clientAddress, string language, CancellationToken cancellationToken)
    {
        var (account, denied) = await CheckPasswordAsync(userId, currentPassword, clientAddress, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var hash = await hasher.HashAsync(newPassword, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AccountRecovery.UpdateAsync(connection, transaction, "UPDATE users SET password_hash = $2 WHERE id = $1", account!.Id, hash,
            cancellationToken);
        await RefreshTokenStore.RevokeAllSessionsAsync(connection, transaction, account.Id, currentRefreshToken, cancellationToken);
        await AccountTokenStore.SpendAllAsync(connection, transaction, account.Id, AccountTokenStore.ResetPassword, cancellationToken);
        await mail.EnqueueAsync(connection, transaction, mails.PasswordChanged(account.Email, account.DisplayName, language), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mail.Wake();
        return SettingsResult.Done;
    }

    /// <summary>
    /// Mails a confirmation link to the new address and a notice to the current one; the email
    /// changes when the link is followed. A new address that already has an account gets the
    /// "you already have an account" mail instead, and the answer is the same.
    /// </summary>
    /// <exception cref="HashingBusyException">No hashing slot became free in time.</exception>
    public async Task<SettingsResult> ChangeEmailAsync(Guid userId, string newEmail, string password, string clientAddress, string language,
        CancellationToken cancellationToken)
    {
        var (account, denied) = await CheckPasswordAsync(userId, password, clientAddress, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        var limits = options.Value.MailLimits;
        if (await limiter.CountAsync(RequestLimiter.Key("change-email", userId.ToString()), limits.ResendPerAccount,
                TimeSpan.FromSeconds(limits.WindowSeconds), cancellationToken) is { } wait)
        {
            return new SettingsResult(SettingsOutcome.Throttled, wait);
        }

        var taken = await users.FindByEmailAsync(newEmail, cancellationToken) is not null;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (taken)
        {
            await mail.EnqueueAsync(connection, transaction, mails.AccountExists(newEmail, language), cancellationToken);
        }
        else
        {
            var token = await AccountTokenStore.IssueAsync(connection, transaction, account!.Id, AccountTokenStore.ChangeEmail,
                AccountMails.VerificationLifetime, newEmail, cancellationToken);
            await mail.EnqueueAsync(connection, transaction, mails.ConfirmNewEmail(newEmail, account.DisplayName, token, language), cancellationToken);
        }

        await mail.EnqueueAsync(connection, transaction, mails.EmailChangeRequested(account!.Email, account.DisplayName, newEmail, language),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mail.Wake();
        return SettingsResult.Done;
    }

    /// <summary>
    /// Deletes the account: its row, sessions, links, queued mail and throttle counts go in one
    /// transaction, together with a request to Products to take its products down, which
    /// <see cref="ProductTakedownRelay"/> delivers (retrying while Products is down).
    /// </summary>
    /// <exception cref="HashingBusyException">No hashing slot became free in time.</exception>
    public async Task<SettingsResult> DeleteAsync(Guid userId, string password, string clientAddress, CancellationToken cancellationToken)
    {
        var (account, denied) = await CheckPasswordAsync(userId, password, clientAddress, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var takedown = new NpgsqlCommand(
            "INSERT INTO product_takedowns (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING", connection, transaction))
        {
            takedown.Parameters.AddWithValue(account!.Id);
            await takedown.ExecuteNonQueryAsync(cancellationToken);
        }

        await MailOutbox.ForgetAsync(connection, transaction, account.Email, cancellationToken);
        await using (var erase = new NpgsqlBatch(connection, transaction))
        {
            var throttleRow = new NpgsqlBatchCommand("DELETE FROM throttle WHERE key = $1");
            throttleRow.Parameters.AddWithValue(AttemptThrottle.AccountKey(account.Email));
            var limitRows = new NpgsqlBatchCommand("DELETE FROM request_limits WHERE key = ANY($1)");
            limitRows.Parameters.AddWithValue(new[]
            {
                RequestLimiter.Key("exists", account.Email), RequestLimiter.Key("forgot-email", account.Email),
                RequestLimiter.Key("resend", account.Id.ToString()), RequestLimiter.Key("change-email", account.Id.ToString()),
            });
            // Sessions and links go with the row (ON DELETE CASCADE).
            var userRow = new NpgsqlBatchCommand("DELETE FROM users WHERE id = $1");
            userRow.Parameters.AddWithValue(account.Id);
            erase.BatchCommands.Add(throttleRow);
            erase.BatchCommands.Add(limitRows);
            erase.BatchCommands.Add(userRow);
            await erase.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Account {UserId} deleted; its products are being taken down", account.Id);
        takedowns.Wake();
        return SettingsResult.Done;
    }

    private async Task<(UserAccount? Account, SettingsResult? Denied)> CheckPasswordAsync(Guid userId, string password, string clientAddress,
        CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(userId, cancellationToken);
        if (account is null)
        {
            return (null, new SettingsResult(SettingsOutcome.Gone));
        }

        // Counted before the password is verified, like a login: of a parallel burst, at most the
        // limit get to the hash.
        var accountKey = AttemptThrottle.AccountKey(account.Email);
        var addressKey = AttemptThrottle.AddressKey(clientAddress);
        var limits = options.Value.Throttle;
        var window = TimeSpan.FromSeconds(limits.WindowSeconds);
        if (await throttle.AttemptAsync(
                [new ThrottleLimit(accountKey, limits.AccountFailures, window), new ThrottleLimit(addressKey, limits.AddressFailures, window)],
                cancellationToken) is { } wait)
        {
            return (null, new SettingsResult(SettingsOutcome.Throttled, wait));
        }

        var candidate = password.Length <= PasswordPolicy.MaxLength ? password : "";
        bool verified;
        try
        {
            verified = await hasher.VerifyAsync(candidate, account.PasswordHash, cancellationToken) && candidate.Length > 0;
        }
        catch (HashingBusyException)
        {
            // Nothing was verified: the attempt does not count.
            await throttle.ForgiveAsync(accountKey, CancellationToken.None);
            await throttle.ForgiveAsync(addressKey, CancellationToken.None);
            throw;
        }

        if (!verified)
        {
            return (null, new SettingsResult(SettingsOutcome.WrongPassword));
        }

        // Only failures count in the end, as for a login.
        await throttle.ResetAsync(accountKey, cancellationToken);
        await throttle.ForgiveAsync(addressKey, cancellationToken);
        return (account, null);
    }
}

public enum SettingsOutcome
{
    Done,
    WrongPassword,
    Throttled,
    Gone,
}

public sealed record SettingsResult(SettingsOutcome Outcome, TimeSpan? RetryAfter = null)
{
    public static readonly SettingsResult Done = new(SettingsOutcome.Done);
}
