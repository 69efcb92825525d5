import { expect, test } from '@jest/globals';
import { providerSet } from './auth';

test('reads the providers the server offers', () => {
  expect([...providerSet({ providers: ['local', 'github'] })].sort()).toEqual(['github', 'local']);
  expect([...providerSet({ providers: [{ id: 'github' }] })]).toEqual(['github']);
  expect([...providerSet({ github: true, local: { enabled: true } })].sort()).toEqual(['github', 'local']);
});

test('without a usable answer, offers local accounts only (the embedded default)', () => {
  expect([...providerSet(undefined)]).toEqual(['local']);
  expect([...providerSet({})]).toEqual(['local']);
});
