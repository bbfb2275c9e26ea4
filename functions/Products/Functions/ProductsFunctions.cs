using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Covacha.Products.Data;
using Covacha.Products.Model;
using Covacha.Shared.Http;
using Covacha.Shared.Identity;
using Covacha.Shared.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Products.Functions;

/// <summary>The product resource: create, read, list, replace, merge-patch and delete.</summary>
public sealed class ProductsFunctions(ProductStore store, ProductValidator validator, CreateLimit createLimit)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const string MergePatchMediaType = "application/merge-patch+json";

    private static readonly HashSet<string> s_writable = ["name", "description", "price", "currency", "category", "imageUrl", "stock"];
    private static readonly HashSet<string> s_readOnly = ["id", "ownerId", "version", "priceMinor", "createdAt", "updatedAt"];

    [Function("ProductsCreate")]
    [SignedIn]
    public async Task<Results<ProductResponse, ApiProblem>> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "products")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!request.Caller().EmailVerified)
        {
            return Problems.EmailNotVerified();
        }

        var (input, bodyProblem) = await JsonBody.ReadAsync(request, ProductsJsonContext.Default.ProductInput, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var (fields, problem) = validator.Validate(input!);
        if (problem is not null)
        {
            return problem;
        }

        // Counted before the insert, so a parallel burst cannot slip past the limit.
        if (await createLimit.AttemptAsync(request.Caller().UserId, cancellationToken) is { } wait)
        {
            return Problems.TooManyRequests(wait);
        }

        var product = await store.CreateAsync(request.Caller().UserId, fields!, cancellationToken);
        return new ProductResponse(ProductDto.From(product), StatusCodes.Status201Created, $"/api/products/{product.Id}");
    }

    [Function("ProductsGet")]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/{id:guid}")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        var product = await store.GetAsync(id, cancellationToken);
        if (product is null || (product.TakenDown && !await MaySeeTakedownAsync(request, product, cancellationToken)))
        {
            return Problems.NotFound("No such product.");
        }

        if (ETags.Matches(request.Headers.IfNoneMatch.ToString(), product.Version))
        {
            request.HttpContext.Response.Headers.ETag = ETags.For(product.Version);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return new ProductResponse(ProductDto.From(product));
    }

    [Function("ProductsList")]
    public async Task<Results<JsonHttpResult<ProductPage>, ApiProblem>> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var query = request.Query;
        var limit = DefaultPageSize;
        if (query.TryGetValue("limit", out var rawLimit)
            && (!int.TryParse(rawLimit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxPageSize))
        {
            return Problems.BadRequest("limit", $"Must be a whole number from 1 to {MaxPageSize}.");
        }

        (DateTimeOffset, Guid)? after = null;
        if (query.TryGetValue("cursor", out var rawCursor) && !string.IsNullOrEmpty(rawCursor))
        {
            if (DecodeCursor(rawCursor.ToString()) is not { } position)
            {
                return Problems.BadRequest("cursor", "Not a cursor from a previous page.");
            }

            after = position;
        }

        Guid? owner = null;
        var withTakenDown = false;
        var rawOwner = query["owner"].ToString();
        if (rawOwner == "me")
        {
            var (caller, authProblem) = await request.AuthenticateAsync(cancellationToken);
            if (authProblem is not null)
            {
                return authProblem;
            }

            owner = caller!.UserId;
            withTakenDown = true;
        }
        else if (rawOwner.Length > 0)
        {
            if (!Guid.TryParse(rawOwner, out var ownerId))
            {
                return Problems.BadRequest("owner", "Must be \"me\" or a user id.");
            }

            owner = ownerId;
        }

        var rows = await store.ListAsync(owner, after, limit + 1, cancellationToken, withTakenDown);
        var next = rows.Count > limit ? EncodeCursor(rows[limit - 1]) : null;
        var items = rows.Take(limit).Select(ProductDto.From).ToList();
        return TypedResults.Json(new ProductPage(items, next), ProductsJsonContext.Default.ProductPage);
    }

    [Function("ProductsReplace")]
    [SignedIn]
    public async Task<Results<ProductResponse, ApiProblem>> Replace(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "products/{id:guid}")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        if (!ETags.Has(request, "If-Match"))
        {
            return Problems.PreconditionRequired();
        }

        var (input, bodyProblem) = await JsonBody.ReadAsync(request, ProductsJsonContext.Default.ProductInput, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var ifMatch = request.Headers.IfMatch.ToString();
        ApiProblem? invalid = null;
        var result = await store.UpdateAsync(id, request.Caller(), v => ETags.Matches(ifMatch, v), _ =>
        {
            (var fields, invalid) = validator.Validate(input!);
            return fields;
        }, cancellationToken);
        return Answer(result, invalid);
    }

    [Function("ProductsPatch")]
    [SignedIn]
    public async Task<Results<ProductResponse, ApiProblem>> Patch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "products/{id:guid}")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        if (!ETags.Has(request, "If-Match"))
        {
            return Problems.PreconditionRequired();
        }

        var (patch, bodyProblem) = await JsonBody.ReadAsync(
            request, ProductsJsonContext.Default.JsonObject, cancellationToken, JsonBody.DefaultMaxBytes, MergePatchMediaType);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        foreach (var (name, _) in patch!)
        {
            if (s_readOnly.Contains(name))
            {
                return Problems.BadRequest(name, "This field is set by the server and may not be sent.");
            }

            if (!s_writable.Contains(name))
            {
                return Problems.BadRequest(name, "Unknown field.");
            }
        }

        var ifMatch = request.Headers.IfMatch.ToString();
        ApiProblem? invalid = null;
        var result = await store.UpdateAsync(id, request.Caller(), v => ETags.Matches(ifMatch, v), current =>
        {
            (var fields, invalid) = ApplyMergePatch(current, patch);
            return fields;
        }, cancellationToken);
        return Answer(result, invalid);
    }

    [Function("ProductsDelete")]
    [SignedIn]
    public async Task<Results<NoContent, ApiProblem>> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "products/{id:guid}")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        if (!ETags.Has(request, "If-Match"))
        {
            return Problems.PreconditionRequired();
        }

        var ifMatch = request.Headers.IfMatch.ToString();
        var result = await store.DeleteAsync(id, request.Caller(), v => ETags.Matches(ifMatch, v), cancellationToken);
        return result.Outcome == ChangeOutcome.Done ? TypedResults.NoContent() : Refusal(result.Outcome, null);
    }

    [Function("ProductsTakeDown")]
    [RequireRole(Roles.Admin, Denied = "Only an admin may take a product down.")]
    public async Task<Results<ProductResponse, ApiProblem>> TakeDown(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "products/{id:guid}/takedown")] HttpRequest request,
        Guid id,
        CancellationToken cancellationToken)
    {
        var (input, bodyProblem) = await JsonBody.ReadAsync(request, ProductsJsonContext.Default.TakedownRequest, cancellationToken);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var reason = (input!.Reason ?? "").Trim();
        if (reason.Length == 0 || reason.Length > MaxTakedownReasonLength || reason.Any(char.IsControl))
        {
            return Problems.Validation("reason", $"Say why, in 1 to {MaxTakedownReasonLength} characters on one line.");
        }

        var result = await store.TakeDownAsync(id, request.Caller().UserId, reason, cancellationToken);
        return result.Outcome == ChangeOutcome.Done ? new ProductResponse(ProductDto.From(result.Product!)) : Refusal(result.Outcome, null);
    }

    public const int MaxTakedownReasonLength = 500;

    /// <summary>A taken-down product is shown to its seller and to admins only (with its record); to anyone else it is gone.</summary>
    private static async Task<bool> MaySeeTakedownAsync(HttpRequest request, ProductRow product, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Headers.Authorization.ToString()))
        {
            return false;
        }

        var (caller, _) = await request.AuthenticateAsync(cancellationToken);
        return caller is not null && (caller.UserId == product.OwnerId || caller.IsAdmin);
    }

    private static Results<ProductResponse, ApiProblem> Answer(ChangeResult result, ApiProblem? invalid) =>
        result.Outcome == ChangeOutcome.Done ? new ProductResponse(ProductDto.From(result.Product!)) : Refusal(result.Outcome, invalid);

    private static ApiProblem Refusal(ChangeOutcome outcome, ApiProblem? invalid) => outcome switch
    {
        ChangeOutcome.NotFound => Problems.NotFound("No such product."),
        ChangeOutcome.NotAllowed => Problems.Forbidden("Only the owner or an admin may change this product."),
        ChangeOutcome.VersionMismatch => Problems.PreconditionFailed(),
        ChangeOutcome.TakenDown => Problems.TakenDown(),
        ChangeOutcome.Rejected when invalid is not null => invalid,
        _ => throw new InvalidOperationException($"No answer for {outcome}."),
    };

    /// <summary>RFC 7396 onto the product's writable fields: null removes (then the rules decide), a value replaces.</summary>
    private (ProductFields? Fields, ApiProblem? Problem) ApplyMergePatch(ProductRow current, JsonObject patch)
    {
        var merged = new JsonObject
        {
            ["name"] = current.Name,
            ["description"] = current.Description,
            ["price"] = current.Price,
            ["currency"] = current.Currency,
            ["category"] = current.Category,
            ["imageUrl"] = current.ImageUrl,
            ["stock"] = current.Stock,
        };
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                merged.Remove(name);
            }
            else
            {
                merged[name] = value.DeepClone();
            }
        }

        ProductInput? input;
        try
        {
            input = merged.Deserialize(ProductsJsonContext.Default.ProductInput);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return (null, Problems.BadRequest(field, "The value has the wrong type."));
        }

        return validator.Validate(input!);
    }

    private static string EncodeCursor(ProductRow last) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture) + ":" + last.Id.ToString("N")));

    private static (DateTimeOffset, Guid)? DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            var parts = text.Split(':');
            return parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && Guid.TryParseExact(parts[1], "N", out var id)
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
