import { expect, test } from '@jest/globals';
import { MemoryStorage } from '../workspace/test-storage';
import { firstFile, TabMemory } from './tab-state';

test('the first file opened is the app entry point when there is one', () => {
  expect(firstFile(['README.md', 'package.json', 'server.js'])).toBe('server.js');
  expect(firstFile(['README.md', 'notes.txt'])).toBe('README.md');
  expect(firstFile(['a.txt'])).toBe('a.txt');
  expect(firstFile([])).toBeNull();
});

test('open tabs are remembered per user', () => {
  const storage = new MemoryStorage();
  new TabMemory(storage, 'u_1').save({ open: ['a.js'], active: 'a.js' });
  expect(new TabMemory(storage, 'u_1').load()).toEqual({ open: ['a.js'], active: 'a.js' });
  expect(new TabMemory(storage, 'u_2').load()).toBeNull();
});
