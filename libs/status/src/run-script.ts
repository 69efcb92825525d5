import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * EVALSHA with a fallback to EVAL when Redis does not have the script cached (first
 * use, or after a restart flushed the script cache). Keeps the store free of
 * `defineCommand`, which would mutate a client that other code shares.
 */
export async function runScript(redis: Redis, lua: string, keys: string[], args: (string | number)[]): Promise<unknown> {
  const sha = shaOf(lua);
  try {
    return await redis.evalsha(sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
    return redis.eval(lua, keys.length, ...keys, ...args);
  }
}

const shas = new Map<string, string>();
function shaOf(lua: string): string {
  let sha = shas.get(lua);
  if (!sha) {
    sha = createHash('sha1').update(lua).digest('hex');
    shas.set(lua, sha);
  }
  return sha;
}
