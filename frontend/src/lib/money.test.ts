import { describe, expect, it } from 'vitest';
import { formatAmountForInput, parseAmount } from './money';

const COP = { code: 'COP', exponent: 2, maxPrice: 2_000_000_000 };
const JPY = { code: 'JPY', exponent: 0, maxPrice: 100_000_000 };
const KWD = { code: 'KWD', exponent: 3, maxPrice: 100_000 };

describe('parseAmount (es-CO)', () => {
  it.each([
    ['1.200.000', 120_000_000],
    ['1.200.000,50', 120_000_050],
    ['1.200.000,5', 120_000_050],
    ['1,200,000.50', 120_000_050],
    ['1,200,000', 120_000_000],
    ['1.200', 120_000],
    ['1200000', 120_000_000],
    ['99500,5', 9_950_050],
    ['99500.5', 9_950_050],
    ['99.500,50', 9_950_050],
    ['12,50', 1_250],
    ['0,5', 50],
    ['  $ 1.200.000 ', 120_000_000],
    ['COP 85.000', 8_500_000],
    ['85.000 COP', 8_500_000],
    ['3.500.000', 350_000_000],
    ['2.000.000.000', 200_000_000_000],
  ])('reads %s as %i minor units', (input, minor) => {
    const r = parseAmount(input, COP);
    expect(r).toMatchObject({ ok: true, minor, amount: minor / 100 });
  });

  it.each([
    ['1.2.3,4,5', 'more than one decimal separator'],
    ['1,200', 'could mean 1.200 or 1,20'],
    ['1.20.000', 'not an amount we can read'],
    ['1.200.00', 'not an amount we can read'],
    ['1,200.000,5', 'more than one decimal separator'],
    ['1.200.', 'not an amount we can read'],
    ['0.500', 'not an amount we can read'],
    ['12,345', 'could mean 12.345 or 12,35'],
    ['1.5555', 'at most 2 decimals'],
    ['12,555', 'could mean'],
    ['1 200', 'digits only'],
    ['abc', 'digits only'],
    ['-5', 'above zero'],
    ['0', 'above zero'],
    ['0,00', 'above zero'],
    ['2.000.000.001', 'At most $ 2.000.000.000'],
    ['99999999999999999', 'too large'],
  ])('refuses %s', (input, message) => {
    const r = parseAmount(input, COP);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toContain(message);
  });

  it('treats an empty box as empty, not as an error', () => {
    expect(parseAmount('   ', COP)).toEqual({ ok: true, empty: true });
  });

  it('lets a filter start at zero', () => {
    expect(parseAmount('0', COP, { allowZero: true })).toMatchObject({ ok: true, minor: 0 });
  });

  it('respects the currency’s minor digits', () => {
    expect(parseAmount('1.500', JPY)).toMatchObject({ ok: true, minor: 1500, amount: 1500 });
    expect(parseAmount('1500,5', JPY)).toMatchObject({ ok: false, error: 'JPY amounts have no decimals.' });
    expect(parseAmount('1.5', KWD)).toMatchObject({ ok: true, minor: 1500, amount: 1.5 });
    expect(parseAmount('1.2345', KWD)).toMatchObject({ ok: false, error: 'Use at most 3 decimals for KWD.' });
  });

  it('reads English-locale input the English way', () => {
    expect(parseAmount('1,200', COP, { locale: 'en-US' })).toMatchObject({ ok: true, minor: 120_000 });
    expect(parseAmount('1.200', COP, { locale: 'en-US' })).toMatchObject({ ok: false });
    expect(parseAmount('1.5', COP, { locale: 'en-US' })).toMatchObject({ ok: true, minor: 150 });
  });
});

describe('formatAmountForInput', () => {
  it('writes amounts the way the box reads them back', () => {
    for (const amount of [1_200_000, 99_500.5, 12.5, 85_000, 1]) {
      const text = formatAmountForInput(amount, 2);
      expect(parseAmount(text, COP)).toMatchObject({ ok: true, amount });
    }
    expect(formatAmountForInput(1_200_000, 2)).toBe('1.200.000');
    expect(formatAmountForInput(99_500.5, 2)).toBe('99.500,50');
  });
});
