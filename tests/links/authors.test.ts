// Author-name normalisation tables.
import { describe, expect, it } from 'vitest';
import { AuthorIndex, authorKey, foldLatin } from '../../src/links/authors.js';

describe('authorKey', () => {
  it.each([
    ['Khalifa, M', 'khalifa', 'm'],
    ['Khalifa,  M.', 'khalifa', 'm'],
    ['Muhammad Khalifa', 'khalifa', 'muhammad'],
    ['  muhammad   KHALIFA ', 'khalifa', 'muhammad'],
    ['Emre Kıcıman', 'kiciman', 'emre'],
    ['José  Pérez-García', 'perezgarcia', 'jose'],
    ['Yi-Chen Li', 'li', 'yichen'],
    ['Li, Yi-Chen', 'li', 'yichen'],
    ['Jason E. Weston', 'weston', 'jason'],
    // A stray full stop after the name, as copied from a reference list.
    ['Jason Weston .', 'weston', 'jason'],
    ['Ludwig van Beethoven', 'vanbeethoven', 'ludwig'],
    ['Ｃｈｒｉｓ Ｌｉｕ', 'liu', 'chris'],
    ['王增志', '王增志', ''],
    ['王 增志', '王增志', ''],
    // Particles stay with the surname, however many (`van`, `von der`, `de la`, `bin`, `al`).
    ['Guido van Rossum', 'vanrossum', 'guido'],
    ['Ursula von der Leyen', 'vonderleyen', 'ursula'],
    ['Jean de la Fontaine', 'delafontaine', 'jean'],
    ['Rutger den Hollander', 'denhollander', 'rutger'],
    ['Leonardo da Vinci', 'davinci', 'leonardo'],
    ['Andrea del Sarto', 'delsarto', 'andrea'],
    ['Luca della Robbia', 'dellarobbia', 'luca'],
    ['Elena di Giovanni', 'digiovanni', 'elena'],
    ['Marine le Pen', 'lepen', 'marine'],
    ['Pierre du Pont', 'dupont', 'pierre'],
    ['João dos Santos', 'dossantos', 'joao'],
    ['Mohammed bin Salman', 'binsalman', 'mohammed'],
    ['Omar al Farouk', 'alfarouk', 'omar'],
    // A particle never takes the whole name: `Van Morrison` is Morrison.
    ['Van Morrison', 'morrison', 'van'],
  ])('%s', (display, last, first) => {
    expect(authorKey(display)).toEqual({ last, first });
  });

  it.each(['', '   ', '——', '123', '12 34', '— —', '?? !!', 'Peter'])('%j is no author', (display) => {
    expect(authorKey(display)).toBeUndefined();
  });
});

describe('AuthorIndex', () => {
  it('joins an initial to the one full name that fits, and not to two', () => {
    const index = new AuthorIndex();
    for (const a of ['Muhammad Khalifa', 'Lu Wang', 'Lei Wang', 'Honglak Lee']) index.observe(a);
    expect(index.resolve('Khalifa, M')).toBe(index.resolve('Muhammad Khalifa'));
    expect(index.resolve('Lee, H')).toBe(index.resolve('Honglak Lee'));
    // Two full names fit `Wang, L`: it stays on its own.
    expect(index.resolve('Wang, L')).toBe('wang|l');
    expect(index.resolve('Lu Wang')).not.toBe(index.resolve('Lei Wang'));
    expect(index.resolve('Wang, L')).toBe(index.resolve('wang,  l.'));
  });

  it('follows full names counted out: an initial joins the one left, and stays apart once none is', () => {
    const index = new AuthorIndex();
    for (const a of ['Lu Wang', 'Lei Wang', 'Lei Wang']) index.observe(a);
    expect(index.resolve('Wang, L')).toBe('wang|l');
    index.observe('Lu Wang', -1);
    expect(index.resolve('Wang, L')).toBe('wang|lei');
    // Lei Wang was seen twice: one removal leaves it.
    index.observe('Lei Wang', -1);
    expect(index.resolve('Wang, L')).toBe('wang|lei');
    index.observe('Lei Wang', -1);
    expect(index.resolve('Wang, L')).toBe('wang|l');
    expect(index.fullFor('wang|l')).toBe('');
  });
});

describe('foldLatin', () => {
  it.each([
    ['  José   Pérez-García ', 'Jose Perez-Garcia'],
    [' Łukasz Kaiser ', 'Lukasz Kaiser'],
    ['Emre Kıcıman\t', 'emre kiciman'],
    ['Søren Kierkegaard', 'Soren Kierkegaard'],
  ])('%j folds as its plain spelling %j does', (accented, plain) => {
    expect(foldLatin(accented)).toBe(foldLatin(plain));
    expect(foldLatin(accented)).toBe(plain.toLowerCase().replace(/\s+/g, ' ').trim());
  });
});
