import { z } from 'zod';
import { GatewayError } from './gateway-error';
import { ZodPipe } from './zod.pipe';

const schema = z.strictObject({
  message: z.string().min(1),
  changes: z.array(z.strictObject({ path: z.string().min(1) })).min(1),
});

function refusal(pipe: ZodPipe<typeof schema>, value: unknown): GatewayError {
  try {
    pipe.transform(value);
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error('expected the pipe to refuse the value');
}

describe('ZodPipe', () => {
  const pipe = new ZodPipe(schema, 'body');

  it('passes a valid body through, parsed', () => {
    expect(pipe.transform({ message: 'm', changes: [{ path: 'a.js' }] })).toEqual({ message: 'm', changes: [{ path: 'a.js' }] });
  });

  it('names a nested field by its full path', () => {
    const error = refusal(pipe, { message: 'm', changes: [{ path: '' }] });
    expect(error.status).toBe(400);
    expect(error.body().error).toMatchObject({ code: 'REQUEST.INVALID', field: 'changes.0.path' });
    expect(error.message).toMatch(/^changes\.0\.path: /);
  });

  it('refuses keys the route does not take, naming each', () => {
    const error = refusal(pipe, { message: 'm', changes: [{ path: 'a' }], userId: 'u_someoneelse1' });
    expect(error.field).toBe('userId');
    expect(error.message).toBe('userId: is not accepted by this call');
  });

  it('asks for a body when there is none', () => {
    const error = refusal(pipe, undefined);
    expect(error.field).toBe('body');
  });

  it('names the root as the source when the whole value is wrong', () => {
    expect(refusal(new ZodPipe(schema, 'query'), 'nope').field).toBe('query');
  });
});
