import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface RecordedExchange {
  method: string;
  path: string;
  status: number;
  response: unknown;
  headers: Record<string, string | number>;
}

/**
 * Real GitHub answers recorded by @octokit/fixtures (normalized: ids, dates and shas
 * replaced, everything else as GitHub sent it). The fake serves their bodies and headers,
 * with the values it owns (names, shas, URLs) filled in.
 */
export function recorded(scenario: string, index = 0): RecordedExchange {
  // What fixtures.get() reads; loaded directly because the package ships no types.
  const exchanges = require(`@octokit/fixtures/scenarios/api.github.com/${scenario}/normalized-fixture.json`) as RecordedExchange[];
  return structuredClone(exchanges[index]);
}

/** Response headers of a recorded answer that describe GitHub's API (rate limits, media type), not the transfer. */
export function githubHeaders(scenario: string, index = 0): Record<string, string> {
  const keep = /^(x-ratelimit-|x-github-media-type|x-accepted-oauth-scopes|x-oauth-scopes|cache-control|x-github-request-id|access-control-expose-headers)/;
  return Object.fromEntries(Object.entries(recorded(scenario, index).headers).filter(([k]) => keep.test(k)).map(([k, v]) => [k, String(v)]));
}
