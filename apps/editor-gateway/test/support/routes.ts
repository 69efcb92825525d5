/** Every browser-facing /api route, for tests that must hold on each of them. */
export const API_ROUTES: [method: 'GET' | 'POST' | 'DELETE', path: string][] = [
  ['GET', '/api/me'],
  ['GET', '/api/workspace/tree'],
  ['GET', '/api/workspace/file?path=server.js'],
  ['POST', '/api/workspace/commits'],
  ['GET', '/api/workspace/history'],
  ['GET', `/api/workspace/diff?from=${'a'.repeat(40)}&to=${'b'.repeat(40)}`],
  ['POST', '/api/workspace/revert'],
  ['POST', '/api/deploys'],
  ['GET', '/api/deploys'],
  ['DELETE', '/api/app'],
  ['GET', '/api/app/logs'],
];

export const STATE_CHANGING = API_ROUTES.filter(([method]) => method !== 'GET');
