using Npgsql;

namespace Covacha.Shared.Mail;

/// <summary>
/// SQL for <c>mail_outbox</c>, the queue between a request and the SMTP server (the table is
/// created by the owning app's migrations). A request only inserts a row, in its own
/// transaction when it has one, so the mail is sent if and only if the work commits and a slow
/// or absent mail server never slows the request. <see cref="MailSender"/> drains it.
/// </summary>
public sealed class MailOutbox(NpgsqlDataSource dataSource, MailSignal signal)
{
    public async Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await EnqueueAsync(connection, null, mail, cancellationToken);
    }

    /// <summary>Queues the mail inside the caller's transaction; it is sent only if that commits.</summary>
    public async Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, OutgoingMail mail,
        CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO mail_outbox (id, to_address, subject, text_body, html_body)
            VALUES ($1, $2, $3, $4, $5)
            """, connection, transaction);
        insert.Parameters.AddWithValue(Guid.CreateVersion7());
        insert.Parameters.AddWithValue(mail.To);
        insert.Parameters.AddWithValue(mail.Subject);
        insert.Parameters.AddWithValue(mail.Text);
        insert.Parameters.AddWithValue(mail.Html);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        if (transaction is null)
        {
            signal.Wake();
        }
    }

    /// <summary>Wakes the sender; call it after committing a transaction that queued mail.</summary>
    public void Wake() => signal.Wake();

    /// <summary>
    /// Claims up to <paramref name="take"/> due mails for <paramref name="lease"/>: another sender
    /// (replica) skips them, and if this process dies they become due again when the lease ends.
    /// </summary>
    public async Task<List<QueuedMail>> ClaimAsync(int take, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
            WHERE id IN (
                SELECT id FROM mail_outbox WHERE next_attempt_at <= now()
                ORDER BY next_attempt_at, id
                LIMIT $1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, to_address, subject, text_body, html_body, attempts
            """);
        command.Parameters.AddWithValue(take);
        command.Parameters.AddWithValue(lease.TotalSeconds);
        var claimed = new List<QueuedMail>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new QueuedMail(reader.GetGuid(0),
                new OutgoingMail(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)),
                reader.GetInt32(5)));
        }

        return claimed;
    }

    /// <summary>Sent: the row (and the address and link in it) goes.</summary>
    public async Task CompleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM mail_outbox WHERE id = $1");
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Failed: try again after <paramref name="delay"/>, or never (kept with its error for an operator) when null.</summary>
    public async Task RetryLaterAsync(Guid id, TimeSpan? delay, string error, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE mail_outbox
            SET next_attempt_at = CASE WHEN $2::double precision IS NULL THEN 'infinity'::timestamptz
                                       ELSE now() + make_interval(secs => $2) END,
                last_error = left($3, 1000)
            WHERE id = $1
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(delay is { } d ? d.TotalSeconds : DBNull.Value);
        command.Parameters.AddWithValue(error);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops every queued mail to an address (an account being erased).</summary>
    public static async Task ForgetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string address,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM mail_outbox WHERE lower(to_address) = lower($1)", connection, transaction);
        command.Parameters.AddWithValue(address);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

public sealed record QueuedMail(Guid Id, OutgoingMail Mail, int Attempts);
