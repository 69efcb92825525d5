import { expect, test } from '@jest/globals';
import { safeNext } from './next-url';

test('goes back to a page of this site', () => {
  expect(safeNext('/')).toBe('/');
  expect(safeNext('/?file=server.js')).toBe('/?file=server.js');
});

test('never leaves the site after signing in', () => {
  for (const bad of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', '', null, undefined, '/\nfoo']) {
    expect(safeNext(bad)).toBe('/');
  }
});

test('does not loop back to the sign-in page', () => {
  expect(safeNext('/signin.html')).toBe('/');
});
