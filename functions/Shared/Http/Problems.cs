namespace Covacha.Shared.Http;

/// <summary>The problem types Covacha answers with; each has a stable <c>type</c> slug.</summary>
public static class Problems
{
    public static ApiProblem Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(422, "validation", "One or more fields are invalid.", FirstError(errors), errors);

    public static ApiProblem Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static ApiProblem BadRequest(string field, string message) =>
        new(400, "bad-request", "The request is malformed.", $"{field}: {message}",
            new Dictionary<string, string[]> { [field] = [message] });

    public static ApiProblem PayloadTooLarge(long limitBytes) =>
        new(413, "payload-too-large", "The request body is too large.",
            $"body: at most {limitBytes} bytes are accepted.",
            new Dictionary<string, string[]> { ["body"] = [$"At most {limitBytes} bytes are accepted."] });

    public static ApiProblem UnsupportedMediaType(string expected) =>
        new(415, "unsupported-media-type", "The request body has the wrong media type.",
            $"Content-Type must be {expected}.",
            new Dictionary<string, string[]> { ["Content-Type"] = [$"Must be {expected}."] });

    public static ApiProblem Unauthorized(string detail = "A valid bearer token is required.") =>
        new(401, "unauthorized", "Authentication is required.", detail);

    public static ApiProblem Forbidden(string detail = "You may not do this.") =>
        new(403, "forbidden", "Forbidden.", detail);

    /// <summary>A signed-in user whose email address is not confirmed yet tried to publish.</summary>
    public static ApiProblem EmailNotVerified() =>
        new(403, "email-not-verified", "Email not verified.",
            "Confirm your email address before publishing: follow the link we mailed you, or ask for a new one.");

    /// <summary>A mailed link's token that is malformed, unknown, for another use or user, expired or spent (never said which).</summary>
    public static ApiProblem InvalidToken() =>
        new(400, "invalid-token", "The link is not valid.", "token: This link is invalid, expired or already used; ask for a new one.",
            new Dictionary<string, string[]> { ["token"] = ["This link is invalid, expired or already used; ask for a new one."] });

    /// <summary>A login or session refresh of an account an admin suspended (after the password was checked, for logins).</summary>
    public static ApiProblem AccountSuspended() =>
        new(403, "account-suspended", "Account suspended.",
            "This account is suspended by an administrator, so it cannot log in. Its products stay listed; write to the site's support to have it reactivated.");

    public static ApiProblem NotFound(string detail = "No such resource.") =>
        new(404, "not-found", "Not found.", detail);

    public static ApiProblem Conflict(string field, string detail) =>
        new(409, "conflict", "Conflict.", detail, new Dictionary<string, string[]> { [field] = [detail] });

    /// <summary>A change to a product an admin took down: it stays as it was, for the record.</summary>
    public static ApiProblem TakenDown() =>
        new(409, "taken-down", "Taken down.",
            "An administrator took this product down, so it can no longer be changed. Its record says why.");

    public static ApiProblem PreconditionFailed(string detail = "The resource has changed since you read it.") =>
        new(412, "precondition-failed", "Precondition failed.", detail);

    public static ApiProblem PreconditionRequired() =>
        new(428, "precondition-required", "Precondition required.",
            "Send If-Match with the ETag you read.",
            new Dictionary<string, string[]> { ["If-Match"] = ["Required."] });

    public static ApiProblem TooManyRequests(TimeSpan retryAfter) =>
        new(429, "too-many-requests", "Too many requests.", "Wait before trying again.", retryAfter: retryAfter);

    public static ApiProblem Unavailable(string detail, TimeSpan? retryAfter = null) =>
        new(503, "unavailable", "Service unavailable.", detail, retryAfter: retryAfter ?? TimeSpan.FromSeconds(5));

    public static ApiProblem Internal() =>
        new(500, "internal", "Internal server error.", "Something went wrong on our side; it has been logged.");

    private static string? FirstError(IReadOnlyDictionary<string, string[]> errors) =>
        errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}").FirstOrDefault();
}
