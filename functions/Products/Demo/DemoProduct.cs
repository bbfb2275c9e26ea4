using Covacha.Products.Model;

namespace Covacha.Products.Demo;

/// <summary>A product of the demo catalogue as a client would send it, and when it was listed.</summary>
public sealed record DemoProduct(ProductInput Input, DateTimeOffset ListedAt);
