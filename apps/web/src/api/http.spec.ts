import { expect, test } from '@jest/globals';
import { readCookie } from './http';

test('reads the CSRF cookie among others', () => {
  expect(readCookie('imad_csrf', 'a=1; imad_csrf=tok%3D; b=2')).toBe('tok=');
  expect(readCookie('imad_csrf', 'imad_csrf_old=x')).toBeUndefined();
  expect(readCookie('imad_csrf', '')).toBeUndefined();
});
