import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Latencies } from './latency';

/** The run's JSON result (bench/results/gateway-<timestamp>.json), with the ratio gateway ÷ Redis. */
export async function writeReport(run: { clients: number; fdLimit: number; connectSeconds: number; events: number; rate: number; publishSeconds: number; gateway: Latencies; redis: Latencies }) {
  const gw = run.gateway.summary();
  const rd = run.redis.summary();
  const result = {
    benchmark: 'gateway',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, fdLimit: run.fdLimit, loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10) },
    clients: run.clients,
    connectSeconds: Math.round(run.connectSeconds * 100) / 100,
    events: run.events,
    targetRatePerSecond: run.rate,
    achievedRatePerSecond: Math.round(run.events / run.publishSeconds),
    latencyMs: { gatewayWebSocket: gw, plainRedisSubscriber: rd },
    ratio: { p50: Math.round((gw.p50 / rd.p50) * 100) / 100, p99: Math.round((gw.p99 / rd.p99) * 100) / 100 },
  };
  const outDir = path.join(process.cwd(), 'bench/results');
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `gateway-${result.at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.log(`written to ${path.relative(process.cwd(), file)}`);
}
