using Covacha.Search.Tests.Infrastructure;
using Covacha.Shared.Events;

namespace Covacha.Search.Tests.Contract;

/// <summary>A small fixed catalogue in Spanish and English that every store is loaded with.</summary>
public static class Catalogue
{
    public static readonly Guid Camara = Id(1);
    public static readonly Guid Laptop = Id(2);
    public static readonly Guid FundaLaptop = Id(3);
    public static readonly Guid Mochila = Id(4);
    public static readonly Guid Tripode = Id(5);
    public static readonly Guid Headphones = Id(6);
    public static readonly Guid Auriculares = Id(7);
    public static readonly Guid SenorAnillos = Id(8);
    public static readonly Guid LordRings = Id(9);
    public static readonly Guid Sarten = Id(10);
    public static readonly Guid CameraStrap = Id(11);
    public static readonly Guid Balon = Id(12);

    public static IReadOnlyList<Guid> Cuadernos { get; } = Enumerable.Range(20, 7).Select(Id).ToList();

    public static IReadOnlyList<ProductSnapshot> All { get; } =
    [
        P(Camara, "Cámara digital Canon", "Cámara compacta con zoom óptico de 20x y pantalla táctil.", "electronics", 299.00m, 5, 1),
        P(Laptop, "Laptop Lenovo ThinkPad", "Portátil ligero with 16 GB of memory, ideal para programar.", "electronics", 1199.99m, 0, 2),
        P(FundaLaptop, "Funda para laptop", "Protective sleeve for a 15 inch laptop, water resistant.", "fashion", 25.50m, 12, 3),
        P(Mochila, "Mochila de montaña", "Mochila resistente al agua, ideal para llevar una cámara y un laptop.", "sports", 89.90m, 3, 4),
        P(Tripode, "Trípode para cámara", "Aluminium tripod, lightweight and stable.", "electronics", 45.00m, 7, 5),
        P(Headphones, "Wireless headphones", "Noise cancelling headphones with long battery life.", "electronics", 149.00m, 20, 6),
        P(Auriculares, "Auriculares inalámbricos", "Auriculares con cancelación de ruido y batería de larga duración.", "electronics", 99.00m, 0, 7),
        P(SenorAnillos, "El señor de los anillos", "Novela de fantasía épica de J. R. R. Tolkien, edición en español.", "books", 35.00m, 4, 8),
        P(LordRings, "The Lord of the Rings", "Epic fantasy novel by J. R. R. Tolkien, English edition.", "books", 39.00m, 2, 9),
        P(Sarten, "Sartén antiadherente", "Frying pan with non-stick coating, 28 cm.", "home", 32.00m, 9, 10),
        P(CameraStrap, "Camera strap", "Leather strap for any camera.", "fashion", 19.99m, 30, 11),
        P(Balon, "Balón de fútbol", "Official size football ball.", "sports", 29.99m, 15, 12),
        .. Cuadernos.Select((id, i) => P(id, $"Cuaderno A5 rayado {i + 1}", "Cuaderno de tapa dura, 120 hojas.", i % 2 == 0 ? "books" : "home", 3m + i, 10, 20 + i)),
    ];

    private static Guid Id(int n) => Guid.Parse($"00000000-0000-0000-0000-{n:D12}");

    private static ProductSnapshot P(Guid id, string name, string description, string category, decimal price, int stock, int day) =>
        TestProducts.Snapshot(id, name, description, price, category, stock, version: 1, createdAt: TestProducts.Epoch.AddDays(day));
}
