import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiQuery, ApiResponse, ApiSecurity, type SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';
import { errorBodySchema } from './error-body.schema';

/**
 * The OpenAPI document is generated from the same zod schemas that validate requests,
 * so it cannot drift from what the gateway accepts. Refinements (path rules) are not
 * expressible in JSON Schema; their messages come back in 400 answers instead.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest as SchemaObject;
}

export const JsonBody = (schema: z.ZodType, description?: string) => ApiBody({ schema: jsonSchema(schema), description, required: true });

export const JsonResponse = (status: number, description: string, schema: z.ZodType) =>
  ApiResponse({ status, description, schema: jsonSchema(schema, 'output') });

/** One query parameter per key of a (strict) query schema. */
export function QueryFrom(schema: z.ZodObject) {
  return applyDecorators(
    ...Object.entries(schema.shape).map(([name, field]) =>
      ApiQuery({ name, required: !(field as z.ZodType).safeParse(undefined).success, schema: jsonSchema(field as z.ZodType) }),
    ),
  );
}

const errorSchema = jsonSchema(errorBodySchema, 'output');

export const ErrorResponses = (...entries: [status: number, description: string][]) =>
  applyDecorators(...entries.map(([status, description]) => ApiResponse({ status, description, schema: errorSchema })));

/** Every /api route: the session cookie, and 401 when it is missing or expired. */
export const StudentRoute = () =>
  applyDecorators(
    ApiCookieAuth('session'),
    ErrorResponses([401, 'AUTH.SESSION_EXPIRED: not signed in, or the session expired'], [503, 'RPC.UNAVAILABLE or a dependency is down'], [504, 'RPC.TIMEOUT']),
  );

/** State-changing routes also need the CSRF double-submit header. */
export const StateChangingRoute = () =>
  applyDecorators(ApiSecurity('csrf'), ErrorResponses([403, 'AUTH.CSRF: x-csrf-token header missing or not matching the imad_csrf cookie']));
