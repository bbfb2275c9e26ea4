using Covacha.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Products.Functions;

/// <summary>Serves functions/Products/openapi.yaml (see <see cref="OpenApiDocument"/>).</summary>
public sealed class OpenApiFunctions
{
    [Function("ProductsOpenApi")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "products/openapi.yaml")] HttpRequest request) =>
        OpenApiDocument.Serve(request, typeof(OpenApiFunctions).Assembly);
}
