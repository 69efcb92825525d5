import type { FileChangeInput as FileChange } from '@imad/contracts';
import { buildChangeSet } from './change-set';

const limits = { maxFileBytes: 16, maxFilesPerCommit: 3 };
const codeOf = (input: FileChange[]) => {
  try {
    buildChangeSet(input, limits);
    return 'accepted';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('buildChangeSet', () => {
  it('decodes contents and lists every touched path', () => {
    const set = buildChangeSet(
      [
        { op: 'upsert', path: 'a.txt', content: 'héllo', encoding: 'utf8' },
        { op: 'upsert', path: 'b.bin', content: Buffer.from([0, 1, 2]).toString('base64'), encoding: 'base64' },
        { op: 'rename', from: 'c.js', to: 'lib/c.js' },
      ],
      limits,
    );
    expect(set.touched).toEqual(['a.txt', 'b.bin', 'c.js', 'lib/c.js']);
    expect(set.changes[0]).toEqual({ op: 'upsert', path: 'a.txt', content: Buffer.from('héllo') });
    expect(set.changes[1]).toEqual({ op: 'upsert', path: 'b.bin', content: Buffer.from([0, 1, 2]) });
  });

  it.each([
    ['a path with ..', [{ op: 'delete', path: 'a/../b' }], 'REPO.INVALID_PATH'],
    ['an absolute path', [{ op: 'delete', path: '/etc/passwd' }], 'REPO.INVALID_PATH'],
    ['a NUL byte', [{ op: 'delete', path: 'a\0b' }], 'REPO.INVALID_PATH'],
    ['a newline', [{ op: 'delete', path: 'a\nb' }], 'REPO.INVALID_PATH'],
    ['.git inside', [{ op: 'upsert', path: 'x/.git/config', content: '' }], 'REPO.INVALID_PATH'],
    ['.GIT in another case', [{ op: 'upsert', path: '.GIT/hooks/pre-commit', content: '' }], 'REPO.INVALID_PATH'],
    ['a name over 255 bytes', [{ op: 'delete', path: `${'é'.repeat(128)}.js` }], 'REPO.INVALID_PATH'],
    ['a rename target with ..', [{ op: 'rename', from: 'a', to: '../a' }], 'REPO.INVALID_PATH'],
    ['a file over the size limit', [{ op: 'upsert', path: 'big', content: 'x'.repeat(17) }], 'REPO.TOO_LARGE'],
    ['a base64 file over the limit', [{ op: 'upsert', path: 'big', content: Buffer.alloc(17).toString('base64'), encoding: 'base64' }], 'REPO.TOO_LARGE'],
    ['too many files', [1, 2, 3, 4].map((i) => ({ op: 'delete', path: `f${i}` })), 'REPO.TOO_LARGE'],
    ['invalid base64', [{ op: 'upsert', path: 'x', content: 'not base64!', encoding: 'base64' }], 'REPO.INVALID_CHANGE'],
    ['the same path twice', [{ op: 'upsert', path: 'x', content: '' }, { op: 'delete', path: 'x' }], 'REPO.INVALID_CHANGE'],
    ['a file and its folder', [{ op: 'upsert', path: 'x', content: '' }, { op: 'upsert', path: 'x/y', content: '' }], 'REPO.INVALID_CHANGE'],
    ['a rename onto itself', [{ op: 'rename', from: 'x', to: 'x' }], 'REPO.INVALID_CHANGE'],
    ['no changes', [], 'REPO.INVALID_CHANGE'],
  ])('refuses %s', (_name, input, code) => {
    expect(codeOf(input as FileChange[])).toBe(code);
  });

  it('names the field and the rule in a path error', () => {
    try {
      buildChangeSet([{ op: 'upsert', path: 'ok.txt', content: '' }, { op: 'rename', from: 'a', to: 'b/../../c' }], limits);
      throw new Error('expected an error');
    } catch (error) {
      expect((error as Error).message).toBe('changes[1].to "b/../../c" must not contain "..", "." or empty segments');
      expect((error as { details: unknown }).details).toEqual({ field: 'changes[1].to', path: 'b/../../c' });
    }
  });

  it('shows control characters escaped in messages', () => {
    expect(() => buildChangeSet([{ op: 'delete', path: 'a\u001b[31mred' }], limits)).toThrow('"a\\x1b[31mred"');
  });
});
