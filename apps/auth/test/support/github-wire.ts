import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { repoRoot } from '@imad/testing';

/** Response headers GitHub really sent, as recorded by @octokit/fixtures (get-root scenario). */
const RECORDED_HEADERS = (
  JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/@octokit/fixtures/scenarios/api.github.com/get-root/normalized-fixture.json'), 'utf8')) as { headers: Record<string, string | number> }[]
)[0].headers;

// The token endpoint is not part of the REST description; these bodies are the ones GitHub
// documents ("Authorizing OAuth apps", "Troubleshooting OAuth app access token request errors"),
// including answering 200 with an `error` field for a bad code.
export const BAD_CODE = {
  error: 'bad_verification_code',
  error_description: 'The code passed is incorrect or expired.',
  error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code',
};

export function send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(RECORDED_HEADERS)) if (!['content-length', 'connection', 'date', 'etag'].includes(k)) headers[k] = String(v);
  res.writeHead(status, { ...headers, 'content-type': type, 'x-oauth-scopes': 'public_repo', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });
}
