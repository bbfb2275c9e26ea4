using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Covacha.Testing;
using Npgsql;

namespace Covacha.Auth.Tests.Integration;

/// <summary>
/// Verification, password reset and the account page, end to end through the dev host, reading
/// the real mails from the SMTP sink and the rows from the real PostgreSQL.
/// </summary>
[Collection(AuthHostCollection.Name)]
public sealed class AccountMailTests(AuthHost host)
{
    private static readonly object s_product = new
    {
        name = "Lámpara de mesa", description = "Madera y lino.", price = 120000, currency = "COP", category = "home", stock = 2,
    };

    [Fact]
    public async Task Register_MailsAVerificationLink_UnverifiedMayLogInButNotPublishUntilFollowed()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(user);

        using (var refused = await host.SendAsync(HttpMethod.Post, "/api/products", session.AccessToken, s_product))
        {
            await Problem.AssertAsync(refused, 403, "email-not-verified");
        }

        var mail = (await MailSink.WaitForAsync(user.Email))[0];
        Assert.Equal("Confirm your email for Covacha", mail.Subject);
        using (var verified = await Verify(MailSink.TokenIn(mail)))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
            Assert.True((await Problem.JsonAsync(verified)).GetProperty("emailVerified").GetBoolean());
        }

        // The new claim arrives with the next access token.
        using var refreshed = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken);
        var token = (await Problem.JsonAsync(refreshed)).GetProperty("accessToken").GetString();
        using var created = await host.SendAsync(HttpMethod.Post, "/api/products", token, s_product);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Register_SpanishAcceptLanguage_MailInSpanishWithEscapedName()
    {
        var email = $"es-{Guid.NewGuid():N}@example.com";
        using var request = AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email, password = "una clave bastante larga", displayName = "<b>Ana</b>" });
        request.Headers.AcceptLanguage.ParseAdd("es-CO,es;q=0.9");
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var mail = (await MailSink.WaitForAsync(email))[0];
        Assert.Equal("Confirma tu correo en Covacha", mail.Subject);
        Assert.Contains("Hola, <b>Ana</b>:", mail.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Ana&lt;/b&gt;", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Ana</b>", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyToken_UsedTwice_SecondIsInvalid()
    {
        var user = await host.RegisterAsync();
        var token = MailSink.TokenIn((await MailSink.WaitForAsync(user.Email))[0]);

        using var first = await Verify(token);
        using var second = await Verify(token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await Problem.AssertAsync(second, 400, "invalid-token", "token");
    }

    [Fact]
    public async Task VerifyToken_Expired_Invalid()
    {
        var user = await host.RegisterAsync();
        var token = MailSink.TokenIn((await MailSink.WaitForAsync(user.Email))[0]);
        await ExecuteAsync("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1", user.Id);

        using var response = await Verify(token);

        await Problem.AssertAsync(response, 400, "invalid-token", "token");
        Assert.False(await IsVerifiedAsync(user.Id));
    }

    [Fact]
    public async Task VerifyToken_SecretMovedToAnotherUser_Invalid()
    {
        var owner = await host.RegisterAsync();
        var other = await host.RegisterAsync();
        var token = MailSink.TokenIn((await MailSink.WaitForAsync(owner.Email))[0]);
        var moved = $"{other.Id:N}{token[32..]}";

        using var response = await Verify(moved);

        await Problem.AssertAsync(response, 400, "invalid-token", "token");
        Assert.False(await IsVerifiedAsync(other.Id));
        Assert.False(await IsVerifiedAsync(owner.Id));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("garbage")]
    public async Task VerifyToken_Tampered_Invalid(string how)
    {
        var user = await host.RegisterAsync();
        var token = MailSink.TokenIn((await MailSink.WaitForAsync(user.Email))[0]);
        var tampered = how switch
        {
            "flip" => token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
            "truncate" => token[..^2],
            _ => "not-a-token",
        };

        using var response = await Verify(tampered);

        await Problem.AssertAsync(response, 400, "invalid-token", "token");
        Assert.False(await IsVerifiedAsync(user.Id));
    }

    [Fact]
    public async Task ResetToken_UsedToVerifyEmail_InvalidForThatPurpose()
    {
        var user = await host.RegisterAsync();
        await MailSink.WaitForAsync(user.Email);
        using (await Forgot(user.Email))
        {
        }

        var reset = MailSink.TokenIn((await MailSink.WaitForAsync(user.Email, 2)).Single(m => m.Subject == "Reset your Covacha password"));
        using var response = await Verify(reset);

        await Problem.AssertAsync(response, 400, "invalid-token", "token");
    }

    [Fact]
    public async Task Resend_BurstInParallel_LimitedPerAccount()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(user);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            host.SendAsync(HttpMethod.Post, "/api/auth/email/verification", session.AccessToken)));
        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        foreach (var r in responses)
        {
            r.Dispose();
        }

        Assert.Equal(3, codes.Count(c => c == 202));
        Assert.Equal(3, codes.Count(c => c == 429));
        // The registration mail and three resends; any of the links works.
        var mails = await MailSink.WaitForAsync(user.Email, 4);
        using var verified = await Verify(MailSink.TokenIn(mails[^1]));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    [Fact]
    public async Task Forgot_UnknownAndKnownEmail_AnswerAlikeAndOnlyTheAccountGetsMail()
    {
        var user = await host.RegisterAsync();
        await MailSink.WaitForAsync(user.Email);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.com";

        using var known = await Forgot(user.Email);
        using var missing = await Forgot(unknown);

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, missing.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await missing.Content.ReadAsStringAsync());
        await MailSink.WaitForAsync(user.Email, 2);
        Assert.Empty(await MailSink.ForAsync(unknown));
    }

    [Fact]
    public async Task Forgot_BurstFromOneAddress_LimitedWith429()
    {
        var address = AuthHost.NewAddress();
        var responses = await Task.WhenAll(Enumerable.Range(0, 14).Select(i =>
            host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/password/forgot",
                new { email = $"burst-{i}-{Guid.NewGuid():N}@example.com" }, address))));
        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        foreach (var r in responses)
        {
            r.Dispose();
        }

        Assert.Equal(10, codes.Count(c => c == 202));
        Assert.Equal(4, codes.Count(c => c == 429));
    }

    [Fact]
    public async Task Forgot_ManyForOneEmail_SameAnswerButMailStopsAtTheLimit()
    {
        var user = await host.RegisterAsync();
        await MailSink.WaitForAsync(user.Email);
        for (var i = 0; i < 5; i++)
        {
            using var response = await Forgot(user.Email);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // One verification mail and three reset mails, then no more.
        await MailSink.WaitForAsync(user.Email, 4);
        await Eventually.WaitAsync(() => PendingMailAsync(user.Email), n => n == 0, TimeSpan.FromSeconds(20), "the mail queue to drain");
        Assert.Equal(3, (await MailSink.ForAsync(user.Email)).Count(m => m.Subject == "Reset your Covacha password"));
    }

    [Fact]
    public async Task Reset_ValidLink_NewPasswordWorksAndEverySessionAndOtherLinkEnds()
    {
        var user = await host.RegisterAsync();
        await MailSink.WaitForAsync(user.Email);
        var sessionA = await host.LoginAsync(user);
        var sessionB = await host.LoginAsync(user);
        using (await Forgot(user.Email))
        {
        }

        using (await Forgot(user.Email))
        {
        }

        var resets = (await MailSink.WaitForAsync(user.Email, 3)).Where(m => m.Subject == "Reset your Covacha password").ToList();
        Assert.Equal(2, resets.Count);
        const string newPassword = "a brand new long passphrase";

        using var reset = await Reset(MailSink.TokenIn(resets[1]), newPassword);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        foreach (var session in new[] { sessionA, sessionB })
        {
            using var refresh = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken);
            await Problem.AssertAsync(refresh, 401, "unauthorized");
        }

        using (var oldPassword = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
            new { email = user.Email, password = user.Password })))
        {
            await Problem.AssertAsync(oldPassword, 401, "unauthorized");
        }

        await host.LoginAsync(user.Email, newPassword);
        using var otherLink = await Reset(MailSink.TokenIn(resets[0]), "yet another long passphrase");
        await Problem.AssertAsync(otherLink, 400, "invalid-token", "token");
        using var sameLink = await Reset(MailSink.TokenIn(resets[1]), "yet another long passphrase");
        await Problem.AssertAsync(sameLink, 400, "invalid-token", "token");
        Assert.True(await IsVerifiedAsync(user.Id));
        Assert.Contains(await MailSink.WaitForAsync(user.Email, 4), m => m.Subject == "Your Covacha password was changed");
    }

    [Fact]
    public async Task Reset_SameLinkInParallel_ExactlyOneSucceeds()
    {
        var user = await host.RegisterAsync();
        await MailSink.WaitForAsync(user.Email);
        using (await Forgot(user.Email))
        {
        }

        var token = MailSink.TokenIn((await MailSink.WaitForAsync(user.Email, 2)).Single(m => m.Subject == "Reset your Covacha password"));
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Reset(token, $"racing passphrase number {i}")));
        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        foreach (var r in responses)
        {
            r.Dispose();
        }

        Assert.Equal(1, codes.Count(c => c == 204));
        Assert.All(codes.Where(c => c != 204), c => Assert.True(c is 400 or 503, $"unexpected {c}"));
    }

    [Fact]
    public async Task Reset_ExpiredLink_InvalidAndPasswordUnchanged()
    {
        var user = await host.RegisterAsync();
        await MailSink.WaitForAsync(user.Email);
        using (await Forgot(user.Email))
        {
        }

        var token = MailSink.TokenIn((await MailSink.WaitForAsync(user.Email, 2)).Single(m => m.Subject == "Reset your Covacha password"));
        await ExecuteAsync("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND purpose = 'reset-password'",
            user.Id);

        using var response = await Reset(token, "a brand new long passphrase");

        await Problem.AssertAsync(response, 400, "invalid-token", "token");
        await host.LoginAsync(user);
    }

    [Fact]
    public async Task ChangePassword_RightCurrent_OtherSessionsEndThisOneStays()
    {
        var user = await host.RegisterAsync();
        var mine = await host.LoginAsync(user);
        var other = await host.LoginAsync(user);

        using (var wrong = await Send(HttpMethod.Post, "/api/auth/me/password", mine,
            new { currentPassword = "not my password at all", newPassword = "a brand new long passphrase" }))
        {
            await Problem.AssertAsync(wrong, 422, "validation", "currentPassword");
        }

        using var changed = await Send(HttpMethod.Post, "/api/auth/me/password", mine,
            new { currentPassword = user.Password, newPassword = "a brand new long passphrase" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        using var otherRefresh = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: other.RefreshToken);
        await Problem.AssertAsync(otherRefresh, 401, "unauthorized");
        using var mineRefresh = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: mine.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, mineRefresh.StatusCode);
        await host.LoginAsync(user.Email, "a brand new long passphrase");
    }

    [Fact]
    public async Task UpdateMe_NewDisplayName_Saved()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(user);

        using var response = await host.SendAsync(HttpMethod.Patch, "/api/auth/me", session.AccessToken, new { displayName = "  Ana María " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ana María", (await Problem.JsonAsync(response)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task ChangeEmail_LinkToNewNoticeToOld_EmailChangesWhenFollowed()
    {
        var user = await host.RegisterAsync();
        var session = await host.LoginAsync(user);
        var newEmail = $"new-{Guid.NewGuid():N}@example.com";

        using var asked = await host.SendAsync(HttpMethod.Post, "/api/auth/me/email", session.AccessToken,
            new { newEmail, password = user.Password });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);

        Assert.Contains(await MailSink.WaitForAsync(user.Email, 2), m => m.Subject == "A change of your Covacha email was requested");
        var confirm = (await MailSink.WaitForAsync(newEmail)).Single();
        Assert.Equal("Confirm your new email for Covacha", confirm.Subject);
        using var verified = await Verify(MailSink.TokenIn(confirm));
        var body = await Problem.JsonAsync(verified);
        Assert.Equal(newEmail, body.GetProperty("email").GetString());
        Assert.True(body.GetProperty("emailVerified").GetBoolean());
        await host.LoginAsync(newEmail, user.Password);
    }

    [Fact]
    public async Task ChangeEmail_ToATakenAddress_SameAnswerAndThatAddressIsToldItHasAnAccount()
    {
        var user = await host.RegisterAsync();
        var owner = await host.RegisterAsync();
        await MailSink.WaitForAsync(owner.Email);
        var session = await host.LoginAsync(user);

        using var asked = await host.SendAsync(HttpMethod.Post, "/api/auth/me/email", session.AccessToken,
            new { newEmail = owner.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        Assert.Contains(await MailSink.WaitForAsync(owner.Email, 2), m => m.Subject == "You already have a Covacha account");
    }

    [Fact]
    public async Task DeleteAccount_RightPassword_AccountSessionsAndPersonalRowsGoneAndProductsTakenDown()
    {
        var user = await host.RegisterAsync();
        using (await Verify(MailSink.TokenIn((await MailSink.WaitForAsync(user.Email))[0])))
        {
        }

        var session = await host.LoginAsync(user);
        for (var i = 0; i < 2; i++)
        {
            using var created = await host.SendAsync(HttpMethod.Post, "/api/products", session.AccessToken, s_product);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var wrong = await host.SendAsync(HttpMethod.Post, "/api/auth/me/delete", session.AccessToken, new { password = "wrong password here" }))
        {
            await Problem.AssertAsync(wrong, 422, "validation", "password");
        }

        using var deleted = await host.SendAsync(HttpMethod.Post, "/api/auth/me/delete", session.AccessToken, new { password = user.Password });
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        await Eventually.WaitAsync(async () =>
        {
            using var list = await host.Client.GetAsync($"/api/products?owner={user.Id}");
            return (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
        }, n => n == 0, TimeSpan.FromSeconds(20), "the deleted account's products to be taken down");

        await using var connection = new NpgsqlConnection(host.AuthDatabase);
        await connection.OpenAsync();
        await Eventually.WaitAsync(async () =>
        {
            await using var pending = new NpgsqlCommand("SELECT count(*) FROM product_takedowns", connection);
            return (long)(await pending.ExecuteScalarAsync())!;
        }, n => n == 0, TimeSpan.FromSeconds(20), "Products to confirm the takedown");
        foreach (var table in new[] { "users", "refresh_families", "refresh_tokens", "account_tokens", "mail_outbox", "throttle", "request_limits", "product_takedowns" })
        {
            await using var dump = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, ' '), '') FROM {table} t", connection);
            var rows = (string)(await dump.ExecuteScalarAsync())!;
            Assert.DoesNotContain(user.Email, rows, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(user.Id.ToString(), rows, StringComparison.OrdinalIgnoreCase);
        }

        // A login after the deletion fails like any unknown email (and starts a throttle window of its own).
        using (var login = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
            new { email = user.Email, password = user.Password })))
        {
            await Problem.AssertAsync(login, 401, "unauthorized");
        }

        using (var refresh = await host.SendAsync(HttpMethod.Post, "/api/auth/token/refresh", refreshCookie: session.RefreshToken))
        {
            await Problem.AssertAsync(refresh, 401, "unauthorized");
        }
    }

    private Task<HttpResponseMessage> Verify(string token) =>
        host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/email/verify", new { token }));

    private Task<HttpResponseMessage> Forgot(string email) =>
        host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/password/forgot", new { email }));

    private Task<HttpResponseMessage> Reset(string token, string password) =>
        host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/password/reset", new { token, password }));

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, Session session, object body) =>
        host.SendAsync(method, path, session.AccessToken, body, session.RefreshToken);

    private async Task ExecuteAsync(string sql, Guid userId)
    {
        await using var connection = new NpgsqlConnection(host.AuthDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(userId);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<bool> IsVerifiedAsync(Guid userId)
    {
        await using var connection = new NpgsqlConnection(host.AuthDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT email_verified_at IS NOT NULL FROM users WHERE id = $1", connection);
        command.Parameters.AddWithValue(userId);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task<int> PendingMailAsync(string email)
    {
        await using var connection = new NpgsqlConnection(host.AuthDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM mail_outbox WHERE to_address = $1", connection);
        command.Parameters.AddWithValue(email);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}
