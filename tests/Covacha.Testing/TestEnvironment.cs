namespace Covacha.Testing;

/// <summary>
/// The real servers the integration tests use, started on loopback by <c>./covacha test</c>.
/// Missing variables are an error, not a skip: storage and messaging tests must run.
/// </summary>
public static class TestEnvironment
{
    public static string PostgresAdmin => Required("COVACHA_TEST_POSTGRES");

    public static string RabbitMqUri => Required("COVACHA_TEST_RABBITMQ").TrimEnd('/');

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Run the tests with ./covacha test, which starts PostgreSQL and RabbitMQ on loopback and sets it.");
}
