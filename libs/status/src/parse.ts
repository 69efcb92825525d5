import type { z } from 'zod';
import { StatusErrors } from './errors';

/** Parses what the store itself wrote; anything else is corruption, reported with the key. */
export function parseJson<S extends z.ZodType>(schema: S, raw: string, key: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw StatusErrors.corrupt(key, error);
  }
  const result = schema.safeParse(json);
  if (!result.success) throw StatusErrors.corrupt(key, result.error);
  return result.data;
}
