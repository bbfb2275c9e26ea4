using System.Text.RegularExpressions;
using Covacha.Deploy.Tests.Support;
using Covacha.DevHost;

namespace Covacha.Deploy.Tests;

/// <summary>The frontend's nginx sends the same security headers as the dev host, and caches only hashed assets for long.</summary>
public sealed partial class FrontendNginxTests
{
    private static readonly string Nginx = Repository.Read("frontend", "nginx.conf");

    private static Dictionary<string, string> Headers() =>
        AddHeader().Matches(Nginx).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void SecurityHeaders_MatchTheDevHost()
    {
        var headers = Headers();

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, headers["Content-Security-Policy"]);
        Assert.Contains("frame-ancestors 'none'", headers["Content-Security-Policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["X-Content-Type-Options"]);
        Assert.Equal("no-referrer", headers["Referrer-Policy"]);
        Assert.StartsWith("max-age=", headers["Strict-Transport-Security"], StringComparison.Ordinal);
    }

    [Fact]
    public void AddHeader_IsDeclaredOnlyAtServerLevel_SoNoLocationDropsTheSecurityHeaders()
    {
        // nginx forgets inherited add_header directives in a location that declares its own.
        foreach (Match location in LocationBlock().Matches(Nginx))
        {
            Assert.DoesNotContain("add_header", location.Value, StringComparison.Ordinal);
        }

        Assert.True(Headers().Count >= 5);
    }

    [Fact]
    public void Caching_IsLongForHashedAssets_AndRevalidatedForTheRest()
    {
        Assert.Matches(@"~\^/assets/\s+""public, max-age=31536000, immutable"";", Nginx);
        Assert.Matches(@"default\s+""no-cache"";", Nginx);
        Assert.Equal("$covacha_cache_control", Headers()["Cache-Control"]);
    }

    [Fact]
    public void UnknownPaths_AnswerTheSpaWith404_ButApiPathsDoNot()
    {
        // No status-changing "=" in error_page: the app is the body, 404 stays the status.
        Assert.Matches(@"location / \{\s*try_files \$uri =404;\s*error_page 404 /index\.html;\s*\}", Nginx);
        Assert.Matches(@"location /api/ \{\s*return 404;", Nginx);
        Assert.Matches(@"location /assets/ \{\s*try_files \$uri =404;\s*\}", Nginx);
        Assert.Matches(@"location = / \{\s*try_files /index\.html =404;", Nginx);
    }

    [Fact]
    public void KnownRoutes_AnswerTheSpaWith200_ExactlyTheDevHostsList()
    {
        var match = KnownRoutesLocation().Match(Nginx);
        Assert.True(match.Success, "no regex location for the app's routes");
        Assert.Matches(@"^\s*try_files /index\.html =404;\s*$", match.Groups[2].Value);
        var routes = new Regex(match.Groups[1].Value);

        foreach (var template in SpaRoutes.Templates.Where(t => t != "/"))
        {
            var path = template.Replace(":id", Guid.NewGuid().ToString(), StringComparison.Ordinal);
            Assert.Matches(routes, path);
            Assert.Matches(routes, path + "/");
        }

        foreach (var unknown in new[] { "/nope", "/products", "/products/1/edit/more", "/my", "/admin/users", "/sellers", "/loginx", "/x/login" })
        {
            Assert.DoesNotMatch(routes, unknown);
        }
    }

    [Fact]
    public void Nginx_RunsUnprivilegedWithAReadOnlyRoot()
    {
        Assert.Contains("pid /tmp/nginx.pid;", Nginx, StringComparison.Ordinal);
        Assert.Contains("client_body_temp_path /tmp/", Nginx, StringComparison.Ordinal);
        Assert.Contains("server_tokens off;", Nginx, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"add_header\s+([\w-]+)\s+(""[^""]*""|\S+)\s+always;")]
    private static partial Regex AddHeader();

    [GeneratedRegex(@"location ~ (\^/\([^ ]+\$) \{([^}]*)\}")]
    private static partial Regex KnownRoutesLocation();

    [GeneratedRegex(@"location [^{]+\{[^}]*\}")]
    private static partial Regex LocationBlock();
}
