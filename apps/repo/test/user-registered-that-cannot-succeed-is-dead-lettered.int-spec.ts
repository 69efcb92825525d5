import { connect } from 'amqplib';
import { RepoInfoRpc, RepoProvision, UserRegistered } from '@imad/contracts';
import { AmqpConnection, MessagingHeaders, Publisher } from '@imad/messaging';
import { createLogger } from '@imad/observability';
import { eventually } from '@imad/testing';
import { newStudent, startRepo, type RunningRepo } from './support/repo-service';

describe('a user.registered that can never be provisioned', () => {
  let repo: RunningRepo;
  beforeAll(async () => (repo = await startRepo()));
  afterAll(() => repo.close());

  it('goes to repo.user-registered.dlq at once with the reason, and creates nothing', async () => {
    const owner = newStudent();
    await repo.call(RepoProvision, owner);
    const intruder = { ...newStudent(), appName: owner.appName, provider: 'local' as const };
    const connection = new AmqpConnection({ url: repo.amqpUrl, connectionName: 'auth-double', logger: createLogger('auth-double', 'silent') });
    await connection.start();
    await new Publisher(connection).publishEvent(UserRegistered, intruder);
    await connection.close();

    const conn = await connect(repo.amqpUrl);
    const ch = await conn.createChannel();
    const dead = await eventually('the message in the DLQ', async () => (await ch.get('repo.user-registered.dlq', { noAck: true })) || undefined, 20_000);
    const headers = dead.properties.headers ?? {};
    expect(String(headers[MessagingHeaders.reason] ?? headers[MessagingHeaders.lastError] ?? '')).toMatch(/REPO\.FORBIDDEN/);
    expect(JSON.parse(dead.content.toString()).payload.userId).toBe(intruder.userId);
    // One attempt only: a permanent failure is not retried.
    expect(Number(headers[MessagingHeaders.attempt] ?? 1)).toBe(1);
    await conn.close();
    await expect(repo.call(RepoInfoRpc, { userId: intruder.userId })).rejects.toMatchObject({ code: 'REPO.NOT_FOUND' });
  });
});
