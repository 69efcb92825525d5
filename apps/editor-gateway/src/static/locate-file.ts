import { stat } from 'node:fs/promises';
import path from 'node:path';

export interface LocatedFile {
  absolute: string;
  relative: string;
  size: number;
  mtime: Date;
}

/**
 * The file under `root` that a URL path names, or undefined. `/` is the IDE (index.html),
 * `/signin` finds signin.html; nothing outside `root` can be reached (no `..`, no NUL,
 * no encoded tricks: the decoded, normalised path must still be inside the root).
 */
export async function locateFile(root: string, urlPath: string): Promise<LocatedFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
  const candidates = relative === '' ? ['index.html'] : path.posix.extname(relative) ? [relative] : [relative, `${relative}.html`];
  for (const candidate of candidates) {
    const absolute = path.resolve(root, candidate);
    if (!absolute.startsWith(root + path.sep)) return undefined;
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) return { absolute, relative: path.relative(root, absolute).split(path.sep).join('/'), size: info.size, mtime: info.mtime };
  }
  return undefined;
}
