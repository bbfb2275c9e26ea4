using System.Text.Json;
using Covacha.Products.Model;
using Microsoft.AspNetCore.Http;

namespace Covacha.Products.Functions;

/// <summary>A product with its ETag (and a Location for a new one), as JSON.</summary>
public sealed class ProductResponse(ProductDto product, int status = StatusCodes.Status200OK, string? location = null) : IResult
{
    public ProductDto Product => product;
    public int Status => status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.Headers.ETag = ETags.For(product.Version);
        response.Headers.CacheControl = "no-cache";
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, product, ProductsJsonContext.Default.ProductDto, httpContext.RequestAborted);
    }
}
