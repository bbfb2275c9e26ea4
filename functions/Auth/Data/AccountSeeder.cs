using Covacha.Auth.Security;
using Covacha.Shared.Identity;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Covacha.Auth.Data;

/// <summary>
/// Creates the configured bootstrap admin (or promotes an existing account) and the demo user
/// at start-up, after the migrations. Idempotent; an existing account keeps its password.
/// Logs the emails, never the passwords.
/// </summary>
public sealed class AccountSeeder(UserStore users, IOptions<AuthOptions> options, ILogger<AccountSeeder> logger) : IHostedService
{
    /// <summary>The demo account's public name when none is configured: the seller of the demo catalogue.</summary>
    public const string DemoDisplayName = "Tienda Demo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await SeedAsync(options.Value.BootstrapAdmin, Roles.Admin, "Admin", promote: true, cancellationToken);
        await SeedAsync(options.Value.DemoUser, Roles.User, DemoDisplayName, promote: false, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(AccountSeedOptions? seed, string role, string defaultName, bool promote, CancellationToken cancellationToken)
    {
        if (seed is null || string.IsNullOrWhiteSpace(seed.Email) || string.IsNullOrEmpty(seed.Password))
        {
            return;
        }

        var email = AccountRules.NormalizeEmail(seed.Email);
        var name = AccountRules.NormalizeDisplayName(seed.DisplayName) is { Length: > 0 and <= AccountRules.MaxDisplayNameLength } given
            ? given
            : defaultName;
        var password = seed.Password;
        var (account, created) = await users.EnsureAsync(email, name, role, () => PasswordHasher.HashCore(password), promote, cancellationToken);
        logger.LogInformation("{Role} account {Email} {Outcome}", role, account.Email, created ? "created" : "already present");
    }
}
