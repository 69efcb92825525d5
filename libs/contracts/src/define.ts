import { z } from 'zod';

/**
 * A message between services: a name, a version, and the schema of its payload.
 * Producers and consumers both validate against it; a consumer rejects a version it
 * does not know (to the dead-letter queue, with the reason) instead of guessing.
 */
export interface MessageContract<T extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly version: number;
  readonly payload: T;
}

export function defineMessage<T extends z.ZodType>(type: string, version: number, payload: T): MessageContract<T> {
  return { type, version, payload };
}

/** A request/response call between services over RabbitMQ. */
export interface RpcContract<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly method: string;
  readonly version: number;
  readonly request: Req;
  readonly response: Res;
}

export function defineRpc<Req extends z.ZodType, Res extends z.ZodType>(
  method: string,
  version: number,
  request: Req,
  response: Res,
): RpcContract<Req, Res> {
  return { method, version, request, response };
}

export type PayloadOf<C> = C extends MessageContract<infer T> ? z.infer<T> : never;
/** A request as the handler sees it: parsed, defaults filled in. */
export type RequestOf<C> = C extends RpcContract<infer Req, z.ZodType> ? z.infer<Req> : never;
/** A request as a caller writes it: fields with a schema default may be left out. */
export type RequestInputOf<C> = C extends RpcContract<infer Req, z.ZodType> ? z.input<Req> : never;
export type ResponseOf<C> = C extends RpcContract<z.ZodType, infer Res> ? z.infer<Res> : never;
