// How fast editor-gateway's /api/live gets a status change to 5,000 browsers at once,
// beside a plain Redis subscriber of the same channels in the same run.
//   npm run bench:gateway -- [--clients=5000] [--rate=2500] [--connect-concurrency=100]
// The gateway runs as its own process (from source, as main.ts starts it). This process
// signs in one student per client (real sessions in Redis, an app each), opens their
// sockets, then publishes each app's deploy moving queued → applying → rolling-out → ready
// on the apps' real status channels at `rate` events/s. Latency = publish → frame received;
// the baseline is one ioredis connection SUBSCRIBEd to the same channels, timed from the
// same publishes. The ratio (gateway ÷ Redis) is the gateway's cost: its shared subscriber,
// parsing, per-socket ordering and framing, and the WebSocket hop.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { DeployStatus } from '@imad/contracts';
import { appOfChannel, statusKeys } from '@imad/status';
import { Redis } from 'ioredis';
import { connectAll, createStudents } from './clients';
import { startGateway } from './gateway-process';
import { Latencies } from './latency';
import { PHASES, publishDeploys } from './publish';
import { writeReport } from './report';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const clientCount = Number(args.clients ?? 5000);
const rate = Number(args.rate ?? 2500);
const connectConcurrency = Number(args['connect-concurrency'] ?? 100);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const ORIGIN = 'http://bench.gateway.local';

// Bounded in time whatever happens: a stuck run must not hold 10,000 sockets on a shared machine.
setTimeout(() => {
  console.error('bench:gateway took longer than 5 minutes; giving up');
  process.exit(2);
}, 5 * 60_000).unref();

// One socket per client here and one in the gateway process (which raises its own limit).
const fdLimit = Number(execFileSync('sh', ['-c', 'ulimit -n']).toString().trim());
if (Number.isFinite(fdLimit) && fdLimit < clientCount + 500) {
  console.error(`file-descriptor limit ${fdLimit} is too low for ${clientCount} sockets; run \`ulimit -n ${clientCount * 2 + 1000}\` first (or pass --clients=)`);
  process.exit(2);
}

const prefix = `gwb-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
const redis = new Redis(redisUrl, { connectionName: 'bench-gateway' });
const publisher = new Redis(redisUrl, { connectionName: 'bench-gateway-publish' });
const baseline = new Redis(redisUrl, { connectionName: 'bench-gateway-baseline' });

console.log(`signing in ${clientCount} students…`);
const { students, destroy } = await createStudents(redis, clientCount, prefix);
const gateway = await startGateway({ AMQP_URL: amqpUrl, REDIS_URL: redisUrl, PUBLIC_URL: ORIGIN }, Math.min(fdLimit, clientCount * 2 + 1000));
const sentAt = new Map<string, number>();
const viaGateway = new Latencies();
const viaRedis = new Latencies();

try {
  console.log(`opening ${clientCount} WebSockets…`);
  const started = performance.now();
  const clients = await connectAll(gateway.url.replace('http', 'ws'), ORIGIN, students, connectConcurrency);
  const connectSeconds = (performance.now() - started) / 1000;
  for (const client of clients) {
    client.onStatus = (status) => {
      const t0 = sentAt.get(`${client.app}|${status.phase}`);
      if (t0 !== undefined) viaGateway.add(performance.now() - t0);
    };
  }
  baseline.on('message', (channel: string, message: string) => {
    const t0 = sentAt.get(`${appOfChannel(channel)?.app}|${(JSON.parse(message) as DeployStatus).phase}`);
    if (t0 !== undefined) viaRedis.add(performance.now() - t0);
  });
  for (let i = 0; i < students.length; i += 1000) await baseline.subscribe(...students.slice(i, i + 1000).map((s) => statusKeys(s.app).statusChannel));

  const metrics = await fetch(`${gateway.url}/metrics`).then((r) => r.text());
  const events = PHASES.length * clientCount;
  console.log(`${/gateway_live_sockets\S* (\d+)/.exec(metrics)?.[1]} sockets open on the gateway after ${connectSeconds.toFixed(1)} s; publishing ${events} status events at ${rate}/s…`);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const publishSeconds = await publishDeploys(publisher, students.map((s) => s.app), rate, sentAt);
  const deadline = Date.now() + 30_000;
  while ((viaGateway.count < events || viaRedis.count < events) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  viaGateway.missing = events - viaGateway.count;
  viaRedis.missing = events - viaRedis.count;

  await writeReport({ clients: clientCount, fdLimit, connectSeconds, events, rate, publishSeconds, gateway: viaGateway, redis: viaRedis });
  for (const client of clients) client.ws.terminate();
} finally {
  await gateway.stop();
  await destroy().catch(() => undefined);
  baseline.disconnect();
  publisher.disconnect();
  redis.disconnect();
}
process.exit(0);
