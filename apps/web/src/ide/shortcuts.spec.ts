import { expect, test } from '@jest/globals';
import { findShortcut, keysLabel, KeyLike } from './shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

test('Ctrl+S saves on Linux and Windows, Cmd+S on a Mac', () => {
  expect(findShortcut(key('s', { ctrlKey: true }), false)).toBe('save');
  expect(findShortcut(key('S', { ctrlKey: true }), false)).toBe('save');
  expect(findShortcut(key('s', { metaKey: true }), true)).toBe('save');
  expect(findShortcut(key('s', { metaKey: true }), false)).toBeNull();
});

test('Ctrl+Shift+Enter deploys; plain Enter does nothing global', () => {
  expect(findShortcut(key('Enter', { ctrlKey: true, shiftKey: true }), false)).toBe('deploy');
  expect(findShortcut(key('Enter'), false)).toBeNull();
});

test('Alt shortcuts match by physical key too (Alt+N types a character on a Mac)', () => {
  expect(findShortcut(key('˜', { altKey: true, code: 'KeyN' }), true)).toBe('newFile');
  expect(findShortcut(key('1', { altKey: true, code: 'Digit1' }), false)).toBe('focusFiles');
});

test('typing plain letters is never a shortcut', () => {
  for (const k of ['s', 'n', 'w', 'h', '1']) expect(findShortcut(key(k), false)).toBeNull();
});

test('labels read Ctrl on Linux and ⌘ on a Mac', () => {
  expect(keysLabel('Mod+S', false)).toBe('Ctrl+S');
  expect(keysLabel('Mod+S', true)).toBe('⌘+S');
});
