/**
 * The one way the browser talks HTTP to the gateway: JSON in and out, the CSRF
 * double-submit header on state-changing calls, and every failure as an ApiError with the
 * gateway's stable code (`REPO.CONFLICT`, `AUTH.INVALID_CREDENTIALS`, …) or one of ours:
 * `NETWORK` (no answer) and `HTTP.<status>` (an answer that was not our JSON error).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get signedOut(): boolean {
    return this.status === 401;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string; details?: Record<string, unknown> };
}

type SignedOutListener = (error: ApiError) => void;
let signedOutListener: SignedOutListener | undefined;

/** Called on every 401 (the IDE shows "signed out — sign in again, your edits are kept"). */
export function onSignedOut(listener: SignedOutListener | undefined): void {
  signedOutListener = listener;
}

export function readCookie(name: string, cookies = typeof document === 'undefined' ? '' : document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export async function request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    // Under https at the root the server uses __Host- cookie names (see @imad/sessions cookieNames).
    const csrf = readCookie('__Host-imad_csrf') ?? readCookie('imad_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError('NETWORK', 'Cannot reach imad right now. Check your connection — your edits are kept in this browser.', 0);
  }
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: handled below */
  }
  if (response.ok) return json as T;
  const err = (json as ErrorBody | undefined)?.error;
  const error = new ApiError(
    err?.code ?? `HTTP.${response.status}`,
    err?.message ?? defaultMessage(response.status),
    response.status,
    err?.field ?? (typeof err?.details?.field === 'string' ? err.details.field : undefined),
    err?.details,
  );
  if (error.signedOut && signedOutListener && !path.startsWith('/auth/')) signedOutListener(error);
  throw error;
}

function defaultMessage(status: number): string {
  if (status === 401) return 'You are signed out.';
  if (status === 403) return 'That is not allowed.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests at once. Wait a few seconds and try again.';
  if (status >= 500) return 'The server had a problem. Try again in a moment — your edits are kept.';
  return `The request failed (HTTP ${status}).`;
}
