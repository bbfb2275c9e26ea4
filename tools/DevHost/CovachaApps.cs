using Covacha.Auth;
using Covacha.Products;
using Covacha.Search;

namespace Covacha.DevHost;

/// <summary>The three Functions apps, each with its own composition root.</summary>
public static class CovachaApps
{
    public static IReadOnlyList<FunctionApp> Create() =>
    [
        new("auth", typeof(AuthServices).Assembly, (services, configuration) => services.AddAuth(configuration)),
        new("products", typeof(ProductsServices).Assembly, (services, configuration) => services.AddProducts(configuration)),
        new("search", typeof(SearchServices).Assembly, (services, configuration) => services.AddSearch(configuration)),
    ];
}
