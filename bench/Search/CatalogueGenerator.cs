using Covacha.Shared.Events;

namespace Covacha.Search.Bench;

/// <summary>
/// Realistic synthetic products: Spanish and English names built from per-category nouns, brands
/// and adjectives, ~30-word descriptions, a Zipf-like word distribution (a few words are very
/// common, most are rare) and log-normal prices. Deterministic for a given seed.
/// </summary>
public sealed class CatalogueGenerator(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly Dictionary<string, (string[] Nouns, string[] Brands)> Categories = new()
    {
        ["electronics"] = (["cámara", "camera", "laptop", "portátil", "auriculares", "headphones", "altavoz", "speaker", "monitor", "teclado", "keyboard", "ratón", "mouse", "tablet", "televisor", "smartphone", "cargador", "charger", "cable", "router", "disco", "drive", "reloj", "smartwatch", "consola", "microphone", "micrófono", "proyector", "projector", "impresora", "printer"],
            ["Sony", "Canon", "Lenovo", "Samsung", "Logitech", "Apple", "Xiaomi", "Philips", "Asus", "Dell", "Nikon", "Bose", "JBL", "Anker", "Huawei"]),
        ["home"] = (["sartén", "pan", "olla", "pot", "lámpara", "lamp", "sofá", "sofa", "silla", "chair", "mesa", "table", "cojín", "cushion", "alfombra", "rug", "cortina", "curtain", "estantería", "shelf", "colchón", "mattress", "toalla", "towel", "cafetera", "kettle", "tostadora", "toaster"],
            ["Ikea", "Tefal", "Bosch", "Moulinex", "Zara Home", "Le Creuset", "Dyson", "Rowenta", "Brabantia", "Lékué"]),
        ["fashion"] = (["camiseta", "shirt", "pantalón", "trousers", "chaqueta", "jacket", "vestido", "dress", "zapatillas", "sneakers", "bolso", "bag", "bufanda", "scarf", "gorra", "cap", "cinturón", "belt", "abrigo", "coat", "jersey", "sweater", "botas", "boots"],
            ["Zara", "Mango", "Nike", "Adidas", "Levi's", "Desigual", "Pull&Bear", "Uniqlo", "Puma", "Converse"]),
        ["books"] = (["novela", "novel", "libro", "book", "guía", "guide", "cuaderno", "notebook", "diccionario", "dictionary", "cómic", "comic", "manual", "atlas", "poemario", "poetry", "ensayo", "essay", "biografía", "biography"],
            ["Planeta", "Anagrama", "Penguin", "Alfaguara", "Salamandra", "Tusquets", "HarperCollins", "Debolsillo"]),
        ["sports"] = (["balón", "ball", "raqueta", "racket", "bicicleta", "bicycle", "casco", "helmet", "mochila", "backpack", "esterilla", "mat", "mancuernas", "dumbbells", "guantes", "gloves", "tienda", "tent", "saco", "sleeping", "patines", "skates"],
            ["Decathlon", "Quechua", "Wilson", "Babolat", "Head", "Shimano", "Salomon", "The North Face", "Joma", "Kipsta"]),
        ["toys"] = (["puzzle", "muñeca", "doll", "peluche", "plush", "juego", "game", "bloques", "blocks", "coche", "car", "tren", "train", "cometa", "kite", "robot", "pelota", "marioneta", "puppet"],
            ["Lego", "Playmobil", "Hasbro", "Mattel", "Famosa", "Educa", "Ravensburger", "Fisher-Price"]),
        ["beauty"] = (["crema", "cream", "perfume", "champú", "shampoo", "sérum", "serum", "maquillaje", "makeup", "cepillo", "brush", "secador", "hairdryer", "esmalte", "polish", "jabón", "soap", "colonia", "cologne"],
            ["Nivea", "L'Oréal", "Garnier", "Isdin", "Clinique", "Maybelline", "Braun", "Rituals"]),
        ["grocery"] = (["aceite", "oil", "café", "coffee", "té", "tea", "chocolate", "galletas", "cookies", "arroz", "rice", "pasta", "vino", "wine", "miel", "honey", "jamón", "ham", "queso", "cheese", "turrón", "almendras", "almonds"],
            ["Carbonell", "Nestlé", "Valor", "Cola Cao", "Hacendado", "Torres", "La Masía", "Lindt", "Gallo", "Marcilla"]),
        ["automotive"] = (["neumático", "tyre", "aceite", "oil", "batería", "battery", "limpiaparabrisas", "wiper", "alfombrillas", "mats", "cargador", "charger", "soporte", "holder", "funda", "cover", "compresor", "compressor"],
            ["Michelin", "Bosch", "Castrol", "Repsol", "Continental", "Varta", "Norauto", "Goodyear"]),
        ["other"] = (["regalo", "gift", "caja", "box", "paraguas", "umbrella", "llavero", "keyring", "vela", "candle", "marco", "frame", "maleta", "suitcase"],
            ["Covacha", "Tiger", "Muji", "Samsonite", "Kikkerland"]),
    };

    private static readonly string[] Adjectives =
    [
        "negro", "black", "blanco", "white", "rojo", "red", "azul", "blue", "verde", "green", "gris", "grey", "inalámbrico", "wireless",
        "portátil", "portable", "compacto", "compact", "profesional", "professional", "ergonómico", "ergonomic", "ligero", "lightweight",
        "resistente", "durable", "premium", "clásico", "classic", "moderno", "modern", "ecológico", "organic", "recargable", "rechargeable",
        "pequeño", "small", "grande", "large", "infantil", "kids", "vintage", "deluxe", "básico", "basic", "térmico", "thermal",
    ];

    private static readonly string[] DescriptionWords =
    [
        "ideal", "para", "el", "la", "uso", "diario", "con", "de", "alta", "calidad", "diseño", "fácil", "limpiar", "garantía", "años",
        "perfect", "for", "the", "everyday", "use", "with", "high", "quality", "design", "easy", "to", "clean", "warranty", "years",
        "material", "acero", "inoxidable", "stainless", "steel", "algodón", "cotton", "plástico", "reciclado", "recycled", "plastic",
        "batería", "battery", "larga", "duración", "long", "lasting", "envío", "rápido", "fast", "shipping", "incluye", "includes",
        "accesorios", "accessories", "tamaño", "size", "peso", "weight", "color", "colour", "viaje", "travel", "hogar", "home", "oficina",
        "office", "regalo", "gift", "familia", "family", "niños", "children", "exterior", "outdoor", "interior", "indoor", "agua", "water",
        "resistente", "resistant", "suave", "soft", "cómodo", "comfortable", "potente", "powerful", "silencioso", "quiet", "eficiente",
        "efficient", "energía", "energy", "compatible", "universal", "ajustable", "adjustable", "plegable", "foldable", "original",
    ];

    public static IReadOnlyList<string> CategoryIds { get; } = Categories.Keys.ToList();

    /// <summary>Words a shopper would type: nouns, brands and adjectives (single-word queries).</summary>
    public static IReadOnlyList<string> QueryWords { get; } =
        Categories.Values.SelectMany(c => c.Nouns.Concat(c.Brands.Where(b => !b.Contains(' ', StringComparison.Ordinal))))
            .Concat(Adjectives).Distinct(StringComparer.Ordinal).ToList();

    public ProductSnapshot Next(DateTimeOffset createdAt)
    {
        var category = CategoryIds[Zipf(CategoryIds.Count)];
        var (nouns, brands) = Categories[category];
        var noun = nouns[Zipf(nouns.Length)];
        var brand = brands[Zipf(brands.Length)];
        var adjective = Adjectives[Zipf(Adjectives.Length)];
        var model = $"{(char)('A' + _random.Next(26))}{_random.Next(10, 9999)}";
        var name = _random.Next(3) switch
        {
            0 => $"{Capitalise(noun)} {brand} {adjective} {model}",
            1 => $"{brand} {Capitalise(noun)} {model}",
            _ => $"{Capitalise(noun)} {adjective} {brand}",
        };
        var words = Enumerable.Range(0, 25 + _random.Next(12)).Select(_ => DescriptionWords[Zipf(DescriptionWords.Length)]).ToList();
        words.Insert(_random.Next(words.Count), noun);
        if (_random.Next(3) == 0)
        {
            words.Insert(_random.Next(words.Count), Adjectives[_random.Next(Adjectives.Length)]);
        }

        var description = Capitalise(string.Join(' ', words)) + ".";
        var price = Math.Round((decimal)Math.Exp(_random.NextDouble() * 6.5 + 1), 2);
        var stock = _random.Next(5) == 0 ? 0 : _random.Next(1, 200);
        return new ProductSnapshot(Guid.NewGuid(), Guid.NewGuid(), name, description, price, (long)(price * 100), "EUR", category,
            $"https://img.covacha.dev/{Guid.NewGuid():N}.jpg", stock, createdAt, createdAt, 1);
    }

    /// <summary>Index in [0, n) with Zipf-like weights (rank r has weight 1/r).</summary>
    private int Zipf(int n)
    {
        var harmonic = 0.0;
        for (var i = 1; i <= n; i++)
        {
            harmonic += 1.0 / i;
        }

        var target = _random.NextDouble() * harmonic;
        for (var i = 1; i <= n; i++)
        {
            target -= 1.0 / i;
            if (target <= 0)
            {
                return i - 1;
            }
        }

        return n - 1;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
