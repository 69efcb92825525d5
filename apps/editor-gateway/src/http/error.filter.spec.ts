import { BadRequestException, NotFoundException, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import { AppError } from '@imad/contracts';
import { createLogger } from '@imad/observability';
import { ErrorFilter } from './error.filter';
import { GatewayError } from './gateway-error';

function answer(exception: unknown) {
  const res = {
    statusCode: 0,
    body: undefined as unknown,
    headers: {} as Record<string, string>,
    headersSent: false,
    setHeader(name: string, value: string) {
      this.headers[name] = value;
    },
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    json(body: unknown) {
      this.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ method: 'GET', path: '/api/x' }) }) } as unknown as ArgumentsHost;
  new ErrorFilter(createLogger('test', 'silent')).catch(exception, host);
  return res;
}

describe('ErrorFilter', () => {
  it('answers a GatewayError with its status, headers and body', () => {
    const res = answer(new GatewayError(429, 'DEPLOY.RATE_LIMITED', 'wait', { headers: { 'Retry-After': '5' }, details: { retryAfterSeconds: 5 } }));
    expect(res.statusCode).toBe(429);
    expect(res.headers).toEqual({ 'Retry-After': '5' });
    expect(res.body).toEqual({ error: { code: 'DEPLOY.RATE_LIMITED', message: 'wait', details: { retryAfterSeconds: 5 } } });
  });

  it('keeps the code of an AppError from another service and lifts its field', () => {
    const res = answer(new AppError('REPO.INVALID_PATH', 'must not contain ".."', { path: '../x', field: 'changes.0.path' }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toEqual({ error: { code: 'REPO.INVALID_PATH', message: 'must not contain ".."', field: 'changes.0.path', details: { path: '../x' } } });
  });

  it("gives Nest's own errors stable codes", () => {
    expect(answer(new NotFoundException('Cannot GET /api/nope')).body).toMatchObject({ error: { code: 'HTTP.NOT_FOUND' } });
    expect(answer(new BadRequestException('Unexpected token', { cause: new SyntaxError('x') })).body).toMatchObject({ error: { code: 'REQUEST.INVALID_JSON', field: 'body' } });
    expect(answer(new PayloadTooLargeException()).statusCode).toBe(413);
  });

  it('answers anything unexpected with 500 INTERNAL and no internals', () => {
    const res = answer(new Error('password=hunter2 in a stack'));
    expect(res.statusCode).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(res.body).toMatchObject({ error: { code: 'INTERNAL' } });
  });
});
