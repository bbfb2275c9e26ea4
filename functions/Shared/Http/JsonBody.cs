using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Covacha.Shared.Http;

/// <summary>
/// Reads a JSON request body with a size limit and turns every way it can be wrong into a
/// problem that names the field: 415 for the wrong media type, 413 for an oversized body,
/// 400 for malformed JSON, a wrong type, an unknown member or a member given twice (in any
/// letter case: the deserialiser matches names case-insensitively), 422 for a string with a
/// control character (other than tab, line feed and carriage return) or a lone surrogate,
/// which no field accepts and PostgreSQL cannot store. No exception of the parser escapes.
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
                if (InspectOrDefer(buffer.AsSpan(0, length)) is { } hostile)
                {
                    return hostile;
                }

                var value = JsonSerializer.Deserialize(buffer.AsSpan(0, length), typeInfo);
                return value is null
                    ? Problems.BadRequest("body", "A JSON object is required.")
                    : new BodyResult<T>(value);
            }
            catch (JsonException ex)
            {
                return Problems.BadRequest(FieldOf(ex), Describe(ex));
            }
            catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException
                                           or FormatException or OverflowException or DecoderFallbackException)
            {
                return Problems.BadRequest("body", "The body is not a valid request.");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Malformed JSON is left for the deserialiser, whose error names the member better.</summary>
    private static ApiProblem? InspectOrDefer(ReadOnlySpan<byte> json)
    {
        try
        {
            return Inspect(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// One pass over the tokens before deserialising: a member named twice in one object (letter
    /// case ignored) is a 400, a string value with a control character or a lone surrogate a 422,
    /// each naming the member. Malformed JSON throws <see cref="JsonException"/> as the
    /// deserialiser would.
    /// </summary>
    internal static ApiProblem? Inspect(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        var members = new Stack<HashSet<string>?>();
        var path = new Stack<string>();
        string? pending = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    members.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                    path.Push(pending ?? "");
                    pending = null;
                    break;
                case JsonTokenType.StartArray:
                    members.Push(null);
                    path.Push(pending ?? "");
                    pending = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    members.Pop();
                    path.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    var field = Join(path, name);
                    if (!members.Peek()!.Add(name))
                    {
                        return Problems.BadRequest(field, "This member appears more than once.");
                    }

                    if (FirstHostileChar(name) >= 0)
                    {
                        return Problems.BadRequest("body", "A member name has a control character.");
                    }

                    pending = name;
                    break;
                case JsonTokenType.String:
                    if (FirstHostileChar(reader.GetString()!) >= 0)
                    {
                        return Problems.Validation(Join(path, pending), "Must not contain control characters (such as U+0000).");
                    }

                    pending = members.Count > 0 && members.Peek() is null ? pending : null;
                    break;
                default:
                    pending = members.Count > 0 && members.Peek() is null ? pending : null;
                    break;
            }
        }

        return null;
    }

    /// <summary>The index of the first control character (tab, LF, CR allowed) or lone surrogate, or -1.</summary>
    public static int FirstHostileChar(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || (char.IsHighSurrogate(c)
                    ? i + 1 >= text.Length || !char.IsLowSurrogate(text[++i])
                    : char.IsLowSurrogate(c)))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Join(Stack<string> path, string? member)
    {
        // The stack enumerates innermost first; the outermost entry is the body itself ("").
        var parts = path.Reverse().Where(p => p.Length > 0).Append(member ?? "").Where(p => p.Length > 0).ToArray();
        return parts.Length == 0 ? "body" : string.Join('.', parts);
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
