import { repoPathSchema } from './index';

const refuses = (path: string) => repoPathSchema.safeParse(path).success === false;

describe('workspace paths (repoPathSchema)', () => {
  it.each(['index.js', 'src/app.js', 'public/css/site.css', '.gitignore', 'docs/.github/x.md', 'a..b/c'])('accepts %s', (path) => {
    expect(repoPathSchema.safeParse(path).success).toBe(true);
  });

  it.each([
    ['a parent segment', '../etc/passwd'],
    ['a parent segment in the middle', 'src/../../x'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows drive path', 'C:/x'],
    ['a NUL byte', 'src/a\0.js'],
    ['the .git directory', '.git/config'],
    ['.git in any case, at any depth', 'src/.GIT/hooks/pre-commit'],
    ['an empty segment', 'src//a.js'],
    ['a "." segment', './a.js'],
    ['the empty string', ''],
  ])('refuses %s (%j)', (_why, path) => {
    expect(refuses(path)).toBe(true);
  });

  it('says why in the message', () => {
    const result = repoPathSchema.safeParse('.git/config');
    expect(result.success === false && result.error.issues[0].message).toMatch(/\.git/);
  });
});
