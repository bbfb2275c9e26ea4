import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PALETTES, paletteOf } from './illustrations';
import { ProductImage } from './ProductImage';

/** The colours a person sees in the picture: every fill and stroke, in drawing order. */
function coloursOf(el: Element): string[] {
  return [...el.querySelectorAll('[fill], [stroke]')].map((n) => `${n.getAttribute('fill') ?? ''}/${n.getAttribute('stroke') ?? ''}`);
}

describe('ProductImage', () => {
  it('draws the category of a product without an image, labelled as an illustration, with no image requested', () => {
    const { container } = render(<ProductImage url={null} alt="" category="sports" categoryName="Sports & Outdoors" seed="p-42" />);
    const picture = screen.getByRole('img', { name: 'Illustration: Sports & Outdoors' });
    expect(picture.tagName.toLowerCase()).toBe('svg');
    expect(picture).toHaveAttribute('data-illustration', 'sports');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('image, use, [href], [xlink\\:href]')).toBeNull();
  });

  it.each(['electronics', 'home', 'fashion', 'books', 'sports', 'toys', 'beauty', 'grocery', 'automotive', 'other'])(
    'has a drawing of its own for %s',
    (category) => {
      render(<ProductImage url={null} alt="" category={category} categoryName={category} seed="p-1" />);
      expect(screen.getByRole('img')).toHaveAttribute('data-illustration', category);
    },
  );

  it('draws a price tag for a category it does not know', () => {
    render(<ProductImage url={null} alt="" category="bikes" categoryName="Bikes" seed="p-1" />);
    expect(screen.getByRole('img', { name: 'Illustration: Bikes' })).toHaveAttribute('data-illustration', 'tag');
  });

  it('gives the same product the same colours on every render', () => {
    const first = render(<ProductImage url={null} alt="" category="home" categoryName="Home" seed="0f8c2b7e-1d" />);
    const colours = coloursOf(first.container);
    first.unmount();
    const again = render(<ProductImage url={null} alt="" category="home" categoryName="Home" seed="0f8c2b7e-1d" />);
    expect(coloursOf(again.container)).toEqual(colours);
    again.rerender(<ProductImage url={undefined} alt="" category="home" categoryName="Home" seed="0f8c2b7e-1d" />);
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
      <ProductImage url="https://images.example.com/lamp.jpg" alt="Desk lamp" category="home" categoryName="Home" seed="p-1" />,
    );
    const photo = screen.getByRole('img', { name: 'Desk lamp' });
    expect(photo).toHaveAttribute('src', 'https://images.example.com/lamp.jpg');
    fireEvent.error(photo);
    expect(screen.getByRole('img', { name: 'Illustration: Home' })).toHaveAttribute('data-illustration', 'home');
    expect(container.querySelector('img')).toBeNull();
  });

  it('never loads an address that is not https', () => {
    const { container } = render(
      <ProductImage url="http://images.example.com/lamp.jpg" alt="Desk lamp" category="books" categoryName="Books" seed="p-1" />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('img', { name: 'Illustration: Books' })).toBeInTheDocument();
  });
});
