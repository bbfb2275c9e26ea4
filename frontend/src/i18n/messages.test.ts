import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectLanguage, getLanguage, LANGUAGE_STORAGE_KEY, resetLanguageForTests, setLanguage, translate } from './i18n';
import { en, es, type Message, type MessageKey } from './messages';
import { localizeServerText } from './serverText';

const placeholders = (m: Message): string[] =>
  [...new Set((typeof m === 'string' ? [m] : [m.one, m.other]).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort();

describe('the message catalogues', () => {
  it('have exactly the same keys in Spanish and English', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as MessageKey[])('%s has the same placeholders and the same shape in both', (key) => {
    expect(placeholders(es[key])).toEqual(placeholders(en[key]));
    expect(typeof es[key]).toBe(typeof en[key]);
    const texts = [en[key], es[key]].flatMap((m) => (typeof m === 'string' ? [m] : [m.one, m.other]));
    expect(texts.every((s) => s.trim().length > 0)).toBe(true);
  });

  it('picks the plural form by count and writes counts the language’s way', () => {
    expect(translate('es', 'stock.low', { count: 1 })).toBe('Queda 1');
    expect(translate('es', 'stock.low', { count: 2 })).toBe('Quedan 2');
    expect(translate('es', 'search.results', { count: 1 })).toBe('1 resultado');
    expect(translate('es', 'search.results', { count: 12345 })).toBe('12.345 resultados');
    expect(translate('en', 'search.results', { count: 12345 })).toBe('12,345 results');
    expect(translate('en', 'search.results', { count: 1 })).toBe('1 result');
    expect(translate('es', 'search.resultsFor', { count: 0, q: 'bici' })).toBe('0 resultados para “bici”');
  });
});

describe('the language', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    resetLanguageForTests();
  });

  function browserLanguages(languages: string[]) {
    vi.stubGlobal('navigator', { ...navigator, languages, language: languages[0] ?? '' });
  }

  it.each([
    [['es-CO', 'es', 'en'], 'es'],
    [['es'], 'es'],
    [['es-419'], 'es'],
    [['en-US', 'en'], 'en'],
    [['en-GB', 'es-CO'], 'en'],
    [['fr-FR', 'es-ES'], 'es'],
    [['pt-BR'], 'en'],
    [[], 'en'],
  ])('follows the browser: %o → %s', (languages, expected) => {
    browserLanguages(languages);
    expect(detectLanguage()).toBe(expected);
  });

  it('remembers the person’s choice over the browser’s, and says it in <html lang>', () => {
    browserLanguages(['en-US']);
    setLanguage('es');
    expect(getLanguage()).toBe('es');
    expect(document.documentElement.lang).toBe('es-CO');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('es');
    expect(detectLanguage()).toBe('es');
    setLanguage('en');
    expect(document.documentElement.lang).toBe('en');
    expect(detectLanguage()).toBe('en');
  });
});

describe('the services’ sentences in Spanish', () => {
  afterEach(() => resetLanguageForTests());

  it.each([
    ['Required.', 'Este campo es obligatorio.'],
    ['At most 120 characters.', 'Máximo 120 caracteres.'],
    ['At least 12 characters.', 'Mínimo 12 caracteres.'],
    ['This password is too common; choose another.', 'Esta contraseña es demasiado común; elige otra.'],
    ['Not an email address.', 'No es un correo electrónico válido.'],
    ['At most 2,000,000,000 COP (a number in COP, such as 1200000 or 1200000.55).', 'Máximo $ 2.000.000.000.'],
    ['Must be greater than 0 COP.', 'Debe ser mayor que 0.'],
    ['COP has at most 2 decimals, such as 1200000 or 1200000.55.', 'COP admite máximo 2 decimales.'],
    ['Must be one of the ids from GET /api/products/categories.', 'Elige una de las categorías.'],
    ['Must use https.', 'Debe usar https.'],
    ['Must not point at a loopback, link-local or private address.', 'Debe ser una dirección pública, no local ni privada.'],
    ['This link is invalid, expired or already used; ask for a new one.', 'Este enlace no es válido, ya venció o ya se usó; pide uno nuevo.'],
    [
      'Confirm your email address before publishing: follow the link we mailed you, or ask for a new one.',
      'Confirma tu correo antes de publicar: sigue el enlace que te enviamos o pide uno nuevo.',
    ],
    ['The seller deleted their account.', 'El vendedor eliminó su cuenta.'],
  ])('%s', (english, spanish) => {
    setLanguage('es');
    expect(localizeServerText(english)).toBe(spanish);
    setLanguage('en');
    expect(localizeServerText(english)).toBe(english);
  });

  it('leaves out a sentence it does not know rather than show English in a Spanish page', () => {
    setLanguage('es');
    expect(localizeServerText('Some new rule nobody translated.')).toBeNull();
  });
});
