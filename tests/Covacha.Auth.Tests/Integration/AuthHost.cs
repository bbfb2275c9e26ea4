using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Covacha.Testing;

namespace Covacha.Auth.Tests.Integration;

/// <summary>
/// The one dev host of this test project, with two known signing keys (the first active) so
/// tests can mint their own tokens, and a demo user.
/// </summary>
public sealed class AuthHost() : CovachaHost("tests-auth")
{
    public TestKey ActiveKey { get; } = new();
    public TestKey SecondKey { get; } = new();
    public string DemoEmail { get; } = "demo@covacha.test";
    public string DemoPassword { get; } = "demo-" + Guid.NewGuid().ToString("N");
    public string Issuer => "covacha-local";

    /// <summary>The header the gateway writes the client's address into; tests play the gateway.</summary>
    public const string AddressHeader = "X-Covacha-Client-Address";
    public string Audience => "covacha";

    /// <summary>A client that does not keep cookies, so tests see and send them explicitly.</summary>
    public HttpClient Http { get; private set; } = null!;

    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Auth:SigningKeys:0:KeyId"] = ActiveKey.KeyId,
        ["Auth:SigningKeys:0:PrivateKeyPem"] = ActiveKey.Pem,
        ["Auth:SigningKeys:1:KeyId"] = SecondKey.KeyId,
        ["Auth:SigningKeys:1:PrivateKeyPem"] = SecondKey.Pem,
        ["Auth:DemoUser:Email"] = DemoEmail,
        ["Auth:DemoUser:Password"] = DemoPassword,
        ["Auth:ClientAddressHeader"] = AddressHeader,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Every response is checked against functions/Auth/openapi.yaml, like CovachaHost.Client.
        Http = new HttpClient(new OpenApiValidatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }))
        {
            BaseAddress = BaseAddress,
        };
    }

    public override async Task DisposeAsync()
    {
        Http?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A fresh client address per caller, so throttling in one test never touches another.</summary>
    public static string NewAddress() => $"198.51.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";

    public static HttpRequestMessage Json(HttpMethod method, string path, object body, string? address = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(AddressHeader, address ?? NewAddress());
        return request;
    }

    public static HttpRequestMessage Raw(HttpMethod method, string path, string body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(AddressHeader, NewAddress());
        return request;
    }

    public async Task<RegisteredUser> RegisterAsync(string? email = null, string? password = null, string displayName = "Test User")
    {
        email ??= $"u-{Guid.NewGuid():N}@example.com";
        password ??= "pw-" + Guid.NewGuid().ToString("N");
        using var response = await Http.SendAsync(Json(HttpMethod.Post, "/api/auth/register", new { email, password, displayName }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new RegisteredUser(body.GetProperty("id").GetGuid(), email, password);
    }

    public async Task<Session> LoginAsync(string email, string password)
    {
        using var response = await Http.SendAsync(Json(HttpMethod.Post, "/api/auth/token", new { email, password }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Session(body.GetProperty("accessToken").GetString()!, RefreshCookieOf(response)!);
    }

    public Task<Session> LoginAsync(RegisteredUser user) => LoginAsync(user.Email, user.Password);

    public Task<Session> LoginAdminAsync() => LoginAsync(AdminEmail, AdminPassword);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer = null, object? body = null, string? refreshCookie = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (refreshCookie is not null)
        {
            request.Headers.Add("Cookie", $"covacha_refresh={refreshCookie}");
        }

        request.Headers.Add(AddressHeader, NewAddress());
        return await Http.SendAsync(request);
    }

    /// <summary>The raw Set-Cookie header for the refresh cookie, if any.</summary>
    public static string? RefreshSetCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith("covacha_refresh=", StringComparison.Ordinal))
            : null;

    public static string? RefreshCookieOf(HttpResponseMessage response) =>
        RefreshSetCookie(response) is { } header ? header.Split(';')[0]["covacha_refresh=".Length..] : null;
}

public sealed record RegisteredUser(Guid Id, string Email, string Password);

public sealed record Session(string AccessToken, string RefreshToken);

[CollectionDefinition(Name)]
public sealed class AuthHostCollection : ICollectionFixture<AuthHost>
{
    public const string Name = "auth-host";
}
