namespace Covacha.Products.Tests.Infrastructure;

public static class ProductsContentTypes
{
    public const string MergePatch = "application/merge-patch+json";
}
