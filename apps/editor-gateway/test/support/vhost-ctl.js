// rabbitmqctl wrappers (plain JS: also used by jest's globalSetup, which runs before any transform).
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);
const RABBITMQCTL = process.env.RABBITMQCTL ?? '/usr/lib/rabbitmq/bin/rabbitmqctl';
const NODE = process.env.RABBITMQ_NODENAME ?? 'imad@localhost';
const ENV = { ...process.env, ERL_EPMD_ADDRESS: '127.0.0.1' };
const baseUrl = () => process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const bin = (s) => `<<"${s.replace(/[^A-Za-z0-9._-]/g, '')}">>`;

/** A new vhost with full permissions for the test user, in one rabbitmqctl call. */
export async function createVhost() {
  const name = `gw-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  const user = new URL(baseUrl()).username || 'guest';
  const acting = bin('editor-gateway-tests');
  const all = bin('.*');
  await run(
    RABBITMQCTL,
    ['-q', '-n', NODE, 'eval', `ok = rabbit_vhost:add(${bin(name)}, ${acting}), ok = rabbit_auth_backend_internal:set_permissions(${bin(user)}, ${bin(name)}, ${all}, ${all}, ${all}, ${acting}), ok.`],
    { timeout: 60_000, env: ENV },
  );
  const url = new URL(baseUrl());
  url.pathname = `/${encodeURIComponent(name)}`;
  return { name, url: url.toString() };
}

/** Deletes the vhost and all it holds without making the test run wait for it. */
export function deleteVhostInBackground(name) {
  spawn(RABBITMQCTL, ['-q', '-n', NODE, 'delete_vhost', name], { env: ENV, detached: true, stdio: 'ignore' }).unref();
}
