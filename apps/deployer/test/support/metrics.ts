import type { INestApplication } from '@nestjs/common';
import { Registry } from 'prom-client';

/** A counter's values by one label, read from the deployer's registry. */
export async function counterBy(app: INestApplication, name: string, label: string): Promise<Record<string, number>> {
  const metric = app.get(Registry).getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  const { values } = await metric.get();
  const out: Record<string, number> = {};
  for (const v of values) out[String(v.labels[label])] = (out[String(v.labels[label])] ?? 0) + v.value;
  return out;
}
