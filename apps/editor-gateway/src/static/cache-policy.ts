/**
 * Content-hashed files (`assets/index-3FQ2ZB7K.js`, how apps/web/build.js names them) never
 * change under their name: cached for a year, `immutable`. Everything else — above all
 * the HTML that names the current hashes — is revalidated on every load (ETag → 304),
 * so a new IDE build reaches students on their next reload.
 */
const HASHED = /[.-][A-Za-z0-9_]{8,}\.[a-z0-9]+$/;

export function cacheControlFor(relativePath: string): string {
  const name = relativePath.split('/').pop() ?? '';
  if (relativePath.startsWith('assets/') && HASHED.test(name)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  ico: 'image/x-icon',
  webp: 'image/webp',
  woff: 'font/woff',
  woff2: 'font/woff2',
  ttf: 'font/ttf',
  txt: 'text/plain; charset=utf-8',
  wasm: 'application/wasm',
};

export function contentTypeFor(relativePath: string): string {
  const ext = relativePath.slice(relativePath.lastIndexOf('.') + 1).toLowerCase();
  return TYPES[ext] ?? 'application/octet-stream';
}
