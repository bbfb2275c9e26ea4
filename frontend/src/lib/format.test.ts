import { describe, expect, it } from 'vitest';
import { formatPrice } from './format';

describe('formatPrice', () => {
  it('shows pesos the Colombian way, without cents when there are none', () => {
    expect(formatPrice(1200000, 'COP')).toBe('$ 1.200.000');
    expect(formatPrice(950000)).toBe('$ 950.000');
    expect(formatPrice(99500.5, 'COP')).toBe('$ 99.500,50');
  });

  it('keeps the cents of currencies that use them', () => {
    expect(formatPrice(12.5, 'USD')).toBe('US$ 12,50');
    expect(formatPrice(1199, 'USD')).toBe('US$ 1.199,00');
  });
});
