import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { amqpUrl, uniqueName } from '@imad/testing';

const run = promisify(execFile);
const RABBITMQCTL = process.env.RABBITMQCTL ?? '/usr/lib/rabbitmq/bin/rabbitmqctl';
const NODE = process.env.RABBITMQ_NODENAME ?? 'imad@localhost';

async function ctl(...args: string[]): Promise<void> {
  await run(RABBITMQCTL, ['-q', '-n', NODE, ...args], { timeout: 60_000, env: { ...process.env, ERL_EPMD_ADDRESS: '127.0.0.1' } });
}

/**
 * A RabbitMQ virtual host of its own on the real broker: `rpc.repo.*` queue names are
 * fixed, so without it a running platform or another engineer's fake repo server on the
 * same broker could answer this test's calls. Deleted afterwards with all it holds.
 */
export async function testVhost(): Promise<{ url: string; remove: () => Promise<void> }> {
  const name = uniqueName('repo');
  await ctl('add_vhost', name);
  await ctl('set_permissions', '-p', name, new URL(amqpUrl()).username || 'guest', '.*', '.*', '.*');
  const url = new URL(amqpUrl());
  url.pathname = `/${encodeURIComponent(name)}`;
  return { url: url.toString(), remove: () => ctl('delete_vhost', name).catch(() => undefined) };
}
