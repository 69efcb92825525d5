import { createHash } from 'node:crypto';

const MAX_LABEL = 63;

function hash(value: string, length: number): string {
  return createHash('sha256').update(value).digest('hex').slice(0, length);
}

/**
 * A DNS-1035 label (a-z, 0-9, "-", starts with a letter, ≤ 63) made from `prefix` and any
 * string: kept readable when it already fits, otherwise cleaned and given a hash suffix of
 * the original, so two different inputs never collapse into the same name.
 */
export function dnsLabel(prefix: string, value: string, maxLength = MAX_LABEL): string {
  const plain = `${prefix}${value}`;
  if (plain.length <= maxLength && /^[a-z]([a-z0-9-]*[a-z0-9])?$/.test(plain)) return plain;
  const suffix = `-${hash(value, 8)}`;
  const cleaned = value
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  // A label must start with a letter: without a prefix to provide one, "x" does.
  const lead = /^[a-z]/.test(prefix || cleaned) ? prefix : `${prefix}x`;
  const room = maxLength - lead.length - suffix.length;
  const body = cleaned.slice(0, Math.max(0, room)).replace(/-$/, '');
  return `${lead}${body}${suffix}`.replace(/--+/g, '-');
}

/** The name of every object of one app (Deployment, Service, NetworkPolicy; Secret adds "-git"). */
export function appObjectName(app: string): string {
  // "app-" keeps names DNS-1035 (a Service name may not start with a digit) and leaves
  // room for the "-git" Secret and the ReplicaSet/pod suffixes Kubernetes appends.
  return dnsLabel('app-', app, 47);
}

/**
 * The namespace an app lives in, computed exactly like the chart's nginx router does
 * (`split_clients "$app"`: MurmurHash2 of the name, equal shares of 100.00 %, the last
 * shard taking the rest), so the router finds every app where the deployer put it.
 * Sharding keeps each namespace under Kubernetes' tested limits (2,000 Deployments).
 */
export function namespaceFor(app: string, namespaces: readonly string[]): string {
  if (namespaces.length === 0) throw new RangeError('namespaceFor: no app namespaces configured');
  if (namespaces.length === 1) return namespaces[0]!;
  const hash = murmurHash2(Buffer.from(app, 'utf8'));
  // nginx stores each share in hundredths of a percent and scales the running sum to 2^32-1.
  const share = Math.floor(10000 / namespaces.length);
  let bound = 0n;
  for (let i = 0; i < namespaces.length - 1; i++) {
    bound += (BigInt(share) * 0xffffffffn) / 10000n;
    if (BigInt(hash) < bound) return namespaces[i]!;
  }
  return namespaces.at(-1)!;
}

/** nginx's ngx_murmur_hash2 (seed 0), 32-bit. */
export function murmurHash2(data: Uint8Array): number {
  const m = 0x5bd1e995;
  let h = data.length >>> 0;
  let i = 0;
  let len = data.length;
  while (len >= 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
    i += 4;
    len -= 4;
  }
  // The C original's fall-through switch over the 1-3 trailing bytes.
  if (len === 3) h ^= data[i + 2]! << 16;
  if (len >= 2) h ^= data[i + 1]! << 8;
  if (len >= 1) {
    h ^= data[i]!;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h >>> 0;
}

/** A label value (≤ 63, alphanumerics and -_. inside) for any string. */
export function labelValue(value: string): string {
  if (value.length <= MAX_LABEL && /^([A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?)?$/.test(value)) return value;
  return dnsLabel('', value, MAX_LABEL);
}
