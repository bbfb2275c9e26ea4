/**
 * What a product is, read from its name, so its drawing can show a bicycle rather than its
 * category's football. Small and deterministic: the name is folded (lower case, no accents), cut
 * into whole words, and the first word (or phrase) the table knows decides. Spanish puts the thing
 * first ("Morral para portátil", "Chocolate de mesa"), so the earliest match wins, a longer phrase
 * beats a shorter one at the same place ("juego de mesa" over "juego"), and nothing after the
 * first "de", "para", "con"… counts ("Lámpara de escritorio" is no desk, "Forro para iPhone" no
 * phone). A word with two meanings ("tenis": shoes or the sport) takes the meaning of the
 * product's category.
 */
export const KINDS = [
  // electronics
  'phone', 'laptop', 'headphones', 'cable', 'tv', 'speaker', 'camera', 'console', 'watch',
  // home
  'blender', 'pot', 'coffeeMaker', 'airFryer', 'bed', 'pan', 'fridge', 'washer', 'sofa', 'chair', 'table',
  // fashion
  'shoe', 'jeans', 'jacket', 'backpack', 'tshirt', 'bag', 'hat',
  // books
  'book',
  // sports
  'bicycle', 'ball', 'cleats', 'dumbbell', 'yogaMat', 'racket', 'treadmill',
  // toys
  'bricks', 'boardGame', 'toyCar', 'doll', 'puzzle', 'teddy',
  // beauty
  'perfume', 'hairDryer', 'sunscreen', 'cream', 'straightener',
  // grocery
  'coffee', 'panela', 'chocolate', 'honey', 'bocadillo',
  // automotive
  'motorcycle', 'car', 'tire', 'helmet', 'battery', 'oil',
  // other
  'guitar', 'hammock',
] as const;

export type Kind = (typeof KINDS)[number];

/** The category a kind belongs to: the tie-break when one word names two kinds. */
const HOME: Record<Kind, string> = {
  phone: 'electronics', laptop: 'electronics', headphones: 'electronics', cable: 'electronics', tv: 'electronics',
  speaker: 'electronics', camera: 'electronics', console: 'electronics', watch: 'electronics',
  blender: 'home', pot: 'home', coffeeMaker: 'home', airFryer: 'home', bed: 'home', pan: 'home', fridge: 'home',
  washer: 'home', sofa: 'home', chair: 'home', table: 'home',
  shoe: 'fashion', jeans: 'fashion', jacket: 'fashion', backpack: 'fashion', tshirt: 'fashion', bag: 'fashion', hat: 'fashion',
  book: 'books',
  bicycle: 'sports', ball: 'sports', cleats: 'sports', dumbbell: 'sports', yogaMat: 'sports', racket: 'sports', treadmill: 'sports',
  bricks: 'toys', boardGame: 'toys', toyCar: 'toys', doll: 'toys', puzzle: 'toys', teddy: 'toys',
  perfume: 'beauty', hairDryer: 'beauty', sunscreen: 'beauty', cream: 'beauty', straightener: 'beauty',
  coffee: 'grocery', panela: 'grocery', chocolate: 'grocery', honey: 'grocery', bocadillo: 'grocery',
  motorcycle: 'automotive', car: 'automotive', tire: 'automotive', helmet: 'automotive', battery: 'automotive', oil: 'automotive',
  guitar: 'other', hammock: 'other',
};

