import { createRequire } from 'node:module';

/**
 * GitHub's published REST description (@octokit/openapi, api.github.com), used to check
 * that every request the adapter makes is a real operation, and that the fake's answers
 * carry what the description says a real answer carries.
 */
type Schema = { $ref?: string; type?: string; required?: string[]; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[] };
type Parameter = { $ref?: string; name: string; in: string };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema; examples?: Record<string, { $ref?: string; value?: unknown }> }> }>;
};
type Spec = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema>; parameters: Record<string, Parameter>; examples: Record<string, { value: unknown }> } };

const require = createRequire(import.meta.url);
const spec = require('@octokit/openapi/generated/api.github.com.json') as Spec;

const resolve = <T extends { $ref?: string }>(node: T): T => {
  if (!node.$ref) return node;
  const [, , kind, name] = node.$ref.split('/');
  return resolve((spec.components as unknown as Record<string, Record<string, T>>)[kind][name]);
};

const matchers = Object.entries(spec.paths).flatMap(([template, ops]) => {
  const regex = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
  return Object.entries(ops)
    .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method))
    .map(([method, op]) => ({ method: method.toUpperCase(), template, regex, op, literal: template.replace(/\{[^}]+\}/g, '').length }));
});

export interface MatchedOperation {
  operationId: string;
  template: string;
  op: Operation;
}

/** The operation `METHOD /path` is, preferring the most literal template (`/git/ref/{ref}` over `/{a}/{b}/{c}`). */
export function operationFor(method: string, pathname: string): MatchedOperation | undefined {
  const found = matchers.filter((m) => m.method === method.toUpperCase() && m.regex.test(pathname)).sort((a, b) => b.literal - a.literal)[0];
  return found && { operationId: found.op.operationId, template: found.template, op: found.op };
}

/** Why a recorded request is not a real GitHub operation as described (empty: it is). */
export function requestProblems(method: string, url: string, body: unknown): string[] {
  const { pathname, searchParams } = new URL(url, 'https://api.github.com');
  const match = operationFor(method, pathname);
  if (!match) return [`${method} ${pathname} is not an operation of the GitHub REST API`];
  const problems: string[] = [];
  const query = new Set((match.op.parameters ?? []).map(resolve).filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of searchParams.keys()) if (!query.has(name)) problems.push(`${match.operationId}: query parameter "${name}" is not described`);
  const schema = match.op.requestBody && resolve(Object.values(match.op.requestBody.content)[0].schema);
  if (body !== undefined && body !== null && typeof body === 'object' && schema?.properties) {
    for (const key of Object.keys(body)) if (!(key in schema.properties)) problems.push(`${match.operationId}: body field "${key}" is not described`);
    for (const key of schema.required ?? []) if (!(key in body)) problems.push(`${match.operationId}: required body field "${key}" is missing`);
  }
  return problems;
}

/** Top-level fields the description requires in a JSON answer that `body` lacks. */
export function missingResponseFields(operationId: string, template: string, method: string, status: number, body: unknown): string[] {
  const op = spec.paths[template]?.[method.toLowerCase()];
  const content = op?.responses[String(status)]?.content?.['application/json'];
  if (!op || op.operationId !== operationId || !content) return [];
  let schema = resolve(content.schema);
  if (schema.type === 'array' && schema.items) {
    if (!Array.isArray(body) || body.length === 0) return [];
    schema = resolve(schema.items);
    body = body[0];
  }
  return (schema.required ?? []).filter((key) => body === null || typeof body !== 'object' || !(key in (body as object)));
}

/** A named example answer from the description, deep-copied so a fake can fill in its own values. */
export function example<T = Record<string, unknown>>(name: string): T {
  return structuredClone(spec.components.examples[name].value) as T;
}
