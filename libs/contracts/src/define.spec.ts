import { z } from 'zod';
import { defineRpc, type RequestInputOf, type RequestOf } from './define';

const Ping = defineRpc('test.ping', 1, z.object({ to: z.string(), times: z.number().default(1) }), z.object({ ok: z.boolean() }));

describe('RPC request types', () => {
  it('let callers leave out defaulted fields while handlers see them filled in', () => {
    // Checked by `nx typecheck`: the caller's type is the schema's input, the handler's its output.
    const sent: RequestInputOf<typeof Ping> = { to: 'repo' };
    // @ts-expect-error a required field cannot be left out
    const incomplete: RequestInputOf<typeof Ping> = {};
    const handled: RequestOf<typeof Ping> = Ping.request.parse(sent);
    expect(handled).toEqual({ to: 'repo', times: 1 });
    expect(Ping.request.safeParse(incomplete).success).toBe(false);
  });
});
