namespace Covacha.Products.Demo;

/// <summary>How a kind of product is sold: new only (food, cosmetics), new or now and then used, or a vehicle (used, with its mileage).</summary>
public enum DemoCondition
{
    NewOrUsed,
    NewOnly,
    Vehicle,
}
