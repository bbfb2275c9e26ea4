using System.Globalization;
using Covacha.Products.Model;

namespace Covacha.Products.Demo;

/// <summary>
/// The demo catalogue a fresh install starts with: listings made from <see cref="DemoVocabulary"/>,
/// priced in pesos, listed over the last eight weeks. The random generator has a fixed seed, so
/// the same count gives the same products (names, descriptions, prices, stock, ages) every time.
/// </summary>
public static class DemoCatalogue
{
    public const string Currency = "COP";
    public const int DefaultCount = 300;
    public const int MaxCount = 500;

    private const int Seed = 1525;
    private static readonly TimeSpan s_listedWithin = TimeSpan.FromDays(56);

    private static readonly string[] s_newConditions =
    [
        "Nuevo, en su empaque original.",
        "Nuevo y sellado, con factura electrónica.",
        "Producto nuevo con garantía de fábrica.",
    ];

    private static readonly string[] s_usedConditions =
    [
        "Usado en excelente estado, sin rayones.",
        "Usado, poco uso y bien cuidado.",
        "De segunda, funciona perfecto; lo vendo porque me cambié.",
    ];

    private static readonly string[] s_vehicleConditions =
    [
        "Kilometraje: {0} km.",
        "Tiene {0} km, todos en ciudad.",
        "Recorrido de {0} km; se puede llevar a revisar con su mecánico.",
    ];

    private static readonly string[] s_delivery =
    [
        "Envío a todo Colombia por Servientrega o Interrapidísimo.",
        "Entrega en Bogotá el mismo día; envíos nacionales por Coordinadora.",
        "Se puede recoger en Medellín (Laureles) o se envía contraentrega.",
        "Entregas en Cali y Jamundí; al resto del país, envío por Envía.",
        "Envío gratis en Barranquilla; a otras ciudades, por cuenta del comprador.",
        "Entrega personal en Bucaramanga o envío nacional asegurado.",
    ];

    private static readonly string[] s_closings =
    [
        "Recibo Nequi, Daviplata o transferencia a Bancolombia.",
        "Precio fijo.",
        "Pregunte sin compromiso.",
        "Se entrega con factura.",
    ];

    /// <summary><paramref name="count"/> listings, the newest within minutes of <paramref name="now"/>, the oldest eight weeks before it.</summary>
    public static IReadOnlyList<DemoProduct> Generate(int count, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var random = new Random(Seed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var products = new List<DemoProduct>(count);
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        while (products.Count < count)
        {
            // Every category in turn, so each has its share whatever the count; a kind at random within it.
            var category = Category.All[products.Count % Category.All.Count].Id;
            var kinds = DemoVocabulary.Kinds.Where(k => k.Category == category).ToList();
            var kind = kinds[random.Next(kinds.Count)];
            var used = kind.Condition == DemoCondition.NewOrUsed && random.Next(4) == 0;
            var name = Name(kind, random, used);
            var price = Price(kind, random, used);
            var stock = random.Next(100) < 6 ? 0 : used ? 1 : 1 + random.Next(kind.MaxStock);
            var description = Description(kind, random, used, stock);
            var age = TimeSpan.FromSeconds(60 + random.NextInt64((long)s_listedWithin.TotalSeconds));
            if (names.Add(name))
            {
                products.Add(new DemoProduct(
                    new ProductInput(name, description, price, Currency, kind.Category, ImageUrl: null, stock), start - age));
            }
        }

        return products;
    }

    private static string Name(DemoKind kind, Random random, bool used)
    {
        var model = kind.Models[random.Next(kind.Models.Length)];
        var spec = kind.Specs[random.Next(kind.Specs.Length)];
        var name = kind.Noun.Length == 0 ? $"{model}, {spec}" : $"{kind.Noun} {model} {spec}";
        return used ? name + ", usado" : name;
    }

    /// <summary>
    /// A price between the kind's bounds (a used one 60-85 % of it), rounded to its step, and half
    /// of the time a hundred pesos under it (249.900), except for vehicles priced in round millions.
    /// </summary>
    private static decimal Price(DemoKind kind, Random random, bool used)
    {
        var amount = kind.MinPrice + (random.NextDouble() * (kind.MaxPrice - kind.MinPrice));
        if (used)
        {
            amount *= 0.60 + (random.NextDouble() * 0.25);
        }

        var rounded = Math.Max(kind.Step, (long)Math.Round(amount / kind.Step) * kind.Step);
        if (kind.Step is >= 1_000 and < 100_000 && random.Next(2) == 0)
        {
            rounded -= 100;
        }

        return rounded;
    }

    private static string Description(DemoKind kind, Random random, bool used, int stock)
    {
        var first = random.Next(kind.Features.Length);
        var second = (first + 1 + random.Next(kind.Features.Length - 1)) % kind.Features.Length;
        var conditions = kind.Condition == DemoCondition.Vehicle ? s_vehicleConditions : used ? s_usedConditions : s_newConditions;
        var condition = conditions[random.Next(conditions.Length)];
        if (kind.Condition == DemoCondition.Vehicle)
        {
            // Thousands with a dot, as written in Colombia (45.000 km), whatever the machine's culture.
            var kilometres = 1_000 * (5 + random.Next(90));
            condition = string.Format(CultureInfo.InvariantCulture, condition, kilometres.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.'));
        }

        var closing = stock > 1 && random.Next(4) == 0 ? $"Hay {stock} unidades disponibles." : s_closings[random.Next(s_closings.Length)];
        return string.Join(' ', kind.Features[first], kind.Features[second], condition, s_delivery[random.Next(s_delivery.Length)], closing);
    }
}
