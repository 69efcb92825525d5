import { classifyKubeError, retryDelayMs } from './kube-errors';

const api = (code: number, body: unknown = '', headers: Record<string, string> = {}) => ({ code, body, headers });

describe('classifyKubeError', () => {
  it('retries 429 honouring Retry-After, and 5xx other than 501', () => {
    expect(classifyKubeError(api(429, '{"message":"slow down"}', { 'retry-after': '2' }))).toMatchObject({ retryable: true, cause: 'throttled', retryAfterMs: 2000, status: { message: 'slow down' } });
    expect(classifyKubeError(api(500))).toMatchObject({ retryable: true, cause: 'server' });
    expect(classifyKubeError(api(503))).toMatchObject({ retryable: true });
    expect(classifyKubeError(api(501))).toMatchObject({ retryable: false });
  });

  it('never retries 404, 409 or 422, and keeps the server message', () => {
    for (const code of [400, 403, 404, 409, 422]) expect(classifyKubeError(api(code))?.retryable).toBe(false);
    expect(classifyKubeError(api(422, JSON.stringify({ reason: 'Invalid', message: 'spec.x: Invalid value' })))?.status.message).toBe('spec.x: Invalid value');
  });

  it('retries connection resets and refusals from undici', () => {
    const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    expect(classifyKubeError(reset)).toMatchObject({ code: 0, retryable: true, cause: 'connection' });
    const socket = Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } });
    expect(classifyKubeError(socket)?.retryable).toBe(true);
  });

  it('does not claim to know an error it does not recognize', () => {
    expect(classifyKubeError(new Error('boom'))).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('grows, stays bounded, and waits at least Retry-After', () => {
    expect(retryDelayMs(1)).toBeLessThanOrEqual(200);
    expect(retryDelayMs(10)).toBeLessThanOrEqual(5_000);
    expect(retryDelayMs(1, 3_000)).toBe(3_000);
    expect(retryDelayMs(1, 60_000)).toBe(10_000);
  });
});
