using Covacha.Auth.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Covacha.Auth.Tests.Integration;

[Collection(AuthHostCollection.Name)]
public sealed class ExpiredRowsPurgerTests(AuthHost host)
{
    [Fact]
    public async Task PurgeAsync_StaleAndLiveRows_DeletesOnlyStale()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(user);
        await using var source = NpgsqlDataSource.Create(host.AuthDatabase);
        var staleKey = $"account:stale-{Guid.NewGuid():N}@example.com";
        var liveKey = $"account:live-{Guid.NewGuid():N}@example.com";
        await using (var token = source.CreateCommand(
            """
            WITH family AS (
                INSERT INTO refresh_families (id, user_id, expires_at) VALUES (gen_random_uuid(), $1, now() + interval '1 day') RETURNING id)
            INSERT INTO refresh_tokens (id, token_hash, family_id, user_id, expires_at)
            SELECT gen_random_uuid(), decode(md5(random()::text), 'hex'), family.id, $1, now() - interval '2 days' FROM family
            """))
        {
            token.Parameters.AddWithValue(user.Id);
            await token.ExecuteNonQueryAsync();
        }

        await using (var throttleRows = source.CreateCommand(
            "INSERT INTO throttle (key, window_ends_at, attempts) VALUES ($1, now() - interval '1 second', 3), ($2, now() + interval '1 minute', 3)"))
        {
            throttleRows.Parameters.AddWithValue(staleKey);
            throttleRows.Parameters.AddWithValue(liveKey);
            await throttleRows.ExecuteNonQueryAsync();
        }

        var purger = new ExpiredRowsPurger(source, NullLogger<ExpiredRowsPurger>.Instance);
        var (tokens, windows) = await purger.PurgeAsync(CancellationToken.None);

        Assert.True(tokens >= 1);
        Assert.True(windows >= 1);
        await using var left = source.CreateCommand("SELECT count(*) FROM throttle WHERE key = ANY($1)");
        left.Parameters.AddWithValue(new[] { staleKey, liveKey });
        Assert.Equal(1L, await left.ExecuteScalarAsync());
        // The live session's refresh token survives.
        using var refresh = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, refresh.StatusCode);
    }
}
