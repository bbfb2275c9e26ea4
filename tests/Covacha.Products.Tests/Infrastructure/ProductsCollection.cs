namespace Covacha.Products.Tests.Infrastructure;

/// <summary>One dev host for every integration test in this project.</summary>
[CollectionDefinition(Name)]
public sealed class ProductsCollection : ICollectionFixture<ProductsHost>
{
    public const string Name = "products";
}
