import type { ConsumeMessage } from 'amqplib';
import { attemptOf, clip, H, republishOptions } from './headers';

const message = (headers: Record<string, unknown>): ConsumeMessage => ({
  content: Buffer.from('{}'),
  fields: { deliveryTag: 1, redelivered: false, exchange: '', routingKey: 'q', consumerTag: 't' },
  properties: { headers, messageId: 'm-1', contentType: 'application/json', correlationId: 'c-1', type: 'x.y', appId: 'gw', timestamp: 1 } as ConsumeMessage['properties'],
});

describe('message headers', () => {
  it('counts attempts from the header, 1 when absent or nonsense', () => {
    expect(attemptOf(message({}))).toBe(1);
    expect(attemptOf(message({ [H.attempt]: 3 }))).toBe(3);
    expect(attemptOf(message({ [H.attempt]: 'x' }))).toBe(1);
  });

  it('keeps the original properties and headers but drops broker dead-letter history on republish', () => {
    const options = republishOptions(message({ 'x-request-id': 'r-1', 'x-death': [{ count: 1 }], 'x-first-death-reason': 'expired', 'x-delivery-count': 2 }), { [H.attempt]: 2 });
    expect(options).toMatchObject({ persistent: true, messageId: 'm-1', correlationId: 'c-1', type: 'x.y', appId: 'gw', contentType: 'application/json' });
    expect(options.headers).toEqual({ 'x-request-id': 'r-1', [H.attempt]: 2 });
  });

  it('clips long reasons so a header never outgrows the frame table', () => {
    expect(clip('a'.repeat(10_000))).toHaveLength(2_000);
    expect(clip('short')).toBe('short');
  });
});
