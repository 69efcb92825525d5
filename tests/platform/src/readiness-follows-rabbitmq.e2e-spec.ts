import { eventually, infra } from '@imad/testing';
import { processStartTime, readyStatus, services } from './services';

// Stopping the broker must make every service say "not ready" (so traffic and work
// go elsewhere) and starting it again must bring them back without a restart.
describe('readiness follows RabbitMQ', () => {
  afterAll(async () => {
    await infra('start', 'rabbitmq');
  });

  it('turns /readyz to 503 while RabbitMQ is down and back to 200 after, with no service restart', async () => {
    const before = await Promise.all(services.map(({ port }) => readyStatus(port)));
    expect(before.map((r) => r.status)).toEqual(services.map(() => 200));
    const startedAt = await Promise.all(services.map(({ port }) => processStartTime(port)));

    await infra('stop', 'rabbitmq');
    for (const { name, port } of services) {
      const down = await eventually(`${name} to report not ready`, async () => {
        const r = await readyStatus(port);
        return r.status === 503 ? r : undefined;
      }, 30_000, 250);
      expect(down.body.checks?.rabbitmq).toBe(false);
    }

    await infra('start', 'rabbitmq');
    for (const { name, port } of services) {
      const up = await eventually(`${name} to be ready again`, async () => {
        const r = await readyStatus(port);
        return r.status === 200 ? r : undefined;
      }, 60_000, 250);
      expect(up.body.checks?.rabbitmq).toBe(true);
    }
    expect(await Promise.all(services.map(({ port }) => processStartTime(port)))).toEqual(startedAt);
  });
});
