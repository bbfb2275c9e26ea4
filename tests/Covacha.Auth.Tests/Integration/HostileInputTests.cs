using System.Net.Http.Headers;
using System.Text;

namespace Covacha.Auth.Tests.Integration;

/// <summary>Every Auth endpoint against a battery of bad requests: none may answer 5xx.</summary>
[Collection(AuthHostCollection.Name)]
public sealed class HostileInputTests(AuthHost host)
{
    private static readonly (string Method, string Path)[] Endpoints =
    [
        ("POST", "/api/auth/register"),
        ("POST", "/api/auth/token"),
        ("POST", "/api/auth/token/refresh"),
        ("POST", "/api/auth/logout"),
        ("GET", "/api/auth/me"),
        ("GET", "/api/auth/.well-known/jwks.json"),
        ("GET", "/api/auth/users?page=1&pageSize=20"),
        ("PUT", $"/api/auth/users/{Guid.NewGuid()}/role"),
    ];

    private static readonly (string ContentType, string Body)[] Bodies =
    [
        ("application/json", "{"),
        ("application/json", "null"),
        ("application/json", "[1,2,3]"),
        ("application/json", "\"just a string\""),
        ("application/json", "{\"email\":null,\"password\":null,\"displayName\":null,\"role\":null}"),
        ("application/json", "{\"email\":{\"$ne\":1},\"password\":[],\"displayName\":true}"),
        ("application/json", "{\"email\":\"a@b.c\",\"email\":\"d@e.f\"}"),
        ("application/json", "{\"unexpected\":1}"),
        ("application/json", "{\"email\":\"\\u0000@x.com\",\"password\":\"\\ud800\\ud800\\ud800\\ud800\\ud800\\ud800\",\"displayName\":\"\\u0000\"}"),
        ("application/json", "{\"email\":\"x' OR 1=1; --@example.com\",\"password\":\"'; DROP TABLE users; --\",\"displayName\":\"%00\",\"role\":\"admin'--\"}"),
        ("application/json", new string('[', 5000)),
        ("application/json; charset=utf-16", "{}"),
        ("text/plain", "{}"),
        ("application/x-www-form-urlencoded", "email=a%40b.c&password=x"),
        ("application/xml", "<a/>"),
    ];

    public static TheoryData<int> BodyIndexes() => [.. Enumerable.Range(0, Bodies.Length)];

    [Theory]
    [MemberData(nameof(BodyIndexes))]
    public async Task AnyEndpoint_HostileBody_NeverServerError(int bodyIndex)
    {
        var admin = await host.LoginAdminAsync();
        var (contentType, body) = Bodies[bodyIndex];
        foreach (var (method, path) in Endpoints)
        {
            foreach (var bearer in new[] { null, admin.AccessToken })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
                };
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                request.Headers.Add(AuthHost.AddressHeader, AuthHost.NewAddress());
                if (bearer is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                }

                using var response = await host.Http.SendAsync(request);

                Assert.True((int)response.StatusCode < 500, $"{method} {path} with {contentType} {body[..Math.Min(40, body.Length)]} -> {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task BodyEndpoints_TwoMegabytes_PayloadTooLarge()
    {
        var admin = await host.LoginAdminAsync();
        var huge = "{\"email\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";
        foreach (var (method, path) in new[] { ("POST", "/api/auth/register"), ("POST", "/api/auth/token"), ("PUT", $"/api/auth/users/{Guid.NewGuid()}/role") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin.AccessToken);
            request.Headers.Add(AuthHost.AddressHeader, AuthHost.NewAddress());

            using var response = await host.Http.SendAsync(request);

            await Problem.AssertAsync(response, 413, "payload-too-large", "body");
        }
    }

    [Fact]
    public async Task BodyEndpoints_EmptyBody_BadRequestNamingBody()
    {
        foreach (var path in new[] { "/api/auth/register", "/api/auth/token" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("", Encoding.UTF8, "application/json") };
            request.Headers.Add(AuthHost.AddressHeader, AuthHost.NewAddress());

            using var response = await host.Http.SendAsync(request);

            await Problem.AssertAsync(response, 400, "bad-request", "body");
        }
    }

    [Fact]
    public async Task Token_SixtyKilobyteEmail_UnauthorizedNotServerError()
    {
        using var response = await host.Http.SendAsync(AuthHost.Json(HttpMethod.Post, "/api/auth/token",
            new { email = new string('e', 60 * 1024) + "@example.com", password = "some long password" }));

        await Problem.AssertAsync(response, 401, "unauthorized");
    }

    [Fact]
    public async Task Token_AddressHeaderGarbage_StillAnswers()
    {
        using var request = AuthHost.Json(HttpMethod.Post, "/api/auth/token", new { email = "a@example.com", password = "wrong password!" });
        request.Headers.Remove(AuthHost.AddressHeader);
        request.Headers.TryAddWithoutValidation(AuthHost.AddressHeader, "'; DROP TABLE throttle; --, <script>");

        using var response = await host.Http.SendAsync(request);

        await Problem.AssertAsync(response, 401, "unauthorized");
    }
}
