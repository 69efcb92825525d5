import { ForbiddenException, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CsrfGuard, csrfProtection } from './csrf-guards';
import { sha256Hex } from './secrets';

const publicUrl = 'https://learn.example.org/ide';
const token = 't'.repeat(43);
const session = { csrfHash: sha256Hex(token) };
const request = (headers: Record<string, string>) => ({ method: 'POST', headers }) as unknown as Request;
const good = request({ cookie: `imad_csrf=${token}`, 'x-csrf-token': token, origin: 'https://learn.example.org' });
const bad = request({ cookie: `imad_csrf=${token}` });

function fakeResponse() {
  const res = { statusCode: 0, body: undefined as unknown, status: (code: number) => ((res.statusCode = code), res), json: (body: unknown) => ((res.body = body), res) };
  return res;
}

describe('csrfProtection (Express)', () => {
  it('calls next for a request carrying the session\'s token', async () => {
    let called = false;
    await csrfProtection({ publicUrl, sessionOf: () => session })(good, fakeResponse() as unknown as Response, () => (called = true));
    expect(called).toBe(true);
  });

  it('answers 403 AUTH.CSRF_FAILED without calling next otherwise', async () => {
    const res = fakeResponse();
    let called = false;
    await csrfProtection({ publicUrl, sessionOf: async () => session })(bad, res as unknown as Response, () => (called = true));
    expect(called).toBe(false);
    expect(res.statusCode).toBe(403);
    expect(res.body).toEqual({ error: { code: 'AUTH.CSRF_FAILED', message: expect.stringMatching(/missing CSRF token/) } });
  });
});

describe('CsrfGuard (Nest)', () => {
  const context = (req: Request) => ({ switchToHttp: () => ({ getRequest: () => req }) }) as unknown as ExecutionContext;

  it('lets a good request through and throws 403 with the error body for a bad one', async () => {
    const guard = new CsrfGuard({ publicUrl, sessionOf: () => session });
    expect(await guard.canActivate(context(good))).toBe(true);
    const error = await guard.canActivate(context(bad)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenException);
    expect((error as ForbiddenException).getResponse()).toMatchObject({ error: { code: 'AUTH.CSRF_FAILED' } });
  });
});
