import { appObjectName, dnsLabel, labelValue, namespaceFor } from './names';

const DNS_1035 = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

describe('dnsLabel / appObjectName', () => {
  it('keeps a name that already fits readable', () => {
    expect(appObjectName('alice')).toBe('app-alice');
    expect(appObjectName('1337-h4x')).toBe('app-1337-h4x');
  });

  it.each(['Alice_Smith.dev', 'ÉLODIE', '---', '', 'a'.repeat(200), 'x--y', 'UPPER-case-9', '日本語'])(
    'turns %j into a valid DNS-1035 label of at most 47 characters',
    (login) => {
      const name = appObjectName(login);
      expect(name).toMatch(DNS_1035);
      expect(name.length).toBeLessThanOrEqual(47);
      expect(`${name}-git`.length).toBeLessThanOrEqual(63);
    },
  );

  it('never maps two different inputs that clean up the same way to one name', () => {
    expect(appObjectName('Bob')).not.toBe(appObjectName('bob_'));
    expect(appObjectName('a'.repeat(100))).not.toBe(appObjectName(`${'a'.repeat(99)}b`));
  });

  it('is stable across calls and starts with a letter without a prefix', () => {
    expect(dnsLabel('', '9lives')).toBe(dnsLabel('', '9lives'));
    expect(dnsLabel('', '9lives')).toMatch(/^x9lives-[0-9a-f]{8}$/);
  });
});

describe('labelValue', () => {
  it('passes valid values through and hashes the rest into ≤ 63 valid characters', () => {
    expect(labelValue('alice')).toBe('alice');
    const v = labelValue('Not a label!'.repeat(10));
    expect(v.length).toBeLessThanOrEqual(63);
    expect(v).toMatch(/^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/);
  });
});

describe('namespaceFor', () => {
  const shards = ['apps-0', 'apps-1', 'apps-2', 'apps-3'];

  it('puts an app in the same shard every time', () => {
    expect(namespaceFor('alice', shards)).toBe(namespaceFor('alice', shards));
  });

  it('spreads many apps evenly over the shards', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const ns = namespaceFor(`student-${i}`, shards);
      counts.set(ns, (counts.get(ns) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(shards);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });

  it('refuses an empty shard list with a clear error', () => {
    expect(() => namespaceFor('alice', [])).toThrow(/no app namespaces/);
  });
});
