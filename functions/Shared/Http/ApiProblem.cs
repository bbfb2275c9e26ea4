using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Covacha.Shared.Http;

/// <summary>
/// An RFC 9457 problem response. One type for every error so that function signatures stay
/// short (<c>Results&lt;Ok&lt;T&gt;, ApiProblem&gt;</c>) and every error carries a stable <c>type</c>.
/// </summary>
public sealed class ApiProblem : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string MediaType = "application/problem+json";
    public const string TypeBase = "https://covacha.dev/problems/";

    public ApiProblem(int status, string slug, string title, string? detail = null,
        IReadOnlyDictionary<string, string[]>? errors = null, TimeSpan? retryAfter = null)
    {
        Status = status;
        Type = TypeBase + slug;
        Title = title;
        Detail = detail;
        Errors = errors;
        RetryAfter = retryAfter;
    }

    public int Status { get; }
    public string Type { get; }
    public string Title { get; }
    public string? Detail { get; }
    public IReadOnlyDictionary<string, string[]>? Errors { get; }
    public TimeSpan? RetryAfter { get; }

    int? IStatusCodeHttpResult.StatusCode => Status;
    string IContentTypeHttpResult.ContentType => MediaType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = MediaType;
        if (RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = new ProblemBody(Type, Title, Status, Detail, Errors, httpContext.Request.Path.Value);
        await JsonSerializer.SerializeAsync(response.Body, body, SharedJsonContext.Default.ProblemBody, httpContext.RequestAborted);
    }
}

public sealed record ProblemBody(
    string Type,
    string Title,
    int Status,
    string? Detail,
    IReadOnlyDictionary<string, string[]>? Errors,
    string? Instance);
