import { z } from 'zod';

/** Thrown when the environment does not describe a runnable service. Names every bad variable. */
export class ConfigError extends Error {
  readonly code = 'CONFIG.INVALID';
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}\n` +
        'Set these environment variables (see the service README) and start again.',
    );
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once at start-up. The schema's keys are the variable names,
 * so an error can name exactly the variable to fix.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, source: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? '(environment)');
      return { variable, message: source[variable] === undefined ? 'is required but not set' : issue.message };
    }),
  );
}

/** Reusable field parsers: environment values are strings. */
export const env = {
  url: (protocols: string[]) =>
    z.string().refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol.replace(':', ''));
      } catch {
        return false;
      }
    }, `must be a URL with scheme ${protocols.join(' or ')}`),
  port: () => z.coerce.number().int().min(0).max(65535),
  int: (min: number, max: number) => z.coerce.number().int().min(min).max(max),
  bool: () =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
      .transform((v) => v === 'true' || v === '1' || v === 'yes'),
  /** Hex-encoded key of an exact byte length, e.g. AES-256 keys. */
  hexKey: (bytes: number) =>
    z.string().regex(new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`), `must be ${bytes} bytes as ${bytes * 2} hex characters`),
};
