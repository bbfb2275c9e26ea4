import { describe, expect, it } from 'vitest';
import { matchRanges } from './highlight';

/** The name with its marked parts in [brackets]. */
function marked(text: string, query: string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of matchRanges(text, query)) {
    out += `${text.slice(at, s)}[${text.slice(s, e)}]`;
    at = e;
  }
  return out + text.slice(at);
}

describe('matchRanges', () => {
  it.each([
    ['Café de Colombia', 'cafe', '[Café] de Colombia'],
    ['Cámara réflex', 'Cám', '[Cám]ara réflex'],
    ['Cámara réflex', 'cam', '[Cám]ara réflex'],
    ['CÁMARA Canon', 'camara', '[CÁMARA] Canon'],
    ['Cámara réflex Canon', 'canon cama', '[Cáma]ra réflex [Canon]'],
    ['Lámpara de escritorio', 'LAMP', '[Lámp]ara de escritorio'],
    ['Niño Jesús', 'nino', '[Niño] Jesús'],
    // NFD text: the accent is a mark after its letter and stays inside the mark.
    ['Cafe\u0301 negro', 'cafe', '[Cafe\u0301] negro'],
    // One typo, like the search: the word it stands for is marked.
    ['Cámara réflex', 'camra', '[Cámara] réflex'],
    ['Cámara réflex', 'cmaara', '[Cámara] réflex'],
    ['Bicicleta de ruta', 'bisicleta', '[Bicicleta] de ruta'],
    // A typo in a word still being typed marks the start of the word it begins.
    ['Bicicleta de ruta', 'bisicl', '[Bicicl]eta de ruta'],
    // Short words are not guessed at.
    ['Lámpara', 'lmp', 'Lámpara'],
    ['Desk lamp', '', 'Desk lamp'],
    ['Desk lamp', '  ', 'Desk lamp'],
    ['<b>bold</b> lamp', 'lamp', '<b>bold</b> [lamp]'],
  ])('in %s, %s marks %s', (name, query, expected) => {
    expect(marked(name, query)).toBe(expected);
  });
});
