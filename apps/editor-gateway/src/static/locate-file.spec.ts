import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { locateFile } from './locate-file';

describe('locateFile', () => {
  let root: string;

  beforeAll(async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'gw-static-'));
    root = path.join(base, 'web');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<html>ide</html>');
    await writeFile(path.join(root, 'signin.html'), '<html>signin</html>');
    await writeFile(path.join(root, 'assets/index-ABCD1234.js'), 'js');
    await writeFile(path.join(base, 'secret.txt'), 'outside');
  });

  it('serves the IDE at /', async () => {
    expect((await locateFile(root, '/'))?.relative).toBe('index.html');
  });

  it('finds a page by its name without .html', async () => {
    expect((await locateFile(root, '/signin'))?.relative).toBe('signin.html');
  });

  it('finds assets', async () => {
    expect((await locateFile(root, '/assets/index-ABCD1234.js'))?.size).toBe(2);
  });

  it('never leaves the root, however the path is spelled', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/..%2fsecret.txt', '/%00index.html']) {
      expect(await locateFile(root, attempt)).toBeUndefined();
    }
  });

  it('answers undefined for missing files and directories', async () => {
    expect(await locateFile(root, '/nope.js')).toBeUndefined();
    expect(await locateFile(root, '/assets')).toBeUndefined();
  });
});
