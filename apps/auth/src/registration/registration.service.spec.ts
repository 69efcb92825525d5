import { AppError, type PayloadOf, type UserRegistered } from '@imad/contracts';
import { pino } from 'pino';
import type { Account } from '../accounts/account';
import type { AccountStore } from '../accounts/account-store';
import { RegistrationService } from './registration.service';
import type { UserEvents } from './user-events';

/** In-memory stand-ins for the ports: Redis semantics for the lease, a broker that can fail. */
class MemoryAccounts implements Partial<AccountStore> {
  readonly accounts = new Map<string, Account>();
  private readonly leases = new Set<string>();
  async get(userId: string) {
    return this.accounts.get(userId) ?? null;
  }
  async markRegistered(userId: string, at: string) {
    this.accounts.get(userId)!.registeredAt = at;
  }
  async claimRegistration(userId: string) {
    if (this.leases.has(userId)) return false;
    this.leases.add(userId);
    return true;
  }
  async releaseRegistration(userId: string) {
    this.leases.delete(userId);
  }
}

class Broker implements UserEvents {
  readonly published: { payload: PayloadOf<typeof UserRegistered>; id: string }[] = [];
  failNext = false;
  async userRegistered(payload: PayloadOf<typeof UserRegistered>, id: string) {
    await new Promise((r) => setTimeout(r, 5)); // the confirm takes a moment: races overlap
    if (this.failNext) {
      this.failNext = false;
      throw new AppError('MESSAGING.UNAVAILABLE', 'broker down');
    }
    this.published.push({ payload, id });
  }
}

const account = (): Account => ({ userId: 'u_0123456789', login: 'Ada', appName: 'ada', provider: 'local', createdAt: new Date().toISOString() });

function setup() {
  const accounts = new MemoryAccounts();
  const broker = new Broker();
  const a = account();
  accounts.accounts.set(a.userId, a);
  const service = new RegistrationService(accounts as unknown as AccountStore, broker, pino({ level: 'silent' }));
  return { accounts, broker, service, fresh: () => ({ ...accounts.accounts.get(a.userId)! }) };
}

describe('RegistrationService', () => {
  it('publishes user.registered once with a stable message id and remembers it', async () => {
    const { broker, service, fresh } = setup();
    await service.ensureRegistered(fresh());
    await service.ensureRegistered(fresh());
    expect(broker.published).toEqual([{ id: 'user.registered:u_0123456789', payload: { userId: 'u_0123456789', login: 'Ada', appName: 'ada', provider: 'local' } }]);
    expect(fresh().registeredAt).toBeDefined();
  });

  it('publishes once when sign-ins race with the same stale account in hand', async () => {
    const { broker, service, fresh } = setup();
    const stale = fresh();
    await Promise.all([service.ensureRegistered(stale), service.ensureRegistered(stale), service.ensureRegistered(stale)]);
    await service.ensureRegistered(stale); // after the race, still holding the stale copy
    expect(broker.published).toHaveLength(1);
  });

  it('fails the sign-in with AUTH.UNAVAILABLE when the broker does not confirm, and publishes on the next one', async () => {
    const { broker, service, fresh } = setup();
    broker.failNext = true;
    const error = await service.ensureRegistered(fresh()).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('AUTH.UNAVAILABLE');
    expect(fresh().registeredAt).toBeUndefined();
    await service.ensureRegistered(fresh());
    expect(broker.published).toHaveLength(1);
  });
});
