// The deadline burst: `requests` deploy requests from `students` simulated students (several
// each, within `window` seconds) through the real pipeline — gateway-style requestDeploy +
// confirmed publish → deployer worker processes → server-side apply to the kube-testenv
// API server → rollout tracker → ready — with 1, 2 and 4 workers. In the same run, per
// level, the plain server-side-apply rate of the same objects on the same API server.
//   npm run bench:deploy -- [--requests=2000] [--students=500] [--workers=1,2,4] [--window=5]
//     [--prefetch=20] [--qps=500] [--burst=1000] [--steady=50] [--steadyRate=5] [--plainConcurrency=16]
// Quick run: npm run bench:deploy -- --requests=200 --students=50 --workers=1 --steady=10
// (every option also reads BENCH_<NAME> from the environment, e.g. BENCH_REQUESTS=200).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureKubeTestEnv } from '@imad/kube-testenv';
import { StatusStore } from '@imad/status';
import { connect } from 'amqplib';
import { Redis } from 'ioredis';
import { runLevel, type Level } from './level';
import { parseOptions } from './options';
import { table } from './report';
import { round } from './stats';

const o = parseOptions(process.argv.slice(2));
let root = import.meta.dirname;
while (!existsSync(path.join(root, 'scripts/kube-testenv.sh')) && root !== path.dirname(root)) root = path.dirname(root);
const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const env = await ensureKubeTestEnv();
const redis = new Redis(redisUrl);
const store = new StatusStore(redis, { historyLength: 100 });
const amqp = await connect(amqpUrl);
const ch = await amqp.createConfirmChannel();
// A broker restart (another test) ends the run with a message instead of an unhandled 'error' event.
const fail = (what: string) => (error: Error) => {
  console.error(`bench: ${what} failed: ${error.message}`);
  process.exit(1);
};
amqp.on('error', fail('the RabbitMQ connection'));
ch.on('error', fail('the RabbitMQ channel'));
const context = { root, run: Date.now().toString(36), o, kubeConfig: env.kubeConfig, kubeconfigPath: env.kubeconfigPath, store, ch, amqpUrl, redisUrl };

const levels: Level[] = [];
for (const workers of o.workers) levels.push(await runLevel(context, workers));

const when = new Date().toISOString();
const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load ${os.loadavg().map((l) => round(l, 1)).join('/')}`;
const report = { benchmark: 'deploy pipeline: deadline burst vs plain server-side apply', when, machine, settings: o, levels };
const dir = path.join(root, 'bench/results');
await mkdir(dir, { recursive: true });
const file = path.join(dir, `deploy-${when.replace(/[:.]/g, '-')}.json`);
await writeFile(file, JSON.stringify(report, null, 2) + '\n');
console.log(`\n${table(levels)}\n\nwrote ${file}`);

// The broker or Redis may have been restarted by someone else meanwhile: results are written.
await amqp.close().catch(() => undefined);
await store.close().catch(() => undefined);
await redis.quit().catch(() => undefined);
