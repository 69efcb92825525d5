import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);
const RABBITMQCTL = process.env.RABBITMQCTL ?? '/usr/lib/rabbitmq/bin/rabbitmqctl';
const NODE = process.env.RABBITMQ_NODENAME ?? 'imad@localhost';

/**
 * A RabbitMQ vhost for this run, so a running platform's repo service (same `rpc.repo.*`
 * queues) cannot answer the bench's calls. Falls back to the URL as given if rabbitmqctl
 * cannot be used (e.g. a remote broker), saying so.
 */
export async function benchVhost(baseUrl: string): Promise<{ url: string; remove: () => Promise<void> }> {
  const name = `bench-repo-${randomBytes(4).toString('hex')}`;
  const ctl = (...a: string[]) => run(RABBITMQCTL, ['-q', '-n', NODE, ...a], { timeout: 60_000, env: { ...process.env, ERL_EPMD_ADDRESS: '127.0.0.1' } });
  try {
    await ctl('add_vhost', name);
    await ctl('set_permissions', '-p', name, new URL(baseUrl).username || 'guest', '.*', '.*', '.*');
  } catch (error) {
    console.warn(`bench: no vhost of its own (${(error as Error).message.split('\n')[0]}); using ${new URL(baseUrl).host} as is`);
    return { url: baseUrl, remove: async () => undefined };
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), remove: () => ctl('delete_vhost', name).then(() => undefined, () => undefined) };
}
