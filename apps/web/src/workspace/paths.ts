/**
 * Rules for file names a student types (new file, rename). They mirror the repo service's
 * checks so the student gets the explanation at once instead of after a failed save.
 */
export function pathProblem(raw: string, existing: ReadonlySet<string>): string | null {
  const path = raw.trim();
  if (path === '') return 'Type a file name, for example "public/style.css".';
  if (path.length > 255) return 'That name is too long (255 characters at most).';
  if (path.startsWith('/')) return 'Leave out the leading "/": names are relative to your project.';
  if (path.includes('\\')) return 'Use "/" between folders, not "\\".';
  if (path.includes('\0')) return 'That name contains a character that cannot be used.';
  const segments = path.split('/');
  if (segments.some((s) => s === '')) return 'A folder name is empty (two "/" in a row, or a trailing "/").';
  if (segments.some((s) => s === '.' || s === '..')) return '"." and ".." cannot be used as names.';
  if (segments.some((s) => s.toLowerCase() === '.git')) return '".git" is reserved for git itself.';
  if (existing.has(path)) return `"${path}" already exists.`;
  for (const other of existing) {
    if (other.startsWith(path + '/')) return `"${path}" is a folder already.`;
    if (path.startsWith(other + '/')) return `"${other}" is a file, so it cannot hold other files.`;
  }
  return null;
}

const modes: Record<string, string> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript', ts: 'javascript',
  json: 'json', html: 'html', htm: 'html', css: 'css', md: 'markdown', markdown: 'markdown',
};

/** The Ace mode for a file, by extension; plain text otherwise. */
export function modeForPath(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return (dot > 0 && modes[name.slice(dot + 1)]) || 'text';
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Folders before files at each level, then by name (case-insensitive), like most editors. */
export function treeOrder(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const aDir = i < as.length - 1;
    const bDir = i < bs.length - 1;
    if (as[i] === bs[i] && aDir === bDir) continue;
    if (aDir !== bDir) return aDir ? -1 : 1;
    return as[i].localeCompare(bs[i], undefined, { sensitivity: 'base' }) || (as[i] < bs[i] ? -1 : 1);
  }
  return as.length - bs.length;
}
