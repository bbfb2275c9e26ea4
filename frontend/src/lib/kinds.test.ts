import { describe, expect, it } from 'vitest';
import { en, es } from '../i18n/messages';
import { KINDS, kindOf, wordsOf } from './kinds';

describe('kindOf', () => {
  // One listing of each kind the first-run demo catalogue makes, as it names them.
  it.each([
    ['Celular Samsung Galaxy A15 128 GB', 'electronics', 'phone'],
    ['Celular iPhone 14 256 GB, doble SIM, usado', 'electronics', 'phone'],
    ['Portátil Lenovo IdeaPad 3 14" 8 GB RAM', 'electronics', 'laptop'],
    ['Audífonos inalámbricos Sony WH-CH520 negros', 'electronics', 'headphones'],
    ['Cable USB-C a Lightning Ugreen 1,5 m trenzado', 'electronics', 'cable'],
    ['Televisor TCL Google TV 43" 4K', 'electronics', 'tv'],
    ['Parlante bluetooth JBL Flip 6 camuflado', 'electronics', 'speaker'],
    ['Licuadora Oster Clásica vaso de vidrio 1,25 L', 'home', 'blender'],
    ['Olla arrocera Imusa 1,8 L, 10 tazas', 'home', 'pot'],
    ['Cafetera Moka italiana Bialetti 6 tazas', 'home', 'coffeeMaker'],
    ['Freidora de aire Ninja AF101 5,5 L digital', 'home', 'airFryer'],
    ['Juego de sábanas Lafayette queen', 'home', 'bed'],
    ['Sartén antiadherente T-fal 28 cm', 'home', 'pan'],
    ['Tenis Nike Revolution 7 talla 40', 'fashion', 'shoe'],
    ['Jean Levi\'s 511 slim talla 32', 'fashion', 'jeans'],
    ['Chaqueta acolchada Tennis talla M', 'fashion', 'jacket'],
    ['Morral Totto para portátil de 15"', 'fashion', 'backpack'],
    ['Camiseta estampada Tennis talla L', 'fashion', 'tshirt'],
    ['Libro Química - Raymond Chang 12.ª edición', 'books', 'book'],
    ['Bicicleta de ruta Trek Domane AL 2 talla 54', 'sports', 'bicycle'],
    ['Bicicleta de montaña GW Zebra rin 29 frenos de disco hidráulicos', 'sports', 'bicycle'],
    ['Balón de fútbol Golty Profesional número 5', 'sports', 'ball'],
    ['Guayos Adidas Predator talla 41', 'sports', 'cleats'],
    ['Mancuernas hexagonales par de 5 kg', 'sports', 'dumbbell'],
    ['Colchoneta de yoga Lululemon 6 mm', 'sports', 'yogaMat'],
    ['LEGO Star Wars Halcón Milenario sellado', 'toys', 'bricks'],
    ['Juego de mesa Parqués de 4 puestos de madera', 'toys', 'boardGame'],
    ['Carro a control remoto monster truck recargable', 'toys', 'toyCar'],
    ['Muñeca Barbie Fashionista con accesorios', 'toys', 'doll'],
    ['Rompecabezas Ravensburger 1.000 piezas', 'toys', 'puzzle'],
    ['Perfume Versace Eros 100 ml', 'beauty', 'perfume'],
    ['Secador de pelo Babyliss Pro iónico', 'beauty', 'hairDryer'],
    ['Protector solar Isdin Fusion Water FPS 50, 50 ml', 'beauty', 'sunscreen'],
    ['Crema hidratante CeraVe 453 g', 'beauty', 'cream'],
    ['Plancha para el cabello Remington de titanio', 'beauty', 'straightener'],
    ['Café Juan Valdez molido 500 g', 'grocery', 'coffee'],
    ['Panela orgánica 1 kg', 'grocery', 'panela'],
    ['Chocolate de mesa Corona con canela', 'grocery', 'chocolate'],
    ['Miel de abejas cruda 250 g', 'grocery', 'honey'],
    ['Bocadillo veleño Hoja de bijao caja de 24', 'grocery', 'bocadillo'],
    ['Motocicleta Yamaha FZ 2.0 150 cc modelo 2023', 'automotive', 'motorcycle'],
    ['Automóvil Mazda 2 Touring modelo 2021', 'automotive', 'car'],
    ['Llanta Michelin Primacy 4 205/55 R16', 'automotive', 'tire'],
    ['Casco integral Shaft con visor ahumado', 'automotive', 'helmet'],
    ['Batería MAC para moto 12 V', 'automotive', 'battery'],
    ['Aceite de motor Mobil Super 20W-50 1 galón', 'automotive', 'oil'],
    ['Guitarra acústica Yamaha C40 con estuche', 'other', 'guitar'],
    ['Hamaca de San Jacinto doble', 'other', 'hammock'],
    ['Sombrero vueltiao de 19 vueltas talla 58', 'other', 'hat'],
    ['Mochila wayuu grande', 'other', 'bag'],
    ['Silla de oficina ergonómica con apoyabrazos', 'other', 'chair'],
  ])('%s (%s) is a %s', (name, category, kind) => {
    expect(kindOf(name, category)).toBe(kind);
  });

  it.each([
    // Case, accents and plurals do not matter.
    ['BICICLETA GW LYNX', 'sports', 'bicycle'],
    ['bicicletas para niños', 'sports', 'bicycle'],
    ['celulares usados', 'electronics', 'phone'],
    ['Telefono Motorola', 'electronics', 'phone'],
    ['portatiles Dell', 'electronics', 'laptop'],
    ['Relojes Casio', 'fashion', 'watch'],
    ['Sofá cama gris', 'home', 'sofa'],
    ['sofa de 3 puestos', 'home', 'sofa'],
    ['Cámara Canon EOS', 'electronics', 'camera'],
    ['Consola PlayStation 5 Slim', 'electronics', 'console'],
    ['Xbox Series S', 'electronics', 'console'],
    ['Nevera Haceb 300 L', 'home', 'fridge'],
    ['Lavadora LG 18 kg', 'home', 'washer'],
    ['Zapatos de cuero', 'fashion', 'shoe'],
    ['Juguete de madera para bebé', 'toys', null],
    // English, as a seller may type it.
    ['Mountain bike Trek', 'sports', 'bicycle'],
    ['iPhone 15 Pro Max', 'electronics', 'phone'],
    ['Smart TV Samsung 55"', 'electronics', 'tv'],
    ['Wireless headphones', 'electronics', 'headphones'],
    ['Coffee maker Oster', 'home', 'coffeeMaker'],
    ['Treadmill NordicTrack', 'sports', 'treadmill'],
    // One word, two things: the category decides.
    ['Tenis Nike', 'fashion', 'shoe'],
    ['Tenis Nike', 'sports', 'racket'],
    ['Raqueta de tenis Wilson', 'sports', 'racket'],
    ['Raqueta de tenis Wilson', 'fashion', 'racket'],
    ['Carro Hot Wheels', 'toys', 'toyCar'],
    ['Carro Renault Logan 2016', 'automotive', 'car'],
    ['Camioneta Toyota Prado', 'automotive', 'car'],
    // The thing comes first in Spanish: a table game is no table, a chocolate for the table no table either.
    ['Juego de mesa Catan', 'home', 'boardGame'],
    ['Chocolate de mesa Luker', 'home', 'chocolate'],
    ['Moto Yamaha', 'automotive', 'motorcycle'],
    // Whole words only.
    ['Motorola Edge', 'automotive', null],
    ['Carretilla de obra', 'other', null],
    ['Cafeína en polvo', 'grocery', null],
  ])('%s (%s) is %s', (name, category, kind) => {
    expect(kindOf(name, category)).toBe(kind);
  });

  it.each([
    ['Cien años de soledad - Gabriel García Márquez, tapa dura', 'books'],
    ['Pedro Páramo - Juan Rulfo, edición de bolsillo', 'books'],
    ['Lámpara de escritorio', 'home'],
    ['Forro para iPhone 13', 'electronics'],
    ['Repuesto para moto', 'automotive'],
    ['Desk lamp', 'books'],
    ['', 'other'],
    ['!!! ---', 'other'],
  ])('%s says no kind it knows', (name, category) => {
    expect(kindOf(name, category)).toBeNull();
  });

  it('folds names to whole words without accents', () => {
    expect(wordsOf('Audífonos  Sony WH-CH520, ¡NUEVOS!')).toEqual(['audifonos', 'sony', 'wh', 'ch520', 'nuevos']);
  });

  it('has a name for every kind in both languages', () => {
    for (const kind of KINDS) {
      expect(typeof en[`kind.${kind}`]).toBe('string');
      expect(typeof es[`kind.${kind}`]).toBe('string');
    }
  });
});
