import { AppError, type DeployStatus } from '@imad/contracts';
import { createLogger } from '@imad/observability';
import { loadServiceConfig } from '../config';
import { GatewayError } from '../http/gateway-error';
import { DeployEnqueuer } from './deploy-enqueuer';

const config = loadServiceConfig({ AMQP_URL: 'amqp://localhost', REDIS_URL: 'redis://localhost', APPS_URL_TEMPLATE: 'https://{app}.apps.example.org/' });
const student = { userId: 'u_alice0001', login: 'alice', appName: 'alice' };
const commit = 'c'.repeat(40);

function setup(send: () => Promise<{ id: string }>) {
  const transitions: Partial<DeployStatus>[] = [];
  const requested: Record<string, unknown>[] = [];
  const status = {
    requestDeploy: async (input: Record<string, unknown>) => {
      requested.push(input);
      return { revision: 7, status: { ...input, revision: 7, phase: 'queued', at: '2026-01-01T00:00:00.000Z' } };
    },
    transition: async (s: Partial<DeployStatus>) => (transitions.push(s), { outcome: 'applied' }),
  };
  const sent: Record<string, unknown>[] = [];
  const queue = { sendDeployRequest: async (p: Record<string, unknown>) => (sent.push(p), send()) };
  const enqueuer = new DeployEnqueuer(status as never, queue as never, config, createLogger('test', 'silent'));
  return { enqueuer, transitions, requested, sent };
}

describe('DeployEnqueuer', () => {
  it('records the request, then queues it under the same deploy id and revision', async () => {
    const { enqueuer, requested, sent } = setup(async () => ({ id: 'x' }));
    const accepted = await enqueuer.enqueue(student, { action: 'deploy', commit, cloneUrl: 'http://git/alice.git' });

    expect(requested[0]).toMatchObject({ app: 'alice', userId: 'u_alice0001', action: 'deploy', commit, url: 'https://alice.apps.example.org/' });
    expect(sent[0]).toMatchObject({ deployId: accepted.deployId, revision: 7, app: 'alice', commit, cloneUrl: 'http://git/alice.git', requestedAt: '2026-01-01T00:00:00.000Z' });
    expect(accepted).toMatchObject({ revision: 7, status: { phase: 'queued' } });
  });

  it('marks the deploy failed(internal) and answers 503 when RabbitMQ does not confirm', async () => {
    const { enqueuer, transitions } = setup(async () => {
      throw new AppError('MESSAGING.NOT_CONFIRMED', 'nacked');
    });
    const error = await enqueuer.enqueue(student, { action: 'deploy', commit, cloneUrl: 'http://git/alice.git' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ status: 503, code: 'DEPLOY.UNAVAILABLE' });
    expect(transitions).toEqual([expect.objectContaining({ revision: 7, phase: 'failed', reason: 'internal', app: 'alice' })]);
  });
});
