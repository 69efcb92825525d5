import { createHash } from 'node:crypto';
import { fastImportCommands } from '../local/fast-import-commands';
import { quotePath } from '../local/fast-import';
import { blobId, lookupPaths, resolveChanges } from './resolve-changes';

const file = (id: string, mode = '100644') => ({ mode, type: 'blob' as const, id });
const folder = { mode: '040000', type: 'tree' as const, id: 't'.repeat(40) };

describe('resolving a save against HEAD', () => {
  it('computes blob ids the way git does', () => {
    // `printf hello | git hash-object --stdin`
    expect(blobId(Buffer.from('hello'))).toBe('b6fc4c620b67d95f953a5c1c1230aaab5db5a1b0');
    expect(blobId(Buffer.alloc(0))).toBe(createHash('sha1').update('blob 0\0').digest('hex'));
  });

  it('quotes every path C-style', () => {
    expect(quotePath('a b/"c"\\d')).toBe('"a b/\\"c\\"\\\\d"');
  });

  it('looks up each path and the folders above it once', () => {
    expect(lookupPaths(['a/b/c.txt', 'a/d.txt'])).toEqual(['a', 'a/b', 'a/b/c.txt', 'a/d.txt']);
  });

  it('reports a save that leaves every file as it is as unchanged', () => {
    const same = Buffer.from('same');
    const head = new Map([['x.txt', file(blobId(same))]]);
    expect(resolveChanges([{ op: 'upsert', path: 'x.txt', content: same }], head).unchanged).toBe(true);
    expect(resolveChanges([{ op: 'upsert', path: 'x.txt', content: Buffer.from('other') }], head).unchanged).toBe(false);
  });

  it('keeps the mode of an existing file and writes new files as 100644', () => {
    const head = new Map([['run.sh', file('a'.repeat(40), '100755')], ['new.txt', undefined]]);
    const { edits } = resolveChanges(
      [
        { op: 'upsert', path: 'run.sh', content: Buffer.from('x') },
        { op: 'upsert', path: 'new.txt', content: Buffer.from('y') },
      ],
      head,
    );
    const text = Buffer.concat(fastImportCommands(edits)).toString();
    expect(text).toContain('M 100755 inline "run.sh"\ndata 1\nx\n');
    expect(text).toContain('M 100644 inline "new.txt"\ndata 1\ny\n');
  });

  it.each([
    ['a file over a folder', [{ op: 'upsert' as const, path: 'dir', content: Buffer.from('') }], new Map([['dir', folder]]), /dir is a folder/],
    ['a file under a file', [{ op: 'upsert' as const, path: 'f/x', content: Buffer.from('') }], new Map([['f', file('b'.repeat(40))], ['f/x', undefined]]), /f is a file/],
    ['a delete of nothing', [{ op: 'delete' as const, path: 'gone' }], new Map([['gone', undefined]]), /no file gone/],
    ['a rename onto a file', [{ op: 'rename' as const, from: 'a', to: 'b' }], new Map([['a', file('c'.repeat(40))], ['b', file('d'.repeat(40))]]), /already exists/],
  ])('refuses %s', (_name, changes, head, message) => {
    expect(() => resolveChanges(changes, head)).toThrow(message);
  });
});
