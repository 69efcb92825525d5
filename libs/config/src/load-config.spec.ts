import { z } from 'zod';
import { ConfigError, env, loadConfig } from './load-config';

const schema = z.object({
  AMQP_URL: env.url(['amqp', 'amqps']),
  HTTP_PORT: env.port().default(3000),
  DEBUG: env.bool().default(false),
});

describe('loadConfig', () => {
  it('parses and coerces a valid environment', () => {
    const config = loadConfig(schema, { AMQP_URL: 'amqp://localhost', HTTP_PORT: '8080', DEBUG: 'yes' });
    expect(config).toEqual({ AMQP_URL: 'amqp://localhost', HTTP_PORT: 8080, DEBUG: true });
  });

  it('names the missing variable', () => {
    expect(() => loadConfig(schema, {})).toThrow(/AMQP_URL/);
  });

  it('names every wrong variable at once', () => {
    try {
      loadConfig(schema, { AMQP_URL: 'http://x', HTTP_PORT: 'eighty' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['AMQP_URL', 'HTTP_PORT']);
    }
  });

  it('checks key length for encryption keys', () => {
    const keySchema = z.object({ KEY: env.hexKey(32) });
    expect(() => loadConfig(keySchema, { KEY: 'abcd' })).toThrow(/KEY: must be 32 bytes/);
    expect(loadConfig(keySchema, { KEY: 'a'.repeat(64) }).KEY).toHaveLength(64);
  });
});
