namespace Covacha.Products.Model;

/// <summary>A page of the export; <c>next</c> is the <c>after</c> value for the following page, null at the end.</summary>
public sealed record ExportPage(IReadOnlyList<ExportItem> Items, string? Next);
