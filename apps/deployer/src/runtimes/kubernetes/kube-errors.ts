import type { V1Status } from '@kubernetes/client-node';

export interface KubeFailure {
  /** HTTP status, or 0 for a connection-level failure. */
  code: number;
  status: V1Status;
  /** Worth another try: 429, 5xx (except 501), 409 never here, connection reset/refused/timeouts. */
  retryable: boolean;
  /** For metrics: 'throttled' | 'server' | 'connection' | 'client'. */
  cause: 'throttled' | 'server' | 'connection' | 'client';
  /** The server's Retry-After, when it sent one. */
  retryAfterMs?: number;
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED']);

/**
 * Tells API server answers apart (the operator habit: never treat any error as "not
 * found"). client-node's ApiException carries `code`, the body as text, and headers;
 * connection failures surface as undici's `TypeError: fetch failed` with a coded cause.
 */
export function classifyKubeError(error: unknown): KubeFailure | undefined {
  const e = error as { code?: unknown; body?: unknown; headers?: Record<string, string>; cause?: { code?: string }; message?: string };
  if (typeof e?.code === 'number') {
    const status = parseStatus(e.body);
    const retryAfter = Number(e.headers?.['retry-after']);
    const retryAfterMs = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined;
    if (e.code === 429) return { code: 429, status, retryable: true, cause: 'throttled', retryAfterMs };
    if (e.code >= 500 && e.code !== 501) return { code: e.code, status, retryable: true, cause: 'server', retryAfterMs };
    return { code: e.code, status, retryable: false, cause: 'client' };
  }
  const netCode = e?.cause?.code ?? (typeof e?.code === 'string' ? e.code : undefined);
  if ((netCode && NETWORK_CODES.has(netCode)) || (error instanceof TypeError && /fetch failed|terminated|socket/i.test(e.message ?? ''))) {
    return { code: 0, status: { message: `${netCode ?? 'connection failed'}: ${e.message ?? ''}`.trim() }, retryable: true, cause: 'connection' };
  }
  return undefined;
}

function parseStatus(body: unknown): V1Status {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as V1Status;
    } catch {
      return { message: body.slice(0, 500) };
    }
  }
  return body && typeof body === 'object' ? (body as V1Status) : {};
}

/** Back-off before retry number `attempt` (1-based): 200 ms doubling to 5 s, with jitter; honours Retry-After. */
export function retryDelayMs(attempt: number, retryAfterMs?: number): number {
  const base = Math.min(5_000, 200 * 2 ** (attempt - 1));
  const jittered = base / 2 + Math.random() * (base / 2);
  return Math.min(10_000, Math.max(jittered, retryAfterMs ?? 0));
}
