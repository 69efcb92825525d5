/**
 * The `hash` strategy's placement function, as nginx computes it for the router: nginx's
 * MurmurHash2 (ngx_murmur_hash2, seed 0) of the app name, mapped by `split_clients` onto
 * equal shares of the namespaces (each share floor(10000 / n) hundredths of a percent, the
 * last one `*`). The deployer must place apps with exactly this function for the router's
 * `hash` strategy; router-namespace-hash.int-spec.ts checks it against real nginx.
 */
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
  // The tail bytes (nginx's fall-through switch on len & 3).
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

/** Index of the namespace nginx's split_clients picks for `app` among `count` equal shares. */
export function shardIndex(app: string, count: number): number {
  if (count < 1) throw new RangeError('shardIndex: count must be at least 1');
  const hash = BigInt(murmurHash2(new TextEncoder().encode(app)));
  const share = BigInt(Math.floor(10000 / count));
  let bound = 0n;
  for (let i = 0; i < count - 1; i++) {
    bound += (share * 0xffffffffn) / 10000n;
    if (hash < bound) return i;
  }
  return count - 1;
}
