using System.Net;
using System.Net.Http.Json;
using Covacha.Testing;
using Npgsql;

namespace Covacha.Auth.Tests.Integration;

[Collection(AuthHostCollection.Name)]
public sealed class RegisterTests(AuthHost host)
{
    private static string Email() => $"r-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task Register_ValidBody_CreatedWithNormalisedProfileAndUserRole()
    {
        var email = Email();
        using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email = "  " + email.ToUpperInvariant() + " ", password = "a fine long password", displayName = "  Ana  " }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Problem.JsonAsync(response);
        Assert.Equal(email, body.GetProperty("email").GetString());
        Assert.Equal("Ana", body.GetProperty("displayName").GetString());
        Assert.Equal("user", body.GetProperty("role").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        Assert.False(body.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task Register_StoredPassword_IsArgon2idHashNotPlainText()
    {
        var user = await host.RegisterAsync();
        await using var connection = new NpgsqlConnection(host.AuthDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT password_hash FROM users WHERE id = $1", connection);
        command.Parameters.AddWithValue(user.Id);

        var stored = (string)(await command.ExecuteScalarAsync())!;

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Password, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_TakenEmailOtherCase_AnswersLikeANewRegistrationAndMailsTheOwner()
    {
        var user = await host.RegisterAsync();
        await MailSink.WaitForAsync(user.Email);
        using var fresh = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email = Email(), password = "another long password", displayName = "Copy" }));
        using var taken = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email = user.Email.ToUpperInvariant(), password = "another long password", displayName = "Copy" }));

        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var freshBody = await Problem.JsonAsync(fresh);
        var takenBody = await Problem.JsonAsync(taken);
        Assert.Equal(Names(freshBody), Names(takenBody));
        Assert.Equal(user.Email, takenBody.GetProperty("email").GetString());
        Assert.NotEqual(user.Id, takenBody.GetProperty("id").GetGuid());
        Assert.False(takenBody.GetProperty("emailVerified").GetBoolean());

        var mails = await MailSink.WaitForAsync(user.Email, 2);
        Assert.Contains(mails, m => m.Subject == "You already have a Covacha account");
        // The account is untouched: its own password still logs in.
        await host.LoginAsync(user);
    }

    [Fact]
    public async Task Register_ConcurrentSameEmail_ExactlyOneAccountAndAllAnswersAlike()
    {
        var email = Email();
        var attempts = Enumerable.Range(0, 6).Select(i => host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email = i % 2 == 0 ? email : email.ToUpperInvariant(), password = "racing long password", displayName = "Racer" })));

        var responses = await Task.WhenAll(attempts);
        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        foreach (var r in responses)
        {
            r.Dispose();
        }

        Assert.All(codes, c => Assert.True(c is 201 or 503, $"unexpected {c}"));
        await using var connection = new NpgsqlConnection(host.AuthDatabase);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM users WHERE lower(email) = lower($1)", connection);
        count.Parameters.AddWithValue(email);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }

    private static List<string> Names(System.Text.Json.JsonElement body) =>
        [.. body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("short")]
    [InlineData("password1234")]
    [InlineData("Qwerty123456")]
    public async Task Register_WeakPassword_UnprocessableNamingPassword(string password)
    {
        using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email = Email(), password, displayName = "Weak" }));

        await Problem.AssertAsync(response, 422, "validation", "password");
    }

    [Fact]
    public async Task Register_PasswordOver128_UnprocessableNamingPassword()
    {
        using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email = Email(), password = new string('z', 129), displayName = "Long" }));

        await Problem.AssertAsync(response, 422, "validation", "password");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("")]
    public async Task Register_BadEmail_UnprocessableNamingEmail(string email)
    {
        using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email, password = "a fine long password", displayName = "X" }));

        await Problem.AssertAsync(response, 422, "validation", "email");
    }

    [Fact]
    public async Task Register_EmailOver254_UnprocessableNamingEmail()
    {
        using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email = new string('a', 60) + "@" + new string('b', 190) + ".com", password = "a fine long password", displayName = "X" }));

        await Problem.AssertAsync(response, 422, "validation", "email");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("this display name is definitely longer than sixty characters!!")]
    public async Task Register_BadDisplayName_UnprocessableNamingDisplayName(string displayName)
    {
        using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email = Email(), password = "a fine long password", displayName }));

        await Problem.AssertAsync(response, 422, "validation", "displayName");
    }

    [Fact]
    public async Task Register_MissingFields_UnprocessableNamingEach()
    {
        using var response = await host.Http.SendAsync(AuthHost.Raw(HttpMethod.Post, "/api/auth/register", "{}"));

        var body = await Problem.AssertAsync(response, 422, "validation");
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
    }

    [Fact]
    public async Task Register_UnknownField_BadRequestNamingIt()
    {
        using var response = await host.Http.SendAsync(AuthHost.Raw(HttpMethod.Post, "/api/auth/register",
            """{"email":"x@example.com","password":"a fine long password","displayName":"X","role":"admin"}"""));

        await Problem.AssertAsync(response, 400, "bad-request", "role");
    }

    [Theory]
    [InlineData("{\"email\": ")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"email\": 42, \"password\": \"a fine long password\", \"displayName\": \"X\"}")]
    public async Task Register_MalformedJson_BadRequest(string json)
    {
        using var response = await host.Http.SendAsync(AuthHost.Raw(HttpMethod.Post, "/api/auth/register", json));

        await Problem.AssertAsync(response, 400, "bad-request");
    }

    [Fact]
    public async Task Register_WrongContentType_UnsupportedMediaType()
    {
        using var response = await host.Http.SendAsync(AuthHost.Raw(HttpMethod.Post, "/api/auth/register",
            """{"email":"x@example.com","password":"a fine long password","displayName":"X"}""", "text/plain"));

        await Problem.AssertAsync(response, 415, "unsupported-media-type");
    }

    [Fact]
    public async Task Register_TwoMegabyteBody_PayloadTooLarge()
    {
        var huge = "{\"email\":\"x@example.com\",\"password\":\"a fine long password\",\"displayName\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";
        using var response = await host.Http.SendAsync(AuthHost.Raw(HttpMethod.Post, "/api/auth/register", huge));

        await Problem.AssertAsync(response, 413, "payload-too-large", "body");
    }

    [Fact]
    public async Task Register_SqlMetacharacters_StoredLiterally()
    {
        var name = "Robert'); DROP TABLE users;--";
        var email = $"o'brien+{Guid.NewGuid():N}@example.com";
        using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/register",
            new { email, password = "'; DELETE FROM users; --x", displayName = name }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = await host.LoginAsync(email, "'; DELETE FROM users; --x");
        using var me = await host.SendAsync(HttpMethod.Get, "/api/auth/me", session.AccessToken);
        var body = await me.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(name, body.GetProperty("displayName").GetString());
    }
}