/** Words and phrases (singular; plurals are recognised) and the kind or kinds they name, first = default. */
const WORDS: ReadonlyArray<readonly [string, Kind | readonly Kind[]]> = [
  // electronics
  ['celular', 'phone'], ['teléfono', 'phone'], ['telefono celular', 'phone'], ['smartphone', 'phone'], ['iphone', 'phone'],
  ['phone', 'phone'], ['móvil', 'phone'], ['mobile phone', 'phone'], ['cell phone', 'phone'],
  ['portátil', 'laptop'], ['computador portátil', 'laptop'], ['computador', 'laptop'], ['computadora', 'laptop'],
  ['laptop', 'laptop'], ['notebook', 'laptop'], ['macbook', 'laptop'], ['chromebook', 'laptop'],
  ['audífono', 'headphones'], ['auricular', 'headphones'], ['headphone', 'headphones'], ['earphone', 'headphones'],
  ['earbud', 'headphones'], ['airpods', 'headphones'],
  ['cable', 'cable'], ['cargador', 'cable'], ['charger', 'cable'],
  ['televisor', 'tv'], ['televisión', 'tv'], ['tv', 'tv'], ['smart tv', 'tv'], ['television', 'tv'], ['tele', 'tv'],
  ['parlante', 'speaker'], ['bafle', 'speaker'], ['altavoz', 'speaker'], ['speaker', 'speaker'], ['cabina de sonido', 'speaker'],
  ['cámara', 'camera'], ['camera', 'camera'], ['gopro', 'camera'],
  ['consola', 'console'], ['playstation', 'console'], ['ps4', 'console'], ['ps5', 'console'], ['xbox', 'console'],
  ['nintendo', 'console'], ['control de play', 'console'], ['game console', 'console'], ['gamepad', 'console'],
  ['reloj', 'watch'], ['smartwatch', 'watch'], ['watch', 'watch'], ['smart watch', 'watch'],
  // home
  ['licuadora', 'blender'], ['blender', 'blender'],
  ['olla', 'pot'], ['olla arrocera', 'pot'], ['arrocera', 'pot'], ['olla a presión', 'pot'], ['rice cooker', 'pot'], ['pot', 'pot'],
  ['cafetera', 'coffeeMaker'], ['coffee maker', 'coffeeMaker'], ['greca', 'coffeeMaker'], ['espresso machine', 'coffeeMaker'],
  ['freidora', 'airFryer'], ['freidora de aire', 'airFryer'], ['air fryer', 'airFryer'],
  ['sábana', 'bed'], ['juego de sábanas', 'bed'], ['cama', 'bed'], ['colchón', 'bed'], ['cobija', 'bed'], ['edredón', 'bed'],
  ['bed', 'bed'], ['mattress', 'bed'], ['bed sheet', 'bed'],
  ['sartén', 'pan'], ['paila', 'pan'], ['frying pan', 'pan'], ['skillet', 'pan'],
  ['nevera', 'fridge'], ['nevecón', 'fridge'], ['refrigerador', 'fridge'], ['refrigeradora', 'fridge'], ['fridge', 'fridge'],
  ['refrigerator', 'fridge'],
  ['lavadora', 'washer'], ['washing machine', 'washer'], ['washer', 'washer'],
  ['sofá', 'sofa'], ['sofa', 'sofa'], ['sofá cama', 'sofa'], ['couch', 'sofa'],
  ['silla', 'chair'], ['silla de oficina', 'chair'], ['chair', 'chair'], ['taburete', 'chair'],
  ['mesa', 'table'], ['comedor', 'table'], ['escritorio', 'table'], ['table', 'table'],
  ['coffee table', 'table'], ['mesa de centro', 'table'],
  // fashion
  ['tenis', ['shoe', 'racket']], ['zapato', 'shoe'], ['zapatilla', 'shoe'], ['sneaker', 'shoe'], ['shoe', 'shoe'],
  ['bota', 'shoe'], ['boot', 'shoe'], ['tennis shoe', 'shoe'], ['running shoe', 'shoe'], ['calzado', 'shoe'],
  ['jean', 'jeans'], ['blue jean', 'jeans'], ['pantalón', 'jeans'], ['trouser', 'jeans'], ['pants', 'jeans'],
  ['chaqueta', 'jacket'], ['chamarra', 'jacket'], ['buzo', 'jacket'], ['saco', 'jacket'], ['jacket', 'jacket'],
  ['hoodie', 'jacket'], ['abrigo', 'jacket'], ['coat', 'jacket'],
  ['morral', 'backpack'], ['backpack', 'backpack'], ['maletín', 'backpack'],
  ['camiseta', 'tshirt'], ['camisa', 'tshirt'], ['polo', 'tshirt'], ['t shirt', 'tshirt'], ['tshirt', 'tshirt'],
  ['shirt', 'tshirt'], ['blusa', 'tshirt'], ['jersey', 'tshirt'],
  ['mochila', 'bag'], ['bolso', 'bag'], ['cartera', 'bag'], ['bag', 'bag'], ['handbag', 'bag'], ['tote', 'bag'],
  ['sombrero', 'hat'], ['sombrero vueltiao', 'hat'], ['hat', 'hat'],
  // books
  ['libro', 'book'], ['book', 'book'], ['novela', 'book'], ['novel', 'book'], ['cómic', 'book'], ['comic', 'book'],
  // sports
  ['bicicleta', 'bicycle'], ['bici', 'bicycle'], ['bike', 'bicycle'], ['bicycle', 'bicycle'], ['cicla', 'bicycle'],
  ['balón', 'ball'], ['pelota', 'ball'], ['ball', 'ball'], ['football', 'ball'], ['soccer ball', 'ball'], ['basketball', 'ball'],
  ['guayo', 'cleats'], ['cleat', 'cleats'], ['football boot', 'cleats'], ['botín', 'cleats'],
  ['mancuerna', 'dumbbell'], ['pesa', 'dumbbell'], ['dumbbell', 'dumbbell'], ['kettlebell', 'dumbbell'],
  ['colchoneta', 'yogaMat'], ['tapete de yoga', 'yogaMat'], ['mat de yoga', 'yogaMat'], ['yoga mat', 'yogaMat'],
  ['raqueta', 'racket'], ['racket', 'racket'], ['racquet', 'racket'], ['tennis racket', 'racket'], ['tennis', ['shoe', 'racket']],
  ['tenis de mesa', 'racket'], ['pádel', 'racket'], ['padel', 'racket'],
  ['caminadora', 'treadmill'], ['trotadora', 'treadmill'], ['treadmill', 'treadmill'], ['banda de correr', 'treadmill'],
  // toys
  ['lego', 'bricks'], ['bloques de construcción', 'bricks'], ['duplo', 'bricks'], ['building blocks', 'bricks'],
  ['juego de mesa', 'boardGame'], ['board game', 'boardGame'], ['parqués', 'boardGame'], ['ajedrez', 'boardGame'],
  ['dominó', 'boardGame'], ['monopoly', 'boardGame'], ['jenga', 'boardGame'], ['catan', 'boardGame'], ['chess', 'boardGame'],
  ['carro', ['car', 'toyCar']], ['carrito', 'toyCar'], ['carro a control remoto', 'toyCar'], ['hot wheels', 'toyCar'],
  ['rc car', 'toyCar'], ['toy car', 'toyCar'],
  ['muñeca', 'doll'], ['muñeco', 'doll'], ['barbie', 'doll'], ['doll', 'doll'],
  ['rompecabezas', 'puzzle'], ['puzzle', 'puzzle'], ['jigsaw', 'puzzle'],
  ['peluche', 'teddy'], ['oso de peluche', 'teddy'], ['teddy', 'teddy'], ['teddy bear', 'teddy'], 
  // beauty
  ['perfume', 'perfume'], ['colonia', 'perfume'], ['fragancia', 'perfume'], ['loción', 'perfume'], ['eau de parfum', 'perfume'],
  ['eau de toilette', 'perfume'], ['fragrance', 'perfume'],
  ['secador', 'hairDryer'], ['secador de pelo', 'hairDryer'], ['secador de cabello', 'hairDryer'], ['secadora de pelo', 'hairDryer'],
  ['hair dryer', 'hairDryer'], ['blow dryer', 'hairDryer'],
  ['protector solar', 'sunscreen'], ['bloqueador', 'sunscreen'], ['bloqueador solar', 'sunscreen'], ['sunscreen', 'sunscreen'],
  ['sunblock', 'sunscreen'],
  ['crema', 'cream'], ['crema hidratante', 'cream'], ['cream', 'cream'], ['moisturizer', 'cream'], ['lotion', 'cream'],
  ['plancha para el cabello', 'straightener'], ['plancha para el pelo', 'straightener'], ['plancha de pelo', 'straightener'],
  ['plancha alisadora', 'straightener'], ['alisadora', 'straightener'], ['straightener', 'straightener'],
  ['hair straightener', 'straightener'],
  // grocery
  ['café', 'coffee'], ['coffee', 'coffee'],
  ['panela', 'panela'],
  ['chocolate', 'chocolate'], ['chocolate de mesa', 'chocolate'], ['chocolatina', 'chocolate'], ['cacao', 'chocolate'],
  ['miel', 'honey'], ['miel de abejas', 'honey'], ['honey', 'honey'],
  ['bocadillo', 'bocadillo'], ['bocadillo veleño', 'bocadillo'], ['guava paste', 'bocadillo'], ['dulce de guayaba', 'bocadillo'],
  // automotive
  ['moto', 'motorcycle'], ['motocicleta', 'motorcycle'], ['motorcycle', 'motorcycle'], ['motorbike', 'motorcycle'],
  ['scooter', 'motorcycle'], ['motoneta', 'motorcycle'],
  ['automóvil', 'car'], ['auto', 'car'], ['carro', ['car', 'toyCar']], ['camioneta', 'car'], ['car', 'car'], ['campero', 'car'],
  ['vehículo', 'car'], ['suv', 'car'], ['sedán', 'car'],
  ['llanta', 'tire'], ['neumático', 'tire'], ['rin', 'tire'], ['tire', 'tire'], ['tyre', 'tire'],
  ['casco', 'helmet'], ['helmet', 'helmet'],
  ['batería', 'battery'], ['battery', 'battery'], ['car battery', 'battery'],
  ['aceite', 'oil'], ['aceite de motor', 'oil'], ['lubricante', 'oil'], ['motor oil', 'oil'],
  // other
  ['guitarra', 'guitar'], ['guitar', 'guitar'], ['ukelele', 'guitar'], ['tiple', 'guitar'],
  ['hamaca', 'hammock'], ['chinchorro', 'hammock'], ['hammock', 'hammock'],
];

