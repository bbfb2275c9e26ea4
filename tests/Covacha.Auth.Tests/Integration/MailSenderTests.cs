using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Covacha.Shared.Data;
using Covacha.Shared.Mail;
using Covacha.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Auth.Tests.Integration;

/// <summary>
/// The mail sender against a real <c>mail_outbox</c> (a database of its own, so the dev host's
/// sender never takes these mails) and real SMTP conversations: a server that refuses the
/// recipient for good, and a port where nothing listens.
/// </summary>
public sealed class MailSenderTests
{
    [Fact]
    public async Task SendDue_ServerRefusesTheRecipient_GivenUpAtOnceKeptWithItsErrorAndCounted()
    {
        await using var refusing = RefusingSmtpServer.Start();
        await using var mail = await MailQueue.CreateAsync(refusing.Port, maxAttempts: 10);
        await mail.Outbox.EnqueueAsync(new OutgoingMail("nadie@example.com", "Verifica tu correo", "texto", "<p>texto</p>"), CancellationToken.None);

        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));

        var (attempts, givenUp, error) = await mail.OnlyRowAsync();
        Assert.Equal((1, true), (attempts, givenUp));
        Assert.Contains("550", error);
        Assert.Equal(new[] { "refused" }, mail.GivenUp.ToArray());
        Assert.Equal(0, await mail.Sender.SendDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SendDue_ServerUnreachable_RetriedLaterThenGivenUpAfterMaxAttempts()
    {
        var closedPort = FreePort();
        await using var mail = await MailQueue.CreateAsync(closedPort, maxAttempts: 2);
        await mail.Outbox.EnqueueAsync(new OutgoingMail("alguien@example.com", "Restablece tu contraseña", "texto", "<p>texto</p>"), CancellationToken.None);

        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));
        var (attempts, givenUp, _) = await mail.OnlyRowAsync();
        Assert.Equal((1, false), (attempts, givenUp));
        Assert.Empty(mail.GivenUp);

        await mail.MakeDueAsync();
        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));

        (attempts, givenUp, _) = await mail.OnlyRowAsync();
        Assert.Equal((2, true), (attempts, givenUp));
        Assert.Equal(new[] { "attempts_exhausted" }, mail.GivenUp.ToArray());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class MailQueue : IAsyncDisposable
    {
        private readonly TestDatabase _database;
        private readonly NpgsqlDataSource _dataSource;
        private readonly ServiceProvider _services;
        private readonly MeterListener _listener = new();

        private MailQueue(TestDatabase database, NpgsqlDataSource dataSource, int smtpPort, int maxAttempts)
        {
            _database = database;
            _dataSource = dataSource;
            _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
            var metrics = new MailMetrics(_services.GetRequiredService<IMeterFactory>());
            var options = Options.Create(new MailOptions
            {
                Host = "127.0.0.1", Port = smtpPort, Security = "None", TimeoutSeconds = 5, MaxAttempts = maxAttempts,
            });
            var signal = new MailSignal();
            Outbox = new MailOutbox(dataSource, signal);
            Sender = new MailSender(Outbox, signal, new SmtpMailTransport(options), options, metrics, NullLogger<MailSender>.Instance);

            // Only this queue's meter: other tests' hosts count their own mail at the same time.
            var meterFactory = _services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == MailMetrics.GivenUpInstrument && instrument.Meter.Scope == meterFactory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    GivenUp.Enqueue((string)tag.Value!);
                }
            });
            _listener.Start();
        }

        public MailOutbox Outbox { get; }
        public MailSender Sender { get; }
        public ConcurrentQueue<string> GivenUp { get; } = new();

        public static async Task<MailQueue> CreateAsync(int smtpPort, int maxAttempts)
        {
            var database = await TestDatabase.CreateAsync("mail");
            var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
            await new SchemaMigrator(dataSource, typeof(AuthServices).Assembly, "auth", NullLogger.Instance).MigrateAsync(CancellationToken.None);
            return new MailQueue(database, dataSource, smtpPort, maxAttempts);
        }

        public async Task<(int Attempts, bool GivenUp, string Error)> OnlyRowAsync()
        {
            await using var command = _dataSource.CreateCommand(
                "SELECT attempts, next_attempt_at = 'infinity', coalesce(last_error, '') FROM mail_outbox");
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var row = (reader.GetInt32(0), reader.GetBoolean(1), reader.GetString(2));
            Assert.False(await reader.ReadAsync());
            return row;
        }

        public async Task MakeDueAsync()
        {
            await using var command = _dataSource.CreateCommand("UPDATE mail_outbox SET next_attempt_at = now()");
            await command.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Dispose();
            await _services.DisposeAsync();
            await _dataSource.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    /// <summary>An SMTP server that greets, accepts the sender and refuses every recipient with 550.</summary>
    private sealed class RefusingSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _serving = Task.CompletedTask;

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public static RefusingSmtpServer Start()
        {
            var server = new RefusingSmtpServer();
            server._listener.Start();
            server._serving = server.ServeAsync();
            return server;
        }

        private async Task ServeAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    await using var stream = client.GetStream();
                    using var reader = new StreamReader(stream, Encoding.ASCII);
                    await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                    await writer.WriteLineAsync("220 refusing.test ESMTP");
                    while (await reader.ReadLineAsync(_stop.Token) is { } line)
                    {
                        var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                        await writer.WriteLineAsync(verb switch
                        {
                            "EHLO" or "HELO" => "250 refusing.test",
                            "MAIL" => "250 2.1.0 Ok",
                            "RCPT" => "550 5.1.1 No such user here",
                            "RSET" or "NOOP" => "250 2.0.0 Ok",
                            "QUIT" => "221 2.0.0 Bye",
                            _ => "502 5.5.2 Command not recognized",
                        });
                        if (verb == "QUIT")
                        {
                            break;
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _serving;
            _stop.Dispose();
        }
    }
}
