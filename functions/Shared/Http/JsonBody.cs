using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Covacha.Shared.Http;

/// <summary>
/// Reads a JSON request body with a size limit and turns every way it can be wrong into a
/// problem that names the field: 415 for the wrong media type, 413 for an oversized body,
/// 400 for malformed JSON, a wrong type or an unknown member.
/// </summary>
public static partial class JsonBody
{
    public const int DefaultMaxBytes = 64 * 1024;

    public static async Task<BodyResult<T>> ReadAsync<T>(
        HttpRequest request,
        JsonTypeInfo<T> typeInfo,
        CancellationToken cancellationToken,
        int maxBytes = DefaultMaxBytes,
        params string[] mediaTypes)
        where T : class
    {
        var accepted = mediaTypes.Length > 0 ? mediaTypes : ["application/json"];
        if (!HasMediaType(request.ContentType, accepted))
        {
            return Problems.UnsupportedMediaType(string.Join(" or ", accepted));
        }

        if (request.ContentLength > maxBytes)
        {
            return Problems.PayloadTooLarge(maxBytes);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= maxBytes &&
                   (read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
            }

            if (length > maxBytes)
            {
                return Problems.PayloadTooLarge(maxBytes);
            }

            if (length == 0)
            {
                return Problems.BadRequest("body", "A JSON body is required.");
            }

            try
            {
                var value = JsonSerializer.Deserialize(buffer.AsSpan(0, length), typeInfo);
                return value is null
                    ? Problems.BadRequest("body", "A JSON object is required.")
                    : new BodyResult<T>(value);
            }
            catch (JsonException ex)
            {
                return Problems.BadRequest(FieldOf(ex), Describe(ex));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static bool HasMediaType(string? contentType, IEnumerable<string> accepted)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return accepted.Any(a => string.Equals(a, mediaType, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The JSON member a deserialisation error is about, as the client spelled it.</summary>
    internal static string FieldOf(JsonException ex)
    {
        var unmapped = UnmappedMember().Match(ex.Message);
        if (unmapped.Success)
        {
            return unmapped.Groups[1].Value;
        }

        var path = ex.Path;
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    private static string Describe(JsonException ex)
    {
        if (UnmappedMember().IsMatch(ex.Message))
        {
            return "Unknown field.";
        }

        return ex.Path is null or "$" && ex.LineNumber is not null
            ? "The body is not valid JSON."
            : "The value has the wrong type or is not valid JSON.";
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();
}

/// <summary>Either the deserialised body or the problem to answer with.</summary>
public readonly record struct BodyResult<T>(T? Value, ApiProblem? Problem = null)
    where T : class
{
    public static implicit operator BodyResult<T>(ApiProblem problem) => new(null, problem);
}
