import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetLanguageForTests, setLanguage } from '../i18n/i18n';
import { PALETTES, paletteOf } from './illustrations';
import { ProductImage } from './ProductImage';

/** The colours a person sees in the picture: every fill and stroke, in drawing order. */
function coloursOf(el: Element): string[] {
  return [...el.querySelectorAll('[fill], [stroke]')].map((n) => `${n.getAttribute('fill') ?? ''}/${n.getAttribute('stroke') ?? ''}`);
}

describe('ProductImage', () => {
  afterEach(() => resetLanguageForTests());

  it('draws what the name says the product is, labelled with it, in the same colours on every render', () => {
    const name = 'Bicicleta de ruta Trek Domane AL 2 talla 54';
    const first = render(<ProductImage url={null} alt="" name={name} category="sports" categoryName="Sports & Outdoors" seed="p-7" />);
    expect(screen.getByRole('img', { name: 'Illustration: bicycle' })).toHaveAttribute('data-illustration', 'bicycle');
    expect(screen.queryByRole('img', { name: 'Illustration: Sports & Outdoors' })).toBeNull();
    const colours = coloursOf(first.container);
    first.unmount();
    const again = render(<ProductImage url={null} alt="" name={name} category="sports" categoryName="Sports & Outdoors" seed="p-7" />);
    expect(coloursOf(again.container)).toEqual(colours);
    expect(colours.some((c) => c.startsWith(paletteOf('p-7').bg))).toBe(true);
  });

  it('says what is drawn in Spanish', () => {
    setLanguage('es');
    render(<ProductImage url={null} alt="" name="Bicicleta de ruta GW Lynx talla M" category="sports" categoryName="Deportes" seed="p-7" />);
    expect(screen.getByRole('img', { name: 'Ilustración: bicicleta' })).toHaveAttribute('data-illustration', 'bicycle');
  });

  it('draws each kind differently from its category and from the other kinds of that category', () => {
    const markup = (name: string, category: string) => {
      const { container, unmount } = render(<ProductImage url={null} alt="" name={name} category={category} categoryName={category} seed="p-1" />);
      const html = container.innerHTML;
      unmount();
      return html;
    };
    const sports = ['Bicicleta de montaña Trek Marlin 5', 'Mancuernas hexagonales par de 5 kg', 'Raqueta de tenis Wilson', 'Caminadora eléctrica', 'Sin nombre conocido'];
    expect(new Set(sports.map((n) => markup(n, 'sports'))).size).toBe(sports.length);
  });

  it('draws the category of a product without an image, labelled as an illustration, with no image requested', () => {
    const { container } = render(<ProductImage url={null} alt="" name="Lote surtido" category="sports" categoryName="Sports & Outdoors" seed="p-42" />);
    const picture = screen.getByRole('img', { name: 'Illustration: Sports & Outdoors' });
    expect(picture.tagName.toLowerCase()).toBe('svg');
    expect(picture).toHaveAttribute('data-illustration', 'sports');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('image, use, [href], [xlink\\:href]')).toBeNull();
  });

  it.each(['electronics', 'home', 'fashion', 'books', 'sports', 'toys', 'beauty', 'grocery', 'automotive', 'other'])(
    'has a drawing of its own for %s',
    (category) => {
      render(<ProductImage url={null} alt="" name="Lote surtido" category={category} categoryName={category} seed="p-1" />);
      expect(screen.getByRole('img')).toHaveAttribute('data-illustration', category);
    },
  );

  it('draws a price tag for a category it does not know', () => {
    render(<ProductImage url={null} alt="" name="Lote surtido" category="bikes" categoryName="Bikes" seed="p-1" />);
    expect(screen.getByRole('img', { name: 'Illustration: Bikes' })).toHaveAttribute('data-illustration', 'tag');
  });

  it('gives the same product the same colours on every render', () => {
    const first = render(<ProductImage url={null} alt="" name="Lote surtido" category="home" categoryName="Home" seed="0f8c2b7e-1d" />);
    const colours = coloursOf(first.container);
    first.unmount();
    const again = render(<ProductImage url={null} alt="" name="Lote surtido" category="home" categoryName="Home" seed="0f8c2b7e-1d" />);
    expect(coloursOf(again.container)).toEqual(colours);
    again.rerender(<ProductImage url={undefined} alt="" name="Lote surtido" category="home" categoryName="Home" seed="0f8c2b7e-1d" />);
    expect(coloursOf(again.container)).toEqual(colours);
    expect(colours.some((c) => c.startsWith(paletteOf('0f8c2b7e-1d').bg))).toBe(true);
  });

  it('varies the colours across a grid of products', () => {
    const ids = Array.from({ length: 24 }, (_, i) => `product-${i}`);
    const used = new Set(ids.map((id) => paletteOf(id).bg));
    expect(used.size).toBeGreaterThanOrEqual(PALETTES.length / 2);
  });

  it('shows an https photo, and the illustration when the photo fails to load', () => {
    const { container } = render(
      <ProductImage url="https://images.example.com/lamp.jpg" alt="Desk lamp" name="Desk lamp" category="home" categoryName="Home" seed="p-1" />,
    );
    const photo = screen.getByRole('img', { name: 'Desk lamp' });
    expect(photo).toHaveAttribute('src', 'https://images.example.com/lamp.jpg');
    fireEvent.error(photo);
    expect(screen.getByRole('img', { name: 'Illustration: Home' })).toHaveAttribute('data-illustration', 'home');
    expect(container.querySelector('img')).toBeNull();
  });

  it('never loads an address that is not https', () => {
    const { container } = render(
      <ProductImage url="http://images.example.com/lamp.jpg" alt="Desk lamp" name="Desk lamp" category="books" categoryName="Books" seed="p-1" />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('img', { name: 'Illustration: Books' })).toBeInTheDocument();
  });
});
