namespace Covacha.Testing;

/// <summary>A response that its service's OpenAPI document does not describe.</summary>
public sealed class OpenApiValidationException : Exception
{
    public OpenApiValidationException()
    {
    }

    public OpenApiValidationException(string message)
        : base(message)
    {
    }

    public OpenApiValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
