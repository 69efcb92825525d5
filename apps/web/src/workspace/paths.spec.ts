import { describe, expect, test } from '@jest/globals';
import { modeForPath, pathProblem, treeOrder } from './paths';

describe('file names a student types', () => {
  const existing = new Set(['server.js', 'public/style.css']);

  test.each([
    ['public/app.js'],
    ['README2.md'],
    ['views/partials/header.html'],
  ])('%s is fine', (name) => {
    expect(pathProblem(name, existing)).toBeNull();
  });

  test.each([
    ['', /Type a file name/],
    ['/abs.js', /leading "\/"/],
    ['a\\b.js', /Use "\/"/],
    ['a//b.js', /empty/],
    ['../x.js', /"\.\."/],
    ['.git/config', /reserved/],
    ['server.js', /already exists/],
    ['public', /is a folder/],
    ['server.js/x.js', /is a file/],
  ])('%j is refused with an explanation', (name, why) => {
    expect(pathProblem(name, existing)).toMatch(why);
  });
});

test('highlighting follows the file extension', () => {
  expect(modeForPath('server.js')).toBe('javascript');
  expect(modeForPath('lib/util.mjs')).toBe('javascript');
  expect(modeForPath('package.json')).toBe('json');
  expect(modeForPath('public/index.HTML')).toBe('html');
  expect(modeForPath('public/style.css')).toBe('css');
  expect(modeForPath('README.md')).toBe('markdown');
  expect(modeForPath('.gitignore')).toBe('text');
  expect(modeForPath('Procfile')).toBe('text');
});

test('the file list shows folders first, then files by name', () => {
  const paths = ['server.js', 'README.md', 'public/style.css', 'package.json', 'public/img/logo.svg', 'app.js'];
  expect(paths.sort(treeOrder)).toEqual(['public/img/logo.svg', 'public/style.css', 'app.js', 'package.json', 'README.md', 'server.js']);
});