/** Lower case, without accents; whole words of letters and digits. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** The singular a word may stand for: bicicletas, celulares, relojes, lápices. */
function formsOf(word: string): string[] {
  const forms = [word];
  if (word.length > 3 && word.endsWith('s')) forms.push(word.slice(0, -1));
  if (word.length > 4 && word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.length > 4 && word.endsWith('ces')) forms.push(`${word.slice(0, -3)}z`);
  return forms;
}

interface Entry {
  words: string[];
  kinds: readonly Kind[];
}

/** The table by its first word, longest phrases first. */
const BY_FIRST_WORD: ReadonlyMap<string, Entry[]> = (() => {
  const index = new Map<string, Entry[]>();
  for (const [phrase, kinds] of WORDS) {
    const words = wordsOf(phrase);
    const entry: Entry = { words, kinds: typeof kinds === 'string' ? [kinds] : kinds };
    index.set(words[0]!, [...(index.get(words[0]!) ?? []), entry]);
  }
  for (const entries of index.values()) entries.sort((a, b) => b.words.length - a.words.length);
  return index;
})();

function matchesAt(words: string[][], at: number, phrase: string[]): boolean {
  return phrase.every((w, i) => words[at + i]?.includes(w) ?? false);
}

/** Words after which a name speaks of something else: what the thing is for, made of, comes with. */
const LINKS = new Set(['de', 'del', 'para', 'con', 'sin', 'a', 'al', 'en', 'por', 'for', 'with', 'of']);

/** The kind a product's name says it is, or null when it says none the table knows. */
export function kindOf(name: string, category: string): Kind | null {
  const words = wordsOf(name).map(formsOf);
  for (let at = 0; at < words.length && !LINKS.has(words[at]![0]!); at++) {
    for (const form of words[at]!) {
      const entry = BY_FIRST_WORD.get(form)?.find((e) => matchesAt(words, at, e.words));
      if (entry) return entry.kinds.find((k) => HOME[k] === category) ?? entry.kinds[0]!;
    }
  }
  return null;
}
