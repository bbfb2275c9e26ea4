namespace Covacha.Products.Tests;

public static class ProductsContentTypes
{
    public const string MergePatch = "application/merge-patch+json";
}
