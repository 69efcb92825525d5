import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { z } from 'zod';
import { defineMessage } from '@imad/contracts';
import { createLogger, ObservabilityModule, Readiness } from '@imad/observability';
import { AmqpConnection, ConsumerHost, MessagingModule, Publisher } from '../src';
import { amqpUrl, deleteQueues, eventually, inspector, uniqueName } from './support';

const Noted = defineMessage(`test.noted.${randomUUID().slice(0, 8)}`, 1, z.object({ text: z.string() }));

describe('MessagingModule in a Nest application', () => {
  const queue = uniqueName('module');
  let app: INestApplicationContext | undefined;

  afterAll(async () => {
    await app?.close();
    const look = await inspector();
    await deleteQueues(look.ch, queue);
    await look.close();
  });

  it('connects on init, reports readiness, delivers events with metrics, and closes on shutdown', async () => {
    const logger = createLogger('module-test', 'silent');
    @Module({ imports: [ObservabilityModule.forService('module-test', logger), MessagingModule.forRoot({ url: amqpUrl(), connectionName: 'module-test' })] })
    class TestAppModule {}
    app = await NestFactory.createApplicationContext(TestAppModule, { logger: false });
    const readiness = app.get(Readiness);
    expect(await readiness.evaluate()).toMatchObject({ ready: true, checks: { rabbitmq: true } });

    const seen: string[] = [];
    await app.get(ConsumerHost).subscribeEvent({ queue, contract: Noted, handler: async ({ text }) => void seen.push(text) });
    await app.get(Publisher).publishEvent(Noted, { text: 'hello' });
    await eventually('the event', () => seen.includes('hello'), 10_000);
    const metrics = await app.get(Registry).metrics();
    expect(metrics).toMatch(new RegExp(`imad_messages_consumed_total\\{queue="${queue}",outcome="ack",service="module-test"\\} 1`));

    const connection = app.get(AmqpConnection);
    await app.close();
    app = undefined;
    expect(connection.isConnected).toBe(false);
    expect((await readiness.evaluate()).checks.rabbitmq).toBe(false);
  });
});
