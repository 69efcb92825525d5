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
 * The namespace an app lives in: a stable hash of the app over the configured shards, so
 * no namespace outgrows Kubernetes' tested limits (2,000 Deployments, 5,000 Services).
 * Adding shards moves apps; the deployer's undeploy path looks in every shard.
 */
export function namespaceFor(app: string, namespaces: readonly string[]): string {
  if (namespaces.length === 0) throw new RangeError('namespaceFor: no app namespaces configured');
  const bucket = parseInt(hash(app, 8), 16) % namespaces.length;
  return namespaces[bucket]!;
}

/** A label value (≤ 63, alphanumerics and -_. inside) for any string. */
export function labelValue(value: string): string {
  if (value.length <= MAX_LABEL && /^([A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?)?$/.test(value)) return value;
  return dnsLabel('', value, MAX_LABEL);
}
