import { createHash } from 'node:crypto';

type Fetch = typeof globalThis.fetch;

interface Entry {
  etag: string;
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

/**
 * Conditional requests, as GitHub asks of clients: a GET whose answer carried an ETag is
 * repeated with `If-None-Match`; a 304 (which does not count against the rate limit) is
 * answered from the cached copy, so Octokit never sees it. Keyed by token (hashed) and URL,
 * so one student's cached answer is never served to another. Bounded, least recently used out.
 */
export class EtagCache {
  private readonly entries = new Map<string, Entry>();
  hits = 0;

  constructor(private readonly capacity = 5000) {}

  wrap(fetch: Fetch): Fetch {
    return async (input, init) => {
      const method = (init?.method ?? 'GET').toUpperCase();
      if (method !== 'GET') return fetch(input, init);
      const headers = new Headers(init?.headers);
      const key = `${digest(headers.get('authorization') ?? '')} ${headers.get('accept') ?? ''} ${String(input)}`;
      const cached = this.entries.get(key);
      if (cached) headers.set('if-none-match', cached.etag);
      const response = await fetch(input, { ...init, headers });
      if (response.status === 304 && cached) {
        this.hits++;
        this.touch(key, cached);
        return new Response(cached.body.slice(0), { status: cached.status, headers: [...cached.headers, ['x-imad-etag-cache', 'hit']] });
      }
      const etag = response.headers.get('etag');
      if (response.status === 200 && etag) {
        const body = await response.arrayBuffer();
        this.touch(key, { etag, status: 200, headers: [...response.headers.entries()], body });
        return new Response(body.slice(0), { status: 200, headers: response.headers });
      }
      return response;
    };
  }

  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);
