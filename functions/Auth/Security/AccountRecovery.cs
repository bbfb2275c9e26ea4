using Covacha.Auth.Data;
using Covacha.Auth.Mail;
using Covacha.Auth.Model;
using Covacha.Shared.Mail;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Auth.Security;

/// <summary>
/// The mailed links: confirm an email (after registering or changing it), resend that link,
/// and reset a forgotten password. Every token is single-use and bound to its user and purpose.
/// </summary>
public sealed class AccountRecovery(
    NpgsqlDataSource dataSource,
    UserStore users,
    PasswordHasher hasher,
    MailOutbox mail,
    AccountMails mails,
    RequestLimiter limiter,
    IOptions<AuthOptions> options)
{
    private static readonly string[] s_emailPurposes = [AccountTokenStore.VerifyEmail, AccountTokenStore.ChangeEmail];
    private static readonly string[] s_resetPurpose = [AccountTokenStore.ResetPassword];

    private MailLimitOptions Limits => options.Value.MailLimits;
    private TimeSpan Window => TimeSpan.FromSeconds(Limits.WindowSeconds);

    /// <summary>Spends a verify-email or change-email token: the address (old or new) becomes the verified one.</summary>
    public async Task<(UserDto? User, EmailOutcome Outcome)> ConfirmEmailAsync(string? token, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AccountTokenStore.SpendAsync(connection, transaction, token, s_emailPurposes, cancellationToken) is not { } spent)
        {
            return (null, EmailOutcome.InvalidToken);
        }

        UserAccount? account;
        if (spent.Purpose == AccountTokenStore.ChangeEmail && spent.NewEmail is { } newEmail)
        {
            await using var taken = new NpgsqlCommand("SELECT 1 FROM users WHERE lower(email) = lower($1) AND id <> $2", connection, transaction);
            taken.Parameters.AddWithValue(newEmail);
            taken.Parameters.AddWithValue(spent.UserId);
            if (await taken.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return (null, EmailOutcome.EmailTaken);
            }

            await AccountTokenStore.SpendAllAsync(connection, transaction, spent.UserId, AccountTokenStore.ChangeEmail, cancellationToken);
            try
            {
                account = await UpdateAsync(connection, transaction,
                    "UPDATE users SET email = $2, email_verified_at = now() WHERE id = $1", spent.UserId, newEmail, cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Taken by an account created since the check above.
                return (null, EmailOutcome.EmailTaken);
            }
        }
        else
        {
            account = await UpdateAsync(connection, transaction,
                "UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1", spent.UserId, null, cancellationToken);
        }

        if (account is null)
        {
            return (null, EmailOutcome.InvalidToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (account.ToDto(), EmailOutcome.Done);
    }

    /// <summary>Queues a new verification link for a signed-in, unverified account; limited per account.</summary>
    public async Task<TimeSpan?> ResendVerificationAsync(Guid userId, string language, CancellationToken cancellationToken)
    {
        if (await limiter.CountAsync(RequestLimiter.Key("resend", userId.ToString()), Limits.ResendPerAccount, Window, cancellationToken)
            is { } wait)
        {
            return wait;
        }

        var account = await users.FindByIdAsync(userId, cancellationToken);
        if (account is null || account.EmailVerified)
        {
            return null;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var token = await AccountTokenStore.IssueAsync(connection, transaction, account.Id, AccountTokenStore.VerifyEmail,
            AccountMails.VerificationLifetime, null, cancellationToken);
        await mail.EnqueueAsync(connection, transaction, mails.VerifyEmail(account.Email, account.DisplayName, token, language), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mail.Wake();
        return null;
    }

    /// <summary>
    /// Queues a reset link when the email has an account. The caller learns nothing either way;
    /// the limit per client address answers 429, the limit per email only stops further mail.
    /// </summary>
    public async Task<TimeSpan?> ForgotPasswordAsync(string email, string clientAddress, string language, CancellationToken cancellationToken)
    {
        if (await limiter.CountAsync(RequestLimiter.Key("forgot-address", clientAddress), Limits.ForgotPerAddress, Window, cancellationToken)
            is { } wait)
        {
            return wait;
        }

        var overEmailLimit = await limiter.CountAsync(RequestLimiter.Key("forgot-email", email), Limits.ForgotPerEmail, Window, cancellationToken)
            is not null;
        var account = await users.FindByEmailAsync(email, cancellationToken);
        if (account is null || overEmailLimit)
        {
            return null;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var token = await AccountTokenStore.IssueAsync(connection, transaction, account.Id, AccountTokenStore.ResetPassword,
            AccountMails.ResetLifetime, null, cancellationToken);
        await mail.EnqueueAsync(connection, transaction, mails.PasswordReset(account.Email, account.DisplayName, token, language), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mail.Wake();
        return null;
    }

    /// <summary>
    /// Spends a reset token and sets the new password; every other reset link, a pending email
    /// change and every session of the account end with it. The address counts as verified: the
    /// link reached it.
    /// </summary>
    /// <exception cref="HashingBusyException">No hashing slot became free in time.</exception>
    public async Task<bool> ResetPasswordAsync(string? token, string newPassword, string language, CancellationToken cancellationToken)
    {
        if (AccountTokenCodec.Parse(token) is null)
        {
            return false;
        }

        var hash = await hasher.HashAsync(newPassword, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await AccountTokenStore.SpendAsync(connection, transaction, token, s_resetPurpose, cancellationToken) is not { } spent)
        {
            return false;
        }

        var account = await UpdateAsync(connection, transaction,
            "UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1",
            spent.UserId, hash, cancellationToken);
        if (account is null)
        {
            return false;
        }

        await AccountTokenStore.SpendAllAsync(connection, transaction, account.Id, AccountTokenStore.ResetPassword, cancellationToken);
        await AccountTokenStore.SpendAllAsync(connection, transaction, account.Id, AccountTokenStore.ChangeEmail, cancellationToken);
        await RefreshTokenStore.RevokeAllSessionsAsync(connection, transaction, account.Id, keepToken: null, cancellationToken);
        await using (var clear = new NpgsqlCommand("DELETE FROM throttle WHERE key = $1", connection, transaction))
        {
            clear.Parameters.AddWithValue(AttemptThrottle.AccountKey(account.Email));
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await mail.EnqueueAsync(connection, transaction, mails.PasswordChanged(account.Email, account.DisplayName, language), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mail.Wake();
        return true;
    }

    /// <summary>Runs an UPDATE on one user (parameters $1 = id, $2 = value) and returns the row after it.</summary>
    internal static async Task<UserAccount?> UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string update,
        Guid userId, object? value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(update + $" RETURNING {UserStore.Columns}", connection, transaction);
        command.Parameters.AddWithValue(userId);
        if (value is not null)
        {
            command.Parameters.AddWithValue(value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? UserStore.Read(reader) : null;
    }
}

public enum EmailOutcome
{
    Done,
    InvalidToken,
    EmailTaken,
}
