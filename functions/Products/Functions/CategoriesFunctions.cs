using Covacha.Products.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Products.Functions;

public sealed class CategoriesFunctions
{
    [Function("ProductsCategories")]
    public JsonHttpResult<IReadOnlyList<Category>> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/categories")] HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Json(Category.All, ProductsJsonContext.Default.IReadOnlyListCategory);
    }
}
