using Npgsql;

namespace Covacha.Shared.Health;

/// <summary>Ready when the database answers a trivial query.</summary>
public sealed class PostgresReadinessCheck(NpgsqlDataSource dataSource, string name = "postgres") : IReadinessCheck
{
    public string Name => name;

    public async Task<ReadinessOutcome> CheckAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
        return ReadinessOutcome.Ok;
    }
}
