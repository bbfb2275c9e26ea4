using Covacha.Auth.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Covacha.Auth.Tests.Integration;

[Collection(AuthHostCollection.Name)]
public sealed class AccountSeederTests(AuthHost host)
{
    private async Task<(NpgsqlDataSource Source, UserStore Users)> StoreAsync()
    {
        var source = NpgsqlDataSource.Create(host.AuthDatabase);
        await Task.CompletedTask;
        return (source, new UserStore(source));
    }

    [Fact]
    public async Task StartAsync_RunTwice_OneAdminAccountKeptAndPromoted()
    {
        var (source, users) = await StoreAsync();
        await using var _ = source;
        var email = $"seed-{Guid.NewGuid():N}@example.com";
        var user = await host.RegisterAsync(email);
        var options = Options.Create(new AuthOptions
        {
            BootstrapAdmin = new AccountSeedOptions { Email = email.ToUpperInvariant(), Password = "a different seed password" },
        });
        var seeder = new AccountSeeder(users, options, NullLogger<AccountSeeder>.Instance);

        await seeder.StartAsync(CancellationToken.None);
        await seeder.StartAsync(CancellationToken.None);

        var account = await users.FindByIdAsync(user.Id, CancellationToken.None);
        Assert.Equal("admin", account!.Role);
        // An existing account keeps its own password.
        await host.LoginAsync(user);
        await using var count = source.CreateCommand("SELECT count(*) FROM users WHERE lower(email) = $1");
        count.Parameters.AddWithValue(email);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task StartAsync_NewDemoUser_CreatedAsUserAndCanLogIn()
    {
        var (source, users) = await StoreAsync();
        await using var _ = source;
        var email = $"demo-{Guid.NewGuid():N}@example.com";
        var seeder = new AccountSeeder(users, Options.Create(new AuthOptions
        {
            DemoUser = new AccountSeedOptions { Email = email, Password = "demo seed password" },
        }), NullLogger<AccountSeeder>.Instance);

        await seeder.StartAsync(CancellationToken.None);

        var account = await users.FindByEmailAsync(email, CancellationToken.None);
        Assert.Equal("user", account!.Role);
        Assert.Equal(AccountSeeder.DemoDisplayName, account.DisplayName);
        await host.LoginAsync(email, "demo seed password");
    }
}
