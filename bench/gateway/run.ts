// How fast editor-gateway's /api/live gets a status change to 5,000 browsers at once,
// beside a plain Redis subscriber of the same channels in the same run.
//   npm run bench:gateway -- [--clients=5000] [--rate=2500] [--connect-concurrency=100]
// The gateway runs as its own process (from source, as main.ts starts it). This process
// signs in one student per client (real sessions in Redis, an app each), opens their
// sockets, then publishes each app's deploy moving queued → applying → rolling-out → ready
// on the apps' real status channels at `rate` events/s. Latency = publish → frame received;
// the baseline is one ioredis connection SUBSCRIBEd to the same 5,000 channels, measured
// from the same publishes. The ratio (gateway ÷ Redis) is the gateway's cost: session-less
// fan-out through one shared subscriber, per-socket ordering and JSON framing.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DeployStatus } from '@imad/contracts';
import { appOfChannel, statusKeys } from '@imad/status';
import { Redis } from 'ioredis';
import { connectAll, createStudents } from './clients';
import { startGateway } from './gateway-process';
import { Latencies } from './latency';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const clientCount = Number(args.clients ?? 5000);
const rate = Number(args.rate ?? 2500);
const connectConcurrency = Number(args['connect-concurrency'] ?? 100);
const PHASES = ['queued', 'applying', 'rolling-out', 'ready'] as const;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const ORIGIN = 'http://bench.gateway.local';

// Bounded in time whatever happens: a stuck run must not hold 10,000 sockets on a shared machine.
const hardStop = setTimeout(() => {
  console.error('bench:gateway took longer than 5 minutes; giving up');
  process.exit(2);
}, 5 * 60_000);
hardStop.unref();

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
    const app = appOfChannel(channel)?.app;
    const t0 = sentAt.get(`${app}|${(JSON.parse(message) as DeployStatus).phase}`);
    if (t0 !== undefined) viaRedis.add(performance.now() - t0);
  });
  for (let i = 0; i < students.length; i += 1000) await baseline.subscribe(...students.slice(i, i + 1000).map((s) => statusKeys(s.app).statusChannel));

  const sockets = await fetch(`${gateway.url}/metrics`).then((r) => r.text()).then((t) => /gateway_live_sockets\S* (\d+)/.exec(t)?.[1]);
  console.log(`${sockets} sockets open on the gateway after ${connectSeconds.toFixed(1)} s; publishing ${PHASES.length * clientCount} status events at ${rate}/s…`);
  await new Promise((resolve) => setTimeout(resolve, 1_000));

  const events = PHASES.flatMap((phase) => students.map((s) => ({ app: s.app, phase })));
  const deployIds = new Map(students.map((s) => [s.app, `d_${randomBytes(9).toString('base64url')}`]));
  const publishStart = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(events.length, Math.floor(((performance.now() - publishStart) / 1000) * rate));
      for (; sent < due; sent++) {
        const { app, phase } = events[sent]!;
        const status: DeployStatus = { deployId: deployIds.get(app)!, app, revision: 1, phase, action: 'deploy', commit: 'a'.repeat(40), at: new Date().toISOString() };
        sentAt.set(`${app}|${phase}`, performance.now());
        publisher.publish(statusKeys(app).statusChannel, JSON.stringify(status)).catch(() => undefined);
      }
      if (sent >= events.length) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  const publishSeconds = (performance.now() - publishStart) / 1000;
  const deadline = Date.now() + 30_000;
  while ((viaGateway.count < events.length || viaRedis.count < events.length) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  viaGateway.missing = events.length - viaGateway.count;
  viaRedis.missing = events.length - viaRedis.count;

  const gw = viaGateway.summary();
  const rd = viaRedis.summary();
  const result = {
    benchmark: 'gateway',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, fdLimit },
    clients: clientCount,
    connectSeconds: Math.round(connectSeconds * 100) / 100,
    events: events.length,
    targetRatePerSecond: rate,
    achievedRatePerSecond: Math.round(events.length / publishSeconds),
    latencyMs: { gatewayWebSocket: gw, plainRedisSubscriber: rd },
    ratio: { p50: Math.round((gw.p50 / rd.p50) * 100) / 100, p99: Math.round((gw.p99 / rd.p99) * 100) / 100 },
  };
  const outDir = path.join(process.cwd(), 'bench/results');
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `gateway-${result.at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.log(`written to ${path.relative(process.cwd(), file)}`);
  for (const client of clients) client.ws.terminate();
} finally {
  await gateway.stop();
  await destroy().catch(() => undefined);
  baseline.disconnect();
  publisher.disconnect();
  redis.disconnect();
}
process.exit(0);
