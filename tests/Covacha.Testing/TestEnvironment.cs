namespace Covacha.Testing;

/// <summary>
/// The real servers the integration tests use, started on loopback by <c>./covacha test</c>.
/// Missing variables are an error, not a skip: storage and messaging tests must run.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdmin => Required("COVACHA_TEST_POSTGRES");

    public static string RabbitMqUri => Required("COVACHA_TEST_RABBITMQ").TrimEnd('/');

    /// <summary>The SMTP port of the sink (maildev) that <c>./covacha test</c> starts; null where none runs.</summary>
    public static int? SmtpPort =>
        int.TryParse(Environment.GetEnvironmentVariable("COVACHA_TEST_SMTP_PORT"), out var port) ? port : null;

    /// <summary>The sink's web address (REST API <c>/api/email</c>); tests that read mail need it.</summary>
    public static string MailUrl => Required("COVACHA_TEST_MAIL_URL").TrimEnd('/');

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with ./covacha test, which starts PostgreSQL and RabbitMQ on loopback and sets it.");
}
