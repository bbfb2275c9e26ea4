using Covacha.Products.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Products.Functions;

public sealed class CategoriesFunctions(ProductValidator validator)
{
    [Function("ProductsCategories")]
    public JsonHttpResult<IReadOnlyList<Category>> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/categories")] HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Json(Category.All, ProductsJsonContext.Default.IReadOnlyListCategory);
    }

    /// <summary>The currencies a product may be priced in, with the exponent and highest price of each; the default first.</summary>
    [Function("ProductsCurrencies")]
    public JsonHttpResult<IReadOnlyList<CurrencyInfo>> Currencies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/currencies")] HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Json(validator.Currencies, ProductsJsonContext.Default.IReadOnlyListCurrencyInfo);
    }
}
