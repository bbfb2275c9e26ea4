using Covacha.Shared.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Covacha.Auth.Functions;

/// <summary>Serves functions/Auth/openapi.yaml (see <see cref="OpenApiDocument"/>).</summary>
public sealed class OpenApiFunctions
{
    [Function("AuthOpenApi")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/openapi.yaml")] HttpRequest request) =>
        OpenApiDocument.Serve(request, typeof(OpenApiFunctions).Assembly);
}
