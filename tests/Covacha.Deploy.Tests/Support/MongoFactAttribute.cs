namespace Covacha.Deploy.Tests.Support;

/// <summary>
/// A fact that needs MongoDB: <c>COVACHA_TEST_MONGODB</c> when set, else a Testcontainers MongoDB
/// where a Docker daemon is reachable, else skipped with the reason shown.
/// </summary>
public sealed class MongoFactAttribute : FactAttribute
{
    public MongoFactAttribute()
    {
        Skip = Unavailable();
    }

    public static string? Unavailable() =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("COVACHA_TEST_MONGODB"))
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DOCKER_HOST"))
        || File.Exists("/var/run/docker.sock")
            ? null
            : "needs MongoDB: COVACHA_TEST_MONGODB is not set and no Docker daemon is reachable " +
              "(DOCKER_HOST unset, /var/run/docker.sock absent) for Testcontainers.";
}
