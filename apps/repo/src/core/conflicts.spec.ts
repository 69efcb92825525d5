import { conflictingFiles } from './conflicts';

describe('conflictingFiles', () => {
  const changed = [
    { path: 'server.js', before: 'a1', after: 'b1' },
    { path: 'public/new.css', after: 'c1' },
    { path: 'gone.txt', before: 'd1' },
  ];

  it('names files changed on both sides with their blob ids', () => {
    expect(conflictingFiles(['server.js', 'README.md'], changed)).toEqual([{ path: 'server.js', base: 'a1', theirs: 'b1' }]);
    expect(conflictingFiles(['gone.txt'], changed)).toEqual([{ path: 'gone.txt', base: 'd1' }]);
  });

  it('counts a change inside a touched path, or above it', () => {
    expect(conflictingFiles(['public'], changed)).toEqual([{ path: 'public/new.css', theirs: 'c1' }]);
    expect(conflictingFiles(['server.js/x'], changed)).toEqual([{ path: 'server.js', base: 'a1', theirs: 'b1' }]);
  });

  it('finds nothing when the saves touch different files', () => {
    expect(conflictingFiles(['README.md', 'public/style.css'], changed)).toEqual([]);
  });
});
