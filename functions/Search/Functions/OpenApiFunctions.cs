using Covacha.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Search.Functions;

/// <summary>Serves functions/Search/openapi.yaml (see <see cref="OpenApiDocument"/>).</summary>
public sealed class OpenApiFunctions
{
    [Function("SearchOpenApi")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "search/openapi.yaml")] HttpRequest request) =>
        OpenApiDocument.Serve(request, typeof(OpenApiFunctions).Assembly);
}
