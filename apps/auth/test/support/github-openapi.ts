import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from '@imad/testing';

/**
 * GitHub's published REST description (@octokit/openapi, api.github.com, dereferenced),
 * reduced to the operations auth calls and cached: the full file is 70 MB.
 */
const PKG = path.join(repoRoot, 'node_modules/@octokit/openapi');
const USED = [['/user', 'get']] as const;

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: unknown; examples?: Record<string, { value: unknown }> }> }>;
}

let operations: Promise<Record<string, Record<string, Operation>>> | undefined;

async function load(): Promise<Record<string, Record<string, Operation>>> {
  const { version } = JSON.parse(await readFile(path.join(PKG, 'package.json'), 'utf8')) as { version: string };
  const cache = path.join(repoRoot, `node_modules/.cache/imad-auth/openapi-${version}.json`);
  if (existsSync(cache)) return JSON.parse(await readFile(cache, 'utf8'));
  const full = JSON.parse(await readFile(path.join(PKG, 'generated/api.github.com.deref.json'), 'utf8')) as { paths: Record<string, Record<string, Operation>> };
  const picked: Record<string, Record<string, Operation>> = {};
  for (const [p, method] of USED) (picked[p] ??= {})[method] = full.paths[p][method];
  await mkdir(path.dirname(cache), { recursive: true });
  await writeFile(cache, JSON.stringify(picked));
  return picked;
}

export async function operation(method: string, apiPath: string): Promise<Operation | undefined> {
  operations ??= load();
  return (await operations)[apiPath]?.[method.toLowerCase()];
}

/** An example GitHub publishes for this response (e.g. GET /user 200). */
export async function example(method: string, apiPath: string, status: number, name: string): Promise<Record<string, unknown>> {
  const value = (await operation(method, apiPath))?.responses[String(status)]?.content?.['application/json']?.examples?.[name]?.value;
  if (!value) throw new Error(`no example "${name}" for ${method} ${apiPath} ${status} in @octokit/openapi`);
  return structuredClone(value) as Record<string, unknown>;
}

/**
 * What is wrong with this exchange according to the description: an operation that does not
 * exist, a status it does not list, or a body its schema refuses. 5xx answers are not
 * described by GitHub and are only checked to be 5xx.
 */
export async function checkExchange(method: string, apiPath: string, status: number, body: unknown): Promise<string[]> {
  const op = await operation(method, apiPath);
  if (!op) return [`${method} ${apiPath} is not in GitHub's REST description`];
  if (status >= 500) return [];
  const response = op.responses[String(status)];
  if (!response) return [`${method} ${apiPath} does not answer ${status} per the description (it lists ${Object.keys(op.responses).join(', ')})`];
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return body === undefined ? [] : [`${method} ${apiPath} ${status} has no JSON body per the description`];
  const result = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0], { defaultTarget: 'openapi-3.0' }).safeParse(body);
  return result.success ? [] : [`${method} ${apiPath} ${status} body does not match the description: ${result.error.message.slice(0, 500)}`];
}
