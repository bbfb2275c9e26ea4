namespace Covacha.Products.Demo;

/// <summary>
/// One kind of product in the demo catalogue and the words its listings are made of: a name is
/// "<see cref="Noun"/> <see cref="Models"/>[i] <see cref="Specs"/>[j]", a description two of
/// <see cref="Features"/> and the shared sentences of <see cref="DemoCatalogue"/>. Prices are in
/// whole pesos, rounded to <see cref="Step"/> as shops round them.
/// </summary>
public sealed record DemoKind(
    string Category,
    string Noun,
    string[] Models,
    string[] Specs,
    string[] Features,
    long MinPrice,
    long MaxPrice,
    long Step,
    int MaxStock,
    DemoCondition Condition = DemoCondition.NewOrUsed);
