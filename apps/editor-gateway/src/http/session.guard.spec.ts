import type { ExecutionContext } from '@nestjs/common';
import type { SessionPort, StudentSession } from '../ports/session.port';
import { GatewayError } from './gateway-error';
import { SessionGuard, type StudentRequest } from './session.guard';

const session: StudentSession = { student: { userId: 'u_alice0001', login: 'alice', appName: 'alice' }, csrfHash: 'h' };

function run(req: Partial<StudentRequest>, sessions: Partial<SessionPort>) {
  const full = { method: 'GET', path: '/api/me', headers: {}, ...req } as StudentRequest;
  const context = { getType: () => 'http', switchToHttp: () => ({ getRequest: () => full }) } as unknown as ExecutionContext;
  const port = { resolve: async () => session, checkCsrf: () => ({ ok: true as const }), ...sessions } as SessionPort;
  return { result: new SessionGuard(port).canActivate(context), req: full };
}

const refusal = (p: Promise<boolean>) => p.then(() => undefined, (e: unknown) => e as GatewayError);

describe('SessionGuard', () => {
  it('lets health, metrics and the IDE through without a session', async () => {
    const { result } = run({ path: '/healthz' }, { resolve: async () => null });
    expect(await result).toBe(true);
  });

  it('attaches the student for /api routes', async () => {
    const { result, req } = run({}, {});
    expect(await result).toBe(true);
    expect(req.student).toEqual(session.student);
  });

  it('says "not signed in" without a session cookie and "expired" with a dead one', async () => {
    expect(await refusal(run({}, { resolve: async () => null }).result)).toMatchObject({ status: 401, code: 'AUTH.SESSION_EXPIRED', message: expect.stringMatching(/not signed in/) });
    const expired = run({ headers: { cookie: 'imad_session=old' } }, { resolve: async () => null }).result;
    expect(await refusal(expired)).toMatchObject({ status: 401, message: expect.stringMatching(/expired/) });
  });

  it('checks CSRF on state-changing methods only', async () => {
    const failing = { checkCsrf: () => ({ ok: false as const, reason: 'missing CSRF token' }) };
    expect(await run({ method: 'GET' }, failing).result).toBe(true);
    expect(await refusal(run({ method: 'POST' }, failing).result)).toMatchObject({ status: 403, field: 'x-csrf-token' });
  });
});
