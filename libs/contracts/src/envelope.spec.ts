import { z } from 'zod';
import { defineMessage } from './define';
import { decodeEnvelope, encodeEnvelope } from './envelope';

const Greeted = defineMessage('test.greeted', 2, z.object({ name: z.string().min(1) }));
const at = new Date('2026-01-02T03:04:05.000Z');

describe('message envelopes', () => {
  it('round-trips a payload with its type, version, id, time and correlation id', () => {
    const raw = encodeEnvelope(Greeted, { name: 'ada' }, { id: 'm-1', correlationId: 'c-1', occurredAt: at });
    expect(JSON.parse(raw.toString())).toEqual({ type: 'test.greeted', v: 2, id: 'm-1', occurredAt: at.toISOString(), correlationId: 'c-1', payload: { name: 'ada' } });
    expect(decodeEnvelope(Greeted, raw)).toEqual({ ok: true, envelope: { type: 'test.greeted', v: 2, id: 'm-1', occurredAt: at.toISOString(), correlationId: 'c-1', payload: { name: 'ada' } } });
  });

  it('refuses to encode a payload that breaks the contract', () => {
    expect(() => encodeEnvelope(Greeted, { name: '' }, { id: 'm-2' })).toThrow(z.ZodError);
  });

  it('says the body is not JSON, without throwing', () => {
    expect(decodeEnvelope(Greeted, Buffer.from('{nope'))).toEqual({ ok: false, reason: 'body is not valid JSON' });
  });

  it('names the envelope fields that are missing', () => {
    const result = decodeEnvelope(Greeted, JSON.stringify({ type: 'test.greeted', payload: {} }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^bad envelope: .*v: .*id: .*occurredAt: /);
  });

  it('refuses another message type', () => {
    const raw = encodeEnvelope({ ...Greeted, type: 'test.other' }, { name: 'x' }, { id: 'm-3' });
    expect(decodeEnvelope(Greeted, raw)).toEqual({ ok: false, reason: 'unexpected type "test.other", expected "test.greeted"' });
  });

  it('refuses a version it does not understand, naming both versions', () => {
    const raw = encodeEnvelope({ ...Greeted, version: 3 }, { name: 'x' }, { id: 'm-4' });
    expect(decodeEnvelope(Greeted, raw)).toEqual({ ok: false, reason: 'unsupported version 3 of test.greeted (this consumer understands v2)' });
  });

  it('names the payload field at fault', () => {
    const raw = JSON.stringify({ type: 'test.greeted', v: 2, id: 'm-5', occurredAt: at.toISOString(), payload: { name: 42 } });
    const result = decodeEnvelope(Greeted, raw);
    expect(!result.ok && result.reason).toMatch(/^invalid test.greeted payload: name: /);
  });
});
