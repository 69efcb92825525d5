import { type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { GatewayError } from './gateway-error';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Validates a body or query against its zod schema and names the field at fault
 * (`changes.0.path`), so the IDE can point at it. Schemas are strict: a key the route
 * does not take — `userId`, `app` — is refused rather than silently ignored, which is
 * how "no route takes a user or app id from the client" stays visible.
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly source: 'body' | 'query',
    /** A route whose every field is optional may be called without a body (`{}` is assumed). */
    private readonly options: { bodyOptional?: boolean } = {},
  ) {}

  transform(value: unknown): z.infer<S> {
    if (this.source === 'body' && value === undefined && this.options.bodyOptional) value = {};
    if (this.source === 'body' && value === undefined) {
      throw new GatewayError(400, 'REQUEST.INVALID', 'This call needs a JSON body (Content-Type: application/json).', { field: 'body' });
    }
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const problems = fieldProblems(result.error, this.source);
    const [first] = problems;
    throw new GatewayError(400, 'REQUEST.INVALID', `${first.field}: ${first.message}`, { field: first.field, details: { problems } });
  }
}

export function fieldProblems(error: z.ZodError, root: string): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    const at = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...at, key].join('.'), message: 'is not accepted by this call' }));
    }
    return [{ field: at.length ? at.join('.') : root, message: issue.message }];
  });
}

/** For routes that take no query: an unexpected `?userId=` is refused, not ignored. */
export const noQuerySchema = z.strictObject({});
